"""Extraction throughput as a ratio to spaCy's own nlp.pipe on the same texts, measured in one run.

    .venv/bin/python scripts/bench_extract.py [--articles 300] [--rounds 3]

The texts are the sample articles (samples/) and generated ones built from them, so that the run is a few
hundred articles long. Both sides use the same en_core_web_sm pipeline; the baseline runs the bare model
(no actor matcher, no rules), the extractor runs everything: clean-up, the model, actors, people, events, dates.
Rounds alternate the two sides so that machine noise hits both alike; the best round of each is reported.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ingest.cleanup import CleanArticle, parse_article
from ingest.extract import analysed_text, extract_many
from ingest.nlp import _load_model, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "{a} and {b} held talks in {c} on Tuesday, their foreign ministers said.",
    "{a} accused {b} of violating the ceasefire along the border last week.",
    "The {adj} government sent troops to {b} to reinforce its ally.",
    "{a} imposed new sanctions on {b} over its missile programme on Monday.",
    "{a} has supplied artillery shells and drones to {b}, officials said.",
    "Leaders of {a}, {b} and {c} signed an agreement to expand trade.",
    "{a} urged {b} to release the detained journalists.",
    "Protesters rallied outside the embassy as relations soured.",
    "Analysts said the talks could resume next month if both sides agree.",
]
PLACES = [
    ("Japan", "China", "Seoul", "Japanese"),
    ("France", "Germany", "Brussels", "French"),
    ("India", "Pakistan", "Doha", "Indian"),
    ("Brazil", "Argentina", "Lima", "Brazilian"),
    ("Kenya", "Ethiopia", "Nairobi", "Kenyan"),
    ("Poland", "Ukraine", "Warsaw", "Polish"),
]


def sample_texts(count: int, seed: int = 7) -> list[CleanArticle]:
    rng = random.Random(seed)
    base = [p for p in sorted((ROOT / "samples").glob("*")) if p.suffix in (".txt", ".json", ".html")]
    articles = [parse_article(p.read_bytes()) for p in base]
    while len(articles) < count:
        a, b, c, adj = rng.choice(PLACES)
        paragraphs = [
            " ".join(rng.choice(SENTENCES).format(a=a, b=b, c=c, adj=adj) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(5, 12))
        ]
        articles.append(parse_article("\n\n".join(paragraphs)))
    return articles[:count]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    articles = sample_texts(args.articles)
    texts = [analysed_text(a) for a in articles]
    bare = _load_model("en_core_web_sm")
    full = load_pipeline()
    list(bare.pipe(texts[:5]))
    list(extract_many(articles[:5], full))  # warm both
    chars = sum(len(t) for t in texts)
    best_bare = best_full = float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        best_bare = min(best_bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ext in extract_many([parse_article(t) for t in texts], full):
            pass
        best_full = min(best_full, time.perf_counter() - t0)
    n = len(texts)
    print(f"articles: {n}  characters: {chars}")
    print(f"spaCy nlp.pipe (en_core_web_sm):   {n / best_bare:7.1f} articles/s")
    print(f"geokg extraction (clean+nlp+rules): {n / best_full:7.1f} articles/s")
    print(f"ratio extraction / nlp.pipe: {best_bare / best_full:.2f}  (target >= 0.80)")


if __name__ == "__main__":
    main()
