// A minimal client for Firefox's own remote debugging protocol (RDP), for the one thing WebDriver BiDi will not
// do: reach the extension's pages. BiDi hides every moz-extension document (its background page, the popup, and
// the panel and mark frames inside a site's page; Firefox bug 1755014), so the tests read those the way
// Firefox's add-on debugger does: the add-on's watcher lists each of its documents, and each has a console to
// evaluate in. Packets are `<length>:<JSON>`; replies come in order per actor.
import net from "node:net";

const EVENTS = new Set(["target-available-form", "target-destroyed-form", "evaluationResult"]);

export class RDP {
  #buffer = Buffer.alloc(0);
  #waiting = new Map(); // actor -> [{resolve, reject}] in request order
  #hello = null;
  #listeners = new Set();

  static async connect(port, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const client = new RDP();
      try {
        await client.#open(port);
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100)); // the debugger server starts with the browser
      }
    }
  }

  #open(port) {
    return new Promise((resolve, reject) => {
      this.socket = net.connect(port, "127.0.0.1");
      this.socket.once("error", reject);
      this.#hello = resolve;
      this.socket.on("data", (data) => this.#read(data));
    });
  }

  #read(data) {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      const colon = this.#buffer.indexOf(":");
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      this.#dispatch(packet);
    }
  }

  #dispatch(packet) {
    if (this.#hello) {
      const hello = this.#hello;
      this.#hello = null;
      hello(packet);
      return;
    }
    for (const listener of this.#listeners) listener(packet);
    if (EVENTS.has(packet.type)) return;
    const waiter = this.#waiting.get(packet.from)?.shift();
    if (!waiter) return; // an event we do not follow
    if (packet.error) waiter.reject(new Error(`${packet.error}: ${packet.message}`));
    else waiter.resolve(packet);
  }

  on(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  request(to, type, extra = {}) {
    return new Promise((resolve, reject) => {
      if (!this.#waiting.has(to)) this.#waiting.set(to, []);
      this.#waiting.get(to).push({ resolve, reject });
      const text = JSON.stringify({ to, type, ...extra });
      this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    });
  }

  close() {
    this.socket?.destroy();
  }
}

// The extension's documents, kept current: {url, consoleActor} for each. The add-on's own watcher lists its
// background page (and pages it opens in tabs, such as the popup); the panel and mark frames a content script
// adds to a site's page belong to that tab, so each tab is watched too (watchTabs, after a tab opens).
export async function watchAddon(rdp, addonId) {
  const { addons } = await rdp.request("root", "listAddons");
  const addon = addons.find((a) => a.id === addonId);
  if (!addon) throw new Error(`the add-on ${addonId} is not installed`);
  const documents = new Map(); // target actor -> form
  rdp.on((packet) => {
    if (packet.type === "target-available-form") documents.set(packet.target.actor, packet.target);
    if (packet.type === "target-destroyed-form") documents.delete(packet.target.actor);
  });
  const watcher = await rdp.request(addon.actor, "getWatcher", { isServerTargetSwitchingEnabled: true });
  await rdp.request(watcher.actor, "watchTargets", { targetType: "frame" });
  return documents;
}

const watchedTabs = new Set();

export async function watchTabs(rdp) {
  const { tabs } = await rdp.request("root", "listTabs");
  for (const tab of tabs) {
    if (watchedTabs.has(tab.actor)) continue;
    watchedTabs.add(tab.actor);
    const watcher = await rdp.request(tab.actor, "getWatcher", { isServerTargetSwitchingEnabled: true });
    await rdp.request(watcher.actor, "watchTargets", { targetType: "frame" });
  }
}

// Evaluate `source` (an expression; a promise is awaited) in one extension document and return its value, which
// must survive JSON.
export async function evaluate(rdp, consoleActor, source) {
  const text = `(async () => JSON.stringify({ value: await (${source}) }))()`;
  let off = () => {};
  const result = new Promise((resolve, reject) => {
    let id = null;
    const early = [];
    const settle = (packet) => {
      if (packet.exception || packet.hasException) {
        reject(new Error(`in the extension: ${JSON.stringify(packet.exceptionMessage || packet.exception)}`));
      } else resolve(packet.result);
    };
    off = rdp.on((packet) => {
      if (packet.type !== "evaluationResult" || packet.from !== consoleActor) return;
      if (id === null) early.push(packet);
      else if (packet.resultID === id) settle(packet);
    });
    rdp.request(consoleActor, "evaluateJSAsync", { text, mapped: { await: true } }).then((reply) => {
      id = reply.resultID;
      const done = early.find((p) => p.resultID === id);
      if (done) settle(done);
    }, reject);
  });
  try {
    const value = await result;
    const text = typeof value === "string" ? value : value?.type === "longString" ? null : value;
    if (text === null) throw new Error("the extension's answer was too long to read");
    return JSON.parse(text).value;
  } finally {
    off();
  }
}
