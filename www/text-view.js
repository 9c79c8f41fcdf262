// Text view: the document's text with its highlights, rendered block by block so that an edit
// re-renders only the blocks it touches (a 100,000-character article stays fluid).
// Text only ever goes in through text nodes: never innerHTML.
//
// DOM hooks (stable, documented in the README):
//   * an entity is ONE element `<mark class="ent ent-PER" data-label="PER" data-start data-end
//     data-id data-provenance>`;
//   * a claim part is `<span class="part part-cue" data-claim="3" data-role="cue" data-kind
//     data-start data-end>` (roles: content, cue, source). A part that crosses another highlight
//     or a block boundary is split into consecutive elements with the same data-claim and
//     data-role: join them in document order;
//   * data-start/data-end are Unicode CODE POINT offsets into the text (end exclusive):
//     `Array.from(text).slice(start, end).join('') === element.textContent`;
//   * data-claim is the claim's number, the same as `<li data-claim>` in the claim list.
// Layout: each paragraph (up to and including its line break) is a `<div class="para">`, so that
// the browser lays out only the paragraph an edit touches; a long paragraph is cut at spaces into
// several `<span class="blk">` rendering blocks. Neither carries attributes scripts need.

import { layout } from './layout.js';
import { utf16ToCodePoints } from './offsets.js';
import { firstEndingAfter, ROLES } from './doc-model.js';

/** Blocks end after a line break, or at a space once they are this long (UTF-16 units). */
const MAX_BLOCK = 1200;

export const LABEL_NAMES = {
  PER: 'personne',
  ORG: 'organisation',
  LOC: 'lieu',
  MISC: 'divers',
  DATE: 'date',
  NUM: 'nombre',
};

export const PROVENANCE_NAMES = {
  model: 'suggestion du modèle',
  accepted: 'suggestion acceptée',
  edited: 'suggestion corrigée',
  manual: 'ajout manuel',
};

function insideEntity(entities, pos) {
  const e = entities[firstEndingAfter(entities, pos)];
  return e && e.start < pos;
}

/** Block boundaries of `text`: [0, …, text.length], never inside an entity. */
export function blockBounds(text, entities) {
  const bounds = [0];
  let last = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cut = i + 1;
    if (cut >= n) break;
    if (c === 10 /* \n */ || (cut - last >= MAX_BLOCK && (c === 32 || c === 9))) {
      if (!insideEntity(entities, cut)) {
        bounds.push(cut);
        last = cut;
      }
    }
  }
  bounds.push(n);
  return bounds;
}

