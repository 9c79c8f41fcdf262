// UTF-16 → code point conversion (www/offsets.js), in plain Node: no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf16ToCodePoints, codePointSlice } from '../../www/offsets.js';

/** The obvious (slow) definition: code points in the UTF-16 prefix. */
function reference(text, u16) {
  return Array.from(text.slice(0, u16)).length;
}

test('an emoji counts as one code point but two UTF-16 units', () => {
  const text = '🙂 Élysée';
  const toCp = utf16ToCodePoints(text);
  assert.equal(toCp(0), 0);
  assert.equal(toCp(2), 1); // after the emoji
  assert.equal(toCp(3), 2); // « É »
  assert.equal(toCp(text.length), 8);
  assert.equal(codePointSlice(text, 2, 8), 'Élysée');
});

test('every UTF-16 boundary of odd texts converts like Array.from', () => {
  const texts = [
    '',
    'Le Monde',
    '🙂 Élysée 👨‍👩‍👧 café\u0301 🇫🇷',
    'l’État\u00A0: 3\u202F500 €\r\n« oui »',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301\u0301',
  ];
  for (const text of texts) {
    const toCp = utf16ToCodePoints(text);
    for (let u = 0; u <= text.length; u++) {
      const inPair = u > 0 && u < text.length &&
        (text.charCodeAt(u) & 0xfc00) === 0xdc00 && (text.charCodeAt(u - 1) & 0xfc00) === 0xd800;
      if (inPair) continue; // the wasm module never returns an offset inside a pair
      assert.equal(toCp(u), reference(text, u), `${JSON.stringify(text)} at ${u}`);
    }
  }
});

test('lone surrogates count as one code point each, as Array.from does', () => {
  const text = 'a\uD800b\uDC00c';
  const toCp = utf16ToCodePoints(text);
  for (let u = 0; u <= text.length; u++) assert.equal(toCp(u), reference(text, u));
});

test('offsets outside the text are clamped', () => {
  const toCp = utf16ToCodePoints('🙂a');
  assert.equal(toCp(-1), 0);
  assert.equal(toCp(99), 2);
  assert.equal(utf16ToCodePoints('abc')(99), 3);
});
