// The document queue: one list item per document with its status and counts.
//
// Hooks: `<li class="doc" data-key data-status="todo|in_progress|done" aria-current>` with
// `.doc-title`, `.doc-status`, `.doc-counts` inside; `#queue-counts` sums the statuses.

import { counts, title } from './doc-model.js';

export const STATUS_NAMES = { todo: 'à faire', in_progress: 'en cours', done: 'terminé' };

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function fill(li, doc, current) {
  li.dataset.key = doc.key;
  li.dataset.status = doc.status;
  li.tabIndex = current ? 0 : -1;
  if (current) li.setAttribute('aria-current', 'true');
  else li.removeAttribute('aria-current');
  const c = counts(doc);
  const detail = doc.annotated
    ? `${c.entities} ent. · ${c.claims} aff.${c.suggestions ? ` · ${c.suggestions} à revoir` : ''}`
    : 'non annoté';
  li.replaceChildren(
    element('span', 'doc-title', title(doc)),
    element('span', `doc-status status-${doc.status}`, STATUS_NAMES[doc.status] || doc.status),
    element('span', 'doc-counts', detail),
  );
}

export class QueueView {
  #list;
  #summary;
  #items = new Map(); // key -> li

  constructor(list, summary) {
    this.#list = list;
    this.#summary = summary;
  }

  /** Renders the whole list (`docs` in queue order). */
  show(docs, currentKey) {
    this.#items.clear();
    const fragment = document.createDocumentFragment();
    for (const doc of docs) {
      const li = element('li', 'doc');
      fill(li, doc, doc.key === currentKey);
      this.#items.set(doc.key, li);
      fragment.append(li);
    }
    this.#list.replaceChildren(fragment);
    this.summarize(docs);
  }

  /** Updates one document's item (after an edit). */
  update(doc, currentKey) {
    const li = this.#items.get(doc.key);
    if (li) fill(li, doc, doc.key === currentKey);
  }

  summarize(docs) {
    const n = { todo: 0, in_progress: 0, done: 0 };
    for (const d of docs) n[d.status] = (n[d.status] || 0) + 1;
    this.#summary.textContent = docs.length
      ? `${docs.length} · ${n.done} terminé${n.done > 1 ? 's' : ''} · ${n.in_progress} en cours · ${n.todo} à faire`
      : '';
  }

  item(key) {
    return this.#items.get(key) ?? null;
  }
}
