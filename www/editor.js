// Editing: mouse and keyboard on the annotated text → actions of doc-model.js, through the
// controller `ctl` that app.js passes in (it commits, renders and saves).
//
// Keyboard (the text has the focus; see HELP below for the overlay):
//   ←/→ move by token, Maj+←/→ move the end of the selection (or of the selected entity), Ctrl+Maj+←/→
//   its start, ↓/↑ next/previous entity, 1–6 or p o l m d n label, Entrée accept, Suppr reject/delete,
//   c new claim, v cue, s source, k kind, h hedged, Échap cancel.
// Mouse: a selection snaps to the core's tokens (hold Alt to keep it as it is); a click on an entity
// selects it, its two handles resize it; a click on a claim part opens the claim.

import {
  LABELS,
  KINDS,
  addEntity,
  relabelEntity,
  resizeEntity,
  deleteEntity,
  acceptEntity,
  addClaim,
  updateClaim,
  deleteClaim,
  acceptClaim,
  entityAt,
  findEntity,
  findClaim,
  snapToTokens,
  trimRange,
} from './doc-model.js';

export const LABEL_KEYS = {
  1: 'PER', 2: 'ORG', 3: 'LOC', 4: 'MISC', 5: 'DATE', 6: 'NUM',
  p: 'PER', o: 'ORG', l: 'LOC', m: 'MISC', d: 'DATE', n: 'NUM',
};

/** The shortcut list of the help overlay: [keys, what they do]. */
export const HELP = [
  ['Texte annoté', null],
  ['Tab', 'donner le focus au texte (puis aux autres zones)'],
  ['← →', 'aller au mot (jeton) précédent / suivant'],
  ['Maj+← →', 'réduire / étendre la fin de la sélection, ou de l’entité choisie'],
  ['Ctrl+Maj+← →', 'étendre / réduire le début de la sélection, ou de l’entité choisie'],
  ['↓ ↑', 'entité suivante / précédente'],
  ['Début Fin', 'premier / dernier mot'],
  ['1–6 ou p o l m d n', 'étiqueter la sélection, ou changer l’étiquette de l’entité : PER, ORG, LOC, MISC, DATE, NUM'],
  ['Entrée', 'accepter la suggestion choisie (entité ou affirmation) et passer à la suivante'],
  ['Suppr, Retour arrière', 'rejeter / supprimer l’entité choisie, sinon l’affirmation ouverte'],
  ['Maj+A', 'accepter toutes les suggestions du document'],
  ['Échap', 'annuler le choix en cours'],
  ['Souris', 'sélectionner du texte (aligné sur les mots ; Alt pour ne pas aligner), cliquer une entité pour la choisir, tirer ses poignées pour la redimensionner'],
  ['Affirmations', null],
  ['c', 'nouvelle affirmation dont le contenu est la sélection'],
  ['v', 'la sélection devient l’indice (verbe, « selon », guillemet) de l’affirmation ouverte'],
  ['s', 'la sélection ou l’entité choisie devient la source ; sans sélection, cliquez ensuite la source'],
  ['k', 'changer le type : citation directe, discours indirect, selon, non attribuée'],
  ['h', 'marquer / démarquer comme conditionnelle (« aurait », non confirmé)'],
  ['Partout', null],
  ['Ctrl+Z', 'annuler (dans la zone Texte : annuler la frappe)'],
  ['Ctrl+Maj+Z, Ctrl+Y', 'rétablir'],
  ['Alt+↓ Alt+↑', 'document suivant / précédent de la file'],
  ['Ctrl+Entrée', 'marquer le document terminé (ou le rouvrir)'],
  ['?', 'cette aide'],
];

function isTextField(el) {
  return Boolean(el?.closest?.('textarea, input, select, [contenteditable="true"]'));
}

