"""Would a learned layer over the rules' events help? Three layers, chosen by cross-validation, then scored once.

    make setup     # the dev extra brings scikit-learn, used by this script only
    .venv/bin/python scripts/eval_learned_layer.py [--other DIR ...] [--held DIR ...]

Three layers are tried over the rules' typed dyads:

- filter: a logistic regression on each dyad's event (type, trigger, type with trigger, the rules' confidence,
  status, mode, how the date was found, how many actors and sentences, hedges, negation or a quote in the evidence,
  a headline, an organisation or armed group among the actors, the article's number of events) that drops dyads
  below a threshold;
- second type: a pair the rules give type X also gets type Y when, in the training articles, gold gave Y to at
  least a share of the pairs the rules typed X (with the same trigger when it was seen often enough);
- pair adder: every two actors that share a sentence (as the rules' actor index, references included, sees them)
  and that the rules paired nowhere in the article are a candidate; a logistic regression over the words on the
  dependency path between them (and the PLOVER types the trigger lexicon gives those words), the sentence's other
  words and triggers, the rules' types in that sentence, the actors' kinds, the distance and the headline, learns
  from the gold events whose evidence is that sentence the type and the direction, or none; a candidate whose best
  type reaches a threshold is added.

Training articles are gold folds 1-4 (fold 0 is the blind fifth, as in scripts/eval_cv.py) plus every gold-format
file under `--other` (news annotated apart, docs/fresh-news.md; third-party texts kept outside the repository). Each
layer's settings are chosen by a 5-fold cross-validation over the training articles only; the chosen layer is then
trained on all of them and scored once on fold 0 and on the `--held` folders, beside the rules alone. A layer that
does not beat the rules in the cross-validation is reported as such.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_cv  # a sibling script

Dyad = tuple[str, ...]
Article = dict[str, Any]  # {"gold": the gold file, "pred": the rules' extraction, "pairs": candidate_pairs()}
Layer = Callable[[list[Article]], Callable[[Article], set[Dyad]]]

SEED = 20261207
HEDGE = re.compile(
    r"\b(if|would|could|may|might|should|plans?|will|wants?|seeks?|hopes?|expected|likely|possible|"
    r"reportedly|allegedly)\b",
    re.I,
)
NEGATION = re.compile(r"\b(not|no|never|denied|denies|deny|without)\b|n't", re.I)
STATE = re.compile(r"[A-Z]{3}")
SCORER: Any = None  # ../shared/eval/score.py, loaded by main()


def event_features(event: dict[str, Any], extraction: dict[str, Any]) -> dict[str, float]:
    kind, trigger = event["type"], (event.get("trigger") or "").lower()
    evidence = event.get("evidence") or ""
    actors = event["source"] + event["target"]
    return {
        f"type={kind}": 1,
        f"trigger={trigger}": 1,
        f"type+trigger={kind}|{trigger}": 1,
        f"status={event.get('status')}": 1,
        f"mode={event.get('mode')}": 1,
        f"date_source={event.get('date_source')}": 1,
        "confidence": event.get("confidence") or 0.0,
        "symmetric": float(bool(event.get("symmetric"))),
        "sources": min(len(event["source"]), 4) / 4,
        "targets": min(len(event["target"]), 4) / 4,
        "more_sentences": min(len(event.get("more_evidence") or []), 3) / 3,
        "headline": float(event.get("start", 1) == 0),
        "hedge": float(bool(HEDGE.search(evidence))),
        "negation": float(bool(NEGATION.search(evidence))),
        "quote": float('"' in evidence or "“" in evidence),
        "words": min(len(evidence.split()), 60) / 60,
        "organisation": float(any(not STATE.fullmatch(a) for a in actors)),
        "armed_group": float(any(a.endswith("_REB") for a in actors)),
        "events_in_article": min(len(extraction.get("events") or []), 30) / 30,
    }


class Scoring:
    def __init__(self, scorer: Any) -> None:
        self.scorer = scorer

    def dyads(self, events: Iterable[dict[str, Any]] | None) -> set[Dyad]:
        out: set[Dyad] = set()
        for event in events or []:
            out |= self.scorer.dyads(event)
        return out

    def event_dyads(self, article: Article) -> Iterable[tuple[dict[str, Any], Dyad]]:
        for event in article["pred"].get("events") or []:
            for dyad in self.scorer.dyads(event):
                yield event, dyad

    def f1(self, articles: list[Article], predict: Callable[[Article], set[Dyad]]) -> tuple[float, int, int, int]:
        tp = fp = fn = 0
        for article in articles:
            gold, pred = self.dyads(article["gold"].get("events")), predict(article)
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), tp, fp, fn


def filter_layer(s: Scoring, c: float, threshold: float) -> Layer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def train(articles: list[Article]) -> Callable[[Article], set[Dyad]]:
        rows, labels = [], []
        for article in articles:
            gold = s.dyads(article["gold"].get("events"))
            for event, dyad in s.event_dyads(article):
                rows.append(event_features(event, article["pred"]))
                labels.append(int(dyad in gold))
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.fit_transform(rows), labels)

        def predict(article: Article) -> set[Dyad]:
            best: dict[Dyad, float] = defaultdict(float)
            pairs = list(s.event_dyads(article))
            if not pairs:
                return set()
            rows = vectorizer.transform([event_features(e, article["pred"]) for e, _ in pairs])
            for (_, dyad), p in zip(pairs, model.predict_proba(rows)[:, 1], strict=True):
                best[dyad] = max(best[dyad], float(p))
            return {d for d, p in best.items() if p >= threshold}

        return predict

    return train


def second_type_layer(s: Scoring, share: float, min_seen: int) -> Layer:
    def keys(event: dict[str, Any]) -> list[tuple[str, ...]]:
        # The most specific first: the type with its trigger, then the type alone.
        return [(event["type"], (event.get("trigger") or "").lower()), (event["type"],)]

    def train(articles: list[Article]) -> Callable[[Article], set[Dyad]]:
        seen: Counter[tuple[str, ...]] = Counter()
        also: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for article in articles:
            gold = s.dyads(article["gold"].get("events"))
            for event, dyad in s.event_dyads(article):
                others = {g[0] for g in gold if g[1:] == dyad[1:]} - {dyad[0]}
                for key in keys(event):
                    seen[key] += 1
                    also[key].update(others)

        def predict(article: Article) -> set[Dyad]:
            out = s.dyads(article["pred"].get("events"))
            for event, dyad in s.event_dyads(article):
                key = next((k for k in keys(event) if seen[k] >= min_seen), None)
                if key is not None:
                    out |= {(kind, *dyad[1:]) for kind, n in also[key].items() if n / seen[key] >= share}
            return out

        return predict

    return train


def cross_validated(s: Scoring, articles: list[Article], layer: Layer, folds: int = 5) -> tuple[float, int, int]:
    """F1 over the articles, each scored by the layer trained on the other folds; and the right and wrong dyads
    the layer changed (added right or dropped wrong; added wrong or dropped right)."""
    order = articles[:]
    random.Random(SEED).shuffle(order)
    tp = fp = fn = 0
    for i in range(folds):
        held = order[i::folds]
        predict = layer([a for j, a in enumerate(order) if j % folds != i])
        _, t, f, n = s.f1(held, predict)
        tp, fp, fn = tp + t, fp + f, fn + n
    _, base_tp, base_fp, _ = s.f1(order, lambda a: s.dyads(a["pred"].get("events")))
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), tp - base_tp, fp - base_fp


def load(files: list[Path]) -> list[Article]:
    """Each file's gold, the rules' extraction and the candidate pairs, from one parse."""
    from ingest.extract import analysed_text, from_doc, parse_view
    from ingest.nlp import load_pipeline

    nlp = load_pipeline()
    out = []
    for path, article in zip(files, eval_cv.gold_articles(files), strict=True):
        text = analysed_text(article)
        doc = nlp(parse_view(text))
        pred = from_doc(doc, article, text).to_json()
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append({"gold": gold, "pred": pred, "pairs": candidate_pairs(doc, article, text, gold, pred)})
    return out


def candidate_pairs(doc: Any, article: Any, text: str, gold: dict[str, Any], pred: dict[str, Any]) -> list[Any]:
    """(a, b, features, gold dyads of the pair reported in that sentence) for two actors of one sentence that the
    rules paired nowhere in the article."""
    from ingest.events import EventFinder
    from ingest.mentions import MentionFinder
    from ingest.people import find_people
    from ingest.syntax import sentences
    from service.shared import gazetteer

    actors = gazetteer.load_actors()
    people = find_people(doc, article.published)
    finder = EventFinder(doc, people, article.published)
    MentionFinder(finder).inject(finder.index)
    index = finder.index
    paired = {frozenset(t[1:3]) for e in pred.get("events") or [] for t in SCORER.dyads(e)}
    reported = []
    for event in gold.get("events") or []:
        evidence = (event.get("evidence") or "").strip()
        at = text.find(evidence[:60]) if evidence else -1
        if at >= 0:
            reported.append((at, at + len(evidence), SCORER.dyads(event)))
    rules_types: dict[int, set[str]] = defaultdict(set)
    for event in pred.get("events") or []:
        rules_types[event.get("start", -1)].add(event["type"])

    def kind(actor: str) -> str:
        return actors[actor].kind if actor in actors else "country"

    out = []
    for number, sent in enumerate(sentences(doc)):
        first: dict[str, Any] = {}
        for tok in sent:
            for actor in [index.actor[tok.i]] if tok.i in index.actor else index.groups.get(tok.i, []):
                if kind(actor) != "other":
                    first.setdefault(actor, tok)
        if len(first) < 2:
            continue
        triggers = {t.i: trig.type for t in sent if (trig := finder.match_trigger(t)) is not None}
        words = {t.lemma_.lower() for t in sent if t.pos_ in ("VERB", "NOUN") and not t.is_stop}
        gold_here = set().union(*(d for start, end, d in reported if start < sent.end_char and sent.start_char < end))
        order = sorted(first, key=lambda a: first[a].i)
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                if frozenset((a, b)) in paired:
                    continue
                ta, tb = first[a], first[b]
                on, meet = dependency_path(ta, tb)
                features: dict[str, float] = {f"path={t.lemma_.lower()}": 1 for t in on}
                features |= {f"path_type={triggers[t.i]}": 1 for t in on if t.i in triggers}
                features |= {f"word={w}": 1 for w in words} | {f"trigger={k}": 1 for k in triggers.values()}
                features |= {f"rules={k}": 1 for k in rules_types.get(sent.start_char, ())}
                features |= {f"deps={ta.dep_}|{tb.dep_}": 1, f"kinds={kind(a)}|{kind(b)}": 1}
                if meet is not None:
                    features[f"meet={meet.lemma_.lower()}"] = 1
                features |= {"headline": float(number == 0), "distance": min(abs(ta.i - tb.i), 40) / 40}
                gold_pair = sorted(t for t in gold_here if set(t[1:3]) == {a, b})
                out.append((a, b, features, gold_pair))
    return out


def dependency_path(ta: Any, tb: Any) -> tuple[list[Any], Any]:
    """The tokens between two tokens in the parse (up from each to where they meet, that one included) and the
    token where they meet (None across sentences' roots)."""
    up_a, up_b = [ta, *ta.ancestors], [tb, *tb.ancestors]
    ids_b = [t.i for t in up_b]
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            path = up_a[1 : k + 1] + up_b[1 : ids_b.index(t.i)]
            return [p for p in path if p.i not in (ta.i, tb.i)], t
    return up_a[1:] + up_b[1:], None


def pair_label(a: str, gold_pair: list[Dyad]) -> str:
    """The first gold dyad of the pair as a class: its type and direction relative to (a, b), or NONE."""
    if not gold_pair:
        return "NONE"
    kind, source, _, direction = gold_pair[0]
    return f"{kind}|{'both' if direction != '>' else 'ab' if source == a else 'ba'}"


def pair_dyads(label: str, a: str, b: str) -> set[Dyad]:
    kind, direction = label.split("|")
    source, target = ([a, b], []) if direction == "both" else ([a], [b]) if direction == "ab" else ([b], [a])
    dyads: set[Dyad] = SCORER.dyads({"type": kind, "source": source, "target": target, "symmetric": not target})
    return dyads


def pair_adder_layer(s: Scoring, c: float, threshold: float) -> Layer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def train(articles: list[Article]) -> Callable[[Article], set[Dyad]]:
        rows = [(f, pair_label(a, g)) for article in articles for a, _, f, g in article["pairs"]]
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=3000).fit(
            vectorizer.fit_transform([f for f, _ in rows]), [label for _, label in rows]
        )
        classes = list(model.classes_)

        def predict(article: Article) -> set[Dyad]:
            out = s.dyads(article["pred"].get("events"))
            if not article["pairs"]:
                return out
            probabilities = model.predict_proba(vectorizer.transform([f for _, _, f, _ in article["pairs"]]))
            for (a, b, _, _), row in zip(article["pairs"], probabilities, strict=True):
                p, label = max((p, k) for p, k in zip(row, classes, strict=True) if k != "NONE")
                if p >= threshold:
                    out |= pair_dyads(label, a, b)
            return out

        return predict

    return train


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=eval_cv.EVAL)
    ap.add_argument("--other", type=Path, nargs="*", default=[], help="more training articles (gold format)")
    ap.add_argument("--held", type=Path, nargs="*", default=[], help="articles scored once at the end")
    args = ap.parse_args()
    global SCORER
    SCORER = eval_cv.load_scorer(args.eval_dir)
    s = Scoring(SCORER)
    files = eval_cv.gold_files(args.eval_dir)
    fold = eval_cv.fold_of(files)
    gold = load(files)
    blind = [a for p, a in zip(files, gold, strict=True) if fold[eval_cv.key(p)] == 0]
    train = [a for p, a in zip(files, gold, strict=True) if fold[eval_cv.key(p)] != 0]
    train += load([p for d in args.other for p in sorted(d.rglob("*.json"))])
    held = {str(d): load(sorted(d.rglob("*.json"))) for d in args.held}
    print(f"training articles {len(train)}, blind fifth {len(blind)}, held {[len(v) for v in held.values()]}")

    def rules(article: Article) -> set[Dyad]:
        return s.dyads(article["pred"].get("events"))

    baseline = s.f1(train, rules)[0]
    print(f"rules alone on the training articles: {baseline:.4f}")
    candidates: dict[str, dict[str, Layer]] = {
        "filter": {
            f"C={c} threshold={t}": filter_layer(s, c, t) for c in (0.03, 0.1, 0.3, 1.0) for t in (0.2, 0.3, 0.4)
        },
        "second type": {
            f"share={sh} seen>={n}": second_type_layer(s, sh, n) for sh in (0.3, 0.4, 0.5, 0.6) for n in (3, 8)
        },
        "pair adder": {
            f"C={c} threshold={t}": pair_adder_layer(s, c, t) for c in (0.3, 1.0, 3.0) for t in (0.1, 0.2, 0.3, 0.5)
        },
    }
    for name, grid in candidates.items():
        scores = {setting: cross_validated(s, train, layer) for setting, layer in grid.items()}
        best = max(scores, key=lambda k: scores[k][0])
        verdict = "beats" if scores[best][0] > baseline else "does not beat"
        print(f"{name}: best cross-validated {scores[best][0]:.4f} ({best}), {verdict} the rules' {baseline:.4f}")
        for setting, (f1, tp, fp) in scores.items():
            print(f"  {setting}: {f1:.4f} (right dyads {tp:+d}, wrong {fp:+d})")
        predict = grid[best](train)
        for label, articles in [("blind fifth", blind), *held.items()]:
            f0, tp0, fp0, _ = s.f1(articles, rules)
            f1, tp, fp, _ = s.f1(articles, predict)
            print(
                f"  {label}: rules {f0:.4f}, with the layer {f1:.4f} (right dyads {tp - tp0:+d}, wrong {fp - fp0:+d})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
