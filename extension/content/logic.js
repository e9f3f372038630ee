// Pure logic shared by the content scripts, the popup and the Node unit tests (tests/extension/): no DOM, no
// chrome.* calls. Loaded as a classic content script (it sets globalThis.ClientSafeLogic) and as a CommonJS
// module under `node --test`.
(() => {
  // Verdict offsets are UTF-16 code units, which is exactly how JavaScript indexes strings, so they apply to
  // the text as read with no conversion. The suggestions that apply to this text come last first, so earlier
  // offsets stay valid while they are applied; of overlapping suggestions, only the later-starting one is kept.
  function suggestionEdits(text, suggestions) {
    const ordered = [...(suggestions || [])]
      .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end && s.end <= text.length)
      .sort((a, b) => b.start - a.start);
    const kept = [];
    let lastStart = Infinity;
    for (const s of ordered) {
      if (s.end > lastStart) continue;
      kept.push(s);
      lastStart = s.start;
    }
    return kept;
  }

  function applySuggestions(text, suggestions) {
    let out = text;
    for (const s of suggestionEdits(text, suggestions)) out = out.slice(0, s.start) + s.replacement + out.slice(s.end);
    return out;
  }

  // The post split into plain and highlighted pieces for the warning panel; overlapping findings merge.
  function segments(text, findings) {
    const spans = (findings || [])
      .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end && f.end <= text.length)
      .map((f) => ({ start: f.start, end: f.end, types: [f.type] }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const merged = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span.start < last.end) {
        last.end = Math.max(last.end, span.end);
        for (const t of span.types) if (!last.types.includes(t)) last.types.push(t);
      } else {
        merged.push({ ...span, types: [...span.types] });
      }
    }
    const out = [];
    let at = 0;
    for (const span of merged) {
      if (span.start > at) out.push({ text: text.slice(at, span.start), mark: false });
      out.push({ text: text.slice(span.start, span.end), mark: true, types: span.types });
      at = span.end;
    }
    if (at < text.length) out.push({ text: text.slice(at), mark: false });
    return out;
  }

  // A long post is shown around its highlights only: each plain piece longer than `keep` characters is cut to
  // its ends, so the panel stays small and the risky phrases stay in view.
  function excerpt(pieces, keep = 80) {
    return pieces.map((p, i) => {
      if (p.mark || p.text.length <= keep) return p;
      const first = i === 0;
      const last = i === pieces.length - 1;
      const half = Math.floor(keep / 2);
      if (first) return { ...p, text: `…${p.text.slice(-keep)}` };
      if (last) return { ...p, text: `${p.text.slice(0, keep)}…` };
      return { ...p, text: `${p.text.slice(0, half)} … ${p.text.slice(-half)}` };
    });
  }

  // Handles and page addresses compared the way sites treat them: case-insensitive, without "@", without the
  // scheme, host or trailing slash, so "@HopeHouse", "hopehouse" and "https://x.com/HopeHouse/" are one account.
  function normaliseAccount(value) {
    let v = String(value || "").trim().toLowerCase();
    v = v.replace(/^https?:\/\/[^/]+\//, "").replace(/^@/, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
    return v;
  }

  // "org" when the account the person is acting as is one the policy lists for this site, else "personal".
  function accountType(identity, site, orgAccounts) {
    if (!identity) return "personal";
    const listed = [...((orgAccounts || {})[site] || []), ...((orgAccounts || {})["*"] || [])].map(normaliseAccount);
    return listed.includes(normaliseAccount(identity)) ? "org" : "personal";
  }

  // What the post-time hold should do for a verdict, given the policy (GET /v1/config: fail_mode and
  // overrides {needs_reason, block_can_be_overridden}). Returns {hold, canSend, needsReason}. With no policy
  // known yet, a block needs a reason and a warning does not.
  function holdRule(verdict, policy) {
    const failMode = policy?.fail_mode || "warn";
    const overrides = policy?.overrides || {};
    const action = verdict?.action || "error";
    if (action === "allow") return { hold: false, canSend: true, needsReason: false };
    if (action === "error") {
      if (failMode === "allow") return { hold: false, canSend: true, needsReason: false };
      return { hold: true, canSend: failMode !== "block", needsReason: false };
    }
    const needsReason = overrides.needs_reason === undefined ? action === "block" : !!overrides.needs_reason;
    if (action === "block") return { hold: true, canSend: overrides.block_can_be_overridden !== false, needsReason };
    return { hold: true, canSend: true, needsReason };
  }

  // The one status a popup shows for a tab, in priority order: the app first (nothing works without it), then
  // the page.
  function tabStatus({ tray, page }) {
    if (["not_paired", "keyring", "starting", "busy"].includes(tray)) return tray;
    if (tray && tray !== "ok") return "not_running";
    if (!page || !page.site) return "unsupported";
    if (page.unheld > 0) return "cannot_hold";
    if (page.recognised > 0) return "protected";
    if (page.unrecognised > 0) return "not_recognised";
    return "waiting";
  }

  const api = { applySuggestions, suggestionEdits, segments, excerpt, normaliseAccount, accountType, holdRule, tabStatus };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else globalThis.ClientSafeLogic = api;
})();
