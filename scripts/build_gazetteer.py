#!/usr/bin/env python3
"""Builds the name lists embedded in src/ner/data/ from WiNER-fr *train* (never dev).

Usage: python3 scripts/build_gazetteer.py [/work/shared/data/winer-fr/train.jsonl]

WiNER-fr (github.com/YoannDupont/WiNER-fr): French Wikinews texts (CC BY 2.5, Wikinews
contributors), entity annotations by Y. Dupont et al. (CC BY 4.0). Only counts derived from the
train split are written; see src/ner/data/README.md.

Outputs (UTF-8, one entry a line, tab-separated, sorted):
  tokens.tsv        capitalised word -> PER ORG LOC MISC counts as a one-word name, the same
                    four counts as part of a longer name, O (capitalised mid-sentence outside
                    names), I (sentence-initial outside names)
  names.tsv         multi-word entity strings (words joined by one space, elisions apart:
                    "Vallée d' Aoste") -> PER ORG LOC MISC counts, O (same words, not an entity)
  continuations.tsv lower-case words that continue a name after a capitalised word
                    ("Assemblée nationale") -> times inside a name, times in total
  connectors.tsv    capitalised word + connector ("de", "du", "des", "d'", "de la", "de l'")
                    after which a capitalised word stays in the same name ("Vallée d'",
                    "Afrique du") -> joined, total
  inner.txt         lower-case words seen inside names right after de/du/des/d'/la/pour
                    ("Conseil de sécurité", "Coupe du monde")
  lexicon.txt       lower-case words seen at least 3 times (to tell a capitalised sentence-initial
                    common word from a name)
"""
import collections
import json
import os
import re
import sys

LABELS = ["PER", "ORG", "LOC", "MISC"]
ELIDED = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
APOS = "'’ʼ‘"
HYPHENS = "-\u2010\u2011"
DOTTED = {"M", "MM", "Dr", "Pr", "Mgr", "St", "Ste", "Jr", "Sr", "Cie"}
INITIAL_AFTER = {"«", '"', "“", ":", "—", "–", "(", "[", ".", "!", "?", "…"}
CONNECTORS = {"de", "du", "des", "d'"}


def is_word_char(c):
    return c.isalnum() or 0x300 <= ord(c) <= 0x36F


def split_chunk(text, start, end, out):
    """Python twin of src/ner/words.rs split_chunk (same rules)."""
    i = start
    while i < end:
        c = text[i]
        if not is_word_char(c):
            out.append((i, i + 1))
            i += 1
            continue
        j = i + 1
        while True:
            if j < end and is_word_char(text[j]):
                j += 1
                continue
            if j + 1 < end or (j < end and text[j] in APOS):
                sep = text[j]
                before = text[j - 1]
                after = text[j + 1] if j + 1 < end else ""
                after_word = bool(after) and is_word_char(after)
                if sep in HYPHENS and after_word and not (before.isdigit() and after.isdigit()):
                    j += 1
                    continue
                if sep in APOS:
                    if text[i:j].lower() in ELIDED:
                        j += 1
                        break
                    if after_word:
                        j += 1
                        continue
                if sep in ",./:" and before.isdigit() and after.isdigit():
                    j += 1
                    continue
            break
        pend = j
        if j < end and text[j] == ".":
            w = text[i:j]
            if (len(w) == 1 and w.isupper()) or w in DOTTED:
                pend += 1
                j += 1
        out.append((i, pend))
        i = j


def words(text):
    out = []
    for m in re.finditer(r"\S+", text):
        split_chunk(text, m.start(), m.end(), out)
    return out


