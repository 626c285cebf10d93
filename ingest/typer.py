"""The event typer: a linear model that decides, for each candidate dyad (ingest/candidates.py), which PLOVER events
the sentence states between its two actors, and in which direction.

The rules of ingest/events.py propose (their events are features, as are the lexicons' types of the words that
link the two actors); the typer decides. It is one logistic regression per event type over sparse binary features,
trained by scripts/train_typer.py on the visible gold articles and stored as JSON (data/typer.json, with its model
card data/typer.md). Scoring is a sum of weights, so it costs little next to the parser.

A positive pair becomes an event built like the rules' own: its trigger is the lexicon word of that type nearest the
link (else the linking predicate), which gives its date, status and place. Symmetric types (meetings, cooperation,
agreements) gather every pair of one sentence that is linked into one event with all its participants.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from ingest.candidates import Featurizer, Link
from ingest.events import SYMMETRIC_TYPES, EventFinder, FoundEvent

MODEL_PATH = Path(__file__).parent / "data" / "typer.json"


@dataclass
class TyperModel:
    """A logistic regression over a link's binary features: the probability that the link states an event."""

    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # per event type

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "format": 2,
            "bias": round(self.bias, 4),
            "thresholds": {t: round(v, 3) for t, v in sorted(self.thresholds.items())},
            "weights": {f: round(w, 4) for f, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TyperModel:
        if data.get("format") != 2:
            raise ValueError(f"unknown typer model format {data.get('format')!r}")
        return cls(
            bias=float(data["bias"]),
            weights={str(f): float(w) for f, w in data["weights"].items()},
            thresholds={str(t): float(v) for t, v in data["thresholds"].items()},
        )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> TyperModel | None:
    """The trained typer, or None when no model file is installed (the rules then decide alone)."""
    if not path.exists():
        return None
    return TyperModel.from_json(json.loads(path.read_text(encoding="utf-8")))


class Typer:
    def __init__(self, finder: EventFinder, featurizer: Featurizer, model: TyperModel) -> None:
        self.finder = finder
        self.featurizer = featurizer
        self.model = model

    def events(self) -> list[FoundEvent]:
        out: list[FoundEvent] = []
        for sent in self.finder.doc.sents:
            out += self.sentence_events(sent, self.featurizer.links(sent))
        return out

    def sentence_events(self, sent: Span, links: list[Link]) -> list[FoundEvent]:
        best: dict[tuple[str, str, str], tuple[Link, float]] = {}
        for link in links:
            p = self.model.probability(link.features)
            a, b = link.source, link.target
            if link.etype in SYMMETRIC_TYPES and b < a:
                a, b = b, a
            key = (link.etype, a, b)
            if key not in best or p > best[key][1]:
                best[key] = (link, p)
        symmetric: dict[str, dict[frozenset[str], tuple[Link, float]]] = {}
        out: list[FoundEvent] = []
        for (etype, a, b), (link, p) in best.items():
            if p < self.model.thresholds.get(etype, 0.5):
                continue
            if etype in SYMMETRIC_TYPES:
                symmetric.setdefault(etype, {})[frozenset((a, b))] = (link, p)
            else:
                out.append(self.build(sent, link.trigger, etype, [a], [b], False, p))
        for etype, pairs in symmetric.items():
            for group in _components(pairs):
                link, p = max(group, key=lambda lp: lp[1])
                actors = sorted({a for lk, _ in group for a in (lk.source, lk.target)})
                out.append(self.build(sent, link.trigger, etype, actors, [], True, p))
        return out

    def build(
        self, sent: Span, token: Token, etype: str, source: list[str], target: list[str], symmetric: bool, p: float
    ) -> FoundEvent:
        return self.finder.make_event(token, etype, source, target, symmetric=symmetric, confidence=p)


def _components(pairs: dict[frozenset[str], tuple[Link, float]]) -> list[list[tuple[Link, float]]]:
    """Linked pairs of one sentence and type as groups in which every two members are linked: a summit of three
    is one event; two meetings, or a meeting and a pair that only shares a member with it, stay apart."""
    groups: list[tuple[set[str], list[tuple[Link, float]]]] = []
    for pair, item in sorted(pairs.items(), key=lambda kv: -kv[1][1]):
        for actors, items in groups:
            newcomer = set(pair) - actors
            if len(newcomer) == 1 and all(frozenset((n, m)) in pairs for n in newcomer for m in actors):
                actors |= newcomer
                items.append(item)
                items.extend(pairs[frozenset((n, m))] for n in newcomer for m in actors - newcomer - set(pair))
                break
            if not newcomer:
                items.append(item)
                break
        else:
            groups.append((set(pair), [item]))
    return [items for _, items in groups]
