// Wiring: the document queue, the text box, the annotation worker, the annotated text, the claim
// panel, storage, undo/redo, import/export and the status lines.

import { AnnotatorClient } from './annotate-client.js';
import { TextView, LABEL_NAMES, PROVENANCE_NAMES } from './text-view.js';
import { ClaimPanel, KIND_NAMES } from './claims-panel.js';
import { QueueView } from './queue.js';
import { Store } from './store.js';
import { installEditor, HELP, LABEL_KEYS } from './editor.js';
import { readFiles, readPasted, exportBlob, download, exportName, parseLabelMap } from './io.js';
import {
  newDocument,
  fromImported,
  toExportable,
  commit,
  replay,
  undo as undoDoc,
  redo as undoRedo,
  changedRanges,
  diffText,
  rebaseText,
  mergeSuggestions,
  reannotateChange,
  hasReviewed,
  acceptAll,
  setStatus,
  findEntity,
  findClaim,
  counts,
  title,
  LABELS,
  MAX_DOC_CHARS,
  SPLIT_PART_CHARS,
  splitText,
} from './doc-model.js';
import { ROLES } from './layout.js';

const DEBOUNCE_MS = 120;

/** A made-up article (people and figures are fictional) to try the page. */
const SAMPLE = `Lyon, 15 juillet 2016. – La préfecture du Rhône a annoncé que 3 500 policiers seraient mobilisés pour le feu d’artifice, et la mairie attend plus de 200 000 spectateurs sur les quais.
« Nous resterons vigilants jusqu’au bout », a déclaré le préfet Claire Vasseur devant la presse. Selon l’AFP, le budget de la soirée atteint 1,2 million d’euros.
Le maire, Paul Mercier, a estimé que « la fête doit rester populaire ». Trois personnes ont été légèrement blessées lundi soir place Bellecour.`;

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const claimsBox = $('claims');
const claimsEmpty = $('claims-empty');
const statusLine = $('status');
const banner = $('banner');
const bannerText = $('banner-text');
const noticeLine = $('notice');
const saveState = $('save-state');
const selectionInfo = $('selection-info');

const view = new TextView(output);
const queueView = new QueueView($('doc-list'), $('queue-counts'));
const panel = new ClaimPanel(claimsBox);

/** Documents of the queue, in order; `current` is the key of the one shown. */
const docs = new Map();
let order = [];
let current = null;
let nextOrder = 1;
let tokens = [];
let tokensFor = null;
let typingTimer = 0;
let store = null;
let formatList = [];
let job = null; // the running queue annotation: {cancelled}

function setStatus_(state, text) {
  statusLine.dataset.state = state;
  statusLine.textContent = text;
}

function showBanner(message) {
  bannerText.textContent = message;
  banner.hidden = false;
}

let noticeTimer = 0;
function notice(message, kind = 'info') {
  noticeLine.textContent = message;
  noticeLine.dataset.kind = kind;
  noticeLine.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => {
    noticeLine.hidden = true;
  }, kind === 'error' ? 12_000 : 6_000);
}

// Made while the module loads: the first use of French number formatting loads locale data
// (about 17 ms), which must not fall on the first highlight.
const numberFormat = new Intl.NumberFormat('fr-FR');
const formatNumber = (n) => numberFormat.format(n);

function plural(n, one, many) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

function doc() {
  return current === null ? null : docs.get(current) ?? null;
}

function orderedDocs() {
  return order.map((k) => docs.get(k)).filter(Boolean);
}

// ------------------------------------------------------------------ storage

const SAVE_TEXT = {
  saved: 'Enregistré',
  saving: 'Enregistrement…',
  error: 'Non enregistré',
  off: 'Stockage indisponible',
};
let lastStorageError = '';
let storageBanner = ''; // the banner text of the last storage problem

function onStoreState(state, message) {
  saveState.dataset.state = state;
  saveState.textContent = SAVE_TEXT[state] || state;
  saveState.title = message || '';
  if ((state === 'error' || state === 'off') && message && message !== lastStorageError) {
    lastStorageError = message;
    storageBanner = `Vos modifications ne sont pas enregistrées : ${message}.`;
    showBanner(storageBanner);
  }
  if (state === 'saved' && lastStorageError) {
    // Storage works again and everything unsaved is written: the warning no longer holds.
    if (!banner.hidden && bannerText.textContent === storageBanner) banner.hidden = true;
    notice('Le stockage fonctionne de nouveau : toutes vos modifications sont enregistrées.');
    lastStorageError = '';
  }
}

/** Edits logged since each document's last snapshot (key -> count). */
const unsnapshotted = new Map();
let idleSnapshot = 0;

/** Writes the whole document (a snapshot). */
function save(d = doc()) {
  if (!d || !store) return;
  d.seq = d.seq ?? 0;
  store.saveDoc(d);
  unsnapshotted.delete(d.key);
}

/**
 * Stores one edit (`op` commit, undo or redo) as a small log entry; the whole document is
 * rewritten when the page is idle after many edits, or when the document is left.
 */
