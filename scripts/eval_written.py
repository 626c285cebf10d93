"""How many of the sentences written for this project (tests/data/written_events.txt) the extractor reads.

    .venv/bin/python scripts/eval_written.py [--misses] [--file F]

Each line names one event (TYPE SOURCE TARGET | sentence) that must be read, or, with a leading "!", one that must
not. The sentences were written away from the gold sets, in many phrasings per type, so the share read estimates
how the rules carry over to wordings they were not tuned on, beside the cross-validated gold score (eval_cv.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from ingest.cleanup import parse_article
from ingest.extract import extract_many
from ingest.models import Extraction
from ingest.nlp import load_pipeline

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "data" / "written_events.txt"
PUBLISHED = date(2025, 6, 14)  # the leaders in office on this day are the ones the sentences name


def read_cases(path: Path = SENTENCES) -> list[tuple[bool, tuple[str, str, str], str]]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        head, sep, sentence = line.partition("|")
        words = head.split()
        if not sep or len(words) != 3 or not sentence.strip():
            raise SystemExit(f"{path}:{number}: expected 'TYPE SOURCE TARGET | sentence'")
        wanted = not words[0].startswith("!")
        cases.append((wanted, (words[0].lstrip("!"), words[1], words[2]), sentence.strip()))
    return cases


def dyads(extraction: Extraction) -> set[tuple[str, str, str]]:
    out = set()
    for e in extraction.events:
        if e.symmetric:
            sides = sorted(set(e.source) | set(e.target))
            out |= {(e.type, a, b) for a in sides for b in sides if a != b}
        else:
            out |= {(e.type, s, t) for s in e.source for t in e.target}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", action="store_true", help="print each sentence read wrongly")
    ap.add_argument("--file", type=Path, default=SENTENCES, help="a new batch, scored before it joins the set")
    args = ap.parse_args()
    cases = read_cases(args.file)
    articles = [parse_article(sentence, published=PUBLISHED) for _, _, sentence in cases]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (wanted, dyad, sentence), extraction in zip(cases, extract_many(articles, load_pipeline()), strict=True):
        found = dyads(extraction)
        ok = (dyad in found) == wanted
        kind = dyad[0] if wanted else "must not"
        total[kind] += 1
        right[kind] += ok
        if args.misses and not ok:
            print(f"{'' if wanted else '!'}{' '.join(dyad)} | {sentence} -> {sorted(found)}")
    for kind in sorted(total):
        print(f"  {kind:<10} {right[kind]:>3} / {total[kind]}")
    print(f"read {sum(right.values())} of {sum(total.values())} ({sum(right.values()) / sum(total.values()):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
