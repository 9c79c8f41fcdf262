// Layout: turns an annotation (possibly overlapping spans) into a properly nested tree of
// highlights that the DOM can hold. Pure functions, no DOM: tested with plain `node --test`.
//
// Spans may nest (an entity inside a claim's content) and may cross (the cue « a-t-il »
// contains the source « il »; an entity may straddle the end of a claim's content). The tree
// obeys two rules:
//   * an entity is never split: it is always ONE element;
//   * a claim part (content, cue, source) that crosses another highlight is split into several
//     consecutive pieces, each carrying the same claim number and role. To recover a whole part,
//     join the pieces with that data-claim and data-role in document order: their offsets are
//     contiguous and together cover the part exactly.
// Where two highlights cover exactly the same text, the claim content is outermost, then cue,
// then source, and the entity innermost.
// All offsets here are UTF-16 code units (JavaScript string indices), as the wasm module gives.

/** Claim roles, outermost first when they cover the same text. */
export const ROLES = ['content', 'cue', 'source'];

const RANK = { content: 0, cue: 1, source: 2, entity: 3 };

function rankOf(node) {
  return node.type === 'entity' ? RANK.entity : RANK[node.role];
}

/** Sort order: by start, longer first, then by rank (outer roles first). */
function compare(a, b) {
  return a.start - b.start || b.end - a.end || rankOf(a) - rankOf(b);
}

function validSpan(span, length) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

/** Index of the first entity whose end is after `offset` (entities sorted, disjoint). */
function firstEndingAfter(entities, offset) {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cuts a claim part at the boundaries of the entities that cross it (neither inside it nor
 * containing it), so that no piece crosses an entity.
 */
function cutAtEntities(part, entities) {
  const cuts = [];
  const first = entities[firstEndingAfter(entities, part.start)];
  // An entity that starts before the part and ends inside it.
  if (first && first.start < part.start && first.end < part.end) cuts.push(first.end);
  const lastIndex = firstEndingAfter(entities, part.end - 1);
  const last = entities[lastIndex];
  // An entity that starts inside the part and ends after it.
  if (last && last.start > part.start && last.start < part.end && last.end > part.end) {
    cuts.push(last.start);
  }
  const pieces = [];
  let start = part.start;
  for (const cut of cuts) {
    pieces.push({ ...part, start, end: cut });
    start = cut;
  }
  pieces.push({ ...part, start, end: part.end });
  return pieces;
}

/** Inserts `node` into the sorted array `queue`, at or after index `from`. */
function insertSorted(queue, node, from) {
  let lo = from;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(queue[mid], node) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, node);
}

/**
 * Builds the highlight tree of a text of `length` UTF-16 units.
 *
 * `annotation` is what the wasm `annotate` returns: `{entities: [{start, end, label}],
 * claims: [{kind, content, cue, source, ...}]}`. Returns `{root, dropped}` where `root` is
 * `{start: 0, end: length, children}`, each node is `{type: 'entity', label, start, end,
 * children}` or `{type: 'part', claim, role, start, end, children}` (claim = index in
 * `annotation.claims`), children sorted and disjoint, and `dropped` counts spans that were
 * invalid (outside the text, empty) or entities overlapping an earlier entity.
 */
export function layout(annotation, length) {
  let dropped = 0;
  const entities = [];
  const sortedEntities = [...(annotation.entities || [])]
    .filter((e) => {
      const ok = validSpan(e, length);
      if (!ok) dropped++;
      return ok;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const e of sortedEntities) {
    const prev = entities[entities.length - 1];
    if (prev && e.start < prev.end) {
      dropped++;
      continue;
    }
    entities.push({ type: 'entity', label: e.label, start: e.start, end: e.end, children: [] });
  }

  const queue = [...entities];
  (annotation.claims || []).forEach((claim, index) => {
    for (const role of ROLES) {
      const span = claim[role];
      if (span == null) continue;
      if (!validSpan(span, length)) {
        dropped++;
        continue;
      }
      const part = { type: 'part', claim: index, role, start: span.start, end: span.end };
      for (const piece of cutAtEntities(part, entities)) {
        queue.push({ ...piece, children: [] });
      }
    }
  });
  queue.sort(compare);

  const root = { type: 'root', start: 0, end: length, children: [] };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= node.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (node.end <= parent.end) {
      parent.children.push(node);
      stack.push(node);
      continue;
    }
    // `node` starts inside `parent` and ends after it.
    if (node.type === 'entity') {
      // Cannot happen (claim parts are cut at entity boundaries, entities are disjoint); an
      // entity is never split, so it would be left out rather than mangled.
      dropped++;
      continue;
    }
    const head = { ...node, end: parent.end, children: [] };
    const tail = { ...node, start: parent.end, children: [] };
    parent.children.push(head);
    stack.push(head);
    insertSorted(queue, tail, i + 1);
  }
  return { root, dropped };
}

/** Visits every node of the tree depth-first, in document order (the root excluded). */
export function* walk(node) {
  for (const child of node.children) {
    yield child;
    yield* walk(child);
  }
}
