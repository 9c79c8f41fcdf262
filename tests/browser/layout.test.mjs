// The highlight tree (www/layout.js), in plain Node: spans that nest and cross become a
// properly nested tree; entities are never split; split claim parts join back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout, walk } from '../../www/layout.js';

/** Span of the `nth` occurrence of `needle` in `text`, in UTF-16 units. */
function span(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `${needle} not in text`);
  }
  return { start: at, end: at + needle.length };
}

/** Checks the tree invariants and returns readable facts about it. */
function check(text, annotation) {
  const { root, dropped } = layout(annotation, text.length);
  const visit = (node) => {
    let pos = node.start;
    for (const child of node.children) {
      assert.ok(child.start >= pos, 'children sorted and disjoint');
      assert.ok(child.start < child.end, 'no empty node');
      assert.ok(child.end <= node.end, 'child inside its parent');
      pos = child.end;
      visit(child);
    }
  };
  visit(root);
  const nodes = [...walk(root)];
  const entities = nodes.filter((n) => n.type === 'entity');
  const parts = nodes.filter((n) => n.type === 'part');
  // Every claim part, joined from its pieces in document order, is contiguous and exact.
  const joined = new Map();
  for (const p of [...parts].sort((a, b) => a.start - b.start)) {
    const key = `${p.claim}/${p.role}`;
    const prev = joined.get(key);
    if (prev) assert.equal(prev.end, p.start, `${key}: pieces are contiguous`);
    joined.set(key, { start: prev ? prev.start : p.start, end: p.end, pieces: (prev?.pieces ?? 0) + 1 });
  }
  return {
    dropped,
    entities: entities.map((e) => `${e.label}:${text.slice(e.start, e.end)}`),
    parts: Object.fromEntries(
      [...joined].map(([k, v]) => [k, { text: text.slice(v.start, v.end), pieces: v.pieces }]),
    ),
    nodes,
    root,
  };
}

test('the source « il » nests inside the cue « a-t-il déclaré »', () => {
  const text = '« Nous resterons », a-t-il déclaré.';
  const cue = span(text, 'a-t-il déclaré');
  const source = { start: cue.start + 4, end: cue.start + 6 };
  const r = check(text, {
    entities: [],
    claims: [{ kind: 'direct', content: span(text, 'Nous resterons'), cue, source, hedged: false }],
  });
  assert.deepEqual(r.parts, {
    '0/content': { text: 'Nous resterons', pieces: 1 },
    '0/cue': { text: 'a-t-il déclaré', pieces: 1 },
    '0/source': { text: 'il', pieces: 1 },
  });
  const cueNode = r.nodes.find((n) => n.role === 'cue');
  assert.equal(cueNode.children.length, 1);
  assert.equal(cueNode.children[0].role, 'source');
});

test('an entity straddling the end of a content stays whole; the content is split', () => {
  const text = 'Il a dit que Jean Valjean est parti.';
  // A (wrong but possible) content « que Jean » ending inside the name « Jean Valjean ».
  const r = check(text, {
    entities: [{ ...span(text, 'Jean Valjean'), label: 'PER' }],
    claims: [{ kind: 'indirect', content: span(text, 'que Jean'), cue: span(text, 'a dit'), source: span(text, 'Il'), hedged: false }],
  });
  assert.deepEqual(r.entities, ['PER:Jean Valjean']);
  assert.deepEqual(r.parts['0/content'], { text: 'que Jean', pieces: 2 });
  const ent = r.nodes.find((n) => n.type === 'entity');
  assert.equal(ent.children.length, 1, 'the second piece of the content lies inside the entity');
  assert.equal(text.slice(ent.children[0].start, ent.children[0].end), 'Jean');
});

test('an entity starting before a content and ending inside it stays whole', () => {
  const text = 'Paul Mercier Dupont a parlé.';
  const r = check(text, {
    entities: [{ ...span(text, 'Paul Mercier'), label: 'PER' }],
    claims: [{ kind: 'unattributed', content: span(text, 'Mercier Dupont a parlé'), cue: null, source: null, hedged: false }],
  });
  assert.deepEqual(r.entities, ['PER:Paul Mercier']);
  assert.deepEqual(r.parts['0/content'], { text: 'Mercier Dupont a parlé', pieces: 2 });
});

