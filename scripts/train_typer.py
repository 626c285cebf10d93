"""Train the event typer (ingest/typer.py) on the visible gold articles, cross-validate it, and write the model.

    .venv/bin/python scripts/train_typer.py --cv            # 5-fold cross-validation: per fold, mean and spread
    .venv/bin/python scripts/train_typer.py --write         # train on all 164 articles, write data/typer.json + card

The gold files are read from ../shared/eval (dev + train) at training time only; the model keeps feature weights,
never their text. Each candidate dyad of a sentence (ingest/candidates.py) is labelled with the gold events whose
evidence is that sentence; a dyad the article's gold has from another sentence is left out of that type's negatives
(the gold names one sentence per event, but others may say it again). One L2 logistic regression per type, fixed
seed; folds are those of scripts/eval_cv.py, so fold 0 is the blind fifth.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_cv

from ingest.candidates import Featurizer, Link
from ingest.cleanup import parse_article
from ingest.events import EventFinder
from ingest.extract import analysed_text, assemble
from ingest.mentions import MentionFinder
from ingest.models import EVENT_TYPES
from ingest.nlp import load_pipeline
from ingest.people import find_people
from ingest.typer import MODEL_PATH, Typer, TyperModel

SEED = 20261206
MIN_FEATURE_COUNT = 2


@dataclass
class Article:
    name: str
    gold: dict[str, Any]
    doc: Any
    clean: Any
    people: list[Any]
    finder: EventFinder
    featurizer: Featurizer
    links: list[Link] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # per link: 1 gold, 0 not, -1 left out (gold elsewhere)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def evidence_sentences(doc: Any, evidence: str) -> list[int]:
    """Starts of the doc's sentences that the gold evidence covers."""
    text = _norm(doc.text)
    ev = _norm(evidence)
    pos = text.find(ev)
    if pos < 0:
        for probe in (ev[:60], ev[-60:], ev[:30]):
            pos = text.find(probe) if len(probe) >= 20 else -1
            if pos >= 0:
                break
    if pos < 0:
        return []
    # Map normalised offsets back through the sentences' normalised texts.
    out, offset = [], 0
    for sent in doc.sents:
        s = _norm(sent.text)
        begin = text.find(s, offset) if s else -1
        if begin < 0:
            continue
        offset = begin + len(s)
        if begin < pos + len(ev) and pos < begin + len(s):
            out.append(sent.start)
    return out


def load_articles(files: list[Path]) -> list[Article]:
    scorer = eval_cv.load_scorer()
    nlp = load_pipeline()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    cleans = [
        parse_article(g["text"], published=date.fromisoformat(g["published"]) if g.get("published") else None)
        for g in golds
    ]
    out = []
    for path, gold, clean, doc in zip(files, golds, cleans, nlp.pipe(analysed_text(c) for c in cleans), strict=True):
        people = find_people(doc, clean.published)
        finder = EventFinder(doc, people, clean.published)
        mentions = MentionFinder(finder)
        mentions.inject(finder.index)
        featurizer = Featurizer(finder, mentions, finder.find())
        art = Article(eval_cv.key(path), gold, doc, clean, people, finder, featurizer)
        art.links = [link for sent in doc.sents for link in featurizer.links(sent)]
        label(art, scorer)
        out.append(art)
    return out


def label(art: Article, scorer: Any) -> None:
    positive: dict[tuple[int, str, str], set[str]] = {}
    anywhere: set[tuple[str, str, str]] = set()
    for event in art.gold.get("events") or []:
        starts = evidence_sentences(art.doc, event.get("evidence") or "")
        for etype, a, b, direction in scorer.dyads(event):
            pairs = [(a, b)] if direction == ">" else [(a, b), (b, a)]
            for x, y in pairs:
                anywhere.add((etype, x, y))
                for start in starts:
                    positive.setdefault((start, x, y), set()).add(etype)
    for link in art.links:
        if link.etype in positive.get((link.sentence.start, link.source, link.target), ()):
            art.labels.append(1)
        elif (link.etype, link.source, link.target) in anywhere:
            art.labels.append(-1)
        else:
            art.labels.append(0)


