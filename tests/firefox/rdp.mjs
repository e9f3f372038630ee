// A minimal client for Firefox's own remote debugging protocol (RDP), for the one thing WebDriver BiDi will not
// do: reach the extension's pages. BiDi hides every moz-extension document (its background page, the popup, and
// the panel and mark frames inside a site's page; Firefox bug 1755014), so the tests read those the way
// Firefox's add-on debugger does: the add-on's watcher lists each of its documents, and each has a console to
// evaluate in. Packets are `<length>:<JSON>`; replies come in order per actor.
//
// Frames come and go under the tests (the page removes a panel frame once the person has answered it; closing a
// tab takes its frames with it), and an actor whose frame has gone never replies. So every request has a timeout
// that rejects with an error naming the request, and a document Firefox reports gone (its target destroyed, or
// its tab's descriptor) leaves the lists at once and rejects whatever was still asked of it.
import net from "node:net";

// Packets Firefox sends unasked: never the reply to a request, even when they come from the actor asked
// (the root announces tabListChanged while a listTabs is on its way).
const EVENTS = new Set([
  "target-available-form",
  "target-destroyed-form",
  "descriptor-destroyed",
  "evaluationResult",
  "frameUpdate",
  "tabDetached",
  "tabNavigated",
  "tabListChanged",
  "addonListChanged",
  "workerListChanged",
  "serviceWorkerRegistrationListChanged",
  "processListChanged",
  "forwardingCancelled",
  "resources-available-array",
  "resources-updated-array",
  "resources-destroyed-array",
]);
export const REQUEST_TIMEOUT_MS = 10_000;
export const EVALUATE_TIMEOUT_MS = 5_000;

export class RDP {
  #buffer = Buffer.alloc(0);
  #waiting = new Map(); // actor -> [{resolve, reject}] in request order
  #hello = null;
  #listeners = new Set();
  #closed = null; // why the connection ended, once it has

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
      this.socket.on("close", () => this.#fail(new Error("Firefox closed its debugging connection")));
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
    this.announce(packet);
    if (EVENTS.has(packet.type)) return;
    // A late reply still takes its (timed-out) waiter's place: replies come in order per actor.
    const waiter = this.#waiting.get(packet.from)?.shift();
    if (!waiter) return; // an event we do not follow
    if (packet.error) waiter.reject(new Error(`${packet.error}: ${packet.message}`));
    else waiter.resolve(packet);
  }

