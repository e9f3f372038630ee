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
            // <p><br></p> is how editors draw an empty line: the block boundary already counts it.
            const alone = child.parentNode !== root && child.parentNode.childNodes.length === 1;
            if (!alone && !child.hasAttribute("data-lexical-linebreak-ignore")) text += "\n";
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

  function insertAt(el, start, end, replacement) {
    select(el, start, end);
    // Deprecated but still the one call every editor honours: it fires beforeinput(insertText), which Lexical,
    // Draft.js, ProseMirror and Quill handle through their own state, then input.
    if (!document.execCommand("insertText", false, replacement)) {
      const r = window.getSelection().getRangeAt(0);
      r.deleteContents();
      r.insertNode(document.createTextNode(replacement));
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: replacement }));
    }
  }

  // Replace each [start, end) with its replacement inside the editor; returns whether the editor now holds the
  // expected text (the caller tells the person if not: never a silent half-edit).
  function replace(el, edits, expected) {
    if (isField(el)) {
      setFieldValue(el, expected);
      return el.value === expected;
    }
    for (const e of [...edits].sort((a, b) => b.start - a.start)) insertAt(el, e.start, e.end, e.replacement);
    if (read(el) === expected) return true;
    // Some editor normalised differently: fall back to replacing the whole text in one edit.
    insertAt(el, 0, read(el).length, expected);
    return read(el) === expected;
  }

  globalThis.ClientSafeText = { read, select, replace, model };
})();