def train(articles: list[Article], c: float, threshold: float) -> TyperModel:
    rows = [(link.features, y) for art in articles for link, y in zip(art.links, art.labels, strict=True) if y >= 0]
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= MIN_FEATURE_COUNT}
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, _ in rows])
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)  # liblinear takes 32-bit indices
    y = np.array([label for _, label in rows])
    clf = LogisticRegression(C=c, max_iter=5000, solver="liblinear", random_state=SEED)
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(names[j]): float(clf.coef_[0][j]) for j in np.flatnonzero(np.abs(clf.coef_[0]) > 1e-4)}
    return TyperModel(bias=float(clf.intercept_[0]), weights=weights, thresholds={t: threshold for t in EVENT_TYPES})


def predict(art: Article, model: TyperModel) -> dict[str, Any]:
    found = Typer(art.finder, art.featurizer, model).events()
    return assemble(art.doc, art.clean, art.people, found).to_json()


def cross_validate(articles: list[Article], c: float, threshold: float, show_types: bool) -> float:
    scorer = eval_cv.load_scorer()
    folds = eval_cv.fold_of([Path(a.name) for a in articles])
    fold_of = {a.name: folds[a.name] for a in articles}
    total = eval_cv.Score(scorer)
    f1s = []
    for k in range(eval_cv.FOLDS):
        held = [a for a in articles if fold_of[a.name] == k]
        model = train([a for a in articles if fold_of[a.name] != k], c, threshold)
        fold_score = eval_cv.Score(scorer)
        for art in held:
            pred = predict(art, model)
            fold_score.add(art.name, art.gold, pred)
            total.add(art.name, art.gold, pred)
        summary = fold_score.summary()
        f1s.append(summary["typed_dyads"])
        print(eval_cv.line(f"fold {k}{' (blind)' if k == 0 else ''}", summary))
    if show_types:
        for etype, cnt in sorted(total.by_type.items()):
            p = cnt["tp"] / (cnt["tp"] + cnt["fp"]) if cnt["tp"] + cnt["fp"] else 0.0
            r = cnt["tp"] / (cnt["tp"] + cnt["fn"]) if cnt["tp"] + cnt["fn"] else 0.0
            print(f"  {etype:<10} gold {cnt['tp'] + cnt['fn']:>4} pred {cnt['tp'] + cnt['fp']:>4}  p {p:.2f} r {r:.2f}")
    print(eval_cv.line("CV pooled", total.summary()))
    print(
        f"CV typed_dyads_f1 mean {statistics.mean(f1s):.3f} sd {statistics.stdev(f1s):.3f}"
        f" (C={c}, threshold={threshold})"
    )
    return statistics.mean(f1s)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=eval_cv.EVAL)
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation")
    ap.add_argument("--write", action="store_true", help=f"train on all articles and write {MODEL_PATH.name}")
    ap.add_argument("--c", type=float, nargs="+", default=[0.3], help="inverse L2 strength (several: a sweep)")
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.4])
    ap.add_argument("--types", action="store_true")
    args = ap.parse_args()
    random.seed(SEED)
    np.random.seed(SEED)
    started = time.perf_counter()
    articles = load_articles(eval_cv.gold_files(args.eval_dir))
    npos = sum(y == 1 for a in articles for y in a.labels)
    print(
        f"{len(articles)} articles, {sum(len(a.links) for a in articles)} links, {npos} positive "
        f"({time.perf_counter() - started:.0f} s)"
    )
    if args.cv:
        for c in args.c:
            for th in args.threshold:
                cross_validate(articles, c, th, args.types)
    if args.write:
        model = train(articles, args.c[0], args.threshold[0])
        MODEL_PATH.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB, {len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
