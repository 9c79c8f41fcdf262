#!/usr/bin/env python3
"""Scores what `balise eval` does not: the `hedged` flag and `source_ref` of paired claims.

Usage: python3 score_extra.py GOLD.jsonl PRED.jsonl

Claims are paired as `balise eval` pairs them (content Dice >= 0.5, best pairs first, one to one);
optional gold claims are left out.
* hedged: over paired claims, how many have the same flag; and P/R of `hedged: true`.
* source_ref: over paired gold claims that have a source_ref, how many predicted claims give a
  source_ref naming the same referent (same text, or one text inside the other: `Trump` for
  `Donald Trump`; another mention of the same name counts).
"""
import json
import sys


def dice(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    tot = (a[1] - a[0]) + (b[1] - b[0])
    return 0.0 if tot == 0 else 2 * inter / tot


def rng(s):
    return (s["start"], s["end"])


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d
    return out


def pairs(gold, pred):
    cand = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            d = dice(rng(g["content"]), rng(p["content"]))
            if d >= 0.5:
                cand.append((-d, gi, pi))
    cand.sort()
    gt, pt, out = set(), set(), []
    for _, gi, pi in cand:
        if gi not in gt and pi not in pt:
            gt.add(gi)
            pt.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def main():
    gold, pred = load(sys.argv[1]), load(sys.argv[2])
    paired = same = tp = fp = fn = 0
    refs = ref_ok = 0
    misses = []
    for i, g in gold.items():
        p = pred.get(i, {"claims": []})
        for gc, pc in pairs(g["claims"], p["claims"]):
            if gc.get("optional"):
                continue
            paired += 1
            gh, ph = bool(gc.get("hedged")), bool(pc.get("hedged"))
            same += gh == ph
            tp += gh and ph
            fp += ph and not gh
            fn += gh and not ph
            if gc.get("source_ref"):
                refs += 1
                gt = gc["source_ref"]["text"]
                pt = (pc.get("source_ref") or {}).get("text")
                if pt and (gt in pt or pt in gt):
                    ref_ok += 1
                else:
                    misses.append(f"  {i}: source {gc['source']['text']!r} -> gold {gt!r}, predicted {pt!r}")
    p_ = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    print(f"hedged: {same}/{paired} paired claims agree ({same / max(paired, 1):.3f}); "
          f"hedged=true P {p_:.3f} R {r_:.3f} (gold {tp + fn}, predicted {tp + fp})")
    print(f"source_ref: {ref_ok}/{refs} paired gold claims with a source_ref ({ref_ok / max(refs, 1):.3f})")
    for m in misses:
        print(m)


if __name__ == "__main__":
    main()