function logEdit(d, op, change) {
  if (!store) return;
  d.seq = (d.seq ?? 0) + 1;
  store.logEdit(d, { seq: d.seq, op, change: op === 'commit' ? change : undefined, nextId: d.nextId });
  const n = (unsnapshotted.get(d.key) ?? 0) + 1;
  unsnapshotted.set(d.key, n);
  if (n >= 100 && !idleSnapshot) {
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 500));
    idleSnapshot = idle(() => {
      idleSnapshot = 0;
      for (const key of [...unsnapshotted.keys()]) {
        const doc_ = docs.get(key);
        if (doc_) save(doc_);
      }
    });
  }
}

/** Snapshots a document that has logged edits (when it is left or the page hides). */
function compact(key) {
  const d = docs.get(key);
  if (d && unsnapshotted.get(key)) save(d);
}

function saveMeta() {
  store?.saveMeta({ current });
}

// ------------------------------------------------------------------ the controller for editor.js

const ctl = {
  output,
  view,
  kb: null,
  selected: null,
  activeClaim: null,
  pick: null,
  suppressClick: false,
  doc,
  tokens: () => (tokensFor === doc()?.text ? tokens : []),
  run(result) {
    if (!result) return null;
    if (result.error) {
      notice(result.error, 'error');
      return null;
    }
    const d = doc();
    commit(d, result.change);
    logEdit(d, 'commit', result.change);
    afterChange(d, result.change);
    return result.change;
  },
  select(id, { scroll = true } = {}) {
    ctl.selected = id;
    decorate();
    const el = id === null ? null : view.entityElement(id);
    if (el) {
      if (scroll) el.scrollIntoView({ block: 'nearest' });
      const e = findEntity(doc(), id);
      if (e) ctl.kb = { start: e.start, end: e.end };
    }
    describeSelection();
  },
  activateClaim(id, { scrollText = true } = {}) {
    ctl.activeClaim = id;
    ctl.pick = null;
    renderPanel([]);
    decorate();
    if (id !== null) {
      const first = view.claimElements(id)[0];
      if (first && scrollText) first.scrollIntoView({ block: 'center' });
      claimsBox.querySelector(`li[data-claim="${id}"]`)?.scrollIntoView({ block: 'nearest' });
    }
    describeSelection();
  },
  setPick(role) {
    ctl.pick = role;
    output.classList.toggle('picking', role !== null);
    if (role) {
      const what = { source: 'la source', cue: 'l’indice', content: 'le contenu' }[role];
      describeSelection(`Sélectionnez ${what} dans le texte${role === 'source' ? ' ou cliquez une entité' : ''} (Échap pour annuler).`);
    } else describeSelection();
  },
  describeSelection: (msg) => describeSelection(msg),
  notice,
  undo,
  redo,
  nextDoc,
  toggleDone,
  acceptAll: () => ctl.run(acceptAll(doc())),
  showHelp,
};

function describeSelection(msg) {
  const d = doc();
  const parts = [];
  selectionInfo.replaceChildren();
  if (msg) {
    selectionInfo.textContent = msg;
    return;
  }
  if (!d) return;
  const e = ctl.selected !== null ? findEntity(d, ctl.selected) : null;
  if (e) {
    parts.push(`${e.label} « ${d.text.slice(e.start, e.end)} » — ${PROVENANCE_NAMES[e.provenance]}`);
    selectionInfo.append(document.createTextNode(`${parts[0]}. `));
    const bar = document.createElement('span');
    bar.className = 'entity-tools';
    if (e.provenance === 'model') bar.append(smallButton('entity-accept', 'Accepter (Entrée)'));
    bar.append(smallButton('entity-delete', e.provenance === 'model' ? 'Rejeter (Suppr)' : 'Supprimer (Suppr)'));
    for (const lab of LABELS) {
      if (lab === e.label) continue;
      const key = Object.keys(LABEL_KEYS).find((k) => LABEL_KEYS[k] === lab && /\d/.test(k));
      const b = smallButton('entity-label', `${lab} (${key})`);
      b.dataset.label = lab;
      bar.append(b);
    }
    selectionInfo.append(bar);
    return;
  }
  if (ctl.kb && ctl.kb.end > ctl.kb.start) {
    const t = d.text.slice(ctl.kb.start, ctl.kb.end);
    selectionInfo.textContent = `Sélection « ${t.length > 80 ? `${t.slice(0, 77)}…` : t} » : 1–6 pour l’étiqueter, c pour en faire une affirmation.`;
  }
}

function smallButton(action, text) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small';
  b.dataset.action = action;
  b.textContent = text;
  return b;
}

selectionInfo.addEventListener('click', (event) => {
  const b = event.target.closest('button[data-action]');
  if (!b) return;
  if (b.dataset.action === 'entity-accept') ctl.actions.acceptEntity();
  else if (b.dataset.action === 'entity-delete') ctl.actions.deleteEntity();
  else if (b.dataset.action === 'entity-label') ctl.actions.label(b.dataset.label);
  output.focus({ preventScroll: true });
});

