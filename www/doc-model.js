// The document model of the editor: pure data and functions, no DOM (tested with node --test).
//
// A document of the queue (offsets are UTF-16 code units, JavaScript string indices, end
// exclusive; files get code points through the wasm module):
//
//   { key, id, text, status: 'todo' | 'in_progress' | 'done', annotated,
//     entities: [{ id, start, end, label, provenance, alt?, optional? }]   (sorted, disjoint)
//     claims:   [{ id, kind, content: {start, end}, cue, source, source_ref, hedged, optional,
//                  provenance }]
//     rejected: [{ t: 'e' | 'c', start, end, label? }]   suggestions the annotator removed
//     history:  { undo: [change], redo: [change] },  nextId, extra, created, updated }
//
// provenance: 'model' (a suggestion, not reviewed), 'accepted', 'edited', 'manual'.
// Every action is a *change*: { name, ops: [{ t: 'e' | 'c', before, after }], status: [from, to]? }
// where `before`/`after` are whole span objects (null for an insertion/deletion). A change is
// applied forwards by `apply` and backwards by `revert`, so undo and redo are exact, and a change
// is plain data that IndexedDB can store.

export const LABELS = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'NUM'];
export const KINDS = ['direct', 'indirect', 'according_to', 'unattributed'];
export const ROLES = ['content', 'cue', 'source'];
export const PROVENANCES = ['model', 'accepted', 'edited', 'manual'];
export const STATUSES = ['todo', 'in_progress', 'done'];

/** Undo steps kept per document (older ones are forgotten). */
export const HISTORY_LIMIT = 500;

const OPEN_QUOTES = '«“"„‹';
const CLOSE_QUOTES = '»”"“›';

/** A new document of the queue. */
export function newDocument({ key, id = '', text = '', status = 'todo', extra = {} } = {}) {
  const now = Date.now();
  return {
    key,
    id,
    text,
    status,
    annotated: false,
    entities: [],
    claims: [],
    rejected: [],
    history: { undo: [], redo: [] },
    nextId: 1,
    seq: 0,
    extra,
    created: now,
    updated: now,
  };
}

function validProvenance(p, fallback) {
  return PROVENANCES.includes(p) ? p : fallback;
}

function span(s) {
  return s ? { start: s.start, end: s.end } : null;
}

/**
 * A queue document from an imported one (the wasm `import_files` shape). Spans without a
 * provenance are taken as reviewed (`accepted`): they come from a file someone annotated.
 */
export function fromImported(key, imported, { provenance = 'accepted' } = {}) {
  const doc = newDocument({
    key,
    id: imported.id || '',
    text: imported.text,
    status: STATUSES.includes(imported.status) ? imported.status : 'todo',
    extra: imported.extra || {},
  });
  for (const e of imported.entities || []) {
    const ent = {
      id: doc.nextId++,
      start: e.start,
      end: e.end,
      label: e.label,
      provenance: validProvenance(e.provenance, provenance),
    };
    if (e.alt?.length) ent.alt = [...e.alt];
    if (e.optional) ent.optional = true;
    doc.entities.push(ent);
  }
  doc.entities.sort(byStart);
  // Entities of a file may overlap (nested gold spans): the editor keeps them disjoint.
  const kept = [];
  for (const e of doc.entities) {
    if (kept.length && e.start < kept[kept.length - 1].end) continue;
    kept.push(e);
  }
  const dropped = doc.entities.length - kept.length;
  doc.entities = kept;
  for (const c of imported.claims || []) {
    doc.claims.push(makeClaim(doc, c, validProvenance(c.provenance, provenance)));
  }
  doc.annotated = doc.entities.length > 0 || doc.claims.length > 0;
  return { doc, dropped };
}

function makeClaim(doc, c, provenance) {
  return {
    id: doc.nextId++,
    kind: KINDS.includes(c.kind) ? c.kind : 'unattributed',
    content: span(c.content),
    cue: span(c.cue),
    source: span(c.source),
    source_ref: span(c.source_ref),
    hedged: Boolean(c.hedged),
    optional: Boolean(c.optional),
    provenance,
  };
}

