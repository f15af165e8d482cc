#!/usr/bin/env python3
"""Writes a corpus of N German news articles for the static site's scale benchmark (issue 10).

The ~355 distinct texts of ../shared/data/same-event-de are real news; beyond them, each further article is
a real headline with paragraphs drawn from the real texts (seeded, so every run writes the same corpus), and
one in ten is a near copy of an earlier one (an agency copy with another headline), so same-event links
exist at every size. Used for benchmarks only, never bundled.

Usage: python3 tools/scale_corpus.py <out-dir> [N=1000] [data-dir=../shared/data]
"""
import json
import os
import random
import re
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
data = sys.argv[3] if len(sys.argv) > 3 else os.path.join("..", "shared", "data")
path = os.path.join(data, "same-event-de", "semeval2022-task8_train_de-de_texts.dev.jsonl")
docs = {}
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    for i in ("1", "2"):
        title, text = row.get(f"title_{i}", "").strip(), row.get(f"text_{i}", "").strip()
        if title and len(text) > 400:
            docs[row[f"id{i}"]] = (title, text)
real = sorted(docs.values())
paragraphs = [p.strip() for _, t in real for p in re.split(r"\n\s*\n|\n", t) if len(p.strip()) > 80]
rng = random.Random(20261204)
os.makedirs(out, exist_ok=True)
articles = []
for k in range(n):
    if k < len(real):
        title, text = real[k]
    elif k % 10 == 0 and articles:
        title0, text0 = rng.choice(articles)
        title, text = f"{rng.choice(real)[0]} ({k})", text0
    else:
        title = f"{rng.choice(real)[0]} ({k})"
        text = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 9)))
    articles.append((title, text))
    with open(os.path.join(out, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"{title}\n\n{text}\n")
print(f"scale_corpus: {n} articles in {out} ({len(real)} real texts, {len(paragraphs)} paragraphs)")