test('entities inside a content nest without splitting it; a source equal to an entity wraps it', () => {
  const text = '« Le 15 juillet 2016, 3 500 soldats », a déclaré Ashraf Ghani.';
  const r = check(text, {
    entities: [
      { ...span(text, '15 juillet 2016'), label: 'DATE' },
      { ...span(text, '3 500'), label: 'NUM' },
      { ...span(text, 'Ashraf Ghani'), label: 'PER' },
    ],
    claims: [{
      kind: 'direct',
      content: span(text, 'Le 15 juillet 2016, 3 500 soldats'),
      cue: span(text, 'a déclaré'),
      source: span(text, 'Ashraf Ghani'),
      hedged: false,
    }],
  });
  assert.deepEqual(r.entities, ['DATE:15 juillet 2016', 'NUM:3 500', 'PER:Ashraf Ghani']);
  assert.equal(r.parts['0/content'].pieces, 1);
  const content = r.nodes.find((n) => n.role === 'content');
  assert.deepEqual(content.children.map((c) => c.label), ['DATE', 'NUM']);
  const source = r.nodes.find((n) => n.role === 'source');
  assert.deepEqual(source.children.map((c) => c.label), ['PER']);
});

test('two claims whose parts cross are split, never lost', () => {
  const text = 'Selon X, A dit que B est là.';
  const r = check(text, {
    entities: [],
    claims: [
      { kind: 'according_to', content: span(text, 'A dit que B'), cue: span(text, 'Selon'), source: span(text, 'X'), hedged: false },
      { kind: 'indirect', content: span(text, 'B est là'), cue: span(text, 'dit'), source: span(text, 'A'), hedged: false },
    ],
  });
  assert.deepEqual(r.parts['0/content'], { text: 'A dit que B', pieces: 1 });
  assert.deepEqual(r.parts['1/content'], { text: 'B est là', pieces: 2 });
  assert.equal(r.parts['1/cue'].text, 'dit');
  assert.equal(r.parts['1/source'].text, 'A');
});

test('invalid and overlapping spans are dropped and counted, not rendered', () => {
  const text = 'abcdef';
  const r = check(text, {
    entities: [
      { start: 0, end: 3, label: 'ORG' },
      { start: 2, end: 5, label: 'LOC' }, // overlaps the first entity
      { start: 4, end: 4, label: 'NUM' }, // empty
      { start: 5, end: 99, label: 'NUM' }, // past the end
    ],
    claims: [{ kind: 'unattributed', content: { start: -1, end: 2 }, cue: null, source: null }],
  });
  assert.deepEqual(r.entities, ['ORG:abc']);
  assert.equal(r.dropped, 4);
  assert.deepEqual(r.parts, {});
});

test('random overlapping spans always give a valid tree with whole entities', () => {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const text = 'x'.repeat(60);
  for (let round = 0; round < 300; round++) {
    const entities = [];
    for (let pos = rand(4); pos < 58; pos += 2 + rand(8)) {
      const end = Math.min(60, pos + 1 + rand(5));
      entities.push({ start: pos, end, label: 'MISC' });
      pos = end;
    }
    const claims = [];
    for (let c = 0; c < 1 + rand(4); c++) {
      const s = () => {
        const a = rand(60);
        return { start: a, end: a + 1 + rand(60 - a) };
      };
      claims.push({ kind: 'direct', content: s(), cue: rand(2) ? s() : null, source: rand(2) ? s() : null });
    }
    const r = check(text, { entities, claims });
    assert.equal(r.dropped, 0);
    assert.equal(r.entities.length, entities.length, 'every entity is one node');
    for (const [key, v] of Object.entries(r.parts)) {
      const [claim, role] = key.split('/');
      const want = claims[Number(claim)][role];
      assert.equal(v.text.length, want.end - want.start, `${key} covered exactly`);
    }
  }
});