  // Hand a packet (Firefox's, or one of ours such as document-gone) to every listener.
  announce(packet) {
    for (const listener of this.#listeners) listener(packet);
  }

  // Reject every request still waiting on these actors: they will get no reply.
  forget(actors, why) {
    for (const actor of actors) {
      const queue = this.#waiting.get(actor);
      this.#waiting.delete(actor);
      for (const waiter of queue || []) waiter.reject(new Error(`${waiter.what}: no reply, ${why}`));
    }
  }

  #fail(error) {
    this.#closed ??= error;
    for (const [, queue] of this.#waiting) for (const waiter of queue) waiter.reject(error);
    this.#waiting.clear();
    this.announce({ type: "connection-closed", error });
  }

  on(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // One request and its reply; rejects with an error naming the request when none comes within `timeoutMs`.
  request(to, type, extra = {}, timeoutMs = REQUEST_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const what = `RDP ${type} to ${to}`;
      if (this.#closed) {
        reject(new Error(`${what}: ${this.#closed.message}`));
        return;
      }
      const timer = setTimeout(
        () => reject(new Error(`${what}: no reply from Firefox in ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      const done = (settle) => (value) => {
        clearTimeout(timer);
        settle(value);
      };
      if (!this.#waiting.has(to)) this.#waiting.set(to, []);
      this.#waiting.get(to).push({ what, resolve: done(resolve), reject: done(reject) });
      const text = JSON.stringify({ to, type, ...extra });
      this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    });
  }

  close() {
    this.socket?.destroy();
  }
}

// The extension's documents, kept current: target actor -> {url, consoleActor, ...} for each live one. The
// add-on's own watcher lists its background page (and pages it opens in tabs, such as the popup); the panel and
// mark frames a content script adds to a site's page belong to that tab, so each tab is watched too (watchTabs,
// after a tab opens). A document leaves the list as soon as Firefox says it has gone (its target destroyed, its
// frame removed, its tab closed: a closed tab's watcher reports nothing about its frames, only the tab's
// descriptor-destroyed), so the runner never evaluates in a frame the page has removed; requests still waiting on
// it are rejected and listeners hear {type: "document-gone", consoleActor}.
export class Documents extends Map {
  #rdp;
  #byWatcher = new Map(); // watcher actor -> its tab actor (undefined for the add-on's own)
  #tabWatcher = new Map(); // tab actor -> watcher actor

  constructor(rdp) {
    super();
    this.#rdp = rdp;
    rdp.on((packet) => this.#follow(packet));
  }

  delete(actor) {
    const doc = this.get(actor);
    if (!doc) return false;
    super.delete(actor);
    this.#rdp.forget([doc.actor, doc.consoleActor], `${doc.url} has gone`);
    this.#rdp.announce({ type: "document-gone", consoleActor: doc.consoleActor });
    return true;
  }

  // Only the frames of watchers we started: the add-on's, and those of the tabs we watch.
  #follow(packet) {
    switch (packet.type) {
      case "target-available-form":
        if (this.#byWatcher.has(packet.from)) this.set(packet.target.actor, { ...packet.target, watcher: packet.from });
        break;
      case "target-destroyed-form":
        this.delete(packet.target.actor);
        break;
      case "frameUpdate": // a target's frames removed (all of them, or some, by id)
        for (const [actor, doc] of this) {
          if (packet.destroyAll && actor === packet.from) this.delete(actor);
          for (const frame of packet.frames || []) {
            const ids = [doc.innerWindowId, doc.outerWindowId, doc.browsingContextID];
            if (frame.destroy && ids.includes(frame.id)) this.delete(actor);
          }
        }
        break;
      case "descriptor-destroyed": // a closed tab: the only word about its frames
      case "tabDetached":
      case "forwardingCancelled": {
        const watcher = this.#tabWatcher.get(packet.from);
        for (const [actor, doc] of this) {
          if (actor === packet.from || (watcher && doc.watcher === watcher)) this.delete(actor);
        }
        break;
      }
      case "connection-closed":
        this.clear();
        break;
      default:
    }
  }

  watching(watcher, tab) {
    this.#byWatcher.set(watcher, tab);
    if (tab) this.#tabWatcher.set(tab, watcher);
  }

  // A document whose actors stopped answering (noSuchActor, no reply) is gone too.
  drop(consoleActor) {
    for (const [actor, doc] of this) if (doc.consoleActor === consoleActor) this.delete(actor);
  }

  // The live documents whose address starts with `prefix`, oldest first.
  under(prefix) {
    return [...this.values()].filter((doc) => doc.url?.startsWith(prefix));
  }
}

export async function watchAddon(rdp, addonId) {
  const { addons } = await rdp.request("root", "listAddons");
  const addon = addons.find((a) => a.id === addonId);
  if (!addon) throw new Error(`the add-on ${addonId} is not installed`);
  const documents = new Documents(rdp);
  const watcher = await rdp.request(addon.actor, "getWatcher", { isServerTargetSwitchingEnabled: true });
  documents.watching(watcher.actor, undefined);
  await rdp.request(watcher.actor, "watchTargets", { targetType: "frame" });
  return documents;
}

const watchedTabs = new Set();

// Watch the frames of every tab not yet watched (call after a tab opens).
export async function watchTabs(rdp, documents) {
  const { tabs } = await rdp.request("root", "listTabs");
  for (const tab of tabs) {
    if (watchedTabs.has(tab.actor)) continue;
    watchedTabs.add(tab.actor);
    const watcher = await rdp.request(tab.actor, "getWatcher", { isServerTargetSwitchingEnabled: true });
    documents.watching(watcher.actor, tab.actor);
    await rdp.request(watcher.actor, "watchTargets", { targetType: "frame" });
  }
}

// Evaluate `source` (an expression; a promise is awaited) in one extension document and return its value, which
// must survive JSON. Rejects, naming what it evaluated, when the document goes away before answering or no answer
// comes within `timeoutMs`: an evaluation in a removed frame is otherwise never answered.
export async function evaluate(rdp, consoleActor, source, timeoutMs = EVALUATE_TIMEOUT_MS) {
  const text = `(async () => JSON.stringify({ value: await (${source}) }))()`;
  const what = `evaluating ${JSON.stringify(source.replace(/\s+/g, " ").slice(0, 80))} in ${consoleActor}`;
  let off = () => {};
  let timer = null;
  const result = new Promise((resolve, reject) => {
    let id = null;
    const early = [];
    const settle = (packet) => {
      if (packet.exception || packet.hasException) {
        reject(new Error(`in the extension: ${JSON.stringify(packet.exceptionMessage || packet.exception)}`));
      } else resolve(packet.result);
    };
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs / 1000} s`)), timeoutMs);
    off = rdp.on((packet) => {
      const gone = packet.type === "target-destroyed-form" ? packet.target.consoleActor : packet.consoleActor;
      if (["target-destroyed-form", "document-gone"].includes(packet.type) && gone === consoleActor) {
        reject(new Error(`${what}: the frame was removed`));
      } else if (packet.type === "connection-closed") reject(new Error(`${what}: ${packet.error.message}`));
      if (packet.type !== "evaluationResult" || packet.from !== consoleActor) return;
      if (id === null) early.push(packet);
      else if (packet.resultID === id) settle(packet);
    });
    rdp.request(consoleActor, "evaluateJSAsync", { text, mapped: { await: true } }, timeoutMs).then((reply) => {
      id = reply.resultID;
      const done = early.find((p) => p.resultID === id);
      if (done) settle(done);
    }, reject);
  });
  try {
    const value = await result;
    const text = typeof value === "string" ? value : value?.type === "longString" ? null : value;
    if (text === null) throw new Error("the extension's answer was too long to read");
    if (text === undefined || text?.type === "undefined") throw new Error(`${what}: the frame answered nothing`);
    return JSON.parse(text).value;
  } finally {
    clearTimeout(timer);
    off();
  }
}