/** The elements `decorate` marked last time (so that it never scans the whole text). */
let decorated = [];

/** Marks the selected entity (with its resize handles) and the active claim's parts. */
function decorate() {
  for (const el of decorated) {
    el.classList.remove('selected', 'active-claim');
    if (el.id === 'selected-entity') el.removeAttribute('id');
    for (const h of el.querySelectorAll(':scope > [data-handle]')) h.remove();
  }
  decorated = [];
  output.removeAttribute('aria-activedescendant');
  if (ctl.selected !== null) {
    const el = view.entityElement(ctl.selected);
    if (el) {
      el.classList.add('selected');
      const start = document.createElement('span');
      start.className = 'handle handle-start';
      start.dataset.handle = 'start';
      start.setAttribute('aria-hidden', 'true');
      const end = start.cloneNode();
      end.className = 'handle handle-end';
      end.dataset.handle = 'end';
      el.prepend(start);
      el.append(end);
      el.id = 'selected-entity';
      output.setAttribute('aria-activedescendant', 'selected-entity');
      decorated.push(el);
    } else {
      ctl.selected = null;
    }
  }
  if (ctl.activeClaim !== null) {
    for (const el of view.claimElements(ctl.activeClaim)) {
      el.classList.add('active-claim');
      decorated.push(el);
    }
  }
}

/** Renders the claim panel: everything (`ids` null) or the items of claims `ids`. */
function renderPanel(ids = null) {
  const d = doc();
  if (!d) {
    claimsBox.replaceChildren();
    claimsEmpty.hidden = false;
    return;
  }
  if (ctl.activeClaim !== null && !findClaim(d, ctl.activeClaim)) ctl.activeClaim = null;
  const n = panel.refresh(d, ctl.activeClaim, ids);
  claimsEmpty.hidden = n > 0;
}

function updateButtons() {
  const d = doc();
  $('undo').disabled = !d || d.history.undo.length === 0;
  $('redo').disabled = !d || d.history.redo.length === 0;
  const done = d?.status === 'done';
  $('mark-done').setAttribute('aria-pressed', String(done));
  $('mark-done').textContent = done ? 'Terminé ✓' : 'Terminé';
  $('accept-all').disabled = !d || counts(d).suggestions === 0;
  $('reannotate').disabled = !d || !d.text;
  const undoName = d?.history.undo.at(-1)?.name;
  $('undo').title = undoName ? `Annuler : ${undoName} (Ctrl+Z)` : 'Annuler (Ctrl+Z)';
  const redoName = d?.history.redo.at(-1)?.name;
  $('redo').title = redoName ? `Rétablir : ${redoName} (Ctrl+Maj+Z)` : 'Rétablir (Ctrl+Maj+Z, Ctrl+Y)';
}

function showCounts(d, ms) {
  const c = counts(d);
  let line = `${plural(c.entities, 'entité', 'entités')}, ${plural(c.claims, 'affirmation', 'affirmations')}`;
  if (c.suggestions) line += ` · ${plural(c.suggestions, 'suggestion', 'suggestions')} à revoir`;
  if (ms !== undefined) line += ` · ${Math.max(1, Math.round(ms))} ms`;
  setStatus_('done', line);
}

/** After a change of the current document: re-render what it touched, save. */
function afterChange(d, change) {
  if (d !== doc()) return;
  view.update(changedRanges(change));
  const claimIds = change.ops.filter((op) => op.t === 'c').map((op) => (op.before ?? op.after).id);
  if (claimIds.length || ctl.activeClaim !== null) renderPanel(claimIds);
  decorate();
  queueView.update(d, current);
  queueView.summarize(orderedDocs());
  updateButtons();
  showCounts(d);
}

/** Everything about the current document, from scratch. */
function showAll() {
  const d = doc();
  if (!d) return;
  // A too long text is not laid out a second time (the text box already holds it) and cannot be
  // edited here until it is split: the annotated view is hidden.
  const tooLong = d.text.length > MAX_DOC_CHARS;
  output.hidden = tooLong;
  $('too-long').hidden = !tooLong;
  if (tooLong) view.clear();
  else view.show(d);
  renderPanel();
  decorate();
  queueView.update(d, current);
  queueView.summarize(orderedDocs());
  updateButtons();
}

function undo() {
  const d = doc();
  const change = d && undoDoc(d);
  if (!change) {
    notice('Rien à annuler.');
    return;
  }
  logEdit(d, 'undo');
  afterChange(d, change);
  notice(`Annulé : ${change.name}.`);
}

function redo() {
  const d = doc();
  const change = d && undoRedo(d);
  if (!change) {
    notice('Rien à rétablir.');
    return;
  }
  logEdit(d, 'redo');
  afterChange(d, change);
  notice(`Rétabli : ${change.name}.`);
}

// ------------------------------------------------------------------ documents

