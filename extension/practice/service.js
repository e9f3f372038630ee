// @ts-check
// The practice page's two calls to the ClientSafe app, a round and its result, made by the worker
// (background/tray.js), which alone holds the pairing token and finds the app's port again after a restart.

/** @returns {Promise<{status: number, body: any}>} status 0 when the app (or the worker) did not answer. */
async function ask(message) {
  try {
    const reply = await chrome.runtime.sendMessage(message);
    return reply && typeof reply.status === "number" ? reply : { status: 0, body: {} };
  } catch (e) {
    return { status: 0, body: {} };
  }
}

export const getRound = (lang) => ask({ type: "practice-round", lang });
export const sendResult = (roundId, choices) => ask({ type: "practice-result", roundId, choices });
