// The claim panel: the document's claims grouped by source (« source → content »), each with its
// kind, cue, hedging and review state; the active claim opens an editor (kind, hedged, cue and
// source from the selection, accept, delete). Text goes in through textContent only.
//
// Hooks: `<section class="claim-group" data-source>` per source, `<li class="claim"
// data-claim data-kind data-provenance>` per claim (data-claim = the number on the claim's
// parts in the text), `.source`, `.content`, `.cue` inside it; editor controls carry
// `data-action` (content, cue, source, nosource, accept, delete) or are `select.kind-select` /
// `input.hedged-toggle`.

import { groupBySource, claimProblem, KINDS } from './doc-model.js';
import { PROVENANCE_NAMES } from './text-view.js';

export const KIND_NAMES = {
  direct: 'citation directe',
  indirect: 'discours indirect',
  according_to: 'selon X (attribution)',
  unattributed: 'non attribuée',
};

/** A short mark per kind, so that kinds differ without colour. */
const KIND_MARKS = { direct: '« »', indirect: '→', according_to: '≈', unattributed: '∅' };

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function button(action, text, title) {
  const b = element('button', 'small', text);
  b.type = 'button';
  b.dataset.action = action;
  if (title) b.title = title;
  return b;
}

function slice(text, s) {
  return s ? text.slice(s.start, s.end) : null;
}

function claimItem(doc, claim, active, number) {
  const li = element('li', 'claim');
  li.dataset.claim = String(claim.id);
  li.dataset.kind = claim.kind;
  li.dataset.provenance = claim.provenance;
  li.tabIndex = 0;
  li.setAttribute('aria-selected', active ? 'true' : 'false');
  if (active) li.classList.add('active-claim');

  const head = element('div', 'claim-head');
  // The claim's place in the panel (numbered here rather than by a CSS counter, so that items
  // out of view can skip layout: see `content-visibility` in style.css).
  head.append(element('span', 'claim-num', `#${number}`));
  const kind = element('span', 'kind');
  kind.append(element('span', 'kind-mark', KIND_MARKS[claim.kind] || ''), document.createTextNode(` ${KIND_NAMES[claim.kind] || claim.kind}`));
  head.append(kind);
  if (claim.hedged) head.append(element('span', 'hedged', 'conditionnel'));
  head.append(element('span', `prov prov-${claim.provenance}`, PROVENANCE_NAMES[claim.provenance] || claim.provenance));
  const cue = slice(doc.text, claim.cue);
  if (cue) head.append(element('span', 'cue', cue));
  li.append(head);

  const body = element('div', 'claim-body');
  const source = slice(doc.text, claim.source);
  body.append(source === null ? element('span', 'source none', 'sans source') : element('span', 'source', source));
  const ref = slice(doc.text, claim.source_ref);
  if (ref && ref !== source) body.append(element('span', 'source-ref', `(= ${ref})`));
  body.append(element('span', 'arrow', ' → '));
  const content = slice(doc.text, claim.content) ?? '';
  body.append(element('q', 'content', content.length > 400 ? `${content.slice(0, 397)}…` : content));
  li.append(body);

  const problem = claimProblem(claim);
  if (problem) li.append(element('div', 'problem', `⚠ ${problem}`));
  if (active) li.append(claimEditor(claim));
  return li;
}

function claimEditor(claim) {
  const box = element('div', 'claim-editor');
  const kindLabel = element('label', 'field');
  kindLabel.append(document.createTextNode('Type '));
  const select = element('select', 'kind-select');
  for (const k of KINDS) {
    const opt = element('option', '', KIND_NAMES[k]);
    opt.value = k;
    opt.selected = k === claim.kind;
    select.append(opt);
  }
  kindLabel.append(select);
  const hedgedLabel = element('label', 'field');
  const hedged = element('input', 'hedged-toggle');
  hedged.type = 'checkbox';
  hedged.checked = claim.hedged;
  hedgedLabel.append(hedged, document.createTextNode(' conditionnel (h)'));
  box.append(kindLabel, hedgedLabel);
  const actions = element('div', 'claim-actions');
  actions.append(
    button('content', 'Contenu ← sélection', 'Le texte sélectionné devient le contenu'),
    button('cue', 'Indice ← sélection (v)', 'Le texte sélectionné devient l’indice (verbe, selon, «)'),
    button('source', 'Source ← sélection / entité (s)', 'Le texte sélectionné, ou la prochaine entité cliquée, devient la source'),
  );
  if (claim.source) actions.append(button('nosource', 'Retirer la source'));
  if (claim.provenance === 'model') actions.append(button('accept', 'Accepter (Entrée)'));
  actions.append(button('delete', 'Supprimer (Suppr)'));
  box.append(actions);
  return box;
}

function groupSection(doc, group, activeId, items, numbers) {
  const section = element('section', 'claim-group');
  section.dataset.source = group.key ?? '';
  const head = element('h3', 'group-head');
  head.append(
    element('span', 'group-name', group.name ?? 'Sans source'),
    element('span', 'group-count', String(group.claims.length)),
  );
  section.append(head);
  const ol = element('ol', 'group-claims');
  for (const c of group.claims) {
    numbers.set(c.id, numbers.size + 1);
    const li = claimItem(doc, c, c.id === activeId, numbers.get(c.id));
    items.set(c.id, li);
    ol.append(li);
  }
  section.append(ol);
  return section;
}

/**
 * The claim panel of a container: `show` renders everything; `refresh` re-renders only the items
 * of the claims an edit touched (and the old and new active claim) when the grouping is the same,
 * so that an edit in a long article stays cheap.
 */
export class ClaimPanel {
  #container;
  #items = new Map(); // claim id -> li
  #numbers = new Map(); // claim id -> its number in the panel (fixed while the shape is)
  #shape = '';
  #active = null;

  constructor(container) {
    this.#container = container;
  }

  /** Renders the claims of `doc` grouped by source; `activeId` is the open claim. */
  show(doc, activeId) {
    const groups = groupBySource(doc);
    this.#shape = shape(groups);
    this.#items.clear();
    this.#numbers.clear();
    const fragment = document.createDocumentFragment();
    for (const g of groups) fragment.append(groupSection(doc, g, activeId, this.#items, this.#numbers));
    this.#container.replaceChildren(fragment);
    this.#active = activeId;
    return doc.claims.length;
  }

  /** Updates the panel after claims `ids` changed (null: anything may have changed). */
  refresh(doc, activeId, ids = null) {
    const groups = groupBySource(doc);
    if (ids === null || shape(groups) !== this.#shape) return this.show(doc, activeId);
    const dirty = new Set(ids);
    if (activeId !== this.#active) {
      if (this.#active !== null) dirty.add(this.#active);
      if (activeId !== null) dirty.add(activeId);
    }
    const byId = new Map(doc.claims.map((c) => [c.id, c]));
    for (const id of dirty) {
      const old = this.#items.get(id);
      const claim = byId.get(id);
      if (!old || !claim) continue;
      const li = claimItem(doc, claim, id === activeId, this.#numbers.get(id));
      old.replaceWith(li);
      this.#items.set(id, li);
    }
    this.#active = activeId;
    return doc.claims.length;
  }
}

/** The grouping as a string: which claims are in which group, in order. */
function shape(groups) {
  return groups.map((g) => `${g.key}:${g.claims.map((c) => c.id).join(',')}`).join('|');
}

/** Renders `doc`'s claims into `container` once (for pages without a live panel). */
export function renderClaimPanel(container, doc, activeId) {
  return new ClaimPanel(container).show(doc, activeId);
}
