// Reading and changing the text of a composer, whatever editor the site uses: a <textarea>/<input>, or a
// contenteditable root run by Lexical, Draft.js, Quill, ProseMirror/TipTap or nothing at all.
//
// The text is read with our own walk so that a string offset maps back to a DOM position exactly (verdict
// offsets, selecting a phrase for Edit, replacing a phrase for Apply suggestions). Changes go through the
// editor's own input path (a selection plus the browser's insertText command, which fires the beforeinput and
// input events these editors listen to), so the editor's state, which is what the site posts, holds the change.
(() => {
  const BLOCKS = new Set(["P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TR"]);
  const isField = (el) => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;

  // {text, points}: points[i] = [textNode, offsetInNode] for each character we took from a text node; line
  // breaks we add for blocks and <br> have no point of their own.
  function model(root) {
    let text = "";
    const points = [];
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const data = child.data;
          for (let i = 0; i < data.length; i++) {
            // Editors keep zero-width placeholders in empty lines (Draft.js, Lexical); they are not the post.
            if (data[i] === "\u200b" || data[i] === "\ufeff") continue;
            points[text.length] = [child, i];
            text += data[i];
          }
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.getAttribute("contenteditable") === "false" && child !== root) continue; // widgets
          if (child.tagName === "BR") {
            // <p><br></p> is how editors draw an empty line: the block boundary before it already ended the
            // previous line, and this <br> is the empty line itself (nothing at all in an empty editor).
            const alone = child.parentNode !== root && child.parentNode.childNodes.length === 1;
            if (!alone || text) text += "\n";
            continue;
          }
          const block = BLOCKS.has(child.tagName);
          if (block && text && !text.endsWith("\n")) text += "\n";
          walk(child);
        }
      }
    };
    walk(root);
    return { text, points };
  }

  function read(el) {
    return isField(el) ? el.value : model(el).text;
  }

  // A DOM Range for [start, end) of read(el), for contenteditable roots.
  function range(el, start, end) {
    const { text, points } = model(el);
    const at = (offset, isEnd) => {
      // The nearest character that has a point: forward for a start, backward for an end.
      if (isEnd) {
        for (let i = offset - 1; i >= 0; i--) if (points[i]) return [points[i][0], points[i][1] + 1];
      } else {
        for (let i = offset; i < text.length; i++) if (points[i]) return points[i];
      }
      return null;
    };
    const a = at(start, false);
    const b = at(end, true);
    const r = document.createRange();
    if (!a || !b) {
      r.selectNodeContents(el);
      r.collapse(false);
      return r;
    }
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  }

  function select(el, start, end) {
    el.focus();
    if (isField(el)) {
      el.setSelectionRange(start, end);
      return;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range(el, start, end));
  }

  // React keeps its own copy of a controlled field's value: set it through the prototype's setter, then
  // announce the change, or React restores the old value on its next render.
  function setFieldValue(el, value) {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  async function selectAll(el) {
    el.focus();
    if (isField(el)) el.select();
    else document.execCommand("selectAll");
    await frames(); // editors (Lexical) pick up a selection change on the next frame, not in the same task
  }

  function paste(el, value) {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }

  // Replace [start, end) of read(el) with `value` through the editor's own input path (a paste on the selected
  // phrase, or insertText where the editor ignores untrusted pastes), so the rest of the post keeps its
  // formatting, mentions and links. True when the editor holds exactly the expected text afterwards.
  async function replaceRange(el, start, end, value) {
    const before = read(el);
    const want = before.slice(0, start) + value + before.slice(end);
    for (const input of [() => paste(el, value), () => document.execCommand("insertText", false, value)]) {
      select(el, start, end);
      await frames(); // Lexical picks up the selection on the next frame
      input();
      await frames();
      const now = read(el);
      if (now === want) return true;
      if (now !== before) return false; // the editor did something else: the caller falls back
    }
    return false;
  }

  // Apply `edits` ({start, end, replacement}, last first, not overlapping) phrase by phrase; where an editor
  // will not take that, replace the whole text instead (formatting inside it is then lost, never the edit).
  async function replacePhrases(el, edits, expected) {
    if (!isField(el)) {
      let ok = true;
      for (const e of edits) if (!(ok = await replaceRange(el, e.start, e.end, e.replacement))) break;
      if (ok && read(el) === expected) return true;
    }
    return replace(el, expected);
  }

  // Replace the whole text inside the editor so that the editor's own state, which is what the site posts,
  // holds it. What works was measured per editor against the real libraries (tests/e2e/fixtures/sites/
  // SELECTORS.md, "Replacing the text"): a synthetic paste for Lexical, Draft.js, Quill and ProseMirror
  // (insertText drops Lexical's new lines and breaks Draft.js's state); insertText for plain contenteditables,
  // which ignore untrusted pastes; the native value setter for textareas, React-controlled or not.
  // Returns whether the editor now holds the expected text: the caller says so when not, never a silent half-edit.
  async function replace(el, expected) {
    if (isField(el)) {
      setFieldValue(el, expected);
      return el.value === expected;
    }
    await selectAll(el);
    paste(el, expected);
    await frames();
    if (read(el) === expected) return true;
    await selectAll(el);
    document.execCommand("insertText", false, expected);
    await frames();
    return read(el) === expected;
  }

  globalThis.ClientSafeText = { read, select, replace, replacePhrases, model };
})();