export function installEditor(ctl) {
  const output = ctl.output;
  let drag = null;

  // ------------------------------------------------------------ helpers

  const tokens = () => ctl.tokens();

  function firstTokenFrom(pos) {
    const t = tokens();
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return t[lo] ?? null;
  }

  function lastTokenUntil(pos) {
    const t = tokens();
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return t[lo - 1] ?? null;
  }

  /** The selection inside the text as UTF-16 offsets, or null. */
  function domSelection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!output.contains(r.commonAncestorContainer)) return null;
    const s = ctl.view.offsetOf(r.startContainer, r.startOffset);
    const e = ctl.view.offsetOf(r.endContainer, r.endOffset);
    if (s === null || e === null || s >= e) return null;
    return [s, e];
  }

  /** Shows [start, end) as the page selection. */
  function showRange(start, end, scroll = true) {
    const sel = window.getSelection();
    const range = ctl.view.rangeOf(start, end);
    if (!sel || !range) return;
    sel.removeAllRanges();
    if (end > start) sel.addRange(range);
    if (scroll) {
      const rect = range.getBoundingClientRect();
      const box = output.getBoundingClientRect();
      if (rect.top < Math.max(0, box.top) || rect.bottom > window.innerHeight) {
        const anchor = range.startContainer.parentElement;
        anchor?.scrollIntoView({ block: 'center' });
      }
    }
  }

  function setCursor(start, end, { scroll = true } = {}) {
    ctl.kb = { start, end };
    const doc = ctl.doc();
    const e = doc && entityAt(doc, start);
    if (e && e.start === start && e.end === end) {
      ctl.select(e.id, { scroll });
      return;
    }
    ctl.select(null);
    showRange(start, end, scroll);
    ctl.describeSelection();
  }

  function selectEntity(e, { scroll = true } = {}) {
    ctl.kb = { start: e.start, end: e.end };
    window.getSelection()?.removeAllRanges();
    ctl.select(e.id, { scroll });
  }

  /** The range an action applies to: the selected entity, else the keyboard/mouse selection. */
  function currentRange() {
    const doc = ctl.doc();
    const sel = ctl.selected !== null && findEntity(doc, ctl.selected);
    if (sel) return [sel.start, sel.end];
    const dom = domSelection();
    if (dom) return dom;
    if (ctl.kb && ctl.kb.end > ctl.kb.start) return [ctl.kb.start, ctl.kb.end];
    return null;
  }

  function run(result, onDone) {
    const change = ctl.run(result);
    if (change && onDone) onDone(change);
    return change;
  }

  // ------------------------------------------------------------ entity actions

  function label(lab) {
    const doc = ctl.doc();
    if (!doc) return;
    if (ctl.selected !== null) {
      run(relabelEntity(doc, ctl.selected, lab));
      return;
    }
    const r = currentRange();
    if (!r) {
      ctl.notice('Sélectionnez d’abord du texte (souris, ou ←/→ puis Maj+→).', 'info');
      return;
    }
    run(addEntity(doc, r[0], r[1], lab), (change) => {
      const added = change.ops[0].after;
      ctl.kb = { start: added.start, end: added.end };
      window.getSelection()?.removeAllRanges();
      ctl.select(added.id);
    });
  }

  function removeSelected() {
    const doc = ctl.doc();
    if (!doc) return;
    if (ctl.selected !== null) {
      const e = findEntity(doc, ctl.selected);
      run(deleteEntity(doc, ctl.selected), () => {
        ctl.select(null);
        if (e) ctl.kb = { start: e.start, end: e.start };
      });
      return;
    }
    if (ctl.activeClaim !== null) {
      run(deleteClaim(doc, ctl.activeClaim), () => ctl.activateClaim(null));
    }
  }

  function nextSuggestion(from) {
    const doc = ctl.doc();
    return doc.entities.find((e) => e.start >= from && e.provenance === 'model') ?? null;
  }

  function accept() {
    const doc = ctl.doc();
    if (!doc) return;
    if (ctl.selected !== null) {
      const e = findEntity(doc, ctl.selected);
      if (e && e.provenance !== 'model') {
        const next = nextSuggestion(e.end);
        if (next) selectEntity(next);
        return;
      }
      run(acceptEntity(doc, ctl.selected), () => {
        const next = e && nextSuggestion(e.end);
        if (next) selectEntity(next);
      });
      return;
    }
    if (ctl.activeClaim !== null) run(acceptClaim(doc, ctl.activeClaim));
  }

  function resize(which, dir) {
    const doc = ctl.doc();
    const e = findEntity(doc, ctl.selected);
    if (!e) return;
    let { start, end } = e;
    if (which === 'end') {
      if (dir > 0) {
        const t = firstTokenFrom(end);
        if (!t) return;
        end = t.end;
      } else {
        const t = lastTokenUntil(end - 1);
        if (!t || t.end <= start) return;
        end = t.end;
      }
    } else if (dir < 0) {
      const t = lastTokenUntil(start);
      if (!t) return;
      start = t.start;
    } else {
      const t = firstTokenFrom(start + 1);
      if (!t || t.start >= end) return;
      start = t.start;
    }
    run(resizeEntity(doc, e.id, start, end), () => {
      ctl.kb = { start, end };
      ctl.select(e.id);
    });
  }

  function extend(which, dir) {
    const kb = ctl.kb;
    if (!kb || kb.end <= kb.start) {
      move(dir);
      return;
    }
    let { start, end } = kb;
    if (which === 'end') {
      const t = dir > 0 ? firstTokenFrom(end) : lastTokenUntil(end - 1);
      if (!t || (dir < 0 && t.end <= start)) return;
      end = t.end;
    } else {
      const t = dir < 0 ? lastTokenUntil(start) : firstTokenFrom(start + 1);
      if (!t || (dir > 0 && t.start >= end)) return;
      start = t.start;
    }
    ctl.kb = { start, end };
    ctl.select(null);
    showRange(start, end);
    ctl.describeSelection();
  }

  function move(dir) {
    const doc = ctl.doc();
    if (!doc || !tokens().length) return;
    const kb = ctl.kb ?? { start: 0, end: 0 };
    let t;
    if (!ctl.kb) t = tokens()[0];
    else t = dir > 0 ? firstTokenFrom(kb.end) : lastTokenUntil(kb.start);
    if (!t) return;
    const e = entityAt(doc, t.start);
    if (e) selectEntity(e);
    else setCursor(t.start, t.end);
  }

  function jumpEntity(dir) {
    const doc = ctl.doc();
    if (!doc || !doc.entities.length) return;
    const kb = ctl.kb;
    let e;
    if (dir > 0) {
      const from = kb ? (ctl.selected !== null ? kb.end : kb.start) : 0;
      e = doc.entities.find((x) => x.start >= from && x.id !== ctl.selected) ?? null;
    } else {
      const from = kb ? kb.start : doc.text.length;
      e = doc.entities.findLast((x) => x.end <= from && x.id !== ctl.selected) ?? null;
    }
    if (e) selectEntity(e);
  }

  function edge(which) {
    const t = tokens();
    if (!t.length) return;
    const tok = which === 'first' ? t[0] : t[t.length - 1];
    const e = entityAt(ctl.doc(), tok.start);
    if (e) selectEntity(e);
    else setCursor(tok.start, tok.end);
  }

  // ------------------------------------------------------------ claim actions

  function newClaim() {
    const doc = ctl.doc();
    const r = currentRange();
    if (!doc || !r) {
      ctl.notice('Sélectionnez d’abord le contenu de l’affirmation, puis appuyez sur c.', 'info');
      return;
    }
    run(addClaim(doc, r[0], r[1]), (change) => {
      ctl.select(null);
      ctl.activateClaim(change.ops[0].after.id);
      ctl.notice('Affirmation créée : sélectionnez l’indice puis v, la source puis s (ou cliquez une entité).', 'info');
    });
  }

  /** Sets a part of the active claim from the current range, or waits for the next selection. */
  function claimPart(role) {
    const doc = ctl.doc();
    if (!doc || ctl.activeClaim === null) {
      ctl.notice('Ouvrez d’abord une affirmation (cliquez-la, ou créez-la avec c).', 'info');
      return;
    }
    const r = currentRange();
    if (!r) {
      ctl.setPick(role);
      return;
    }
    run(updateClaim(doc, ctl.activeClaim, { [role]: { start: r[0], end: r[1] } }), () => ctl.setPick(null));
  }

  function applyPick(start, end) {
    const role = ctl.pick;
    if (!role || ctl.activeClaim === null) return false;
    run(updateClaim(ctl.doc(), ctl.activeClaim, { [role]: { start, end } }), () => ctl.setPick(null));
    return true;
  }

  function cycleKind() {
    const doc = ctl.doc();
    const c = doc && findClaim(doc, ctl.activeClaim);
    if (!c) return;
    const kind = KINDS[(KINDS.indexOf(c.kind) + 1) % KINDS.length];
    run(updateClaim(doc, c.id, { kind }));
  }

  function toggleHedged() {
    const doc = ctl.doc();
    const c = doc && findClaim(doc, ctl.activeClaim);
    if (c) run(updateClaim(doc, c.id, { hedged: !c.hedged }));
  }

  ctl.actions = {
    label,
    removeSelected,
    accept,
    newClaim,
    claimPart,
    cycleKind,
    toggleHedged,
    setKind(kind) {
      const doc = ctl.doc();
      if (doc && ctl.activeClaim !== null) run(updateClaim(doc, ctl.activeClaim, { kind }));
    },
    setHedged(hedged) {
      const doc = ctl.doc();
      if (doc && ctl.activeClaim !== null) run(updateClaim(doc, ctl.activeClaim, { hedged }));
    },
    noSource() {
      const doc = ctl.doc();
      if (doc && ctl.activeClaim !== null) run(updateClaim(doc, ctl.activeClaim, { source: null, source_ref: null }));
    },
    acceptClaim() {
      const doc = ctl.doc();
      if (doc && ctl.activeClaim !== null) run(acceptClaim(doc, ctl.activeClaim));
    },
    deleteClaim() {
      const doc = ctl.doc();
      if (doc && ctl.activeClaim !== null) run(deleteClaim(doc, ctl.activeClaim), () => ctl.activateClaim(null));
    },
    deleteEntity() {
      if (ctl.selected !== null) removeSelected();
    },
    acceptEntity() {
      if (ctl.selected !== null) accept();
    },
  };

  // ------------------------------------------------------------ mouse

  output.addEventListener('mousedown', (event) => {
    const handle = event.target.closest?.('[data-handle]');
    if (!handle || ctl.selected === null) return;
    event.preventDefault();
    drag = { id: ctl.selected, which: handle.dataset.handle, range: null };
    output.classList.add('dragging');
  });

  document.addEventListener('mousemove', (event) => {
    if (!drag) return;
    const doc = ctl.doc();
    const e = findEntity(doc, drag.id);
    const pos = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    if (!e || !pos) return;
    let x = ctl.view.offsetOf(pos.startContainer, pos.startOffset);
    if (x === null) return;
    if (!event.altKey) x = snapPoint(x, drag.which);
    const range = drag.which === 'start' ? [Math.min(x, e.end - 1), e.end] : [e.start, Math.max(x, e.start + 1)];
    drag.range = range;
    showRange(range[0], range[1], false);
  });

  function tokenIndexContaining(x) {
    const t = tokens();
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid].end <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A drag position moved to a token boundary: a start to a token's start, an end to its end. */
  function snapPoint(x, which) {
    if (which === 'start') {
      const tok = tokens()[tokenIndexContaining(x)];
      if (tok && tok.start <= x) return tok.start;
      return firstTokenFrom(x)?.start ?? x;
    }
    const tok = tokens()[tokenIndexContaining(Math.max(0, x - 1))];
    if (tok && tok.start < x) return tok.end;
    return lastTokenUntil(x)?.end ?? x;
  }

  document.addEventListener('mouseup', () => {
    if (!drag) return;
    const { id, range } = drag;
    drag = null;
    output.classList.remove('dragging');
    window.getSelection()?.removeAllRanges();
    if (!range) return;
    run(resizeEntity(ctl.doc(), id, range[0], range[1]), () => {
      ctl.kb = { start: range[0], end: range[1] };
      ctl.select(id);
    });
    ctl.suppressClick = true;
  });

  output.addEventListener('mouseup', (event) => {
    if (drag) return;
    const r = domSelection();
    if (!r) return;
    const doc = ctl.doc();
    const [s, e] = event.altKey ? trimRange(doc.text, r[0], r[1]) : snapToTokens(tokens(), doc.text, r[0], r[1]);
    if (s >= e) return;
    ctl.suppressClick = true;
    if (applyPick(s, e)) return;
    setCursor(s, e, { scroll: false });
  });

  output.addEventListener('click', (event) => {
    if (ctl.suppressClick) {
      ctl.suppressClick = false;
      return;
    }
    const doc = ctl.doc();
    if (!doc) return;
    const mark = event.target.closest?.('mark[data-id]');
    if (mark) {
      const e = findEntity(doc, Number(mark.dataset.id));
      if (!e) return;
      if (applyPick(e.start, e.end)) return;
      selectEntity(e, { scroll: false });
      return;
    }
    const part = event.target.closest?.('[data-claim]');
    ctl.select(null);
    if (part) {
      ctl.activateClaim(Number(part.dataset.claim), { scrollText: false });
    }
    const pos = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    const x = pos ? ctl.view.offsetOf(pos.startContainer, pos.startOffset) : null;
    if (x !== null) {
      const t = tokens()[tokenIndexContaining(x)];
      ctl.kb = t ? { start: t.start, end: t.start } : { start: x, end: x };
    }
    ctl.describeSelection();
  });

  // ------------------------------------------------------------ keyboard

  output.addEventListener('focus', () => {
    if (!ctl.kb && ctl.selected === null) ctl.describeSelection('Flèches pour parcourir le texte, ? pour l’aide.');
  });

  output.addEventListener('keydown', (event) => {
    if (event.target !== output && !output.contains(event.target)) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const { key, shiftKey, altKey } = event;
    let handled = true;
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const dir = key === 'ArrowRight' ? 1 : -1;
      if (altKey && !shiftKey) handled = false;
      else if (shiftKey && (ctrl || altKey)) {
        if (ctl.selected !== null) resize('start', dir);
        else extend('start', dir);
      } else if (shiftKey) {
        if (ctl.selected !== null) resize('end', dir);
        else extend('end', dir);
      } else if (!ctrl) move(dir);
      else handled = false;
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && !altKey && !ctrl && !shiftKey) {
      jumpEntity(key === 'ArrowDown' ? 1 : -1);
    } else if ((key === 'Home' || key === 'End') && !altKey && !ctrl) {
      edge(key === 'Home' ? 'first' : 'last');
    } else if (ctrl || altKey) {
      handled = false;
    } else if (Object.hasOwn(LABEL_KEYS, key.toLowerCase()) && !shiftKey) {
      label(LABEL_KEYS[key.toLowerCase()]);
    } else if (key === 'Enter') {
      accept();
    } else if (key === 'Delete' || key === 'Backspace') {
      removeSelected();
    } else if (key === 'Escape') {
      // Cancels the innermost thing first: picking, the entity, the selection, the open claim.
      if (ctl.pick) ctl.setPick(null);
      else if (ctl.selected !== null) ctl.select(null);
      else if (ctl.kb && ctl.kb.end > ctl.kb.start) {
        ctl.kb = { start: ctl.kb.start, end: ctl.kb.start };
        window.getSelection()?.removeAllRanges();
        ctl.describeSelection();
      } else if (ctl.activeClaim !== null) ctl.activateClaim(null);
    } else if (key === 'c' && !shiftKey) newClaim();
    else if (key === 'v' && !shiftKey) claimPart('cue');
    else if (key === 's' && !shiftKey) claimPart('source');
    else if (key === 'k' && !shiftKey) cycleKind();
    else if (key === 'h' && !shiftKey) toggleHedged();
    else if (key === 'A' && shiftKey) ctl.acceptAll();
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  // Shortcuts that work everywhere on the page (but not while typing in a field).
  document.addEventListener('keydown', (event) => {
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    const inField = isTextField(event.target);
    const dialogOpen = Boolean(document.querySelector('dialog[open]'));
    if (dialogOpen) return;
    if (ctrl && !event.altKey && (key === 'z' || key === 'Z') && !inField) {
      event.preventDefault();
      if (event.shiftKey) ctl.redo();
      else ctl.undo();
    } else if (ctrl && !event.altKey && (key === 'y' || key === 'Y') && !inField) {
      event.preventDefault();
      ctl.redo();
    } else if (event.altKey && !ctrl && (key === 'ArrowDown' || key === 'ArrowUp')) {
      event.preventDefault();
      ctl.nextDoc(key === 'ArrowDown' ? 1 : -1);
    } else if (ctrl && key === 'Enter') {
      event.preventDefault();
      ctl.toggleDone();
    } else if (key === '?' && !inField) {
      event.preventDefault();
      ctl.showHelp();
    } else if (!inField && !ctrl && !event.altKey && event.target === document.body && (Object.hasOwn(LABEL_KEYS, key) || key === 'ArrowRight')) {
      // A key typed with nothing focused goes to the text.
      output.focus();
    }
  });

  return { LABELS };
}
