"""The event-trigger lexicon (data/triggers.jsonl, data/object_classes.json), loaded once."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    type: str
    mode: str | None
    requires: str | None = None  # object class that must be among the trigger's objects
    modifier: frozenset[str] = frozenset()  # one of these lemmas must be a child
    particle: frozenset[str] = frozenset()  # one of these particles/prepositions must follow the verb
    requires_word: frozenset[str] = frozenset()  # one of these lemmas must be among the objects
    soft: bool = False  # weak cue: an event only when both sides are found in the syntax
    verbal: bool = False
    needs_realis: bool = False  # a noun that is an event only when something was done with it
    growth: bool = False  # "ties", "cooperation": an event only when they grow ("deepen ties", "ties deepen")
    given_by: frozenset[str] = frozenset()  # a noun that is an event only as the object of one of these verbs


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v.strip() for v in (value or "").split(",") if v.strip())


@lru_cache(maxsize=1)
def triggers_by_lemma() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, pos) -> candidate triggers in file order (the first that fits wins)."""
    table: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for line in (DATA / "triggers.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "_comment" in row:
            continue
        trig = Trigger(
            lemma=row["lemma"],
            pos=row["pos"],
            type=row["type"],
            mode=row.get("mode"),
            requires=row.get("requires"),
            modifier=_split(row.get("modifier")),
            particle=_split(row.get("particle")),
            requires_word=_split(row.get("requires_word")),
            soft=bool(row.get("soft")),
            verbal=bool(row.get("verbal")),
            needs_realis=bool(row.get("needs_realis")),
            growth=bool(row.get("growth")),
            given_by=_split(row.get("given_by")),
        )
        table[(trig.lemma, trig.pos)].append(trig)
    return {key: tuple(value) for key, value in table.items()}


@lru_cache(maxsize=1)
def object_classes() -> dict[str, frozenset[str]]:
    raw = json.loads((DATA / "object_classes.json").read_text(encoding="utf-8"))
    return {name: frozenset(words) for name, words in raw.items() if not name.startswith("_")}


# CAMEO codes whose verbs are too general to type an act ("express", "argue", "examine"): 110 disapprove,
# 090 investigate (the project's own lexicon has the specific verbs of both).
GENERAL_CAMEO_CODES = frozenset({"110", "090"})
# CAMEO verbs that in news prose name no one's act on another state: "Canadians who died in Afghanistan", "practices
# that harm investors", "engaged his counterpart on trade" (a conversation, read by the project's lexicon). On the
# development folds and the studied news set they gave only false events.
NO_ACT_CAMEO_VERBS = frozenset({"die", "harm", "engage"})


@dataclass(frozen=True)
class CameoLexicon:
    """Verbs and verb+object patterns of the converted CAMEO dictionary (data/cameo_lexicon.jsonl), as PLOVER types."""

    verbs: dict[str, tuple[tuple[str, str], ...]]  # lemma -> ((type, particle or ""), ...)
    patterns: dict[tuple[str, str], str]  # (verb lemma, object lemma) -> type

    def verb_types(self, lemma: str, particles: frozenset[str] = frozenset()) -> set[str]:
        return {t for t, particle in self.verbs.get(lemma, ()) if not particle or particle in particles}

    def pattern_types(self, lemma: str, objects: Iterable[str]) -> set[str]:
        return {t for obj in objects if (t := self.patterns.get((lemma, obj)))}


@lru_cache(maxsize=1)
def cameo() -> CameoLexicon:
    verbs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    patterns: dict[tuple[str, str], str] = {}
    for line in (DATA / "cameo_lexicon.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "lemma" not in row:
            continue
        if "object" in row:
            patterns.setdefault((row["lemma"], row["object"]), row["type"])
        elif row.get("cameo") not in GENERAL_CAMEO_CODES and row["lemma"] not in NO_ACT_CAMEO_VERBS:
            verbs[row["lemma"]].append((row["type"], row.get("particle", "")))
    return CameoLexicon({k: tuple(v) for k, v in verbs.items()}, patterns)


@dataclass(frozen=True)
class Evaluation:
    negative: frozenset[str]
    positive: frozenset[str]
    requests: frozenset[str]
    retaliation: frozenset[str]


@lru_cache(maxsize=1)
def evaluation() -> Evaluation:
    raw = json.loads((DATA / "evaluation.json").read_text(encoding="utf-8"))
    return Evaluation(
        frozenset(raw["negative"]),
        frozenset(raw["positive"]),
        frozenset(raw["requests"]),
        frozenset(raw["retaliation"]),
    )
