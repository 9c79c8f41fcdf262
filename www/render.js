// Render: builds the highlighted text and the claim list as DOM nodes.
// Text only ever goes in through text nodes / textContent: never innerHTML.
//
// DOM hooks (stable, used by tests and by anyone scripting the page):
//   * an entity is ONE element `<mark class="ent ent-PER" data-label="PER" data-start data-end>`;
//   * a claim part is `<span class="part part-cue" data-claim="0" data-role="cue"
//     data-start data-end>` (roles: content, cue, source); a part that crosses another highlight is split into several
//     consecutive elements with the same data-claim and data-role: join them in document order
//     (see layout.js);
//   * data-start/data-end are Unicode CODE POINT offsets into the input (end exclusive), so
//     `Array.from(input).slice(start, end).join('') === element.textContent`;
//   * data-claim is the claim's 0-based number, the same as its place in the claim list
//     (`<li data-claim="0">` in `#claims`).

import { layout } from './layout.js';
import { utf16ToCodePoints } from './offsets.js';

/** Human names of the labels and claim kinds, for tooltips and the claim list. */
export const LABEL_NAMES = {
  PER: 'personne',
  ORG: 'organisation',
  LOC: 'lieu',
  MISC: 'divers',
  DATE: 'date',
  NUM: 'nombre',
};

export const KIND_NAMES = {
  direct: 'citation directe',
  indirect: 'discours indirect',
  according_to: 'selon',
  unattributed: 'non attribuée',
};

const ROLE_NAMES = { content: 'contenu', cue: 'indice', source: 'source' };

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function appendNodes(parent, node, text, toCodePoint) {
  let pos = node.start;
  for (const child of node.children) {
    if (child.start > pos) parent.append(document.createTextNode(text.slice(pos, child.start)));
    let el;
    if (child.type === 'entity') {
      el = element('mark', `ent ent-${child.label}`);
      el.dataset.label = child.label;
      el.title = `${child.label} — ${LABEL_NAMES[child.label] || child.label}`;
    } else {
      el = element('span', `part part-${child.role}`);
      el.dataset.claim = String(child.claim);
      el.dataset.role = child.role;
    }
    el.dataset.start = String(toCodePoint(child.start));
    el.dataset.end = String(toCodePoint(child.end));
    appendNodes(el, child, text, toCodePoint);
    parent.append(el);
    pos = child.end;
  }
  if (node.end > pos) parent.append(document.createTextNode(text.slice(pos, node.end)));
}

/**
 * Replaces the content of `container` with `text`, highlighted with `annotation` (the wasm
 * `annotate` result, UTF-16 offsets). Returns `{entities, claims, dropped}` counts.
 */
export function renderText(container, text, annotation) {
  const { root, dropped } = layout(annotation, text.length);
  const fragment = document.createDocumentFragment();
  appendNodes(fragment, root, text, utf16ToCodePoints(text));
  container.replaceChildren(fragment);
  return {
    entities: container.querySelectorAll('[data-label]').length,
    claims: (annotation.claims || []).length,
    dropped,
  };
}

function spanText(text, span) {
  return span ? text.slice(span.start, span.end) : null;
}

/**
 * Fills the list `list` (an <ol>) with one item per claim, in the order of
 * `annotation.claims`: kind, then « source → content », cue and hedging.
 */
export function renderClaims(list, text, annotation) {
  const fragment = document.createDocumentFragment();
  (annotation.claims || []).forEach((claim, index) => {
    const li = element('li', 'claim');
    li.dataset.claim = String(index);
    li.dataset.kind = claim.kind;
    li.tabIndex = 0;

    const head = element('div', 'claim-head');
    head.append(element('span', 'kind', KIND_NAMES[claim.kind] || claim.kind));
    if (claim.hedged) head.append(element('span', 'hedged', 'conditionnel'));
    const cue = spanText(text, claim.cue);
    if (cue) head.append(element('span', 'cue', cue));
    li.append(head);

    const body = element('div', 'claim-body');
    const source = spanText(text, claim.source);
    body.append(source === null ? element('span', 'source none', 'sans source') : element('span', 'source', source));
    const ref = spanText(text, claim.source_ref);
    if (ref && ref !== source) body.append(element('span', 'source-ref', `(= ${ref})`));
    body.append(element('span', 'arrow', ' → '));
    body.append(element('q', 'content', spanText(text, claim.content) ?? ''));
    li.append(body);
    fragment.append(li);
  });
  list.replaceChildren(fragment);
}

/**
 * A legend sample: the same element and classes as in the text, but without the data-*
 * hooks, so that `[data-label]` / `[data-role]` only ever match the annotated text.
 */
export function legendSample(kind, value) {
  if (kind === 'label') {
    const el = element('mark', `ent ent-${value}`, value);
    el.title = `${value} — ${LABEL_NAMES[value]}`;
    return el;
  }
  return element('span', `part part-${value}`, ROLE_NAMES[value]);
}
