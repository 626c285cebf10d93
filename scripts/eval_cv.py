"""Score the extractor on the gold sets in one process, whole or by folds, with ../shared/eval/score.py's own rules.

    .venv/bin/python scripts/eval_cv.py                     # visible score over dev + train (164 articles)
    .venv/bin/python scripts/eval_cv.py --folds             # per-fold scores, mean and spread
    .venv/bin/python scripts/eval_cv.py --fold 1 2 --types  # some folds only, with per-type precision/recall

The 164 files are shuffled with a fixed seed and cut into 5 folds. Fold 0 is the blind fifth: the hand-written
rules and lexicons were developed on folds 1-4 without opening fold 0's texts or per-article reports, so its score
is the honest estimate of how they carry over to unseen articles. Scoring is imported from score.py itself, so the
numbers are the scorer's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.cleanup import CleanArticle

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED = 20261206
FOLDS = 5


def load_scorer(eval_dir: Path = EVAL) -> ModuleType:
    spec = importlib.util.spec_from_file_location("geokg_gold_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {eval_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_files(eval_dir: Path = EVAL) -> list[Path]:
    files = sorted((eval_dir / "dev").glob("*.json")) + sorted((eval_dir / "train").glob("*.json"))
    if not files:
        raise SystemExit(f"no gold files under {eval_dir}/dev and {eval_dir}/train")
    return files


def fold_of(files: list[Path], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    names = sorted(f"{p.parent.name}/{p.name}" for p in files)
    random.Random(seed).shuffle(names)
    return {name: i % folds for i, name in enumerate(names)}


def key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


class Score:
    """The scorer's tallies for one set of articles."""

    def __init__(self, scorer: ModuleType) -> None:
        self.s = scorer
        self.tallies = {k: scorer.Tally() for k in ("countries", "people", "people+country", "dyads", "typed_dyads")}
        self.dated = [0, 0]
        self.by_type: dict[str, Counter[str]] = {}
        self.rows: list[dict[str, Any]] = []

    def add(self, name: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        s = self.s
        pc = {(c.get("iso3") if isinstance(c, dict) else c) for c in pred.get("countries") or []}
        self.tallies["countries"].add(set(gold.get("countries") or []), {c for c in pc if c})
        for k, with_country in (("people", False), ("people+country", True)):
            tp, fp, fn = s.person_matches(gold.get("people") or [], pred.get("people") or [], with_country)
            t = self.tallies[k]
            t.tp += tp
            t.fp += fp
            t.fn += fn
        gd = set().union(*(s.dyads(e) for e in gold.get("events") or []))
        pd = set().union(*(s.dyads(e) for e in pred.get("events") or []))

        def untyped(dyads: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
            return {(a, b) if d == ">" else tuple(sorted((a, b))) for _, a, b, d in dyads}

        self.tallies["dyads"].add(untyped(gd), untyped(pd))
        self.tallies["typed_dyads"].add(gd, pd)
        gdates, pdates = s.event_dates(gold.get("events") or []), s.event_dates(pred.get("events") or [])
        for d in gd & pd:
            self.dated[1] += 1
            self.dated[0] += any(s.date_ok(g, pdates.get(d, set())) for g in gdates.get(d, {None}))
        for d in gd | pd:
            c = self.by_type.setdefault(d[0], Counter())
            c["tp" if d in gd and d in pd else "fn" if d in gd else "fp"] += 1
        self.rows.append({"file": name, "missed": sorted(gd - pd), "spurious": sorted(pd - gd)})

    def summary(self) -> dict[str, float]:
        out = {k: round(t.prf()[2], 3) for k, t in self.tallies.items()}
        p, r, _ = self.tallies["typed_dyads"].prf()
        out["typed_p"], out["typed_r"] = round(p, 3), round(r, 3)
        out["date_acc"] = round(self.dated[0] / self.dated[1], 3) if self.dated[1] else 0.0
        return out


def line(label: str, summary: dict[str, float]) -> str:
    return (
        f"{label:<12} typed_dyads_f1={summary['typed_dyads']:.3f}"
        f" (p {summary['typed_p']:.2f} r {summary['typed_r']:.2f})"
        f" dyads_f1={summary['dyads']:.3f} countries_f1={summary['countries']:.3f}"
        f" people_country_f1={summary['people+country']:.3f} date_acc={summary['date_acc']:.3f}"
    )


def gold_articles(files: list[Path]) -> list[CleanArticle]:
    """The gold files' texts as the extractor reads them, with their publication dates."""
    from ingest.cleanup import parse_article

    out = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        out.append(parse_article(gold["text"], published=published))
    return out


def extract_all(files: list[Path]) -> dict[str, dict[str, Any]]:
    from ingest.extract import extract_many
    from ingest.nlp import load_pipeline

    extractions = extract_many(gold_articles(files), load_pipeline())
    return {key(p): e.to_json() for p, e in zip(files, extractions, strict=True)}


def score_other(scorer: ModuleType, folders: list[Path], types: bool) -> int:
    files = sorted(p for folder in folders for p in folder.rglob("*.json"))
    if not files:
        raise SystemExit(f"no gold-format files under {', '.join(map(str, folders))}")
    preds = extract_all(files)
    total = Score(scorer)
    for p in files:
        total.add(key(p), json.loads(p.read_text(encoding="utf-8")), preds[key(p)])
    if types:
        print_types(total)
    print(line(f"other ({len(files)})", total.summary()))
    return 0


def print_types(total: Score) -> None:
    for etype, c in sorted(total.by_type.items()):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        print(f"  {etype:<10} gold {c['tp'] + c['fn']:>4} pred {c['tp'] + c['fp']:>4}  p {p:.2f} r {r:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--folds", action="store_true", help="score each fold apart, then the mean and spread")
    ap.add_argument("--fold", type=int, nargs="*", help="score only these folds (0 is the blind fifth)")
    ap.add_argument("--set", choices=("dev", "train"), help="only the articles of this set")
    ap.add_argument("--types", action="store_true", help="per-type precision and recall")
    ap.add_argument("--report", type=Path, help="write per-article missed and spurious dyads here (JSON)")
    ap.add_argument(
        "--other",
        type=Path,
        nargs="+",
        help="score the gold-format files of these folders instead (a set annotated apart, e.g. one kept outside the "
        "repository); their subfolders' files count too, and they are not cut into folds",
    )
    args = ap.parse_args()

    scorer = load_scorer(args.eval_dir)
    if args.other:
        return score_other(scorer, args.other, args.types)
    files = gold_files(args.eval_dir)
    folds = fold_of(files)
    if args.fold is not None:
        files = [p for p in files if folds[key(p)] in args.fold]
    if args.set:
        files = [p for p in files if p.parent.name == args.set]
    started = time.perf_counter()
    preds = extract_all(files)
    elapsed = time.perf_counter() - started

    total = Score(scorer)
    per_fold = {i: Score(scorer) for i in range(FOLDS)}
    for p in files:
        gold = json.loads(p.read_text(encoding="utf-8"))
        total.add(key(p), gold, preds[key(p)])
        per_fold[folds[key(p)]].add(key(p), gold, preds[key(p)])

    if args.folds:
        f1s = []
        for i, sc in per_fold.items():
            if sc.rows:
                summary = sc.summary()
                f1s.append(summary["typed_dyads"])
                print(line(f"fold {i}{' (blind)' if i == 0 else ''}", summary))
        if len(f1s) > 1:
            print(f"folds typed_dyads_f1 mean {statistics.mean(f1s):.3f} sd {statistics.stdev(f1s):.3f}")
    if args.types:
        print_types(total)
    if args.report:
        args.report.write_text(json.dumps(total.rows, indent=1))
    print(line(f"all ({len(files)})", total.summary()))
    print(f"extracted {len(files)} articles in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