/** The wasm `export_documents` shape of a queue document (UTF-16 offsets, file fields only). */
export function toExportable(doc) {
  const out = {
    id: doc.id || doc.key,
    text: doc.text,
    status: doc.status,
    entities: doc.entities.map((e) => {
      const o = { start: e.start, end: e.end, label: e.label, provenance: e.provenance };
      if (e.alt?.length) o.alt = e.alt;
      if (e.optional) o.optional = true;
      return o;
    }),
    claims: doc.claims.map((c) => {
      const o = { kind: c.kind, content: c.content, cue: c.cue, source: c.source, provenance: c.provenance };
      if (c.source_ref) o.source_ref = c.source_ref;
      if (c.hedged) o.hedged = true;
      if (c.optional) o.optional = true;
      return o;
    }),
  };
  if (doc.extra && Object.keys(doc.extra).length) out.extra = doc.extra;
  return out;
}

function byStart(a, b) {
  return a.start - b.start || a.end - b.end;
}

/** Index of the first entity whose end is after `offset` (entities sorted and disjoint). */
export function firstEndingAfter(entities, offset) {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entities overlapping [start, end), in order. */
export function entitiesIn(doc, start, end) {
  const out = [];
  for (let i = firstEndingAfter(doc.entities, start); i < doc.entities.length; i++) {
    const e = doc.entities[i];
    if (e.start >= end) break;
    out.push(e);
  }
  return out;
}

/** The entity covering `offset` (start ≤ offset < end), or null. */
export function entityAt(doc, offset) {
  const e = doc.entities[firstEndingAfter(doc.entities, offset)];
  return e && e.start <= offset ? e : null;
}

export function findEntity(doc, id) {
  return doc.entities.find((e) => e.id === id) ?? null;
}

export function findClaim(doc, id) {
  return doc.claims.find((c) => c.id === id) ?? null;
}

function insertEntity(doc, e) {
  let lo = 0;
  let hi = doc.entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart(doc.entities[mid], e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  doc.entities.splice(lo, 0, e);
}

function removeById(list, id) {
  const i = list.findIndex((x) => x.id === id);
  if (i >= 0) list.splice(i, 1);
  return i;
}

function applyOp(doc, op, before, after) {
  const list = op.t === 'e' ? doc.entities : doc.claims;
  if (before) {
    const i = removeById(list, before.id);
    if (op.t === 'c' && after && i >= 0) {
      list.splice(i, 0, { ...after }); // a claim keeps its place in the list
      return;
    }
  }
  if (after) {
    if (op.t === 'e') insertEntity(doc, { ...after });
    else {
      // Claims are kept in document order of their content.
      let at = list.findIndex((c) => c.content.start > after.content.start);
      if (at < 0) at = list.length;
      list.splice(at, 0, { ...after });
    }
  }
}

/** Applies `change` to `doc` (forwards). */
export function apply(doc, change) {
  for (const op of change.ops) applyOp(doc, op, op.before, op.after);
  if (change.status) doc.status = change.status[1];
  if (change.rejected) doc.rejected.push(...change.rejected);
  doc.updated = Date.now();
}

/** Undoes `change` on `doc`. */
export function revert(doc, change) {
  for (let i = change.ops.length - 1; i >= 0; i--) {
    const op = change.ops[i];
    applyOp(doc, op, op.after, op.before);
  }
  if (change.status) doc.status = change.status[0];
  for (const r of change.rejected || []) {
    const same = (x) => x.t === r.t && x.start === r.start && x.end === r.end && x.label === r.label;
    const i = doc.rejected.findLastIndex(same);
    if (i >= 0) doc.rejected.splice(i, 1);
  }
  doc.updated = Date.now();
}

/**
 * Applies `change` as a new step of the document's history (the redo list is cleared). A first
 * change on a `todo` document also moves it to `in_progress` (undone with it).
 */
export function commit(doc, change) {
  if (!change.status && doc.status === 'todo') change.status = ['todo', 'in_progress'];
  apply(doc, change);
  doc.history.undo.push(change);
  if (doc.history.undo.length > HISTORY_LIMIT) doc.history.undo.shift();
  doc.history.redo = [];
  return change;
}

/** Undoes the last change; returns it, or null when there is nothing to undo. */
export function undo(doc) {
  const change = doc.history.undo.pop();
  if (!change) return null;
  revert(doc, change);
  doc.history.redo.push(change);
  return change;
}

/** Redoes the last undone change; returns it, or null. */
export function redo(doc) {
  const change = doc.history.redo.pop();
  if (!change) return null;
  apply(doc, change);
  doc.history.undo.push(change);
  return change;
}

/**
 * Replays stored edits on a document snapshot (see store.js): `entries` in order, each
 * `{seq, op: 'commit' | 'undo' | 'redo', change?, nextId?}`. Returns the number replayed.
 */
export function replay(doc, entries) {
  let n = 0;
  for (const e of entries) {
    if (e.seq <= (doc.seq ?? 0)) continue;
    if (e.op === 'commit' && e.change) commit(doc, e.change);
    else if (e.op === 'undo') undo(doc);
    else if (e.op === 'redo') redo(doc);
    else continue;
    doc.seq = e.seq;
    if (e.nextId > doc.nextId) doc.nextId = e.nextId;
    n++;
  }
  return n;
}

/** The text ranges a change touches (to re-render only those). */
export function changedRanges(change) {
  const out = [];
  for (const op of change.ops) {
    for (const obj of [op.before, op.after]) {
      if (!obj) continue;
      if (op.t === 'e') out.push([obj.start, obj.end]);
      else for (const role of [...ROLES, 'source_ref']) if (obj[role]) out.push([obj[role].start, obj[role].end]);
    }
  }
  return out;
}

// ---------------------------------------------------------------- entity actions

/** Why [start, end) cannot be an entity, or null. */
function entityProblem(doc, start, end, ignoreId = null) {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end > doc.text.length) {
    return 'la sélection est hors du texte';
  }
  if (start >= end) return 'la sélection est vide';
  if (!doc.text.slice(start, end).trim()) return 'la sélection ne contient que des espaces';
  const clash = entitiesIn(doc, start, end).find((e) => e.id !== ignoreId);
  if (clash) {
    const what = clash.start <= start && clash.end >= end ? 'est à l’intérieur de' : clash.start >= start && clash.end <= end ? 'contient' : 'chevauche';
    return `la sélection ${what} l’entité « ${doc.text.slice(clash.start, clash.end)} » (${clash.label}) : les entités ne peuvent ni se chevaucher ni s’imbriquer`;
  }
  return null;
}

/** Trims whitespace off both ends of [start, end). */
export function trimRange(text, start, end) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** Adds an entity by hand. Returns `{change}` or `{error}` (the reason, for the user). */
export function addEntity(doc, start, end, label) {
  [start, end] = trimRange(doc.text, start, end);
  if (!LABELS.includes(label)) return { error: `étiquette inconnue : ${label}` };
  const problem = entityProblem(doc, start, end);
  if (problem) return { error: problem };
  const after = { id: doc.nextId++, start, end, label, provenance: 'manual' };
  return { change: { name: `ajout ${label}`, ops: [{ t: 'e', before: null, after }] } };
}

function reviewed(provenance) {
  return provenance === 'manual' ? 'manual' : 'edited';
}

export function relabelEntity(doc, id, label) {
  const e = findEntity(doc, id);
  if (!e) return { error: 'entité introuvable' };
  if (!LABELS.includes(label)) return { error: `étiquette inconnue : ${label}` };
  if (e.label === label) {
    return e.provenance === 'model' ? acceptEntity(doc, id) : { error: `déjà ${label}` };
  }
  const after = { ...e, label, provenance: reviewed(e.provenance) };
  return { change: { name: `${e.label} → ${label}`, ops: [{ t: 'e', before: e, after }] } };
}

export function resizeEntity(doc, id, start, end) {
  const e = findEntity(doc, id);
  if (!e) return { error: 'entité introuvable' };
  [start, end] = trimRange(doc.text, start, end);
  if (start === e.start && end === e.end) return { error: 'taille inchangée' };
  const problem = entityProblem(doc, start, end, id);
  if (problem) return { error: problem };
  const after = { ...e, start, end, provenance: reviewed(e.provenance) };
  return { change: { name: `redimensionnement ${e.label}`, ops: [{ t: 'e', before: e, after }] } };
}

export function deleteEntity(doc, id) {
  const e = findEntity(doc, id);
  if (!e) return { error: 'entité introuvable' };
  const change = { name: e.provenance === 'model' ? `rejet ${e.label}` : `suppression ${e.label}`, ops: [{ t: 'e', before: e, after: null }] };
  if (e.provenance === 'model') change.rejected = [{ t: 'e', start: e.start, end: e.end, label: e.label }];
  return { change };
}

export function acceptEntity(doc, id) {
  const e = findEntity(doc, id);
  if (!e) return { error: 'entité introuvable' };
  if (e.provenance !== 'model') return { error: 'ce n’est pas une suggestion' };
  return { change: { name: `acceptation ${e.label}`, ops: [{ t: 'e', before: e, after: { ...e, provenance: 'accepted' } }] } };
}

/** Accepts every remaining suggestion (entities and claims) of the document. */
export function acceptAll(doc) {
  const ops = [];
  for (const e of doc.entities) if (e.provenance === 'model') ops.push({ t: 'e', before: e, after: { ...e, provenance: 'accepted' } });
  for (const c of doc.claims) if (c.provenance === 'model') ops.push({ t: 'c', before: c, after: { ...c, provenance: 'accepted' } });
  if (!ops.length) return { error: 'aucune suggestion à accepter' };
  return { change: { name: `acceptation de ${ops.length} suggestion(s)`, ops } };
}

// ---------------------------------------------------------------- claim actions

function quoted(text, start, end) {
  let a = start - 1;
  while (a >= 0 && /\s/.test(text[a])) a--;
  let b = end;
  while (b < text.length && /\s/.test(text[b])) b++;
  return a >= 0 && OPEN_QUOTES.includes(text[a]) && b < text.length && CLOSE_QUOTES.includes(text[b]);
}

/** A claim made by hand from a content selection; direct when the selection is in guillemets. */
export function addClaim(doc, start, end) {
  [start, end] = trimRange(doc.text, start, end);
  if (start >= end) return { error: 'sélectionnez le contenu de l’affirmation' };
  const kind = quoted(doc.text, start, end) ? 'direct' : 'unattributed';
  const after = makeClaim(doc, { kind, content: { start, end } }, 'manual');
  return { change: { name: 'nouvelle affirmation', ops: [{ t: 'c', before: null, after }] } };
}

/**
 * Changes fields of a claim (`kind`, `content`, `cue`, `source`, `source_ref`, `hedged`).
 * An unattributed claim that gets a cue becomes indirect (direct inside guillemets); setting the
 * kind to unattributed removes cue and source.
 */
export function updateClaim(doc, id, patch) {
  const c = findClaim(doc, id);
  if (!c) return { error: 'affirmation introuvable' };
  const after = { ...c, ...patch, provenance: reviewed(c.provenance) };
  for (const role of ['content', 'cue', 'source', 'source_ref']) {
    if (!(role in patch) || patch[role] === null) continue;
    const [s, e] = trimRange(doc.text, patch[role].start, patch[role].end);
    if (s >= e) return { error: 'la sélection est vide' };
    after[role] = { start: s, end: e };
  }
  if ('kind' in patch && !KINDS.includes(patch.kind)) return { error: `type inconnu : ${patch.kind}` };
  if (!('kind' in patch) && c.kind === 'unattributed' && (patch.cue || patch.source)) {
    after.kind = quoted(doc.text, after.content.start, after.content.end) ? 'direct' : 'indirect';
  }
  if (after.kind === 'unattributed') {
    after.cue = null;
    after.source = null;
    after.source_ref = null;
  }
  if ('source' in patch && !('source_ref' in patch)) after.source_ref = null;
  const same = JSON.stringify({ ...c, provenance: 0 }) === JSON.stringify({ ...after, provenance: 0 });
  if (same) return { error: 'rien n’a changé' };
  return { change: { name: 'modification d’affirmation', ops: [{ t: 'c', before: c, after }] } };
}

export function deleteClaim(doc, id) {
  const c = findClaim(doc, id);
  if (!c) return { error: 'affirmation introuvable' };
  const change = { name: 'suppression d’affirmation', ops: [{ t: 'c', before: c, after: null }] };
  if (c.provenance === 'model') change.rejected = [{ t: 'c', start: c.content.start, end: c.content.end }];
  return { change };
}

export function acceptClaim(doc, id) {
  const c = findClaim(doc, id);
  if (!c) return { error: 'affirmation introuvable' };
  if (c.provenance !== 'model') return { error: 'ce n’est pas une suggestion' };
  return { change: { name: 'acceptation d’affirmation', ops: [{ t: 'c', before: c, after: { ...c, provenance: 'accepted' } }] } };
}

/** Whether the claim lacks what its kind needs (shown to the annotator, never blocking). */
export function claimProblem(c) {
  if (c.kind === 'unattributed') return null;
  if (!c.cue && !c.source) return 'indice et source manquants';
  if (!c.cue) return 'indice manquant';
  if (!c.source) return 'source manquante';
  return null;
}

export function setStatus(doc, status) {
  if (!STATUSES.includes(status)) return { error: `statut inconnu : ${status}` };
  if (doc.status === status) return { error: 'statut inchangé' };
  return { change: { name: `statut : ${status}`, ops: [], status: [doc.status, status] } };
}

// ---------------------------------------------------------------- model suggestions

/** True when the document holds spans an annotator added, accepted or edited. */
export function hasReviewed(doc) {
  return doc.entities.some((e) => e.provenance !== 'model') || doc.claims.some((c) => c.provenance !== 'model');
}

function dice(a, b) {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return (2 * inter) / (a.end - a.start + (b.end - b.start));
}

/**
 * Replaces the document's model suggestions with a new annotation (the wasm `annotate` result)
 * and keeps every reviewed span: a suggestion overlapping a reviewed entity, a suggested claim
 * whose content matches a reviewed claim, and suggestions the annotator rejected are left out.
 * With `keepReviewed: false` everything is replaced. Not an undoable step: the history is
 * cleared when reviewed spans are dropped.
 */
export function mergeSuggestions(doc, annotation, { keepReviewed = true } = {}) {
  if (!keepReviewed) {
    doc.entities = [];
    doc.claims = [];
    doc.rejected = [];
    doc.history = { undo: [], redo: [] };
  } else {
    doc.entities = doc.entities.filter((e) => e.provenance !== 'model');
    doc.claims = doc.claims.filter((c) => c.provenance !== 'model');
  }
  const rejected = new Set(doc.rejected.map((r) => `${r.t}:${r.start}:${r.end}:${r.label ?? ''}`));
  const kept = doc.entities;
  const merged = [];
  let k = 0;
  const model = [...(annotation.entities || [])].sort(byStart);
  let last = -1;
  for (const e of model) {
    while (k < kept.length && kept[k].end <= e.start) merged.push(kept[k++]);
    if (e.start < last) continue; // overlapping suggestions: the first wins
    if (k < kept.length && kept[k].start < e.end) continue; // clashes with a reviewed span
    if (rejected.has(`e:${e.start}:${e.end}:${e.label}`)) continue;
    merged.push({ id: doc.nextId++, start: e.start, end: e.end, label: e.label, provenance: 'model' });
    last = e.end;
  }
  while (k < kept.length) merged.push(kept[k++]);
  doc.entities = merged;
  const reviewedClaims = doc.claims;
  for (const c of annotation.claims || []) {
    if (rejected.has(`c:${c.content.start}:${c.content.end}:`)) continue;
    if (reviewedClaims.some((r) => dice(r.content, c.content) >= 0.5)) continue;
    doc.claims.push(makeClaim(doc, c, 'model'));
  }
  doc.claims.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
  doc.annotated = true;
  doc.updated = Date.now();
}

/**
 * Re-annotation as one undoable change: the spans the new annotation removes and adds. With
 * `keepReviewed` the reviewed spans stay (see `mergeSuggestions`); without, everything is
 * replaced by the model's output (rejections forgotten).
 */
export function reannotateChange(doc, annotation, { keepReviewed = true } = {}) {
  const probe = {
    ...doc,
    entities: keepReviewed ? [...doc.entities] : [],
    claims: keepReviewed ? [...doc.claims] : [],
    rejected: keepReviewed ? doc.rejected : [],
  };
  mergeSuggestions(probe, annotation);
  doc.nextId = probe.nextId;
  const ops = [];
  const diff = (t, before, after) => {
    const kept = new Set(after.map((x) => x.id));
    const old = new Set(before.map((x) => x.id));
    for (const x of before) if (!kept.has(x.id)) ops.push({ t, before: x, after: null });
    for (const x of after) if (!old.has(x.id)) ops.push({ t, before: null, after: x });
  };
  diff('e', doc.entities, probe.entities);
  diff('c', doc.claims, probe.claims);
  return { name: keepReviewed ? 'ré-annotation (corrections gardées)' : 'ré-annotation complète', ops };
}

// ---------------------------------------------------------------- text edits

/** The single edit turning `before` into `after`: `{at, removed, inserted}` (UTF-16 units). */
export function diffText(before, after) {
  let at = 0;
  const max = Math.min(before.length, after.length);
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (
    tail < max - at &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return { at, removed: before.length - at - tail, inserted: after.length - at - tail };
}

/**
 * Where a span goes after the edit `d`: unchanged before it, shifted after it, stretched when
 * the edit lies strictly inside it, and `null` when the edit cuts one of its ends.
 */
export function mapSpan(s, d) {
  if (!s) return s;
  const delta = d.inserted - d.removed;
  const editEnd = d.at + d.removed;
  if (s.end <= d.at) return s;
  if (s.start >= editEnd) return { ...s, start: s.start + delta, end: s.end + delta };
  if (s.start < d.at && editEnd < s.end) return { ...s, end: s.end + delta };
  return null;
}

function mapClaim(c, d) {
  const content = mapSpan(c.content, d);
  if (!content) return null;
  return { ...c, content, cue: mapSpan(c.cue, d), source: mapSpan(c.source, d), source_ref: mapSpan(c.source_ref, d) };
}

function mapObj(t, obj, d) {
  if (!obj) return { ok: true, value: null };
  const value = t === 'e' ? mapSpan(obj, d) : mapClaim(obj, d);
  return { ok: value !== null, value };
}

function mapChange(change, d) {
  const ops = [];
  for (const op of change.ops) {
    const b = mapObj(op.t, op.before, d);
    const a = mapObj(op.t, op.after, d);
    if (!b.ok || !a.ok) return null;
    ops.push({ t: op.t, before: b.value, after: a.value });
  }
  const out = { ...change, ops };
  if (change.rejected) out.rejected = change.rejected.map((r) => mapSpan(r, d)).filter(Boolean);
  return out;
}

/**
 * Moves the document to a new text: reviewed spans follow the edit (those the edit cuts are
 * dropped and counted), suggestions are dropped (the caller re-annotates and merges), the undo
 * history is mapped too (steps the edit invalidates are forgotten, with everything older).
 * Returns `{dropped}`: the number of reviewed entities and claims lost.
 */
export function rebaseText(doc, text) {
  const d = diffText(doc.text, text);
  let dropped = 0;
  const entities = [];
  for (const e of doc.entities) {
    if (e.provenance === 'model') continue;
    const m = mapSpan(e, d);
    if (m && text.slice(m.start, m.end).trim()) entities.push(m);
    else dropped++;
  }
  const claims = [];
  for (const c of doc.claims) {
    if (c.provenance === 'model') continue;
    const m = mapClaim(c, d);
    if (m) claims.push(m);
    else dropped++;
  }
  const mapHistory = (list) => {
    const out = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const m = mapChange(list[i], d);
      if (!m) break;
      out.unshift(m);
    }
    return out;
  };
  doc.history = { undo: mapHistory(doc.history.undo), redo: [] };
  doc.rejected = doc.rejected.map((r) => mapSpan(r, d)).filter(Boolean);
  doc.entities = entities;
  doc.claims = claims;
  doc.text = text;
  doc.annotated = false;
  doc.updated = Date.now();
  return { dropped };
}

// ---------------------------------------------------------------- tokens

/** Index of the token containing `offset` or the first one after it (tokens sorted). */
export function tokenIndexAt(tokens, offset) {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Widens [start, end) to whole tokens: the start goes back to the start of the token it falls in,
 * the end forward to the end of the token it falls in. Whitespace at the ends is dropped first.
 */
export function snapToTokens(tokens, text, start, end) {
  [start, end] = trimRange(text, start, end);
  if (start >= end || !tokens.length) return [start, end];
  const a = tokens[tokenIndexAt(tokens, start)];
  if (a && a.start < start && start < a.end) start = a.start;
  const bi = tokenIndexAt(tokens, end - 1);
  const b = tokens[bi];
  if (b && b.start < end && end < b.end) end = b.end;
  return [start, end];
}

// ---------------------------------------------------------------- claims by source

const DETERMINERS = /^(le|la|les|l['’]|un|une|des|du|de la|de l['’]|ce|cette|ces|son|sa|ses|leur|leurs)\s*/i;

function sourceKey(text) {
  return text.replace(/\s+/g, ' ').trim().replace(DETERMINERS, '').toLocaleLowerCase('fr');
}

/**
 * The claims grouped by who said them: a pronoun source goes with the span it refers to
 * (`source_ref`), a short name with a longer one ending with it (`Ghani` with `Ashraf Ghani`),
 * claims without source last. Groups are in order of their first claim; returns
 * `[{ key, name, claims }]` (`key` null for the group without source).
 */
export function groupBySource(doc) {
  const groups = new Map();
  const none = { key: null, name: null, claims: [] };
  for (const c of doc.claims) {
    const src = c.source_ref || c.source;
    if (!src) {
      none.claims.push(c);
      continue;
    }
    const name = doc.text.slice(src.start, src.end);
    const key = sourceKey(name);
    if (!groups.has(key)) groups.set(key, { key, name, claims: [] });
    groups.get(key).claims.push(c);
  }
  // A key that is the last word(s) of a longer key joins it.
  const keys = [...groups.keys()];
  for (const k of keys) {
    const longer = keys.find((o) => o !== k && o.length > k.length && o.endsWith(` ${k}`) && groups.has(o));
    if (longer && groups.has(k)) {
      const into = groups.get(longer);
      into.claims.push(...groups.get(k).claims);
      into.claims.sort((a, b) => a.content.start - b.content.start);
      groups.delete(k);
    }
  }
  const out = [...groups.values()].sort((a, b) => a.claims[0].content.start - b.claims[0].content.start);
  if (none.claims.length) out.push(none);
  return out;
}

/** Counts for the queue list: entities, claims, suggestions left. */
export function counts(doc) {
  let suggestions = 0;
  for (const e of doc.entities) if (e.provenance === 'model') suggestions++;
  for (const c of doc.claims) if (c.provenance === 'model') suggestions++;
  return { entities: doc.entities.length, claims: doc.claims.length, suggestions };
}

/** A short title for the queue: the id, or the start of the first line. */
export function title(doc) {
  if (doc.id) return doc.id;
  const line = doc.text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const t = line.trim();
  return t ? (t.length > 60 ? `${t.slice(0, 57)}…` : t) : '(document vide)';
}

/**
 * Longest document annotated in one piece, in UTF-16 units: beyond it the worker's memory and the
 * page's rendering stop being reasonable (a 3,000,000-character article takes about 30 s; ten
 * million can exhaust a tab), so the page offers to split it instead (see `splitText`).
 */
export const MAX_DOC_CHARS = 2_000_000;
/** Size of each part when a too long text is split. */
export const SPLIT_PART_CHARS = 500_000;

/**
 * Cuts `text` into parts of at most `max` UTF-16 units whose concatenation is `text` exactly:
 * after the last blank line before the limit, else the last line break, else the last space,
 * else at the limit (never inside a surrogate pair or a CRLF).
 */
export function splitText(text, max = SPLIT_PART_CHARS) {
  if (!(max >= 2)) throw new RangeError('splitText: max must be at least 2');
  const parts = [];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    const after = (sep) => {
      const at = window.lastIndexOf(sep);
      return at > 0 ? at + sep.length : 0;
    };
    let cut = Math.max(after('\n\n'), after('\r\n\r\n')) || after('\n') || after(' ');
    if (cut === 0) {
      cut = max;
      const c = text.charCodeAt(from + cut - 1);
      if ((c >= 0xd800 && c <= 0xdbff) || (c === 13 && text.charCodeAt(from + cut) === 10)) cut -= 1;
    }
    parts.push(text.slice(from, from + cut));
    from += cut;
  }
  parts.push(text.slice(from));
  return parts;
}
