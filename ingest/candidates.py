"""Candidate dyads for the event typer: every ordered pair of actors named in one sentence, with its features.

A mention is a place where a sentence names an actor: a state, organisation or armed group (the gazetteer's spans),
an official standing for their state, or a reference to an actor named earlier ("it", "he", "the bloc", "the two
countries"). For each pair of mentions of different actors, the features describe how the sentence links them: the
dependency path between them, the words on it and the event types the lexicons give those words, the grammatical
role of each side, negation and modality, and the events the rule extractor found between them. The typer
(ingest/typer.py) turns these features into typed, directed events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.events import SYMMETRIC_TYPES, EventFinder, FoundEvent
from ingest.lexicon import Trigger, cameo, triggers_by_lemma
from ingest.mentions import QUOTES, Mention, MentionFinder
from ingest.syntax import path_between

NEGATIONS = frozenset({"not", "n't", "never", "no"})
MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONALS = frozenset({"if", "unless", "whether"})
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rebuff", "disprove"})
REPORT_NOUNS = frozenset({"report", "rumour", "rumor", "claim", "allegation", "speculation", "suggestion"})


MAX_STEPS = 4
SKIPPED_STEPS = frozenset({"pobj", "conj", "appos", "cc", "punct"})


def _step(tok: Token) -> str | None:
    if tok.dep_ in SKIPPED_STEPS:
        return None
    if tok.dep_ in ("prep", "agent"):
        return f"{tok.dep_}:{tok.lower_}"
    return tok.dep_


def signature(trigger: Token, mention: Token) -> str:
    """How an actor mention hangs from a trigger word, as the dependency labels between them: "/nsubj" (its
    subject), "/prep:with", "^dobj/nsubj" (the subject of the verb the trigger is the object of), "self", "far"."""
    if trigger.i == mention.i:
        return "self"
    _, up, down = path_between(trigger, mention)
    ups = [s for s in map(_step, up) if s]
    downs = [s for s in map(_step, reversed(down)) if s]
    if len(ups) + len(downs) > MAX_STEPS:
        return "far"
    return "".join("^" + s for s in ups) + "".join("/" + s for s in downs)


SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
CONTROL = frozenset({"xcomp", "advcl", "conj", "acl", "relcl", "pcomp"})


def role(sig: str) -> str:
    """A signature's grammatical role, coarse enough to be shared by all event types: SUBJ (who acts), OBJ,
    PREP:<word>, POSS, MOD, AGENT, PASSIVE, and the roles of a governing verb: CTRL_SUBJ ("vowed to retaliate"),
    LIGHT_SUBJ ("held talks"), SPEAKER ("said the talks ...")."""
    if sig in ("self", "far"):
        return sig.upper()
    ups = [s for s in sig.split("/")[0].split("^") if s]
    downs = sig.split("/")[1:]
    if not downs:
        return "UP_" + (ups[0] if ups else "")
    first = downs[0]
    if first in SUBJECTS:
        kind = "SUBJ"
    elif first == "nsubjpass":
        kind = "PASSIVE"
    elif first in OBJECTS:
        kind = "OBJ"
    elif first.startswith("agent"):
        kind = "AGENT"
    elif first.startswith("prep:"):
        kind = "PREP:" + first[5:]
    elif first == "poss":
        kind = "POSS"
    elif first in MODIFIERS:
        kind = "MOD"
    else:
        kind = "OTHER"
    if not ups:
        return kind
    if ups[0] in CONTROL and kind == "SUBJ":
        return "CTRL_SUBJ"
    if ups[0] in ("dobj", "nsubjpass", "attr") and kind in ("SUBJ", "PREP:with", "AGENT"):
        return "LIGHT_" + kind
    if ups[0] == "ccomp" and kind == "SUBJ":
        return "SPEAKER"
    return "UP_" + ups[0] + "_" + kind


@dataclass
class Link:
    """One reading of a sentence: ``trigger`` (a word the lexicons give type ``etype``) links ``source`` to
    ``target``. The typer scores each link; the best link of a (type, source, target) decides."""

    sentence: Span
    trigger: Token
    etype: str
    source: str
    target: str
    features: list[str] = field(default_factory=list)


class Featurizer:
    def __init__(self, finder: EventFinder, mentions: MentionFinder, rule_events: Iterable[FoundEvent]) -> None:
        self.finder = finder
        self.doc: Doc = finder.doc
        self.mentions = mentions
        self.cameo = cameo()
        self.own = triggers_by_lemma()
        self.type_cache: dict[int, dict[str, set[str]]] = {}
        self.rules: dict[int, list[FoundEvent]] = {}
        self.rules_all = list(rule_events)
        self._links: dict[int, list[Link]] = {}
        for event in self.rules_all:
            self.rules.setdefault(event.sentence.start, []).append(event)

    # -- what a word means ----------------------------------------------------------------------------------------
    def word_types(self, tok: Token) -> dict[str, set[str]]:
        """Event types the lexicons give a word here, each with the lexicons that say so: ``own`` (the project's
        trigger lexicon, its conditions met), ``any`` (the same lexicon, conditions not checked), ``cameo`` (the
        converted CAMEO dictionary: the verb, or the verb with this object)."""
        cached = self.type_cache.get(tok.i)
        if cached is not None:
            return cached
        found: dict[str, set[str]] = {}
        trig = self.finder.match_trigger(tok)
        if trig is not None:
            found.setdefault(trig.type, set()).add("own")
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN", "ADJ") else None
        lemma = tok.lemma_.lower()
        if pos is not None:
            for entry in self.own.get((lemma, pos), ()):
                found.setdefault(entry.type, set()).add("any")
        if pos == "VERB":
            particles = frozenset(c.lower_ for c in tok.children if c.dep_ in ("prt", "prep"))
            for etype in self.cameo.verb_types(lemma, particles):
                found.setdefault(etype, set()).add("cameo")
            objects = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            for etype in self.cameo.pattern_types(lemma, objects):
                found.setdefault(etype, set()).add("cameo_obj")
        self.type_cache[tok.i] = found
        return found

    # -- links ------------------------------------------------------------------------------------------------------
    def links(self, sent: Span) -> list[Link]:
        cached = self._links.get(sent.start)
        if cached is None:
            cached = self._links[sent.start] = self._make_links(sent)
        return cached

    def _make_links(self, sent: Span) -> list[Link]:
        mentions = self.mentions.by_sentence.get(sent.start, [])
        actors = list(dict.fromkeys(m.actor for m in mentions))
        if len(actors) < 2:
            return []
        rule_events = self.rules.get(sent.start, [])
        shared = [f"actors_{min(len(actors), 5)}", *self._context(sent)]
        out: list[Link] = []
        for tok in sent:
            types = self.word_types(tok)
            if not types:
                continue
            nearest = {a: self._nearest(tok, [m for m in mentions if m.actor == a]) for a in actors}
            sigs = {a: signature(tok, self.doc[m.head]) for a, m in nearest.items()}
            word = self._word_features(tok)
            for etype, sources in types.items():
                typed = [f"T_{etype}", f"T_{etype}|{tok.lemma_.lower()}"] + [f"T_{etype}|src_{s}" for s in sources]
                typed += [f"T_{etype}|{w}" for w in word]
                for a in actors:
                    for b in actors:
                        if a == b:
                            continue
                        f = typed + shared + word
                        f += self._pair_features(etype, nearest[a], nearest[b], sigs[a], sigs[b])
                        f += self._rule_features(rule_events, tok, etype, a, b)
                        out.append(Link(sent, tok, etype, a, b, f))
        return out

    def _nearest(self, tok: Token, mentions: list[Mention]) -> Mention:
        def steps(m: Mention) -> int:
            _, up, down = path_between(tok, self.doc[m.head])
            return len(up) + len(down)

        return min(mentions, key=steps)

    def _word_features(self, tok: Token) -> list[str]:
        out = [f"pos_{tok.pos_}", f"dep_{tok.dep_}"]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(f"head_{tok.head.lemma_.lower()}")  # light verbs: "held talks", "imposed sanctions"
        out += self._modality(tok)
        return out

    def _pair_features(self, etype: str, a: Mention, b: Mention, sa: str, sb: str) -> list[str]:
        ra, rb = role(sa), role(sb)
        f = [
            f"ra_{ra}",
            f"rb_{rb}",
            f"rab_{ra}|{rb}",
            f"T_{etype}|ra_{ra}",
            f"T_{etype}|rb_{rb}",
            f"T_{etype}|rab_{ra}|{rb}",
            f"sa_{sa}",
            f"sb_{sb}",
            f"sab_{sa}|{sb}",
            f"T_{etype}|sa_{sa}",
            f"T_{etype}|sb_{sb}",
            f"T_{etype}|sab_{sa}|{sb}",
            f"ka_{a.kind}",
            f"kb_{b.kind}",
            f"order_{'ab' if a.head < b.head else 'ba' if a.head > b.head else 'same'}",
        ]
        if etype in SYMMETRIC_TYPES:
            f.append(f"sym|{'|'.join(sorted((sa, sb)))}")
            f.append(f"symr|{'|'.join(sorted((ra, rb)))}")
        ta, tb = self.doc[a.head], self.doc[b.head]
        if tb in ta.conjuncts:
            f.append("conjuncts")
        if a.head == b.head:
            f.append("same_head")
        return f

    def _modality(self, tok: Token) -> list[str]:
        out: list[str] = []
        children = list(tok.children)
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in children):
            out.append("negated")
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
            out.append("modal")
        if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in children):
            out.append("future")
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in children):
            out.append("conditional")
        if self.finder.is_irrealis(tok, _ANY):
            out.append("irrealis")
        if self.finder.is_planned(tok, None):
            out.append("planned")
        for head in tok.ancestors:
            lemma = head.lemma_.lower()
            if lemma in DENIAL_VERBS:
                out.append("under_denial")
            if lemma in REPORT_NOUNS:
                out.append("under_report")
            if head.pos_ in ("VERB", "AUX") and head.dep_ in ("ROOT", "ccomp"):
                break
        return out

    @staticmethod
    def _context(sent: Span) -> list[str]:
        out = []
        if sent.start == 0:
            out.append("first_sentence")
        if any(t.text in QUOTES for t in sent):
            out.append("quoted")
        return out

    @staticmethod
    def _rule_features(events: list[FoundEvent], tok: Token, etype: str, a: str, b: str) -> list[str]:
        out = []
        for e in events:
            hit = (a in e.source and b in e.source) if e.symmetric else (a in e.source and b in e.target)
            if not hit:
                continue
            same_word = e.trigger.i == tok.i
            if e.type == etype:
                out.append("rule_same_word" if same_word else "rule_same_type")
            elif same_word:
                out.append(f"rule_word_is_{e.type}")
        return out


_ANY = Trigger(lemma="", pos="VERB", type="ANY", mode=None)