def norm_apos(s):
    for a in APOS:
        s = s.replace(a, "'")
    return s


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/winer-fr/train.jsonl"
    if "dev" in os.path.basename(path):
        sys.exit("refusing to build shipped data from a dev split")
    outdir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ner", "data")
    tok = collections.defaultdict(lambda: [0] * 10)
    names = collections.defaultdict(lambda: [0] * 5)
    lower = collections.Counter()
    cont_in = collections.Counter()
    cont_all = collections.Counter()
    conn_in = collections.Counter()
    conn_all = collections.Counter()
    inner = collections.Counter()
    docs = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        text = d["text"]
        ws = words(text)
        label_of = [None] * len(ws)  # (entity index, label)
        ents = [e for e in d["entities"] if e["label"] in LABELS]
        starts = {}
        for k, e in enumerate(ents):
            idx = [n for n, (s, t) in enumerate(ws) if s >= e["start"] and t <= e["end"]]
            for n in idx:
                label_of[n] = (k, e["label"])
            if idx:
                starts[(idx[0], idx[-1] + 1)] = e["label"]
        forms = [norm_apos(text[s:t]) for s, t in ws]
        initial = []
        for n, (s, t) in enumerate(ws):
            prev_gap = text[ws[n - 1][1]:s] if n else "\n"
            initial.append(n == 0 or "\n" in prev_gap or forms[n - 1] in INITIAL_AFTER)
        for n, f in enumerate(forms):
            if f[0].islower():
                lower[f] += 1
            if not f[0].isupper():
                continue
            if label_of[n]:
                k, lab = label_of[n]
                alone = (n == 0 or label_of[n - 1] is None or label_of[n - 1][0] != k) and (
                    n + 1 == len(forms) or label_of[n + 1] is None or label_of[n + 1][0] != k)
                tok[f][LABELS.index(lab) + (0 if alone else 4)] += 1
            elif initial[n]:
                tok[f][9] += 1
            else:
                tok[f][8] += 1
        for n in range(1, len(forms)):
            a, b = forms[n - 1], forms[n]
            if not a[0].isupper() or not b[0].islower() or text[ws[n - 1][1]:ws[n][0]] != " ":
                continue
            same = label_of[n - 1] and label_of[n] and label_of[n - 1][0] == label_of[n][0]
            if b.lower() in CONNECTORS:
                # capitalised word, connector (de la / de l'), capitalised word
                m = n + 1
                conn = b.lower()
                if conn == "de" and m < len(forms) and forms[m].lower() in ("la", "l'"):
                    conn += " " + forms[m].lower()
                    m += 1
                if m < len(forms) and forms[m][:1].isupper():
                    key = a + "\t" + conn
                    conn_all[key] += 1
                    if (same and label_of[m] and label_of[m][0] == label_of[n][0]
                            and all(label_of[x] and label_of[x][0] == label_of[n][0]
                                    for x in range(n, m))):
                        conn_in[key] += 1
                continue
            cont_all[b] += 1
            if same:
                cont_in[b] += 1
        for (s, e), lab in starts.items():
            if e - s >= 2 and forms[s][0].isupper():
                names[" ".join(forms[s:e])][LABELS.index(lab)] += 1
                for k in range(s + 1, e):
                    f = forms[k]
                    if (forms[k - 1].lower() in CONNECTORS | {"la", "l'", "pour", "les", "le"}
                            and f.isalpha() and f.islower() and len(f) >= 3
                            and f not in CONNECTORS | {"la", "les", "le", "pour"}):
                        inner[f] += 1
        docs.append((forms, starts))
    # How often each multi-word name occurs without being that entity.
    by_first = collections.defaultdict(list)
    for key in names:
        parts = key.split(" ")
        by_first[parts[0]].append(parts)
    for forms, starts in docs:
        for n, f in enumerate(forms):
            for parts in by_first.get(f, ()):
                k = len(parts)
                if forms[n:n + k] == parts and (n, n + k) not in starts:
                    names[" ".join(parts)][4] += 1

    def write(name, rows):
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(r + "\n")

    # Zero counts are written as empty fields to keep the embedded file small.
    def cols(v):
        return [str(c) if c else "" for c in v]

    write("tokens.tsv", sorted(
        "\t".join([w] + cols(v)) for w, v in tok.items()
        if sum(v[:8]) >= 1 or sum(v) >= 3))
    write("names.tsv", sorted(
        "\t".join([w] + cols(v)) for w, v in names.items()))
    write("continuations.tsv", sorted(
        f"{w}\t{cont_in[w]}\t{c}" for w, c in cont_all.items()
        if cont_in[w] >= 2 and cont_in[w] * 2 >= c))
    write("connectors.tsv", sorted(
        f"{w}\t{conn_in[w]}\t{c}" for w, c in conn_all.items()
        if conn_in[w] >= 1 and conn_in[w] * 2 >= c))
    write("inner.txt", sorted(inner))
    write("lexicon.txt", sorted(w for w, c in lower.items() if c >= 3))


if __name__ == "__main__":
    main()