function element(tag, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

export class TextView {
  #container;
  #doc = null;
  #bounds = [0, 0];
  #blocks = [];
  #toCp = (x) => x;
  #claimsById = new Map();
  #claimsByBlock = [];

  constructor(container) {
    this.#container = container;
  }

  get doc() {
    return this.#doc;
  }

  /** Renders `doc` entirely. */
  show(doc) {
    this.#doc = doc;
    this.#toCp = utf16ToCodePoints(doc.text);
    this.#bounds = blockBounds(doc.text, doc.entities);
    this.#indexClaims();
    const fragment = document.createDocumentFragment();
    this.#blocks = [];
    let para = null;
    for (let b = 0; b + 1 < this.#bounds.length; b++) {
      const el = this.#renderBlock(b);
      this.#blocks.push(el);
      if (!para) {
        para = element('div', 'para');
        fragment.append(para);
      }
      para.append(el);
      // A block ending with a line break ends its paragraph.
      if (doc.text.charCodeAt(this.#bounds[b + 1] - 1) === 10) para = null;
    }
    this.#container.replaceChildren(fragment);
  }

  /** Re-renders the blocks overlapping `ranges` ([[start, end]…], UTF-16) after an edit. */
  update(ranges) {
    const doc = this.#doc;
    if (!doc) return;
    this.#indexClaims();
    // A new or resized entity across a block boundary: the blocks must be recomputed.
    for (const [s, e] of ranges) {
      for (let i = firstEndingAfter(doc.entities, s); i < doc.entities.length; i++) {
        const ent = doc.entities[i];
        if (ent.start >= e) break;
        if (this.#blockIndex(ent.start) !== this.#blockIndex(ent.end - 1)) {
          this.show(doc);
          return;
        }
      }
    }
    const dirty = new Set();
    for (const [s, e] of ranges) {
      const first = this.#blockIndex(s);
      const last = this.#blockIndex(Math.max(s, e - 1));
      for (let b = first; b <= last; b++) dirty.add(b);
    }
    for (const b of dirty) {
      const el = this.#renderBlock(b);
      this.#blocks[b].replaceWith(el);
      this.#blocks[b] = el;
    }
  }

  #indexClaims() {
    const claims = this.#doc.claims;
    this.#claimsById = new Map(claims.map((c) => [c.id, c]));
    // Per block, the indices of the claims with a part in it (in the document's order), so
    // that rendering a block does not go through every claim of a long document.
    const byBlock = Array.from({ length: Math.max(0, this.#bounds.length - 1) }, () => []);
    claims.forEach((c, ci) => {
      for (const role of ROLES) {
        const s = c[role];
        if (!s) continue;
        const last = this.#blockIndex(Math.max(s.start, s.end - 1));
        for (let b = this.#blockIndex(s.start); b <= last; b++) {
          const list = byBlock[b];
          if (list[list.length - 1] !== ci) list.push(ci);
        }
      }
    });
    this.#claimsByBlock = byBlock;
  }

  /** Index of the block containing UTF-16 offset `x` (the last block for the text's end). */
  #blockIndex(x) {
    const bounds = this.#bounds;
    let lo = 0;
    let hi = bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  #renderBlock(b) {
    const doc = this.#doc;
    const start = this.#bounds[b];
    const end = this.#bounds[b + 1];
    const el = element('span', 'blk');
    el.dataset.o = String(start);
    const entities = [];
    for (let i = firstEndingAfter(doc.entities, start); i < doc.entities.length; i++) {
      const e = doc.entities[i];
      if (e.start >= end) break;
      entities.push({ start: e.start - start, end: e.end - start, label: e.label, ref: e });
    }
    const claims = [];
    const claimIds = [];
    for (const ci of this.#claimsByBlock[b] ?? []) {
      const c = doc.claims[ci];
      const local = {};
      let any = false;
      for (const role of ROLES) {
        const s = c[role];
        if (!s || s.end <= start || s.start >= end) continue;
        local[role] = { start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start };
        any = true;
      }
      if (any) {
        claims.push(local);
        claimIds.push(c.id);
      }
    }
    const { root } = layout({ entities, claims }, end - start);
    const byRange = new Map(entities.map((e) => [`${e.start}:${e.end}`, e.ref]));
    this.#append(el, root, doc.text, start, byRange, claimIds);
    return el;
  }

  #append(parent, node, text, base, byRange, claimIds) {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) parent.append(document.createTextNode(text.slice(base + pos, base + child.start)));
      let el;
      if (child.type === 'entity') {
        const ref = byRange.get(`${child.start}:${child.end}`);
        el = element('mark', `ent ent-${child.label}`);
        el.dataset.label = child.label;
        if (ref) {
          el.dataset.id = String(ref.id);
          el.dataset.provenance = ref.provenance;
          el.title = `${child.label} — ${LABEL_NAMES[child.label] || child.label} (${PROVENANCE_NAMES[ref.provenance] || ref.provenance})`;
        }
      } else {
        const id = claimIds[child.claim];
        const claim = this.#claimsById.get(id);
        el = element('span', `part part-${child.role}`);
        el.dataset.claim = String(id);
        el.dataset.role = child.role;
        if (claim) {
          el.dataset.kind = claim.kind;
          el.dataset.provenance = claim.provenance;
          if (claim.hedged) el.dataset.hedged = 'true';
        }
      }
      el.dataset.start = String(this.#toCp(base + child.start));
      el.dataset.end = String(this.#toCp(base + child.end));
      this.#append(el, child, text, base, byRange, claimIds);
      parent.append(el);
      pos = child.end;
    }
    if (node.end > pos) parent.append(document.createTextNode(text.slice(base + pos, base + node.end)));
  }

  /** The UTF-16 offset of a DOM position (`node`, `offset`) inside the view, or null. */
  offsetOf(node, offset) {
    const container = this.#container;
    if (!container.contains(node) || !this.#doc) return null;
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const block = el.closest('.blk');
    if (!block) {
      // A position between paragraphs or blocks (the container or a .para): the start of the
      // block that follows it, or the end of the text.
      const next = node.childNodes[offset];
      const blk = next ? (next.classList?.contains('blk') ? next : next.querySelector?.('.blk')) : null;
      if (blk) return Number(blk.dataset.o);
      const before = node.childNodes[offset - 1];
      const last = before && (before.classList?.contains('blk') ? before : [...(before.querySelectorAll?.('.blk') ?? [])].pop());
      if (last) {
        const b = this.#blocks.indexOf(last);
        return b >= 0 ? this.#bounds[b + 1] : this.#doc.text.length;
      }
      return offset === 0 ? 0 : this.#doc.text.length;
    }
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.o) + range.toString().length;
  }

  /** A DOM Range over the UTF-16 range [start, end) of the text. */
  rangeOf(start, end) {
    const range = document.createRange();
    const a = this.#point(start, false);
    const b = this.#point(end, true);
    if (!a || !b) return null;
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  /** The text node and offset of UTF-16 offset `x`; `atEnd` prefers the end of a node. */
  #point(x, atEnd) {
    if (!this.#blocks.length) return { node: this.#container, offset: 0 };
    let b = this.#blockIndex(x);
    if (atEnd && b > 0 && this.#bounds[b] === x) b--;
    const block = this.#blocks[b];
    let rest = x - this.#bounds[b];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (rest < len || (rest === len && atEnd)) return { node: n, offset: rest };
      rest -= len;
      last = n;
    }
    return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 };
  }

  /** The rendered elements of an entity or of a claim. */
  entityElement(id) {
    return this.#container.querySelector(`mark[data-id="${id}"]`);
  }

  claimElements(id) {
    return this.#container.querySelectorAll(`[data-claim="${id}"]`);
  }

  /** The rendered elements whose spans touch [start, end) (for focus/selection marks). */
  blockElementsOf(start, end) {
    const out = [];
    for (let b = this.#blockIndex(start); b <= this.#blockIndex(Math.max(start, end - 1)); b++) out.push(this.#blocks[b]);
    return out;
  }
}
