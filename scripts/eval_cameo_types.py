"""Which PLOVER types may the converted CAMEO verb dictionary give on its own? Each type tried in turn.

    .venv/bin/python scripts/eval_cameo_types.py [--other DIR ...] [--types AGREE CONSULT ...]

The rules read a verb that the project's trigger lexicon lacks with the type the CAMEO dictionary gives it
(ingest/data/cameo_lexicon.jsonl), but only for the types in `ingest.event_words.CAMEO_TYPES`. This script adds
each other type to that set in turn and prints the typed dyads gained and lost against the rules as they are, on
gold folds 1-4 (fold 0, the blind fifth, is left out) and on the gold-format files under `--other` (news annotated
apart, docs/fresh-news.md), scored as ../shared/eval/score.py scores them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_cv  # a sibling script

ALL_TYPES = [
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"),
    *("REQUEST", "REJECT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE"),
]


def tally(scorer: Any, golds: list[dict[str, Any]], articles: list[Any], nlp: Any) -> tuple[int, int, int]:
    from ingest.extract import extract_many

    tp = fp = fn = 0
    for gold, extraction in zip(golds, extract_many(articles, nlp), strict=True):
        g: set[tuple[str, ...]] = set()
        p: set[tuple[str, ...]] = set()
        for event in gold.get("events") or []:
            g |= scorer.dyads(event)
        for event in extraction.to_json().get("events") or []:
            p |= scorer.dyads(event)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=eval_cv.EVAL)
    ap.add_argument("--other", type=Path, nargs="*", default=[], help="more gold-format folders")
    ap.add_argument("--types", nargs="*", default=ALL_TYPES)
    args = ap.parse_args()

    import ingest.events
    from ingest.nlp import load_pipeline

    scorer = eval_cv.load_scorer(args.eval_dir)
    files = eval_cv.gold_files(args.eval_dir)
    fold = eval_cv.fold_of(files)
    sets = {"gold folds 1-4": [p for p in files if fold[eval_cv.key(p)] != 0]}
    sets |= {str(d): sorted(d.rglob("*.json")) for d in args.other}
    golds = {name: [json.loads(p.read_text(encoding="utf-8")) for p in fs] for name, fs in sets.items()}
    articles = {name: eval_cv.gold_articles(fs) for name, fs in sets.items()}
    nlp = load_pipeline()

    trusted = ingest.events.CAMEO_TYPES
    base = {name: tally(scorer, golds[name], articles[name], nlp) for name in sets}
    for name, (tp, fp, fn) in base.items():
        print(f"rules ({', '.join(sorted(trusted))} from CAMEO) on {name}: typed-dyad F1 {f1(tp, fp, fn):.4f}")
    for kind in args.types:
        ingest.events.CAMEO_TYPES = trusted | {kind}  # read by EventFinder.cameo_triggers at each call
        parts = []
        for name in sets:
            tp, fp, fn = tally(scorer, golds[name], articles[name], nlp)
            b = base[name]
            parts.append(f"{name}: {tp - b[0]:+d} right, {fp - b[1]:+d} wrong, F1 {f1(tp, fp, fn) - f1(*b):+.4f}")
        print(f"+{kind:9} " + "; ".join(parts), flush=True)
    ingest.events.CAMEO_TYPES = trusted
    return 0


if __name__ == "__main__":
    sys.exit(main())
