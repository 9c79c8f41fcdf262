#!/usr/bin/env python3
"""Builds claims-dev.jsonl and claims-test.jsonl from the hand-written specs.

Usage: python3 build.py [WINER_TRAIN_JSONL]   (default ../../../../shared/data/winer-fr/train.jsonl,
i.e. /work/shared/data/winer-fr/train.jsonl next to the repository)

Spec format (spec-dev.txt, spec-test.txt), one claim per line, fields separated by " | ":

    @ 2016_01_12-002                      article (WiNER-fr id) — its text is normalised (see README)
    drop: <a whole line of the text>      remove an orphan quote-box / caption line
    D | content | cue | source [| flag…]  direct
    I | content | cue | source [| flag…]  indirect
    A | content | cue | source [| flag…]  according_to
    U | content [| flag…]                 unattributed
    # comment

Every span is given by its exact text; it must occur exactly once in the document (as whole words:
not preceded or followed by a letter or digit), unless it ends with " @N", which picks the N-th
occurrence (1-based; the N-th must exist). `X << CONTEXT` finds the unique X inside the span
CONTEXT (itself located by these rules), e.g. `il << a-t-il déclaré`. Flags: `opt` (optional claim), `hedged`,
`ref=<text>[ @N]` (source_ref: the earlier span a pronoun source refers to).
Offsets written are Unicode code points (Python str indices), end exclusive.
The script fails (exit 1) with the line number on any span that is missing or ambiguous.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WINER = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "winer-fr", "train.jsonl")
KINDS = {"D": "direct", "I": "indirect", "A": "according_to", "U": "unattributed"}


def normalize(t):
    """The same clean-up as news-dev: no space before . , ) nor after ( and after an elision."""
    t = re.sub(r" +([.,)])", r"\1", t)
    t = re.sub(r"\( +", "(", t)
    t = re.sub(
        r"(?<!\w)((?:[lLdDnNsSjJcCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’]) +(?=\w)",
        r"\1",
        t,
    )
    return t


class SpecError(Exception):
    pass


def occurrences(text, needle):
    out = []
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < len(text) else " "
        ok_b = not (needle[0].isalnum() and before.isalnum())
        ok_a = not (needle[-1].isalnum() and after.isalnum())
        if ok_b and ok_a:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def locate(text, field, base=0):
    if " << " in field:
        inner, ctx = field.split(" << ", 1)
        c = locate(text, ctx.strip(), base)
        sub = locate(c["text"], inner.strip(), c["start"])
        return sub
    m = re.search(r"\s@(\d+)$", field)
    nth = None
    if m:
        nth = int(m.group(1))
        field = field[: m.start()]
    if field != field.strip() or not field:
        raise SpecError(f"span {field!r} is empty or has outer whitespace")
    occ = occurrences(text, field)
    if nth is None:
        if len(occ) != 1:
            where = "; ".join(repr(text[max(0, i - 25) : i + len(field) + 25]) for i in occ)
            raise SpecError(f"span {field!r} occurs {len(occ)} times (want exactly 1; add ' @N'): {where}")
        start = occ[0]
    else:
        if nth < 1 or nth > len(occ):
            raise SpecError(f"span {field!r} @{nth}: only {len(occ)} occurrence(s)")
        start = occ[nth - 1]
    end = start + len(field)
    assert text[start:end] == field
    return {"start": base + start, "end": base + end, "text": field}


def build(spec_path, winer, out_path):
    docs, order, cur = {}, [], None
    with open(spec_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("@"):
                wid = line[1:].strip()
                if wid not in winer:
                    raise SpecError(f"no WiNER-fr article {wid!r}")
                if wid in docs:
                    raise SpecError(f"article {wid} given twice")
                src = winer[wid]
                cur = {
                    "id": "claims-" + wid,
                    "text": normalize(src["text"]),
                    "entities": [],
                    "claims": [],
                    "source": f"French Wikinews via WiNER-fr (file {wid})",
                    "license": "CC BY 2.5 (Wikinews text); claim annotations CC BY 2.5",
                    "winer_id": wid,
                }
                docs[wid] = cur
                order.append(wid)
                continue
            if cur is None:
                raise SpecError("claim before any '@ id' line")
            if line.startswith("drop:"):
                gone = line[len("drop:"):].strip()
                paras = cur["text"].split("\n")
                if paras.count(gone) != 1:
                    raise SpecError(f"drop: line {gone!r} found {paras.count(gone)} times")
                if cur["claims"]:
                    raise SpecError("drop: must come before the claims of its article")
                i = paras.index(gone)
                del paras[i]
                # also drop a blank line left behind, so paragraphs stay separated by one blank line
                if i < len(paras) and paras[i] == "" and i > 0 and paras[i - 1] == "":
                    del paras[i]
                cur["text"] = "\n".join(paras)
                continue
            fields = [x.strip() for x in line.split(" | ")]
            kind = KINDS.get(fields[0])
            if kind is None:
                raise SpecError(f"unknown kind {fields[0]!r}")
            nspan = 1 if kind == "unattributed" else 3
            if len(fields) < 1 + nspan:
                raise SpecError(f"{kind} needs {nspan} span(s)")
            spans = [locate(cur["text"], x) for x in fields[1 : 1 + nspan]]
            claim = {
                "kind": kind,
                "content": spans[0],
                "cue": spans[1] if nspan == 3 else None,
                "source": spans[2] if nspan == 3 else None,
                "optional": False,
            }
            for flag in fields[1 + nspan :]:
                if flag == "opt":
                    claim["optional"] = True
                elif flag == "hedged":
                    claim["hedged"] = True
                elif flag.startswith("ref="):
                    if nspan != 3:
                        raise SpecError("ref= on an unattributed claim")
                    claim["source_ref"] = locate(cur["text"], flag[4:])
                else:
                    raise SpecError(f"unknown flag {flag!r}")
            for sp in spans:
                t = sp["text"]
                if t[-1] in ".!?;" and kind != "direct":
                    raise SpecError(f"span {t!r} ends with sentence punctuation")
            cur["claims"].append(claim)
        except SpecError as e:
            sys.exit(f"{os.path.basename(spec_path)}:{no}: {e}")
    with open(out_path, "w", encoding="utf-8") as f:
        for wid in order:
            d = docs[wid]
            d["claims"].sort(key=lambda c: (c["content"]["start"], c["content"]["end"]))
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    n = sum(len(docs[w]["claims"]) for w in order)
    req = sum(1 for w in order for c in docs[w]["claims"] if not c["optional"])
    print(f"{os.path.basename(out_path)}: {len(order)} articles, {n} claims ({req} required)")
    return order


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_WINER
    winer = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                winer[d["id"]] = d
    # never re-annotate a news-dev article (news-dev is scored separately)
    news_dev = os.path.join(HERE, "..", "news-dev", "news-dev.jsonl")
    seen = set()
    if os.path.exists(news_dev):
        with open(news_dev, encoding="utf-8") as f:
            taken = {json.loads(l).get("winer_id") for l in f if l.strip()}
    else:
        taken = set()
    for name in ("dev", "test"):
        spec = os.path.join(HERE, f"spec-{name}.txt")
        if not os.path.exists(spec):
            continue
        ids = build(spec, winer, os.path.join(HERE, f"claims-{name}.jsonl"))
        again = taken.intersection(ids)
        if again:
            sys.exit(f"articles already in news-dev: {sorted(again)}")
        both = seen.intersection(ids)
        if both:
            sys.exit(f"articles in both splits: {sorted(both)}")
        seen.update(ids)


if __name__ == "__main__":
    main()
