"""Extraction throughput as a ratio to spaCy's own nlp.pipe on the same texts, measured in one run.

    .venv/bin/python scripts/bench_extract.py [--rounds 3] [--gold ../shared/eval | --synthetic --articles 300]

The texts are the real news texts of the gold sets (../shared/eval/dev and train, 164 articles) when that folder
is present, else (or with --synthetic) the sample articles (samples/) and generated ones built from them. Both
sides use the same en_core_web_sm pipeline; the baseline runs the bare model (no actor matcher, no rules), the
extractor runs everything: clean-up, the model, actors, people, references, events, statements, dates.
Rounds alternate the two sides so that machine noise hits both alike; each round gives a ratio, and the median
ratio is reported.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import eval_cv

from ingest.cleanup import CleanArticle, parse_article
from ingest.extract import analysed_text, extract_many
from ingest.nlp import _load_model, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = eval_cv.EVAL
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


def gold_texts(folder: Path) -> list[CleanArticle]:
    """The real news texts of the gold sets, with their publication dates (empty if the folder is absent)."""
    if not any((folder / part).is_dir() for part in ("dev", "train")):
        return []
    return eval_cv.gold_articles(eval_cv.gold_files(folder))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="synthetic corpus size")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder with dev/ and train/ gold files")
    ap.add_argument("--synthetic", action="store_true", help="use the sample-built corpus even if gold texts exist")
    args = ap.parse_args()

    articles = gold_texts(args.gold) if not args.synthetic else []
    corpus = f"gold texts of {args.gold}" if articles else "samples and generated texts"
    if not articles:
        articles = sample_texts(args.articles)
    texts = [analysed_text(a) for a in articles]
    bare = _load_model("en_core_web_sm")
    full = load_pipeline()
    list(bare.pipe(texts[:5]))
    list(extract_many(articles[:5], full))  # warm both
    chars = sum(len(t) for t in texts)
    bare_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ext in extract_many(
            [parse_article(t, published=a.published) for t, a in zip(texts, articles, strict=True)], full
        ):
            pass
        full_times.append(time.perf_counter() - t0)
    n = len(texts)
    # Each round times both sides back to back, so its ratio is measured under the same machine load.
    ratios = sorted(b / f for b, f in zip(bare_times, full_times, strict=True))
    print(f"corpus: {corpus}")
    print(f"articles: {n}  characters: {chars}  rounds: {args.rounds}")
    print(f"spaCy nlp.pipe (en_core_web_sm):   {n / min(bare_times):7.1f} articles/s (best round)")
    print(f"geokg extraction (clean+nlp+rules): {n / min(full_times):7.1f} articles/s (best round)")
    print(f"per-round ratios: {' '.join(f'{r:.2f}' for r in ratios)}")
    print(f"ratio extraction / nlp.pipe: {statistics.median(ratios):.2f} (median of rounds; target >= 0.80)")


if __name__ == "__main__":
    main()