function keyFor() {
  return `d${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function addDocument(d, { at = order.length } = {}) {
  d.order = nextOrder++;
  docs.set(d.key, d);
  order.splice(at, 0, d.key);
  save(d);
  return d;
}

/** Drops the current document if it is empty and untouched (no clutter of blank documents). */
function dropIfBlank(key) {
  const d = docs.get(key);
  if (!d || d.text.trim() || d.entities.length || d.claims.length) return false;
  removeDocument(key);
  return true;
}

/** Takes a document out of the queue and out of storage. */
function removeDocument(key) {
  docs.delete(key);
  order = order.filter((k) => k !== key);
  store?.deleteDoc(key);
}

function openDocument(key, { focusText = false } = {}) {
  flushTyping();
  const previous = current;
  if (previous !== null && previous !== key && !dropIfBlank(previous)) compact(previous);
  current = key;
  ctl.kb = null;
  ctl.selected = null;
  ctl.activeClaim = null;
  ctl.setPick(null);
  const d = doc();
  input.value = d ? d.text : '';
  queueView.show(orderedDocs(), current);
  showAll();
  saveMeta();
  if (d) {
    requestTokens(d);
    if (!d.annotated && d.text) annotateCurrent();
    else if (d.text) showCounts(d);
    else if (statusLine.dataset.state !== 'loading' && statusLine.dataset.state !== 'error') setStatus_('idle', 'Prêt.');
    queueView.item(key)?.scrollIntoView({ block: 'nearest' });
  }
  if (focusText) output.focus({ preventScroll: true });
}

function newBlankDocument(text = '') {
  const d = addDocument(newDocument({ key: keyFor(), text }));
  openDocument(d.key);
  return d;
}

function nextDoc(dir) {
  const list = order;
  if (!list.length) return;
  const i = list.indexOf(current);
  const j = Math.min(list.length - 1, Math.max(0, i + dir));
  if (j !== i) openDocument(list[j], { focusText: true });
  else notice(dir > 0 ? 'C’est le dernier document.' : 'C’est le premier document.');
}

function toggleDone() {
  const d = doc();
  if (!d) return;
  const result = setStatus(d, d.status === 'done' ? 'in_progress' : 'done');
  const change = ctl.run(result);
  if (change) notice(d.status === 'done' ? 'Document terminé.' : 'Document rouvert.');
}

// ------------------------------------------------------------------ annotation

const client = new AnnotatorClient(new URL('./worker.js', import.meta.url), {
  onReady(version) {
    $('version').textContent = `balise ${version} (WebAssembly)`;
    if (statusLine.dataset.state === 'loading') setStatus_('idle', 'Prêt.');
  },
  onCrash(message, { attempt, final }) {
    showBanner(
      final
        ? `Erreur : ${message}. L’annotateur est arrêté après ${attempt} échecs ; rechargez la page. Vos documents sont enregistrés.`
        : `Erreur : ${message}. Redémarrage de l’annotateur…`,
    );
    setStatus_('error', 'Erreur de l’annotateur.');
  },
  onRestart() {
    const d = doc();
    if (d) {
      tokensFor = null;
      requestTokens(d);
      if (!d.annotated && d.text) annotateCurrent();
    }
  },
});

async function requestTokens(d) {
  const text = d.text;
  if (tokensFor === text || text.length > MAX_DOC_CHARS) return;
  try {
    const result = await client.request('tokenize', text).promise;
    if (result && doc()?.text === text) {
      tokens = result.value;
      tokensFor = text;
    }
  } catch {
    // the crash handler reports it
  }
}

async function annotateCurrent() {
  const d = doc();
  if (!d) return;
  const text = d.text;
  if (!text) {
    d.annotated = true;
    showAll();
    setStatus_('done', 'Aucun texte.');
    return;
  }
  if (text.length > MAX_DOC_CHARS) {
    offerSplit(d);
    return;
  }
  setStatus_('busy', 'Annotation…');
  let result;
  try {
    result = await client.request('annotate', text).promise;
  } catch (err) {
    if (doc() !== d || d.text !== text) return;
    if (!err.crash) showBanner(`Erreur : ${err.message}`);
    setStatus_('error', 'Erreur de l’annotateur.');
    return;
  }
  // Replaced by a newer request, or the text changed meanwhile.
  if (result === null || d.text !== text || typingTimer) return;
  performance.mark('balise:annotated');
  mergeSuggestions(d, result.value);
  save(d);
  if (doc() !== d) return;
  showAll();
  showCounts(d, result.ms);
}

/**
 * A document too long to annotate in one piece: the status says so and offers to split it into
 * documents at paragraph ends (its text is kept as it is until then).
 */
function offerSplit(d) {
  const parts = Math.ceil(d.text.length / SPLIT_PART_CHARS);
  setStatus_(
    'error',
    `Texte trop long pour un seul document : ${formatNumber(d.text.length)} caractères (au plus ${formatNumber(MAX_DOC_CHARS)}). `,
  );
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small';
  b.id = 'split-doc';
  b.textContent = `Découper en ${parts > 1 ? 'environ ' : ''}${parts} documents`;
  b.addEventListener('click', () => splitDocument(d.key));
  statusLine.append(b);
}

/**
 * Replaces a too long document by documents of at most SPLIT_PART_CHARS, cut at paragraph ends
 * (their texts join back to the original exactly), then annotates them. A document that already
 * holds spans is kept beside its parts rather than replaced.
 */
function splitDocument(key) {
  flushTyping();
  const d = docs.get(key);
  if (!d || d.text.length <= MAX_DOC_CHARS) return;
  const parts = splitText(d.text, SPLIT_PART_CHARS);
  const at = order.indexOf(key) + 1;
  const made = parts.map((text, i) =>
    addDocument(newDocument({ key: keyFor(), id: d.id ? `${d.id}-${i + 1}` : '', text, extra: d.extra }), { at: at + i }),
  );
  const keep = d.entities.length || d.claims.length;
  if (!keep) removeDocument(key);
  openDocument(made[0].key);
  queueView.show(orderedDocs(), current);
  notice(
    `Texte découpé en ${made.length} documents aux fins de paragraphe${keep ? ' ; l’original, qui a des annotations, est gardé' : ''}.`,
  );
  annotateQueue();
}

/**
 * The document's text after an edit in the text box. The box gives CRLF and CR line ends back
 * as LF (a textarea's value is normalised), so the edit is found against the normalised text and
 * made on the document's own text: the line ends of an imported file stay, and no span moves.
 */
function textFromBox(text, value) {
  if (!text.includes('\r')) return value;
  const shown = text.replace(/\r\n?/g, '\n');
  if (shown === value) return text;
  const { at, removed, inserted } = diffText(shown, value);
  // An offset in `shown` → the same place in `text` (a CRLF is two units there, one here).
  const inText = (x) => {
    let i = 0;
    for (let j = 0; j < x; j++) i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    return i;
  };
  return text.slice(0, inText(at)) + value.slice(at, at + inserted) + text.slice(inText(at + removed));
}

/** The text box changed: move the document to the new text, keeping reviewed spans. */
function onTyped() {
  typingTimer = 0;
  let d = doc();
  if (!d) d = addDocument(newDocument({ key: keyFor(), text: '' }));
  const text = textFromBox(d.text, input.value);
  if (current !== d.key) {
    current = d.key;
    queueView.show(orderedDocs(), current);
    saveMeta();
  }
  if (text === d.text && d.annotated) return;
  if (text !== d.text) {
    const { dropped } = rebaseText(d, text);
    if (dropped) notice(`${dropped} correction(s) retirée(s) : le texte qu’elles couvraient a été modifié.`, 'error');
    ctl.selected = null;
    if (ctl.activeClaim !== null && !findClaim(d, ctl.activeClaim)) ctl.activeClaim = null;
    ctl.kb = null;
    save(d);
    showAll();
  }
  // The annotation is asked first: the worker answers in order, and the tokens (for snapping a
  // selection) are not needed before the first highlight.
  annotateCurrent();
  requestTokens(d);
}

function flushTyping() {
  if (typingTimer) {
    clearTimeout(typingTimer);
    onTyped();
  }
}

input.addEventListener('input', (event) => {
  clearTimeout(typingTimer);
  setStatus_('busy', 'Annotation…');
  // A paste or a drop is annotated at once; typing waits for a pause.
  const whole = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  typingTimer = setTimeout(onTyped, whole ? 0 : DEBOUNCE_MS);
});

// ------------------------------------------------------------------ annotating a queue

function showProgress(done, total, label) {
  $('progress').hidden = false;
  $('progress-bar').max = total;
  $('progress-bar').value = done;
  $('progress-text').textContent = `${label} ${formatNumber(done)} / ${formatNumber(total)}`;
}

/** Annotates the documents of the queue that have no annotation yet, one by one, cancellably. */
async function annotateQueue() {
  if (job) return;
  const all = orderedDocs().filter((d) => !d.annotated && d.text);
  const todo = all.filter((d) => d.text.length <= MAX_DOC_CHARS);
  if (todo.length < all.length) {
    const n = all.length - todo.length;
    notice(`${plural(n, 'document trop long n’est pas annoté', 'documents trop longs ne sont pas annotés')} : ${n === 1 ? 'ouvrez-le pour le découper' : 'ouvrez-les pour les découper'}.`, 'error');
  }
  if (!todo.length) return;
  job = { cancelled: false };
  const mine = job;
  let n = 0;
  showProgress(0, todo.length, 'Annotation');
  for (const d of todo) {
    if (mine.cancelled) break;
    if (d.annotated || !docs.has(d.key)) {
      n++;
      continue;
    }
    const text = d.text;
    try {
      const { value } = await client.call('annotate', { text }).promise;
      if (!d.annotated && d.text === text && docs.has(d.key)) {
        mergeSuggestions(d, value);
        save(d);
        queueView.update(d, current);
        if (d === doc()) {
          showAll();
          showCounts(d);
        }
      }
    } catch (err) {
      if (!err.crash) notice(`« ${title(d)} » : ${err.message}`, 'error');
      if (client.stopped) break;
    }
    n++;
    showProgress(n, todo.length, 'Annotation');
  }
  job = null;
  $('progress').hidden = true;
  queueView.summarize(orderedDocs());
  if (mine.cancelled) notice(`Annotation arrêtée : ${n} document(s) annoté(s) ; les autres le seront à leur ouverture.`);
  else notice(`${plural(n, 'document annoté', 'documents annotés')}.`);
}

$('progress-cancel').addEventListener('click', () => {
  if (job) job.cancelled = true;
});

// ------------------------------------------------------------------ import / export

function fillFormatSelects() {
  const imp = $('import-format');
  const exp = $('export-format');
  const auto = document.createElement('option');
  auto.value = '';
  auto.textContent = 'reconnaître le format';
  imp.replaceChildren(auto);
  exp.replaceChildren();
  for (const f of formatList) {
    for (const sel of [imp, exp]) {
      const o = document.createElement('option');
      o.value = f.name;
      o.textContent = `${f.name} — ${f.description}`;
      sel.append(o);
    }
  }
}

async function loadFormats() {
  try {
    const { value } = await client.call('formats').promise;
    formatList = value;
    fillFormatSelects();
  } catch {
    // reported by the crash handler
  }
}

/** Adds read documents to the queue; reports what was skipped. */
function addImported({ documents, skipped, notes }, source) {
  let dropped = 0;
  const added = [];
  for (const { doc: imported } of documents) {
    const { doc: d, dropped: n } = fromImported(keyFor(), imported);
    dropped += n;
    addDocument(d);
    added.push(d);
  }
  // The blank document the page started with gives way to the imported ones (only if some came).
  if (added.length && current !== null && dropIfBlank(current)) current = null;
  const messages = [];
  if (added.length) messages.push(`${plural(added.length, 'document ajouté', 'documents ajoutés')} depuis ${source}`);
  if (dropped) messages.push(`${dropped} entité(s) imbriquée(s) ou chevauchante(s) ignorée(s)`);
  if (notes.length) messages.push(notes.join(' ; '));
  if (skipped.length) {
    const list = skipped.slice(0, 5).join(' ; ');
    showBanner(`Import : ${skipped.length} élément(s) ignoré(s) — ${list}${skipped.length > 5 ? ` ; et ${skipped.length - 5} autre(s)` : ''}. Le reste de la file n’a pas changé.`);
  }
  if (!added.length && !skipped.length) messages.push('aucun document trouvé');
  if (messages.length) notice(`${messages.join(' · ')}.`, skipped.length ? 'error' : 'info');
  if (added.length) {
    openDocument(added[0].key);
    annotateQueue();
  } else queueView.show(orderedDocs(), current);
  return added;
}

$('import').addEventListener('click', () => {
  $('import-dialog').showModal();
});
$('import-cancel').addEventListener('click', () => $('import-dialog').close());
$('import-files').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', async (event) => {
  const files = [...event.target.files];
  event.target.value = '';
  if (!files.length) return;
  $('import-dialog').close();
  const reading = `Lecture de ${plural(files.length, 'fichier', 'fichiers')}…`;
  setStatus_('busy', reading);
  const result = await readFiles(client, files, $('import-format').value, parseLabelMap($('import-labels').value));
  addImported(result, files.map((f) => f.name).join(', '));
  // Unless opening an imported document started its annotation, the status line is the shown one's.
  if (statusLine.textContent === reading) {
    const d = doc();
    if (d?.annotated && d.text) showCounts(d);
    else setStatus_('idle', 'Prêt.');
  }
});
$('import-paste-go').addEventListener('click', async () => {
  const text = $('import-paste').value;
  if (!text.trim()) return;
  $('import-dialog').close();
  const result = await readPasted(client, text, parseLabelMap($('import-labels').value));
  if (result.documents.length) $('import-paste').value = '';
  addImported(result, 'le texte collé');
});

$('export').addEventListener('click', () => {
  $('export-note').textContent = '';
  $('export-dialog').showModal();
});
$('export-cancel').addEventListener('click', () => $('export-dialog').close());
$('export-go').addEventListener('click', async () => {
  flushTyping();
  const format = $('export-format').value;
  const scope = document.querySelector('input[name="export-scope"]:checked').value;
  const list = scope === 'current' ? [doc()].filter(Boolean) : orderedDocs().filter((d) => scope === 'all' || d.status === 'done');
  if (!list.length) {
    $('export-note').textContent = 'Aucun document à exporter.';
    return;
  }
  const info = formatList.find((f) => f.name === format);
  try {
    const { blob, warnings } = await exportBlob(client, format, list.map(toExportable), info?.mime);
    const base = scope === 'current' ? list[0].id || title(list[0]) : 'balise-export';
    download(blob, exportName(base, info?.extension || 'txt'));
    const text = `${plural(list.length, 'document exporté', 'documents exportés')} en ${format}.${warnings.length ? ` Attention : ${warnings.join(' ; ')}` : ''}`;
    $('export-note').textContent = text;
    notice(text, warnings.length ? 'error' : 'info');
  } catch (err) {
    $('export-note').textContent = `Export impossible : ${err.message}`;
  }
});

// ------------------------------------------------------------------ dialogs

/** A modal question; resolves to the value of the chosen button (or null when dismissed). */
function ask(titleText, text, choices) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = titleText;
  $('confirm-text').textContent = text;
  const box = $('confirm-actions');
  box.replaceChildren();
  return new Promise((resolve) => {
    for (const [value, label] of choices) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.value = value;
      b.addEventListener('click', () => {
        dialog.close();
        resolve(value);
      });
      box.append(b);
    }
    dialog.addEventListener('cancel', () => resolve(null), { once: true });
    dialog.showModal();
    box.firstElementChild?.focus();
  });
}

function showHelp() {
  const body = $('help-body');
  const table = document.createElement('table');
  table.className = 'help-table';
  for (const [keys, what] of HELP) {
    const tr = document.createElement('tr');
    if (what === null) {
      const th = document.createElement('th');
      th.colSpan = 2;
      th.textContent = keys;
      tr.append(th);
    } else {
      const k = document.createElement('td');
      const kbd = document.createElement('kbd');
      kbd.textContent = keys;
      k.append(kbd);
      const w = document.createElement('td');
      w.textContent = what;
      tr.append(k, w);
    }
    table.append(tr);
  }
  body.replaceChildren(table);
  $('help-dialog').showModal();
}

$('help').addEventListener('click', showHelp);
$('help-dialog').addEventListener('close', () => output.focus({ preventScroll: true }));

$('reannotate').addEventListener('click', async () => {
  flushTyping();
  const d = doc();
  if (!d || !d.text) return;
  let keep = true;
  if (hasReviewed(d)) {
    const choice = await ask(
      'Ré-annoter ce document ?',
      'Ce document contient des corrections (entités ou affirmations acceptées, corrigées ou ajoutées). Le modèle remplace ses suggestions ; vos corrections peuvent être gardées.',
      [
        ['keep', 'Garder mes corrections'],
        ['replace', 'Tout remplacer (annulable)'],
        ['cancel', 'Annuler'],
      ],
    );
    if (choice === null || choice === 'cancel') return;
    keep = choice === 'keep';
  }
  setStatus_('busy', 'Annotation…');
  let result;
  try {
    result = await client.call('annotate', { text: d.text }).promise;
  } catch (err) {
    if (!err.crash) showBanner(`Erreur : ${err.message}`);
    return;
  }
  const change = reannotateChange(d, result.value, { keepReviewed: keep });
  commit(d, change);
  d.annotated = true;
  save(d);
  showAll();
  showCounts(d, result.ms);
});

$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('accept-all').addEventListener('click', () => ctl.acceptAll());
$('mark-done').addEventListener('click', toggleDone);
$('new-doc').addEventListener('click', () => {
  newBlankDocument();
  input.focus();
});
$('clear').addEventListener('click', () => {
  const d = doc();
  if (d && !hasReviewed(d) && d.text) {
    input.value = '';
    onTyped();
  } else if (!d || d.text) newBlankDocument();
  input.focus();
});
$('sample').addEventListener('click', () => {
  const d = doc();
  if (d && !d.text && !d.entities.length) {
    input.value = SAMPLE;
    onTyped();
  } else newBlankDocument(SAMPLE);
});
$('new-claim').addEventListener('click', () => ctl.actions.newClaim());
$('banner-close').addEventListener('click', () => {
  banner.hidden = true;
});

$('doc-list').addEventListener('click', (event) => {
  const li = event.target.closest('li[data-key]');
  if (li && li.dataset.key !== current) openDocument(li.dataset.key);
});
$('doc-list').addEventListener('keydown', (event) => {
  const li = event.target.closest('li[data-key]');
  if (!li) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const sibling = event.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
    if (sibling) {
      openDocument(sibling.dataset.key);
      queueView.item(sibling.dataset.key)?.focus();
    }
  } else if (event.key === 'Enter') {
    event.preventDefault();
    output.focus();
  }
});

// Claim panel: activate on click, editor controls.
claimsBox.addEventListener('click', (event) => {
  const li = event.target.closest('li[data-claim]');
  if (!li) return;
  const id = Number(li.dataset.claim);
  const action = event.target.closest('button[data-action]')?.dataset.action;
  if (action) {
    if (id !== ctl.activeClaim) ctl.activateClaim(id);
    const a = ctl.actions;
    ({ content: () => a.claimPart('content'), cue: () => a.claimPart('cue'), source: () => a.claimPart('source'), nosource: a.noSource, accept: a.acceptClaim, delete: a.deleteClaim })[action]?.();
    return;
  }
  if (event.target.closest('select, input, label')) return;
  if (id !== ctl.activeClaim) ctl.activateClaim(id);
});
claimsBox.addEventListener('change', (event) => {
  if (event.target.matches('select.kind-select')) ctl.actions.setKind(event.target.value);
  else if (event.target.matches('input.hedged-toggle')) ctl.actions.setHedged(event.target.checked);
});
claimsBox.addEventListener('keydown', (event) => {
  const li = event.target.closest('li[data-claim]');
  if (!li || event.target !== li) return;
  const id = Number(li.dataset.claim);
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    if (id !== ctl.activeClaim) ctl.activateClaim(id);
    claimsBox.querySelector(`li[data-claim="${id}"]`)?.focus();
  } else if (event.key === 'Delete') {
    event.preventDefault();
    ctl.activateClaim(id);
    ctl.actions.deleteClaim();
  }
});

// Hovering a claim (text or panel) marks all its parts.
let hovered = null;
function hover(id) {
  if (id === hovered) return;
  for (const el of document.querySelectorAll('.hover-claim')) el.classList.remove('hover-claim');
  hovered = id;
  if (id === null) return;
  for (const el of document.querySelectorAll(`[data-claim="${CSS.escape(id)}"]`)) el.classList.add('hover-claim');
}
for (const el of [output, claimsBox]) {
  el.addEventListener('mouseover', (e) => hover(e.target.closest?.('[data-claim]')?.dataset.claim ?? null));
  el.addEventListener('mouseleave', () => hover(null));
}

// ------------------------------------------------------------------ legend

function buildLegend() {
  const legend = $('legend');
  const items = [];
  for (const label of Object.keys(LABEL_NAMES)) {
    const key = Object.keys(LABEL_KEYS).filter((k) => LABEL_KEYS[k] === label).join(' / ');
    const item = document.createElement('span');
    item.className = 'legend-item';
    const sample = document.createElement('mark');
    sample.className = `ent ent-${label}`;
    sample.textContent = label;
    sample.title = `${label} — ${LABEL_NAMES[label]}`;
    const kbd = document.createElement('kbd');
    kbd.textContent = key;
    item.append(kbd, document.createTextNode(' '), sample, document.createTextNode(` ${LABEL_NAMES[label]}`));
    items.push(item);
  }
  for (const role of ROLES) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const sample = document.createElement('span');
    sample.className = `part part-${role}`;
    sample.textContent = { content: 'contenu', cue: 'indice', source: 'source' }[role];
    item.append(sample);
    items.push(item);
  }
  const prov = document.createElement('span');
  prov.className = 'legend-item legend-prov';
  for (const p of ['model', 'accepted', 'edited', 'manual']) {
    const m = document.createElement('mark');
    m.className = 'ent ent-sample';
    m.dataset.provenance = p;
    m.textContent = PROVENANCE_NAMES[p];
    prov.append(m, document.createTextNode(' '));
  }
  items.push(prov);
  legend.replaceChildren(...items);
  void KIND_NAMES;
}

// ------------------------------------------------------------------ start

window.addEventListener('beforeunload', (event) => {
  flushTyping();
  if (store?.pending) event.preventDefault();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    flushTyping();
    if (current !== null) compact(current);
  }
});

// Another tab of Balise on the same storage: warn (both would write the same documents).
try {
  const channel = new BroadcastChannel('balise');
  channel.onmessage = (e) => {
    if (e.data === 'hello') channel.postMessage('here');
    if (e.data === 'hello' || e.data === 'here') {
      notice('Balise est aussi ouvert dans un autre onglet : modifiez les documents dans un seul onglet à la fois.', 'error');
    }
  };
  channel.postMessage('hello');
} catch {
  // no BroadcastChannel: nothing to warn about
}

installEditor(ctl);
buildLegend();
loadFormats();

async function start() {
  store = await Store.open({ onState: onStoreState });
  let loaded = { docs: [], meta: {} };
  try {
    loaded = await store.load();
  } catch (err) {
    showBanner(`Les documents enregistrés n’ont pas pu être relus : ${err.message}. Rien n’a été effacé.`);
  }
  for (const d of loaded.docs) {
    const entries = loaded.logs.get(d.key);
    if (entries?.length) {
      replay(d, entries);
      unsnapshotted.set(d.key, entries.length);
    }
    docs.set(d.key, d);
    order.push(d.key);
    nextOrder = Math.max(nextOrder, (d.order ?? 0) + 1);
  }
  const typed = input.value; // text typed before the storage answered
  if (!order.length) {
    const d = addDocument(newDocument({ key: keyFor(), text: '' }));
    current = d.key;
  } else {
    current = docs.has(loaded.meta.current) ? loaded.meta.current : order[0];
  }
  openDocument(current);
  if (typed && typed !== doc().text) {
    if (doc().text) newBlankDocument();
    input.value = typed;
    onTyped();
  }
  window.__balise = { ready: true, docs, order: () => order, current: () => current, store };
}

start();
