// Offsets: the wasm module gives UTF-16 code units (JavaScript string indices); the page's
// data-start/data-end attributes, like every Balise file, count Unicode code points
// (Python str indices, Array.from(text) indices). This is the one place that converts.

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Returns a function mapping a UTF-16 offset into `text` to a code point offset.
 * Built once per text in O(n); each call is O(1). Without surrogates both units coincide.
 * An offset between the two halves of a surrogate pair maps to the code point it splits
 * (the wasm module never produces one).
 *
 *   const toCodePoint = utf16ToCodePoints('🙂 Élysée');
 *   toCodePoint(3) === 2   // the emoji is two UTF-16 units but one code point
 */
export function utf16ToCodePoints(text) {
  if (!SURROGATE.test(text)) {
    return (offset) => clamp(offset, text.length);
  }
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    const isPair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPair) {
      table[i + 1] = cp;
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return (offset) => table[clamp(offset, text.length)];
}

function clamp(offset, max) {
  if (!(offset >= 0)) return 0;
  return offset > max ? max : offset;
}

/** The code point slice [start, end) of `text`, as the tests and file formats read it. */
export function codePointSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}
