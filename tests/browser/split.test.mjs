// Splitting a too long text into documents (www/doc-model.js splitText), in plain Node: the parts
// join back to the text exactly, none is longer than the limit, and cuts fall after a blank line,
// else a line break, else a space, never inside a surrogate pair or a CRLF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitText } from '../../www/doc-model.js';

function check(text, max) {
  const parts = splitText(text, max);
  assert.equal(parts.join(''), text, 'lossless');
  for (const p of parts) {
    assert.ok(p.length <= max, `part of ${p.length} > ${max}`);
    assert.ok(p.length > 0 || text === '', 'no empty part');
  }
  return parts;
}

test('a short text is one part', () => {
  assert.deepEqual(check('Bonjour.', 100), ['Bonjour.']);
  assert.deepEqual(check('', 100), ['']);
});

test('cuts after the last blank line before the limit', () => {
  const text = 'Premier paragraphe.\n\nDeuxième paragraphe, plus long.\n\nTroisième.';
  const parts = check(text, 40);
  assert.equal(parts[0], 'Premier paragraphe.\n\n');
  assert.ok(parts.every((p, i) => i === parts.length - 1 || p.endsWith('\n\n') || p.endsWith('\n') || p.endsWith(' ')));
});

test('CRLF blank lines count as blank lines, and a CRLF is never cut', () => {
  const text = 'Un paragraphe\r\n\r\nun autre paragraphe qui continue';
  const parts = check(text, 25);
  assert.equal(parts[0], 'Un paragraphe\r\n\r\n');
  const noBreaks = 'a'.repeat(9) + '\r\n' + 'b'.repeat(9);
  for (const p of check(noBreaks, 10)) assert.ok(!p.endsWith('\r') || p === noBreaks, `cut inside CRLF: ${JSON.stringify(p)}`);
});

test('falls back to a line break, then a space, then the limit', () => {
  assert.equal(check('ligne un\nligne deux qui est longue', 20)[0], 'ligne un\n');
  assert.equal(check('mot mot mot mot mot mot', 10)[0], 'mot mot ');
  assert.deepEqual(check('x'.repeat(25), 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
});

test('never inside a surrogate pair (emoji)', () => {
  const text = '🙂'.repeat(20); // 40 UTF-16 units, no space
  for (const p of check(text, 7)) {
    const last = p.charCodeAt(p.length - 1);
    assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'a part ends with a high surrogate');
  }
});

test('a million characters split into parts that join back', () => {
  const unit = '« Nous resterons », a déclaré Ashraf Ghani à Kaboul.\n\n';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const parts = check(text, 300_000);
  assert.ok(parts.length >= Math.ceil(text.length / 300_000) && parts.length <= Math.ceil(text.length / 300_000) + 1, `${parts.length} parts`);
  assert.ok(parts.slice(0, -1).every((p) => p.endsWith('\n\n')));
});

test('a limit below 2 is refused', () => {
  assert.throws(() => splitText('abc', 1), RangeError);
});
