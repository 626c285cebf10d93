"""PLOVER events from parsed sentences: a trigger word, its actors from the dependency tree, date, status, place.

For each sentence, every token whose lemma is a trigger (data/triggers.jsonl, else a CAMEO verb of a trusted type)
is tried in turn; ingest/arguments.py reads its sides. Symmetric types (meetings, cooperation, agreements) take
everyone on either side. A person stands for their country. What did not happen is skipped: negated, hypothetical,
opinion, deliberated and requested acts, and acts that are denied or only rumoured (ingest/modality.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ingest.arguments import (
    LIST_NOUNS,
    OBJECT_DEPS,
    OWNER_DEPS,
    RECEIVING_VERBS,
    SYMMETRIC_TYPES,
    TARGET_PREPS,
    TO,
    UNDERGOING_PASSIVES,
    VENUE_NOUNS,
    ActorIndex,
    ArgumentFinder,
    children_of,
    done_together,
    is_condition,
    is_infinitive,
    with_conjuncts,
)
from ingest.dates import ResolvedDate, find_dates
from ingest.event_words import (
    ABSTRACT_OBJECTS,
    ACCEPTANCE_VERBS,
    ACT_NOUNS,
    AIMED_PREPS,
    ANSWER_NOUNS,
    ANSWER_VERBS,
    ASSURING_VERBS,
    BILATERAL_VERBS,
    BORNE_VERBS,
    BY_LIMIT_WORDS,
    CAMEO_TYPES,
    CHANGE_NOUNS,
    CLAIM_VERBS,
    CONCERN_PREPS,
    COOPERATIVE_TYPES,
    COURTS,
    CROWD_ACTION_VERBS,
    CROWD_NOUNS,
    DEADLINE_WORDS,
    DELIVERY_NOUNS,
    DENIAL_VERBS,
    DEPARTURE_VERBS,
    EASING_VERBS,
    ENVOY_NOUNS,
    EXPULSION_VERBS,
    FALLBACK_TO_CAMEO,
    FILING_NOUNS,
    FORETELLING_AUX,
    FUTURE_AUX,
    GATHERING_VERBS,
    GROUNDS_NOUNS,
    GROUP_WORDS,
    GROWTH_MODIFIERS,
    GROWTH_VERBS,
    GUEST_NOUNS,
    HEARSAY_NOUNS,
    HELD_PRONOUNS,
    IMPACT_VERBS,
    INCURSION_VERBS,
    JOINT_ADVERBS,
    JUDGEMENT_TYPES,
    LOOSE_TYPES,
    MET_TERMS,
    MILITARY_MODIFIERS,
    MISSION_NOUNS,
    MISSION_PREPS,
    NOMINAL_SUFFIXES,
    ONE_BY_ONE_WORDS,
    ONWARD_PARTICLES,
    PARTICIPATION_VERBS,
    PARTY_PREPS,
    PERMIT_VERBS,
    PLAN_VERBS,
    PLANNED_MODIFIERS,
    PUNISHMENT_TYPES,
    QUANTITY_NOUNS,
    REACTION_NOUNS,
    REALIS_VERBS,
    REASON_PREPS,
    RECALL_VERBS,
    RECEIPT_VERBS,
    RECIPROCAL_LEMMAS,
    REFERENCE_REACH,
    REFLEXIVES,
    RELATION_NOUNS,
    RELIEF_NOUNS,
    RESUMING_VERBS,
    RUPTURE_NOUNS,
    SAY_VERBS,
    SCORE,
    SETTLING_VERBS,
    SHOW_OF_FORCE_PREPS,
    SITUATION_NOUNS,
    SPEAKER_DOER_TYPES,
    SPORT_WORDS,
    STOP_NOUNS,
    STORY_REACH,
    TERMS_NOUNS,
    TRANSACTION_NOUNS,
    TRAVEL_VERBS,
    UNDOING_LEMMAS,
    UNDONE_TYPES,
    UNMADE_WORDS,
    VIOLENCE_NOUNS,
    VOICE_NOUNS,
    WAGING_VERBS,
    WAR_NOUNS,
    WRONG_NOUNS,
)
from ingest.lexicon import Trigger, cameo, evaluation, object_classes, triggers_by_lemma
from ingest.modality import REFUSAL, is_irrealis, reported_future
from ingest.models import QUAD_CLASS_OF
from ingest.people import Person
from ingest.syntax import sentence_of, sentences
from service.shared import gazetteer


class SentenceDates:
    """The sentence's dates, resolved once per tense (weekdays point back for past events, forward for plans)."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.cache: dict[str, list[ResolvedDate]] = {}

    def resolve(self, tense: str) -> list[ResolvedDate]:
        if tense not in self.cache:
            self.cache[tense] = find_dates(self.text, self.published, tense=tense)  # type: ignore[arg-type]
        return self.cache[tense]


STRUCK_PREPS = frozenset({"on", "against", "at", "into", "upon"})
SPAN_BOUND_WORDS = ("since", "until", "till", "by")
# Verbs of a lasting state, whose "since" dates its start: "has remained under sanctions since 2019".
STATE_VERBS = frozenset({"be", "remain", "stay", "live", "face", "endure", "suffer"})

HOST_PREPS = frozenset({"in"})  # "opened an office in Vilnius": where the host state is named
SWAP_NOUNS = frozenset({"swap", "exchange"})
# Verbs by which a warning tells of a danger, not of an answer.
RISK_VERBS = frozenset({"risk", "endanger", "jeopardise", "jeopardize"})
# Nouns that ease what their "of" names: "the lifting of sanctions".
EASING_NOUNS = frozenset(
    {"lifting", "lift", "easing", "removal", "relaxation", "suspension", "waiver", "rollback", "lowering", "scrapping"}
)
# A crowd's gestures aimed at a state: "chanting slogans against Delhi", "burning effigies of Modi".
DECRYING_VERBS = frozenset({"chant", "shout", "denounce", "condemn"})
DEFACING_VERBS = frozenset({"burn", "trample", "tear", "deface", "stomp"})
EFFIGY_NOUNS = frozenset({"effigy", "flag", "portrait", "picture", "poster", "photo", "image"})
# Where a complaint or case is filed: "with the WTO", "at the ICJ", "before the court".
FILED_WITH = frozenset({"with", "at", "before", "to"})
FILING_VERBS = frozenset({"file", "lodge", "bring", "submit", "take"})
SUBMITTING_VERBS = frozenset({"submit", "file", "lodge", "make", "present", "send", "table"})
# Verbs by which an objection holds up a bid: "objections from Hungary delayed Finland's accession".
STALLING_VERBS = frozenset(
    {"hold", "delay", "block", "stall", "derail", "hamper", "stymie", "hinder", "obstruct", "slow"}
)
CARGO_VERBS = frozenset({"load", "carry", "lade", "transport", "bring", "contain"})
_CARGO = Trigger(lemma="aid", pos="NOUN", type="AID", mode="aid delivery")
EXERCISE_NOUNS = frozenset({"drill", "exercise", "manoeuvre", "maneuver", "wargame", "war-game"})
# Weapons placed in another state stay the sender's: a deployment, not a delivery.
BASING_VERBS = frozenset({"station", "deploy", "base", "position", "place", "install"})
MOVEMENT_VERBS = frozenset(
    {
        "travel",
        "arrive",
        "enter",
        "cross",
        "move",
        "head",
        "go",
        "deploy",
        "join",
        "reach",
        "land",
        "fight",
        "mass",
        "gather",
        "pour",
        "station",
        "roll",
        "advance",
        "march",
        "start",
        "begin",
        "return",
        "come",
        "send",
        "sail",
        "fly",
        "patrol",
        "transit",
        "dock",
    }
)


@dataclass
class FoundEvent:
    type: str
    mode: str | None
    source: list[str]
    target: list[str]
    symmetric: bool
    date: ResolvedDate | None
    status: str
    location: str | None
    sentence: Span
    trigger: Token
    confidence: float
    people: list[str] = field(default_factory=list)
    date_source: str | None = None  # text | publication | context

    def __post_init__(self) -> None:
        if self.date is not None and self.date_source is None:
            self.date_source = "text" if self.date.text else "publication"


def _words_before(dtok: Token, count: int = 4) -> list[str]:
    """The words just before a date, lower-cased: where "until", "by" or "on" would stand."""
    return [t.lower_ for t in dtok.doc[max(0, dtok.i - count) : dtok.i]]


def names_the_act_of(noun: str, verb: str) -> bool:
    """ "visit" names what "visit" did, "executions" what "executed" did: the noun is the verb or made from it
    (they share all of the verb's stem but its last letter, and at least four letters)."""
    if noun == verb:
        return True
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 4 and noun.startswith(stem) and noun[len(stem) :] in NOMINAL_SUFFIXES


def _is_high_commission(noun: Token) -> bool:
    """ "the Indian High Commission", "Bangladesh's Assistant High Commission": a Commonwealth embassy."""
    return noun.lower_ == "commission" and any(c.lower_ == "high" for c in noun.children)


def _is_time(prep: Token) -> bool:
    return any(p.ent_type_ in ("DATE", "TIME") for p in prep.children if p.dep_ == "pobj")


def noun_lemma(token: Token) -> str:
    """The lemma, with a capitalised plural made singular: the tagger keeps "Marines" (in "U.S. Marines") whole."""
    lemma = token.lemma_.lower()
    return lemma[:-1] if token.pos_ == "PROPN" and lemma.endswith("s") else lemma


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word that can start an event: trigger lemmas, CAMEO verbs, troop and travel words."""
    words = {lemma for lemma, _ in triggers_by_lemma()}
    words |= set(cameo().verbs) | {verb for verb, _ in cameo().patterns}
    words |= object_classes()["troops"] | object_classes()["weapons"] | TRAVEL_VERBS | ACCEPTANCE_VERBS
    words |= CROWD_ACTION_VERBS
    return frozenset(words)


_TROOPS = Trigger(lemma="troop", pos="NOUN", type="MOBILIZE", mode="troops")
_ARMS = Trigger(lemma="weapon", pos="NOUN", type="AID", mode="arms delivery")
_STRIKE = Trigger(lemma="shell", pos="NOUN", type="ASSAULT", mode="attack")
_VISIT = Trigger(lemma="travel", pos="VERB", type="CONSULT", mode="visit")
_EXPEL = Trigger(lemma="order", pos="VERB", type="SANCTION", mode="expulsion")
_OF = frozenset({"of"})
_CROWD = Trigger(lemma="gather", pos="VERB", type="PROTEST", mode="demonstration")
_JOINT = Trigger(lemma="jointly", pos="VERB", type="COOPERATE", mode="cooperation", soft=True)


class EventFinder:
    def __init__(self, doc: Doc, people: list[Person], published: date | None) -> None:
        self.doc = doc
        self.index = ActorIndex(doc, people)
        self.args = ArgumentFinder(self.index, published)
        self.published = published
        self.classes = object_classes()
        self.lexicon = triggers_by_lemma()
        self.cameo = cameo()
        self.cue_words = cue_words()
        self._sport: dict[int, bool] = {}
        self.found: list[FoundEvent] = []  # in text order, as find() goes
        self.last_group: list[str] = []
        self.last_group_of: dict[str, list[str]] = {}
        self._lede: tuple[ResolvedDate | None, set[str]] | None = None
        # Per sentence (by its first token): its dates, and the paragraph's last date stated before it.
        self.sentence_dates: dict[int, SentenceDates] = {}
        self.context_at: dict[int, ResolvedDate | None] = {}

    def find(self) -> list[FoundEvent]:
        events = self.found
        context: ResolvedDate | None = None  # the last date stated in this paragraph, for undated follow-ups
        for sent in sentences(self.doc):
            dates = SentenceDates(sent.text, self.published)
            if sent.start > 0 and "\n" in self.doc[sent.start - 1].text_with_ws:
                context = None  # a new paragraph starts a new scene
            self.sentence_dates[sent.start] = dates
            self.context_at[sent.start] = context
            if (
                not any(i in self.index.actor or i in self.index.groups for i in range(sent.start, sent.end))
                and not (
                    self.last_group_of.get("CONSULT")
                    and any(t.tag_ == "NNS" and t.lemma_.lower() in self.cue_words for t in sent)
                )
                and not (self.found and any(t.lemma_.lower() in UNDOING_LEMMAS for t in sent))
            ):  # a sentence naming no actor can only continue talks already reported ("Further talks failed.") or
                # undo an act already reported ("The blockade was lifted in 2021.")
                context = self.latest_date(dates) or context
                continue
            for token in sent:
                cues = self.cue_words
                if token.lemma_.lower() not in cues and token.lower_ not in cues and noun_lemma(token) not in cues:
                    continue  # most words can start no event: skip the syntax work ("Marines" is "marine")
                if token.i >= 2 and self.doc[token.i - 1].text == "-" and self.doc[token.i - 2].lower_ == "non":
                    continue  # "a non-aggression pact", "non-interference": the act's absence
                trig = self.refusal(token) or self.match_trigger(token)
                found = self.expulsion(token) or (
                    self.build(token, trig, sent, dates)
                    if trig is not None
                    else self.troop_movement(token, sent, dates)
                    or self.envoy_travel(token)
                    or self.crowd_at_mission(token, sent)
                )
                if not found and trig is not None and trig.type == "AID" and token.pos_ == "NOUN":
                    found = self.troop_movement(token, sent, dates)  # "US aid arrived in Ukraine": where it went
                for event in found:
                    if event.date is None and event.status != "planned":
                        self.date_from_context(event, context)
                    events.append(event)
                    if event.symmetric and len(event.source) >= 2:
                        self.last_group = event.source
                        self.last_group_of[event.type] = event.source
            context = self.latest_date(dates) or context
        return events

    def date_from_context(self, event: FoundEvent, context: ResolvedDate | None) -> None:
        """An undated act takes the date of its paragraph, else the lead's date when it involves the lead's
        actors: news states the day once, in the lead, and tells the rest of that day's story after it."""
        if context is None:
            lede_date, lede_actors = self.lede
            if lede_date is None or not (set(event.source) | set(event.target)) & lede_actors:
                return
            context = lede_date
        event.date, event.date_source = context, "context"

    @property
    def lede(self) -> tuple[ResolvedDate | None, set[str]]:
        """The lead's day and actors (its first three sentences). A lead that gives no day takes the first day of
        the week before publication that the story gives later ("the ministers met on Tuesday"): news states the
        day of its story once, not always first."""
        if self._lede is None:
            sents = sentences(self.doc)[:3]
            dates = [
                d
                for s in sents
                for d in find_dates(s.text, self.published)
                # "asked India to withdraw by March 15": a deadline is not the day of the story
                if d.precision == "day" and not s.text[: d.start].rstrip().lower().endswith(SPAN_BOUND_WORDS)
            ]
            if not dates and self.published is not None:
                recent = [
                    d
                    for s in sentences(self.doc)[3:]
                    for d in find_dates(s.text, self.published)
                    if d.precision == "day" and 0 <= (self.published - date.fromisoformat(d.value)).days <= 6
                ]
                dates = recent[:1]
            actors = {self.index.actor[i] for s in sents for i in range(s.start, s.end) if i in self.index.actor}
            self._lede = (dates[0] if dates else None, actors)
        return self._lede

    @staticmethod
    def latest_date(dates: SentenceDates) -> ResolvedDate | None:
        # "have fought since April": the start of a state of affairs is not the scene of what follows it
        found = [
            d for d in dates.resolve("past") if not dates.text[: d.start].rstrip().lower().endswith(SPAN_BOUND_WORDS)
        ]
        days = [d for d in found if d.precision == "day"]
        best = days or found
        return best[0] if best else None

    # -- triggers -----------------------------------------------------------------------------------------------
    def match_trigger(self, token: Token) -> Trigger | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if token.pos_ == "ADJ" and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr"):
            pos = "NOUN"  # "a planned bilateral with Xi": the tagger calls it an adjective
        # "is committed to the security of Israel", "remains firmly committed to Taiwan's defence": a stance, whether
        # the tagger calls the participle a verb or an adjective (not "the aid it committed to Ukraine")
        committed = token.lower_ == "committed" and (
            token.dep_ == "acomp" or (bool(children_of(token, ("auxpass",))) and not children_of(token, ("agent",)))
        )
        if committed:
            pos = "VERB"
        if pos is None or token.ent_type_ in ("DATE", "TIME"):
            return None  # "detained him in March": a month, not a march
        lemma = "committed" if committed else token.lemma_.lower()
        candidates = None
        if token.i >= 2 and token.doc[token.i - 1].text == "-":
            # "test-fired" is split into "test", "-", "fired": the compound has its own meaning
            candidates = self.lexicon.get((f"{token.doc[token.i - 2].lower_}-{lemma}", pos))
        candidates = candidates or self.lexicon.get((lemma, pos)) or self.lexicon.get((token.lower_, pos))
        if not candidates and pos == "VERB":
            candidates = self.cameo_triggers(token, lemma)
        if not candidates and pos == "VERB" and lemma not in GATHERING_VERBS:
            if any(c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS for c in token.children):
                candidates = (_JOINT,)
        if not candidates:
            return None
        if pos == "NOUN" and token.dep_ == "compound" and self.names_equipment(token.head):
            return None  # "battle tanks", "attack helicopters", "combat aircraft": kinds of weapons, not acts
        if pos == "NOUN" and token.dep_ in ("compound", "nmod") and self.is_sanctions_relief(token.head):
            return None  # "sanctions relief": the relief is the act
        for trig in candidates:
            if self.fits(token, trig):
                return trig
        if pos == "VERB" and lemma in FALLBACK_TO_CAMEO:
            # "opened fire": a verb our lexicon reads only with some objects falls back to the CAMEO patterns
            return next((t for t in self.cameo_triggers(token, lemma) if self.fits(token, t)), None)
        return None

    def names_equipment(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.classes["weapons"] or lemma in self.classes["attack_weapons"]

    @staticmethod
    def refusal(token: Token) -> Trigger | None:
        """ "would not accept the resolution", "does not recognise the vote": acceptance denied is a rejection."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in ACCEPTANCE_VERBS:
            return None
        if not any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children):
            return None
        return REFUSAL

    def is_sport(self, sent: Span) -> bool:
        """A sentence about a match: a sports word, or a score ("2-1") beside a verb of winning."""
        cached = self._sport.get(sent.start)
        if cached is None:
            named = [t for t in sent if t.i not in self.index.actor]  # "the Arab League" plays no match
            words = {t.lemma_.lower() for t in named} | {t.lower_ for t in named}
            cached = bool(words & SPORT_WORDS) or bool(SCORE.search(sent.text))
            self._sport[sent.start] = cached
        return cached

    def warns_of_force(self, token: Token) -> bool:
        """A warning is a threat when it announces an answer: "warned of consequences", "warned X that it would
        respond", "warned X not to cross the line"; "warned that troops were training" reports, it does not threaten."""
        if any(c.lemma_.lower() in RISK_VERBS for c in children_of(token, ("ccomp",))):
            return False  # "warned that the escalation risked igniting a wider war": a danger told, no answer
        retaliation = self.classes["retaliation"]
        if self.object_lemmas(token) & retaliation:
            return True
        warned = self.args.phrase_actors(children_of(token, ("dobj",)))
        for clause in children_of(token, ("ccomp", "xcomp")):
            if any(t.lemma_.lower() in retaliation and t.head.lemma_.lower() in BORNE_VERBS for t in clause.subtree):
                return True  # "warned Manila to stop its provocations or face consequences"
            auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            if auxes & {"will", "would", "'ll"} or any(c.dep_ == "neg" for c in clause.children):
                return True
            if warned and auxes & {"could", "might", "may"}:
                # "warned Greece that Turkish missiles could reach Athens": the warner's own force, told to a state
                doers = self.args.doers_of(token)
                if set(doers) & set(self.args.phrase_actors(children_of(clause, ("nsubj",)))):
                    return True
        return any(
            p.lower_ == "against" and (warned or any(self.index.actor.get(t.i) for t in p.subtree))
            for p in children_of(token, ("prep",))
        )  # "warned against Israeli strikes", "warned Taipei against any step towards independence"

    def cameo_triggers(self, token: Token, lemma: str) -> tuple[Trigger, ...]:
        """A verb the project's lexicon lacks, typed by the converted CAMEO dictionary when it gives one type
        (with this particle or object). A weak cue: an event only when the syntax names both sides."""
        particles = frozenset(c.lower_ for c in token.children if c.dep_ in ("prt", "prep"))
        heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(self.match_trigger(h) for h in heads):
            return ()  # "announced new measures against Iran": the noun names the act, the verb only carries it
        objects = [h.lemma_.lower() for h in heads]
        if set(objects) & ABSTRACT_OBJECTS:
            return ()  # "abusing its power", "violated its trust": no one is attacked or harmed
        types = self.cameo.pattern_types(lemma, objects) or self.cameo.verb_types(lemma, particles)
        types &= CAMEO_TYPES
        if len(types) != 1:
            return ()
        return (Trigger(lemma=lemma, pos="VERB", type=next(iter(types)), mode="cameo", soft=True),)

    def object_lemmas(self, token: Token) -> set[str]:
        """Lemmas of what the trigger is about: its objects, compounds, "of" phrases (one level of nesting)."""
        out: set[str] = set()
        heads = [
            c for c in token.children if c.dep_ in ("dobj", "dative", "compound", "nsubjpass", "attr", "amod", "oprd")
        ]
        for prep in children_of(token, ("prep",)):
            if prep.lower_ in ("of", "with", "on", "for", "from"):
                heads.extend(children_of(prep, ("pobj",)))
            elif prep.lower_ in ("out", "away"):  # "pulled out of the deal": the parser makes "out" a preposition
                heads.extend(p for of in children_of(prep, ("prep",)) for p in children_of(of, ("pobj",)))
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and token.head.pos_ == "VERB":
            heads.append(token.head)
        for clause in children_of(token, ("ccomp",)):
            if is_infinitive(clause):  # "allowed aid trucks to enter": the small parser makes them the clause's subject
                heads.extend(children_of(clause, ("nsubj",)))
        for h in with_conjuncts(heads):
            if self.is_sanctions_relief(h):
                continue  # "offered Iran sanctions relief": an easing (read from the noun), no aid
            out.add(h.lemma_.lower())
            for c in h.children:
                if c.dep_ in ("compound", "amod", "nmod", "pobj", "prep", "npadvmod"):  # "$4 billion more"
                    out.add(c.lemma_.lower())
                    out.update(g.lemma_.lower() for g in c.children if g.dep_ in ("pobj", "compound"))
                if c.dep_ == "acl" and c.lemma_.lower() in CARGO_VERBS:
                    # "trucks carrying flour", "a ship loaded with tents": what the vehicle carries
                    out.update(t.lemma_.lower() for t in c.subtree if t.pos_ == "NOUN")
        if token.pos_ == "NOUN" and token.head.pos_ == "NOUN":
            out.add(token.head.lemma_.lower())  # "troop dispatch": the compound's head
        return out

    @staticmethod
    def is_sanctions_relief(noun: Token) -> bool:
        """ "sanctions relief", "a sanctions waiver": sanctions eased, not imposed, and no aid."""
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod")]
        eased = any(c.lemma_.lower() in ("sanction", "sanctions") for c in modifiers)
        return eased and noun.lemma_.lower() in RELIEF_NOUNS

    def acts_on(self, token: Token, object_class: str) -> bool:
        """The verb's own object (or passive subject) is of the class, not merely a word of one of its phrases."""
        done_to = list(with_conjuncts(children_of(token, ("dobj", "nsubjpass"))))
        # "French citizen Olivier Grondeau", "Grondeau, a French citizen,": a named one described as of the class
        described = [c for o in done_to if o.pos_ == "PROPN" for c in children_of(o, ("compound", "appos"))]
        return any(o.lemma_.lower() in self.classes[object_class] for o in done_to + described)

    def fits(self, token: Token, trig: Trigger) -> bool:
        if trig.type == "REQUEST" and token.pos_ == "VERB" and self.presses_on(token):
            return False  # "pressed ahead with its offensive": going on with an act (read from its noun), no appeal
        if trig.type == "CONSULT" and token.pos_ == "NOUN" and self.contact_broken(token):
            return False  # "a complete break in contacts with Poland": contacts ended, not held
        if token.pos_ == "VERB" and token.lemma_.lower() in UNDERGOING_PASSIVES:
            acts = [p for agent in children_of(token, ("agent",)) for p in children_of(agent, ("pobj",))]
            if any(self.match_trigger(p) is not None for p in acts):
                return False  # "hit by US tariffs": the tariffs are the act, read from the noun
        if trig.requires == "actor":
            objects = children_of(token, ("dobj", "dative"))
            named = [
                n
                for n in children_of(token, ("oprd", "ccomp", "xcomp"))
                # "phoned Netanyahu to urge restraint": a purpose, not a name given
                if not (n.pos_ == "VERB" and is_infinitive(n))
            ]
            if named and not objects and all(n.i in self.index.person for n in named):
                objects = named  # "Macron called Putin": the small parser reads the one called as a name given
            elif named:
                return False  # "called the strikes a massacre", "called it unacceptable": a judgement, not a call
            if any(self.names_act(o) for o in objects):
                return False  # "called the Israeli strikes a massacre": an act is named, no one is called
            return bool(objects) and bool(self.args.phrase_actors(objects))
        if trig.requires == "threat":
            return self.warns_of_force(token)
        if trig.requires == "pair":
            # "Zelensky and Trump spoke on Thursday": two sides that talk, with no one else named
            subj, passive = self.args.subject_of(token)
            speakers = self.args.phrase_actors(subj)
            spoken_to = [a for a in self.args.phrase_actors(children_of(token, OBJECT_DEPS)) if a not in speakers]
            return not passive and len(speakers) >= 2 and not spoken_to  # ("their first conversation")
        if trig.requires == "troops_leaving":
            # "the last American troops left Afghanistan": forces that leave a state withdraw from it
            subj, passive = self.args.subject_of(token)
            left = children_of(token, ("dobj",))
            return (
                not passive
                and any(t.lemma_.lower() in self.classes["troops"] for t in with_conjuncts(subj))
                and not any(o.lemma_.lower() in self.classes["troops"] for o in left)  # "left three soldiers dead"
                and bool(self.args.phrase_actors(left, allow_places=True))
            )
        if trig.requires == "addressee":
            # "talked to Saudi King Salman", "spoke to his Turkish counterpart"; not "spoke to reporters"
            told = [o for o in self.args.prep_objects(token, frozenset({"to"})) for o in (o, *o.conjuncts)]
            return any(o.i in self.index.person or o.lemma_.lower() in GUEST_NOUNS | ENVOY_NOUNS for o in told)
        if trig.requires == "doer":
            # "wants Beijing to use its influence": wishing that another state act asks it to; "wants to talk" does not
            for clause in children_of(token, ("ccomp", "xcomp")):
                if is_infinitive(clause):
                    doers = children_of(clause, ("nsubj",)) or children_of(token, ("dobj",))
                    if self.args.phrase_actors(doers):
                        return True
            return False
        if trig.type == "CONSULT" and token.lemma_.lower() == "receive" and children_of(token, ("dobj",)):
            trig = replace(trig, requires="person")  # "received the US refusal" receives no one
        if trig.requires == "person" and token.lemma_.lower() == "engage" and children_of(token, ("auxpass",)):
            return False  # "have been engaged in a shadow war": no one engaged in talks
        if trig.requires == "person":
            # "welcomed Xi", "received the delegation": hosting someone, not welcoming a decision
            guests = list(with_conjuncts(children_of(token, ("dobj", "nsubjpass"))))
            # "received the United States' refusal": the parser may make the possessor the object
            guests = [g for g in guests if not any(c.tag_ == "POS" for c in g.children)]
            return any(
                (g.i in self.index.actor and self.index.form.get(g.i) not in ("place", "other"))
                or g.lemma_.lower() in GUEST_NOUNS | ENVOY_NOUNS
                or g.ent_type_ == "PERSON"
                for g in guests
            )
        if (
            trig.type == "CONSULT"
            and token.lemma_.lower() == "meet"
            and any(o.lemma_.lower() in REACTION_NOUNS for o in self.args.prep_objects(token, frozenset({"with"})))
        ):
            return False  # "was met with criticism", "met with resistance": a reaction, not a meeting
        if trig.type == "CONSULT" and any(
            o.lemma_.lower() in MET_TERMS | self.classes["troops"] | self.classes["weapons"]
            # "to meet Moldova's needs": the parser may make the possessor the object
            or any(c.tag_ == "POS" for c in o.children)
            for o in with_conjuncts(
                children_of(token, ("dobj",))
            )  # "hosting Russian military police and Iranian troops"
        ):
            # "met the deadline": terms fulfilled; "hosted Russian troops": a deployment (troop_movement), no meeting
            return False
        if trig.given_by:
            # "gave Mali a deadline" is a demand; "missed the deadline" is not
            verb = self.args.governing_verb(token)
            # ("put its troops on high alert": a state the verb puts something in)
            placed = token.dep_ == "pobj" and token.head.lower_ == "on"
            if verb is None or not (token.dep_ == "dobj" or placed) or verb.lemma_.lower() not in trig.given_by:
                return False
        if trig.type == "CONCEDE" and trig.requires == "passages" and not self.acts_on(token, "passages"):
            return False  # "reopened the crossing"; not "opened fire on vehicles at the border"
        if trig.mode == "prisoner release" and self.gives_warships(token):
            return False  # "handed over two patrol boats to the Maldives": a gift of arms, not captives set free
        if trig.type == "COERCE" and trig.requires == "prisoners":
            # "held two French citizens"; not "held talks with Swedish officials", nor "prisoners held by Israel",
            # which describes whom a deal frees, not a new capture
            if token.dep_ == "acl" or not self.acts_on(token, "prisoners"):
                return False
        if trig.requires or trig.requires_word:
            lemmas = self.object_lemmas(token)
            if token.pos_ == "NOUN":
                lemmas |= {c.lemma_.lower() for c in token.lefts}
            if trig.mode == "representation" and not children_of(token, ("dobj",)):
                # "Taiwan's representative office opened in Vilnius": what opens may be the subject
                lemmas |= {s.lemma_.lower() for s in children_of(token, ("nsubj", "nsubjpass"))}
            if (
                trig.requires
                and not lemmas & self.classes[trig.requires]
                and not self.frees_people(token, trig)
                and not self.sends_goods(token, trig)
            ):
                return False
            if trig.requires_word and not lemmas & trig.requires_word and not self.bodies_left(token, trig):
                return False
        if trig.modifier:
            # (the word as written too: "combined" has the lemma "combine")
            mods = {w for c in token.subtree if c.i < token.i for w in (c.lemma_.lower(), c.lower_)} | {
                c.lemma_.lower() for c in token.children
            }
            if token.pos_ == "VERB":  # "spoke by phone", "talked over the telephone"
                objs = [p for c in children_of(token, ("prep",)) for p in children_of(c, ("pobj",))]
                mods |= {p.lemma_.lower() for p in objs}
                # "added firms to the entity list": the kind of list
                mods |= {m.lemma_.lower() for p in objs for m in p.children if m.dep_ in ("compound", "amod")}
                # "put Cuba on its list of state sponsors of terrorism": what the list is of
                mods |= {t.lemma_.lower() for p in objs if p.lemma_.lower() in LIST_NOUNS for t in p.subtree}
                # "designated the Houthis a terrorist group": what the object is named, however the parser hangs it
                mods |= {t.lemma_.lower() for o in children_of(token, ("dobj", "dative", "oprd")) for t in o.subtree}
            if not mods & trig.modifier:
                return False
        if trig.particle:
            after = {
                c.lower_
                for c in token.children
                if c.dep_ == "prt"
                # "pulled its forces back", "brushed the protest aside"
                or (c.dep_ == "advmod" and c.lower_ in ("back", "out", "away", "aside", "off"))
                # "called X on Thursday" is no appeal, nor is "On the eve of the vote, X called Y"
                or (c.dep_ == "prep" and c.i > token.i and not _is_time(c))
            }
            # "called for Moscow to return the children": the parser makes "for" the mark of the clause
            after |= {m.lower_ for c in children_of(token, ("advcl", "ccomp")) for m in children_of(c, ("mark",))}
            if not after & trig.particle:
                return False
        if trig.needs_realis and not self.realised(token):
            return False
        if trig.growth and not self.grows(token):
            return False
        return True

    def topic_examples(self, token: Token) -> set[str]:
        """Actors named only as examples of what the act is about ("cooperate on issues such as the war in Sudan")."""
        verb = self.clause_verb(token) or token
        examples = {
            self.index.actor[t.i]
            for prep in verb.subtree
            if prep.dep_ == "prep" and prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
            for t in prep.subtree
            if t.i in self.index.actor
        }
        if not examples:
            return examples  # most acts name no examples: no second walk of the clause
        named_elsewhere = {
            self.index.actor[t.i]
            for t in verb.subtree
            if t.i in self.index.actor and not any(a.lower_ == "as" and a.dep_ == "prep" for a in t.ancestors)
        }
        return examples - named_elsewhere

    @staticmethod
    def gives_warships(verb: Token) -> bool:
        given = list(with_conjuncts(children_of(verb, ("dobj", "nsubjpass"))))
        return bool(given) and all(
            any(c.lemma_.lower() in MILITARY_MODIFIERS for c in g.children if c.dep_ in ("compound", "amod"))
            for g in given
        )

    @staticmethod
    def presses_on(verb: Token) -> bool:
        onward = any(c.dep_ in ("prt", "advmod") and c.lower_ in ONWARD_PARTICLES for c in verb.children)
        return onward and not children_of(verb, ("dobj",))

    @staticmethod
    def contact_broken(noun: Token) -> bool:
        """ "a break in contacts", "the rupture of talks": the noun is what a rupture ends."""
        head = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        return head is not None and head.head.lemma_.lower() in RUPTURE_NOUNS

    def frees_people(self, token: Token, trig: Trigger) -> bool:
        """ "freed six Americans", "released two Britons": people named by their nationality are the ones held."""
        if trig.requires != "prisoners":
            return False
        held = list(with_conjuncts(children_of(token, ("dobj", "nsubjpass"))))
        if any(h.pos_ in ("NOUN", "PROPN") and self.index.form.get(h.i) == "adjective" for h in held):
            return True
        # "China detained a Japanese professor ... He was released after two months": the one held just before
        return any(h.lower_ in HELD_PRONOUNS for h in held) and any(
            e.type == "COERCE" for e in self.reported_before(token)
        )

    def bodies_left(self, token: Token, trig: Trigger) -> list[str]:
        """ "withdrew from ECOWAS", "its exit from the African Union", "pulled out of the bloc": the international
        body a state leaves, named rather than described."""
        if trig.mode != "exit":
            return []
        preps = frozenset({"from", "of"})
        places = self.args.prep_objects(token, preps) + children_of(token, ("dobj",))
        for out in children_of(token, ("prep",)):
            if out.lower_ == "out":
                places += self.args.prep_objects(out, preps)  # "out" heads "of" in "pulled out of"
        # ("withdrew from their last base": "their" refers to the ones leaving, no body left)
        owners = {self.index.actor.get(t.i) for p in places for t in p.subtree if t.tag_ == "PRP$"}
        named = {self.index.actor.get(t.i) for p in places for t in p.subtree if t.tag_ != "PRP$"}
        return [
            a
            for a in self.args.phrase_actors(places)
            if gazetteer.is_organisation(a) and (a not in owners or a in named)
        ]

    @staticmethod
    def grows(token: Token) -> bool:
        """ "deepen ties", "ties deepen", "strategic partnership": relations that grow, not ones merely named; and
        "in coordination with", "in partnership with": an act done together."""
        if done_together(token):
            return True
        verb = token.head
        if verb.lemma_.lower() in RESUMING_VERBS and token.lemma_.lower() not in RELATION_NOUNS:
            return True
        if verb.lemma_.lower() in GROWTH_VERBS:
            # "signed accords to boost cooperation", "will work to enhance ties", "a role in further strengthening
            # the partnership", "the agreements will strengthen relations": growth aimed at or foretold, not seen
            if verb.dep_ == "pcomp" or any(c.dep_ == "aux" and c.lower_ in FORETELLING_AUX for c in verb.children):
                return False
            return not is_infinitive(verb) or verb.head.lemma_.lower() in ("begin", "start", "continue")
        if any(c.lemma_.lower() in GROWTH_VERBS for c in token.children if c.dep_ in ("acl", "relcl")):
            return True
        if token.dep_ == "pobj" and token.head.lower_ in ("on", "for") and verb.dep_ == "prep":
            # "signed a memorandum on cooperation in critical minerals": the cooperation is what they agree to
            return verb.head.lemma_.lower() in object_classes()["agreement"]
        return any(c.lower_ in GROWTH_MODIFIERS for c in token.lefts)

    def realised(self, token: Token) -> bool:
        """A noun like "deal" is an event when something was done with it: signed, reached, took effect."""
        head = token.head
        if head.lemma_.lower() in REALIS_VERBS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in SETTLING_VERBS:
            return True  # "ended two decades of hostility with a peace agreement"
        if token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            # "a deal between Israel and Hamas was still far off": said of a deal not made
            return not any(c.lower_ in UNMADE_WORDS for c in head.children if c.dep_ in ("acomp", "advmod", "attr"))
        return any(c.dep_ == "acl" and c.lemma_.lower() in REALIS_VERBS for c in token.children) or any(
            c.lower_ in ("landmark", "historic")
            # "the newly-signed agreement", "the recently concluded deal"
            or (c.dep_ in ("amod", "compound") and c.tag_ == "VBN" and c.lemma_.lower() in REALIS_VERBS)
            or (c.dep_ == "amod" and c.lower_.split("-")[-1] in ("signed", "agreed", "concluded", "reached"))
            for c in token.lefts
        )

    # -- one event ----------------------------------------------------------------------------------------------
    def build(self, token: Token, trig: Trigger, sent: Span, dates: SentenceDates) -> list[FoundEvent]:
        if is_irrealis(token, trig) or self.is_venue(token) or self.is_recall_purpose(token, trig):
            return []
        if trig.type == "THREATEN" and self.is_judged_as(token):
            return []
        if trig.type == "ACCUSE" and token.pos_ == "NOUN" and self.in_summons_purpose(token):
            return []  # "summoned Japan's envoy to lodge a protest over ...": the summons is the protest, read there
        if trig.type == "ACCUSE" and self.concern_over_a_situation(token):
            return []  # "expressed concern over the unrest in Venezuela": a worry, no one blamed
        if trig.type == "SUPPORT" and self.backs_no_state(token):
            return []  # "voted in favour of the text", "would defend itself"
        if trig.type == "SUPPORT" and self.welcomes_talks(token):
            return []  # "welcomed the start of talks between X and Y": a view of the talks, no backing of a side
        if trig.type in COOPERATIVE_TYPES and self.promises_abstention(token):
            return []  # "pledged not to attack each other": the promise is about what they will not do
        if trig.type in ("ASSAULT", "COERCE", "THREATEN") and self.is_sport(sent):
            return []  # "Brazil beat Argentina 2-1": teams, not states
        if trig.type == "CONSULT" and token.pos_ == "VERB" and self.crowd_at(token):
            trig = replace(trig, type="PROTEST", mode="demonstration")  # "thousands of protesters gathered outside"
        conditional = trig.type in PUNISHMENT_TYPES and self.on_condition(token)
        if conditional:
            # "will impose tariffs on Chinese goods if Beijing retaliates", "will strike Iran if it attacks": a
            # punishment promised on a condition is a threat, not a planned act
            trig = replace(trig, type="THREATEN", mode="threat")
        if (
            trig.type == "SUPPORT"
            and token.dep_ in ("xcomp", "advcl")
            and is_infinitive(token)
            and getattr(self.match_trigger(token.head), "type", None) == "AID"
        ):
            return []  # "donated relief supplies to support Malawi": the aid is the act, its purpose no second one
        protest = trig.type == "ACCUSE" and token.lemma_.lower() == "protest"
        if protest and token.pos_ == "VERB" and self.crowd_acts(token):
            trig = replace(trig, type="PROTEST", mode="demonstration")  # "Hundreds of Canadians protested outside"
        if trig.type == "ACCUSE" and token.lemma_.lower() == "protest" and self.crowd_protest_of(token) is not None:
            return []  # "marched to protest ...", "rallies in protest at ...": the crowd's protest, read as PROTEST
        if (
            trig.type == "REJECT"
            and token.lemma_.lower() == "opposition"
            and not self.args.prep_objects(token, frozenset({"to", "against"}))
        ):
            if token.head.lemma_.lower() not in ("express", "voice", "reiterate", "state"):
                return []  # "support for the Venezuelan opposition": the party, no act of opposing
        cargo = (
            [self.cargo_of(o) for o in children_of(token, ("dobj",))]
            if trig.type == "MOBILIZE" and token.pos_ == "VERB"
            else []
        )
        if any(c is not None for c in cargo):
            # "sent a plane carrying food and medicine to Sudan": what the vehicle carries is given
            trig = replace(trig, type="AID", mode="goods")
        if (
            trig.type == "AID"
            and token.lemma_.lower() in DELIVERY_NOUNS
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in RECEIPT_VERBS | {"take"}
        ):
            return []  # "took delivery of tanks from the US": read from the goods, whose receiver is the subject
        if trig.type == "ASSAULT" and token.pos_ == "VERB" and self.by_hackers(token):
            trig = replace(trig, type="COERCE", mode="cyber")  # "Russian hackers attacked Estonian websites"
        if trig.type == "ASSAULT" and self.is_voiced(token):
            trig = replace(trig, type="ACCUSE", mode="accusation")
        etype = trig.type
        if token.pos_ in ("VERB", "AUX") or trig.pos == "VERB":
            source, target = self.args.verb_sides(token, etype)
            striker = self.strike_doing(token) if etype == "ASSAULT" else []
            if striker:
                # "fresh strikes on Gaza targeting Hamas", "air strikes that it says target PKK militants": the
                # strikes' doer does what they do, not the place struck
                source, target = striker, [t for t in target if t not in striker]
        else:
            source, target = self.args.noun_sides(token, etype)
            by_agents = self.args.prep_objects(token, frozenset({"by"}))
            if (
                etype in SYMMETRIC_TYPES
                and done_together(token)
                and not by_agents  # "opposed a joint patrol by the Philippines and the US": the opponent is no partner
                and (verb := self.args.governing_verb(token))
            ):
                # "Jordan evacuated them with Saudi cooperation"
                source += [a for a in self.args.doers_of(verb) if a not in source]
        if etype == "THREATEN" and token.pos_ == "VERB" and not children_of(token, ("dobj", "dative")):
            warned_of = self.args.prep_objects(token, frozenset({"against"}))
            if warned_of and not any(w.i in self.index.actor for w in warned_of):
                # "warned against an Israeli attack" warns Israel; "warned against the displacement of
                # Palestinians" names those it would harm, not anyone warned
                doers = [c for w in warned_of for c in w.lefts if c.dep_ in ("amod", "poss", "compound", "nmod")]
                target = [a for a in self.args.phrase_actors(doers) if a not in source]
            if not target:
                # "warned of retaliation against Finland", "warned of a response to any Israeli attack"
                answers = self.args.prep_objects(token, frozenset({"of"}))
                aimed = [p for a in answers for p in self.args.prep_objects(a, frozenset({"against", "on", "to"}))]
                target = [a for a in self.args.phrase_actors(aimed, allow_places=True) if a not in source]
        if etype == "AGREE" and token.pos_ == "VERB" and self.agrees_on_measure_against(token):
            # "EU ministers agreed on new sanctions against Iran": a decision of its own (the SANCTION is read from
            # the noun); only several deciders are parties to an agreement, never those it is aimed at
            if len(set(source)) < 2:
                return []
            target = []
        if etype == "REQUEST" and token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "at":
            # "at the request of the African Union, Kenya sent troops": the one asked is the one acting
            askers = self.args.phrase_actors(self.args.prep_objects(token, frozenset({"of"})))
            verb = self.args.governing_verb(token)
            asked = [a for a in self.args.doers_of(verb) if a not in askers] if verb is not None else []
            if askers and asked:
                source, target = askers, asked
        if etype == "REQUEST" and token.pos_ == "NOUN" and (submitters := self.submitters(token)):
            # "hearings on the request submitted by Nicaragua": who submitted it asks; whoever hears it is asked
            target = [a for a in source + target if a not in submitters]
            source = submitters
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None and not target:
                target = [a for a in self.args.doers_of(verb) if a not in source]
        if etype == "REQUEST" and source and not target:
            target = [a for a in self.warring_sides(token) if a not in source]
        if etype == "SANCTION" and len(target) > 1:
            # "hit Caracas with sanctions over the border crisis": the reason names no one sanctioned
            verb = self.clause_verb(token)
            scope = verb if verb is not None else token
            reasons = {
                self.index.actor[t.i]
                for p in scope.subtree
                if p.dep_ == "prep" and p.lower_ in REASON_PREPS
                for t in p.subtree
                if t.i in self.index.actor
            }
            target = [t for t in target if t not in reasons] or target
        if etype == "SANCTION" and trig.mode != "diplomats" and source and not target:
            # "imposed tariffs on solar panels from China and Vietnam": where the goods come from is hit (the
            # parser hangs "from" on the verb or the goods as often as on the tariffs)
            verb = self.clause_verb(token)
            heads = [token, *([verb] if verb is not None else [])]
            heads += [p for h in heads for p in self.args.prep_objects(h, frozenset({"on"}))]
            origins = [p for h in heads for p in self.args.prep_objects(h, frozenset({"from"}))]
            target = [a for a in self.args.phrase_actors(origins) if a not in source]
        if etype in PUNISHMENT_TYPES and token.pos_ == "NOUN" and source and not target:
            # "Moscow plans a response to the new US sanctions": who answers a penalty is the one it hit
            target = [a for a in self.answerers(token) if a not in source]
        if etype == "MOBILIZE" and token.pos_ == "VERB" and source and not target:
            # "sent in more troops to secure its border with China": where the purpose takes them
            aims = [c for c in children_of(token, ("xcomp", "advcl")) if is_infinitive(c)]
            objects = [o for c in aims for o in children_of(c, ("dobj",))]
            objects += [o for c in aims for o in self.args.prep_objects(c, frozenset({"with", "along"}))]
            # "to help Mali fight the militants": the one helped
            objects += [o for c in aims for x in children_of(c, ("ccomp", "xcomp")) for o in children_of(x, ("nsubj",))]
            target = [a for a in self.args.phrase_actors(objects) if a not in source]
        if etype == "REJECT" and token.pos_ == "NOUN" and source and not target:
            # "Finland's accession was held up by objections from Hungary": whose bid the objection stalls
            target = [a for a in self.obstructed(token) if a not in source]
        if etype == "SUPPORT" and token.pos_ == "NOUN" and source and not target:
            target = [a for a in self.assured(token) if a not in source]
        if trig.mode in ("alert", "access granted"):
            source, target = self.granted_sides(token, etype, trig.mode)
        if trig.mode == "goods" and source and not target:
            target = [a for a in self.args.phrase_actors([p for c in cargo for p in c or []]) if a not in source]
        if etype == "AID" and token.pos_ == "VERB" and source and not target:
            target = [a for a in self.shown_force_at(token) if a not in source]
            if target:  # "sent warplanes near Taiwan": weapons sent near a state, not to it, are a show of force
                etype, trig = "MOBILIZE", replace(trig, type="MOBILIZE", mode="show of force")
        if trig.mode == "countermeasures" and source and not target:
            # "Trump slapped tariffs on Colombian goods, after which Petro adopted a reciprocal measure": a
            # countermeasure answers whoever acted against its doer just before
            target = self.last_doer_against(token, source)
        if conditional and source and not target:
            target = [a for a in self.args.condition_actors(self.clause_verb(token) or token) if a not in source]
        if etype == "THREATEN" and len(target) > 1:
            # "threatened to file a complaint with the WTO against Japan": the body a complaint goes to is where
            venues = [
                p
                for t in token.subtree
                if t.lemma_.lower() in FILING_NOUNS
                for p in self.args.prep_objects(t, FILED_WITH)
            ]
            venues += [p for f in self.filings_of(token) for p in self.args.prep_objects(f, FILED_WITH)]
            target = [t for t in target if t not in self.args.phrase_actors(venues)] or target
        if etype == "THREATEN" and source and not target:
            target = [a for a in self.struck_in_threat(token) if a not in source]
        if etype == "THREATEN" and source and not target:
            target = [a for a in self.answered(token, source) if a not in source]
        if etype == "CONCEDE" and any(h.lower_ in HELD_PRONOUNS for h in children_of(token, ("dobj", "nsubjpass"))):
            target = []  # "detained eleven fishermen but released them": those held, not the group "them" names last
        if etype == "CONCEDE" and not (source and target) and (undone := self.undone_act(token, trig, source, target)):
            source = source or list(undone.source)
            target = target or [t for t in undone.target if t not in source]
        if not source and target and etype in SPEAKER_DOER_TYPES:
            source = [a for a in self.speaker_as_doer(token) if a not in target]
        if etype == "ACCUSE" and token.lemma_.lower() == "summon" and self.summons_own_envoy(token):
            etype = "SANCTION"  # "Morocco summoned its ambassador to Berlin": called home, a recall
        if etype == "AID" and token.pos_ == "NOUN":
            verb = self.args.governing_verb(token.head if token.dep_ == "compound" else token)
            if verb is not None and verb.lemma_.lower() in PERMIT_VERBS:
                return []  # "allowed aid into Gaza": letting it in is the concession; the giver is someone else
        if etype in ("SANCTION", "REJECT") and token.pos_ == "NOUN":
            verb = self.args.governing_verb(token)
            if verb is not None and verb.lemma_.lower() in EASING_VERBS:
                if getattr(self.match_trigger(verb), "type", None) == "CONCEDE":
                    return []  # "lifted sanctions", "lifted its veto": the verb is the concession, nothing imposed
                # "lowered tariffs on Uruguay's goods", "dropped its objection": easing a sanction or a refusal
                etype = "CONCEDE"
                if not source:  # "suspended sanctions on Syria": who eases them is the verb's subject
                    source = [a for a in self.args.doers_of(verb) if a not in target]
            easing = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            if etype == "SANCTION" and easing is not None and easing.lemma_.lower() in EASING_NOUNS:
                # "would order the lifting of US sanctions on Syria", "approved the easing of sanctions": a
                # concession, by whoever orders or approves it when the sanctions name no owner
                etype = "CONCEDE"
                verb = self.args.governing_verb(easing)
                if not source and verb is not None:
                    source = [a for a in self.args.doers_of(verb) if a not in target]
        opposed: list[str] = []
        if etype in JUDGEMENT_TYPES and token.pos_ == "VERB":
            # (blocking a measure against a state is still coded as rejecting it towards that state)
            opposed = self.opposed_in_objects(token, etype) if etype != "REJECT" else []
            target = (
                self.judged_agents(token)
                or [t for t in target if t not in opposed]
                or self.referenced_agents(token, source)
            )
        if etype == "ACCUSE" and token.pos_ == "VERB" and source and not target:
            # "condemned the raid and demanded that Israel withdraw": the act condemned is that of the state told to
            # undo it (a body asked to act, "urged the UN to act", is no wrongdoer)
            target = [a for a in self.demanded_of(token) if a not in source and not gazetteer.is_organisation(a)]
        if etype in JUDGEMENT_TYPES and token.pos_ == "NOUN":
            # "voiced opposition to arms sales to Taiwan": the buyer is not the one opposed, the seller is
            given = [t for t in token.subtree if t.i != token.i and self.gives(t)]
            to_objects = self.args.prep_objects(token, TO)
            buyers = self.args.phrase_actors(
                [p for t in given for p in self.args.prep_objects(t, TO)]
                # (the parser hangs the second "to" on the opposition as often as on the sales)
                + ([o for o in to_objects if o not in given] if any(o in given for o in to_objects) else [])
            )
            target = [t for t in target if t not in buyers]
            opposed += buyers
        denial = etype == "REJECT" and token.pos_ == "VERB" and self.denies_an_act(token)
        if denial:
            # "denied sending troops to Russia", "dismissed claims that its soldiers crossed into Ukraine": the
            # denial is aimed at whoever made the claim, never at the states inside what is denied
            target = [a for a in self.accusers(token, source) if a not in source]
        if trig.requires_word and token.pos_ == "VERB":
            # "expressed support for Moldova and concern over Russia's troops": each object has its own act and
            # its own target (the other object is read from its noun)
            objects = [o for d in children_of(token, ("dobj",)) for o in (d, *d.conjuncts)]
            own = [o for o in objects if o.lemma_.lower() in trig.requires_word]
            others = [o for o in objects if o.lemma_.lower() not in trig.requires_word]
            if own and others:
                kept = {a for o in own for a in self.actors_under(o)}
                foreign = {a for o in others for a in self.actors_under(o)}
                target = [t for t in target if t in kept or t not in foreign]
        left = self.bodies_left(token, trig)
        if left:  # the body left is the target, though "from" usually names a source ("aid from Japan")
            source, target = [s for s in source if s not in left], list(dict.fromkeys(left + target))
        if etype == "PROTEST":
            # "pro-Palestinian demonstrators marched through London": a cause the crowd backs, not its nationality;
            # "anti-American protesters": the state they protest at
            stances = {t: self.index.actor[t.i] for t in sent if t.i in self.index.actor and self.is_stance(t)}
            source = [a for a in source if a not in stances.values()]
            against = [a for t, a in stances.items() if self.doc[t.i - 2].lower_ == "anti" and a not in source]
            # "chanting slogans against New Delhi", "burning effigies of Modi"
            decried = self.decried(token) if token.pos_ == "VERB" else []
            source = [a for a in source if a not in decried]
            target = (against + decried) or target
        if etype == "PROTEST" and not source:
            # "protests against Israel took place in Jordan", "thousands rallied in Jakarta against Israel": where
            # they march names the protesters, though "in" may name what they protest at ("in front of")
            against = self.args.phrase_actors(self.args.prep_objects(token, frozenset({"against"})))
            source = self.protest_place(sent, against + decried)
            target = [t for t in target if t not in source]
        if etype == "PROTEST" and not target:
            # "marched towards the Indian embassy in Dhaka": a foreign mission the crowd goes to is what it protests
            target = self.mission_approached(token)
            source = [a for a in source if a not in target] or self.protest_place(sent, target)
        if etype == "PROTEST" and source and not target:
            # "held rallies in Jakarta in protest at the decision", "marched to protest the American strikes"
            target = [a for a in self.protested_at(token) if a not in source]
        if etype == "PROTEST" and len(source) == 1 and not target and self.at_home(sent, source[0]):
            target = list(source)  # "students marched through Belgrade against corruption": a state's people at it
        if trig.mode == "representation" and source and not target:
            # "Taiwan opened a representative office in Vilnius": the host state is the partner
            hosts = [p for o in [token, *children_of(token, ("dobj",))] for p in self.args.prep_objects(o, HOST_PREPS)]
            target = [a for a in self.args.phrase_actors(hosts, allow_places=True) if a not in source]
        if etype == "SANCTION" and trig.mode == "diplomats" and source and not target:
            # "Bolivia cut ties with Israel. Colombia and Chile recalled their ambassadors": from the state the
            # protest before was aimed at
            target = self.last_target(token, source, ("SANCTION", "ACCUSE"))
        if etype == "ASSAULT" and token.pos_ == "NOUN" and token.lemma_.lower() in WAR_NOUNS and self.unwaged(token):
            return []  # "accused Iran of aiding the war in Ukraine": a war whose own words name no one who wages it
        if etype == "ASSAULT" and token.lemma_.lower() in WAR_NOUNS and len(set(source)) >= 2:
            # "the Israel-Hamas war in Gaza": with both sides named, a place is where they fight, not a target
            named = {self.index.actor.get(t.i) for t in token.subtree if not self.index.is_place_like(t.i)}
            target = [t for t in target if t in named]
        if source or target:  # "along with X": X acts beside the subject
            companions = self.companions(token)
            if etype not in SYMMETRIC_TYPES and companions:
                # "North Korean troops fight alongside Russian forces in Kursk": an ally is no enemy, and with no
                # enemy named, fighting side by side is no fight between them
                target = [t for t in target if t not in companions]
                if not target:
                    companions = []
            source += [a for a in companions if a not in source and a not in target]
        examples = self.topic_examples(token)
        if examples:  # "agreed to cooperate on issues such as the war in Ukraine": Ukraine is a topic, not a party
            source = [a for a in source if a not in examples]
            target = [a for a in target if a not in examples]
        if etype in SYMMETRIC_TYPES:
            sides = self.symmetric_sides(token, etype, source, target)
        elif etype == "CONCEDE" and trig.mode == "prisoner release" and len(set(source)) >= 2 and not target:
            # "Russia and Ukraine each freed 390 prisoners": releases both ways, coded as an exchange
            sides = [(etype, sorted(set(source)), [], True)]
        else:
            sides = self.directed_sides(token, etype, source, target)
        loose = False
        if not sides and etype in LOOSE_TYPES and not denial:
            src2, tgt2 = self.args.clause_sides(token, etype, source, target)
            src2 = [a for a in src2 if a not in examples]
            tgt2 = [t for t in tgt2 if t not in opposed and t not in examples]
            if etype in SYMMETRIC_TYPES:
                sides = self.symmetric_sides(token, etype, src2, tgt2)
            else:
                sides = self.directed_sides(token, etype, src2, tgt2)
            loose = bool(sides)
        if not sides:
            return []
        when, status = self.date_and_status(token, sent, dates, etype)
        if etype == "ACCUSE" and self.is_filing(token):
            # "filed a lawsuit against Ecuador at the ICJ": the accused is Ecuador; the court is asked to rule
            filed: list[EventFinder.Side] = []
            for kind, src, tgt, symmetric in sides:
                accused = [t for t in tgt if t not in COURTS] or [
                    a for a in self.grievance_owners(token) if a not in src
                ]
                courts = [t for t in tgt if t in COURTS]
                filed += [(kind, src, accused, symmetric)] if accused else []
                filed += [("REQUEST", src, courts, False)] if courts else []
            sides = filed
        if etype == "SANCTION" and self.punishes_a_wrong(token):
            # "expelled the diplomat for spying", "sanctions over its interference": the wrong is alleged too
            sides += [("ACCUSE", src, tgt, False) for kind, src, tgt, _ in sides if kind == "SANCTION" and tgt]
        if etype == "THREATEN" and self.sets_terms(token):
            # "gave Mali a deadline to free the troops", "an ultimatum to reinstate him": a demand as well as a threat
            sides += [("REQUEST", src, tgt, False) for kind, src, tgt, _ in sides if kind == "THREATEN" and tgt]
        return [
            FoundEvent(
                type=kind,
                mode=trig.mode if kind == etype else "mediation",
                source=src,
                target=tgt,
                symmetric=symmetric,
                date=when,
                status=status,
                location=self.location(token, sent),
                sentence=sent,
                trigger=token,
                confidence=0.5 if loose else 0.6 if trig.soft else 0.8,
                people=self.people_in(sent),
            )
            for kind, src, tgt, symmetric in sides
        ]

    def grievance_owners(self, token: Token) -> list[str]:
        """Whose act a complaint is about: "a complaint over Chinese duties on canola" -> China."""
        heads = [token, *children_of(token, ("dobj",))]
        acts = [p for h in heads for p in self.args.prep_objects(h, frozenset({"over", "about", "against"}))]
        return self.args.phrase_actors([c for a in acts for c in a.lefts if c.dep_ in ("amod", "poss", "compound")])

    def is_filing(self, token: Token) -> bool:
        """A lawsuit or complaint, or the verb that files one."""
        nouns = [token, *children_of(token, ("dobj",))] if token.pos_ == "VERB" else [token]
        return any(n.lemma_.lower() in FILING_NOUNS for n in nouns)

    def is_voiced(self, verb: Token) -> bool:
        """A violent verb whose doer is a voice (a spokesman, a statement, a newspaper) attacks with words."""
        if verb.pos_ != "VERB":
            return False
        subj, passive = self.args.subject_of(verb)
        return not passive and any(s.lemma_.lower() in VOICE_NOUNS for s in subj)

    def welcomes_talks(self, verb: Token) -> bool:
        if verb.pos_ != "VERB":
            return False
        for obj in children_of(verb, ("dobj",)):
            nouns = [
                obj,
                *[p for of in children_of(obj, ("prep",)) if of.lower_ == "of" for p in children_of(of, ("pobj",))],
            ]
            if any(getattr(self.match_trigger(n), "type", None) == "CONSULT" for n in nouns):
                return True
        return False

    @staticmethod
    def promises_abstention(token: Token) -> bool:
        return token.pos_ == "VERB" and any(
            x.dep_ == "xcomp" and any(c.dep_ == "neg" for c in x.children) for x in token.children
        )

    @staticmethod
    def sets_terms(token: Token) -> bool:
        """An ultimatum or a deadline that says what must be done (an infinitive on the noun or on its verb)."""
        nouns = [token, *children_of(token, ("dobj",))]
        if not any(n.lemma_.lower() in TERMS_NOUNS for n in nouns):
            return False
        if token.dep_ == "dobj":
            nouns.append(token.head)  # "issued an ultimatum to the junta to reinstate him": hung on the verb
        clauses = [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl", "advcl", "xcomp")]
        return any(c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children) for c in clauses)

    def date_and_status(
        self, token: Token, sent: Span, dates: SentenceDates, etype: str
    ) -> tuple[ResolvedDate | None, str]:
        """The date the sentence gives the act at ``token`` (else the publication day of a present-tense report),
        and whether it occurred, is ongoing or is planned."""
        planned = self.is_planned(token, None)
        when = self.pick_date(token, sent, dates.resolve("future" if planned else "past"), dates.resolve("past"))
        if when is None and not planned:
            when = self.publication_date(token, etype)
        return when, "planned" if planned else self.status(token, when)

    def make_event(
        self,
        token: Token,
        etype: str,
        source: list[str],
        target: list[str],
        *,
        symmetric: bool,
        confidence: float,
        mode: str | None = None,
    ) -> FoundEvent:
        """An event another component decided on (statements, visits), dated and placed like the rules' own."""
        sent = sentence_of(token)
        dates = self.sentence_dates.get(sent.start) or SentenceDates(sent.text, self.published)
        when, status = self.date_and_status(token, sent, dates, etype)
        event = FoundEvent(
            type=etype,
            mode=mode,
            source=source,
            target=target,
            symmetric=symmetric,
            date=when,
            status=status,
            location=self.location(token, sent),
            sentence=sent,
            trigger=token,
            confidence=round(confidence, 3),
            people=self.people_in(sent),
        )
        if event.date is None and status != "planned":
            self.date_from_context(event, self.context_at.get(sent.start))
        return event

    Side = tuple[str, list[str], list[str], bool]

    def symmetric_sides(self, token: Token, etype: str, source: list[str], target: list[str]) -> list[Side]:
        mediators = self.args.mediators(token)
        participants = list(dict.fromkeys(source + target))
        if etype == "AGREE":
            participants = [p for p in participants if p not in mediators]
        elif etype == "CONSULT":
            participants = list(dict.fromkeys(participants + mediators))
        previous = self.last_group_of.get(etype, [])
        if not previous and mediators and set(participants) <= set(mediators):
            previous = self.last_group  # "the talks were mediated by Qatar" after "X and Y agreed to a truce"
        if len(participants) < 2 and self.has_group_subject(token):
            participants = list(dict.fromkeys(participants + self.group_actors(token)))
            if len(participants) < 2:
                participants = list(dict.fromkeys(participants + self.last_group))
        elif not participants and previous and etype == "CONSULT" and token.tag_ == "NNS":
            # "Intensive talks in January bore no fruit": talks naming no one continue those reported before
            participants = list(previous)
        elif (
            (self.is_anaphoric(token) or any(self.is_anaphoric(o) for o in children_of(token, ("dobj",))))
            and previous
            and (set(participants) < set(previous) or self.joins(token) or set(participants) <= set(mediators))
        ):
            # "the meeting with X" is the meeting already reported; "Y also joined the talks" adds Y to it;
            # "the talks were mediated by Qatar" adds the mediator to the talks already reported
            participants = list(dict.fromkeys(previous + participants))
        if len(participants) < 2:
            return []
        callers = [s for s in source if s not in target]
        called = [t for t in target if t not in mediators]
        if token.lemma_.lower() in BILATERAL_VERBS and len(callers) >= 2 and called:
            # "X, Y and Z called P": three separate calls, not a conference of four
            return [(etype, sorted({s, *called}), [], True) for s in callers]
        if len(callers) == 1 and len(called) >= 2 and (self.is_phone_call(token) or self.one_by_one(token)):
            # "spoke by phone with his counterparts in both countries", "held bilateral meetings with the ministers
            # of A and B": one call or meeting each, the others do not meet one another
            return [(etype, sorted({callers[0], c}), [], True) for c in called]
        if not callers and len(called) >= 2 and etype == "CONSULT" and self.has_unplaced_subject(token):
            return []  # "Dr. Okafor met his Ugandan and Rwandan counterparts": he met each, they did not meet
        sides: list[EventFinder.Side] = [(etype, sorted(participants), [], True)]
        if etype == "AGREE" and mediators:
            sides.append(("CONSULT", sorted(set(participants) | set(mediators)), [], True))
        return sides

    def speaker_as_doer(self, token: Token) -> list[str]:
        """ "The British Foreign Office said the sanctions had been imposed on Iran": a passive act with no agent,
        or one undergone with no sender named, announced by a state, is that state's own."""
        verb = self.clause_verb(token)
        if verb is None or children_of(verb, ("agent",)):
            return []
        # "said ten American firms would face sanctions": undergone, with no "from", is the same as the passive
        undergone = verb.lemma_.lower() in RECEIVING_VERBS and token.dep_ == "dobj" and token.head.i == verb.i
        if not undergone and not children_of(verb, ("nsubjpass", "auxpass")):
            return []
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAY_VERBS:
            return []
        return self.args.doers_of(verb.head)

    def summons_own_envoy(self, verb: Token) -> bool:
        return any(
            o.lemma_.lower() in self.classes["diplomats"]
            and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in o.children)
            for o in children_of(verb, ("dobj",))
        )

    def companions(self, token: Token) -> list[str]:
        """Who takes part beside the subject: "visited Abuja along with the presidents of Niger and Ghana",
        "met him alongside Tanzania's president"."""
        heads = [token, *([v] if token.pos_ == "NOUN" and (v := self.args.governing_verb(token)) else [])]
        objects = [
            o
            for head in heads
            for prep in children_of(head, ("prep",))
            if prep.lower_ in ("along", "alongside")
            # ("along the border with Pakistan" is a path, not a companion: "along" needs its "with")
            for o in [
                *(children_of(prep, ("pobj",)) if prep.lower_ == "alongside" else []),
                *self.args.prep_objects(prep, frozenset({"with"})),
            ]
        ]
        return self.args.phrase_actors(objects)

    def clause_verb(self, token: Token) -> Token | None:
        """The verb of the trigger's clause: the trigger itself, or the verb a noun trigger hangs from."""
        return token if token.pos_ in ("VERB", "AUX") else self.args.governing_verb(token)

    def on_condition(self, token: Token) -> bool:
        """A future or modal act with an "if" or "unless" clause: "will impose tariffs if ...", "would strike
        unless ..." (an act inside the condition itself is hypothetical, and is left out elsewhere)."""
        verb = self.clause_verb(token)
        if verb is None:
            return False
        conditioned = any(is_condition(clause) for clause in verb.children)
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in verb.children)
        return conditioned and future

    def crowd_protest_of(self, token: Token) -> Token | None:
        """The demonstration a "protest" word gives the reason of: "marched to protest", "rallies in protest at"."""
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "in":
            head = head.head
        elif token.dep_ not in ("xcomp", "advcl"):
            return None
        demos = [head, *children_of(head, ("dobj",))]  # "held rallies in protest at ..."
        return next((d for d in demos if getattr(self.match_trigger(d), "type", None) == "PROTEST"), None)

    def decried(self, token: Token) -> list[str]:
        """Who a crowd's gestures are aimed at: "chanting slogans against New Delhi", "burning effigies of Modi",
        "trampling Israeli flags" (a flag waved or carried is a cause backed, not a target)."""
        verb = self.clause_verb(token)
        heads = [token, *([verb] if verb is not None else [])]
        gestures = [c for h in heads for c in children_of(h, ("advcl", "conj", "xcomp")) if c.tag_ == "VBG"]
        aimed = [
            p
            for g in gestures
            if g.lemma_.lower() in DECRYING_VERBS | DEFACING_VERBS
            for o in [g, *children_of(g, ("dobj",))]
            for p in self.args.prep_objects(o, frozenset({"against"}))
        ]
        effigies = [o for g in gestures if g.lemma_.lower() in DEFACING_VERBS for o in children_of(g, ("dobj",))]
        # (the small parser may read "burning effigies of Modi" as effigies that burn)
        effigies += [
            t for t in sentence_of(token) if any(c.lemma_.lower() in DEFACING_VERBS for c in children_of(t, ("amod",)))
        ]
        for o in effigies:
            if o.lemma_.lower() in EFFIGY_NOUNS:
                aimed += self.args.prep_objects(o, frozenset({"of"})) + [
                    c for c in children_of(o, OWNER_DEPS) if c.lemma_.lower() not in DEFACING_VERBS
                ]
        # "against killings of Bangladeshis by Indian border guards": what is named, or an act's owner or agent
        # (not whom its "of" names)
        named = [a for a in aimed if a.i in self.index.actor]
        named += [
            d
            for a in aimed
            if a.i not in self.index.actor
            for d in children_of(a, OWNER_DEPS) + self.args.prep_objects(a, frozenset({"by"}))
        ]
        return self.args.phrase_actors(named)

    def protested_at(self, token: Token) -> list[str]:
        """Who a demonstration's stated protest is aimed at: the doers of what it protests."""
        verb = self.clause_verb(token)
        heads = [token, *([verb] if verb is not None else [])]
        words = [c for h in heads for c in children_of(h, ("xcomp", "advcl")) if c.lemma_.lower() == "protest"]
        words += [
            p
            for h in heads
            for c in children_of(h, ("prep",))
            if c.lower_ == "in"
            for p in children_of(c, ("pobj",))
            if p.lemma_.lower() == "protest"
        ]
        acts = [o for w in words for o in children_of(w, ("dobj",)) + self.args.prep_objects(w, AIMED_PREPS)]
        if words and not acts:  # "held rallies in protest at the move": the parser hangs "at" on the verb
            acts = [o for h in heads for o in self.args.prep_objects(h, AIMED_PREPS)]
        return self.args.phrase_actors(acts, allow_places=False)

    def answerers(self, act: Token) -> list[str]:
        """Who answers an act: "Iran's response to the strikes", "Moscow plans retaliation for the sanctions"."""
        prep = act.head if act.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("to", "for", "against") or prep.head.lemma_.lower() not in ANSWER_NOUNS:
            return []
        answer = prep.head
        owners = [c for c in answer.children if c.dep_ in ("poss", "amod", "compound")]
        verb = self.args.governing_verb(answer)
        return self.args.phrase_actors(owners) or (self.args.doers_of(verb) if verb is not None else [])

    def mission_approached(self, verb: Token) -> list[str]:
        """The state whose mission a crowd's act goes to, at or into: "outside the British embassy", "towards the
        Indian High Commission", "stormed the Swedish embassy"."""
        # (the tagger may call "upon" a conjunction)
        preps = [c for c in children_of(verb, ("prep",)) if c.lower_ in MISSION_PREPS]
        places = children_of(verb, ("dobj",)) + [o for c in preps for o in children_of(c, ("pobj",))]
        # "the embassy compound", "the premises of the consulate": the mission's grounds
        places += [c for p in places if p.lemma_.lower() in GROUNDS_NOUNS for c in children_of(p, ("compound",))]
        places += [o for p in places if p.lemma_.lower() in GROUNDS_NOUNS for o in self.args.prep_objects(p, _OF)]
        missions = [p for p in places if p.lemma_.lower() in MISSION_NOUNS or _is_high_commission(p)]
        owners = [c for m in missions for c in m.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        return list(dict.fromkeys(self.args.phrase_actors(owners)))

    def crowd_at_mission(self, verb: Token, sent: Span) -> list[FoundEvent]:
        """ "About 500 people came to the British embassy in Tehran and pelted it", "protesters descended upon the
        Indian High Commission": a crowd at a foreign mission protests at its state, whatever the verb says."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CROWD_ACTION_VERBS or not self.crowd_acts(verb):
            return []
        target = self.mission_approached(verb)
        source = self.protest_place(sent, target)
        if not target or not source or is_irrealis(verb, _CROWD):
            return []
        return [self.make_event(verb, "PROTEST", source, target, symmetric=False, confidence=0.6, mode="demonstration")]

    def crowd_at(self, verb: Token) -> bool:
        """Protesters that gather, or a number of people that gather at a foreign mission."""
        return self.crowd_gathers(verb) or (self.counted_crowd(verb) and bool(self.mission_approached(verb)))

    def crowd_acts(self, verb: Token) -> bool:
        """The subject is a crowd: protesters, or a number of people."""
        return self.crowd_gathers(verb) or self.counted_crowd(verb)

    def assured(self, support: Token) -> list[str]:
        """ "assured Poland of Germany's full support", "assured Poland of Berlin's solidarity": the one assured (the
        parser hangs "of" on it or on the verb)."""
        if support.dep_ != "pobj" or support.head.lower_ != "of":
            return []
        of = support.head
        verb = of.head if of.head.pos_ == "VERB" else of.head.head
        if verb.lemma_.lower() not in ASSURING_VERBS:
            return []
        return self.args.phrase_actors(children_of(verb, ("dobj",)))

    def granted_sides(self, noun: Token, etype: str, mode: str) -> tuple[list[str], list[str]]:
        """Sides of a noun whose verb puts something in a state or grants it: "put its troops on high alert along the
        border with Pakistan" (whoever puts them, at whoever the verb's other phrases name); "granted IAEA inspectors
        access to the site", "allowed the IAEA access" (the one let in is named beside the access, as an object or a
        modifier; where they go is the granter's own)."""
        verb = self.args.governing_verb(noun)
        if verb is None:
            return [], []
        source = self.args.doers_of(verb)
        if mode == "alert":
            return source, [a for a in self.args.clause_sides(verb, etype, source, [])[1] if a not in source]
        let_in = children_of(noun, OWNER_DEPS) + [o for o in children_of(verb, ("dobj", "dative")) if o.i != noun.i]
        return source, [a for a in self.args.phrase_actors(let_in) if a not in source]

    def shown_force_at(self, verb: Token) -> list[str]:
        """Where weapons sent, flown or sailed go near: "sent warplanes near Taiwan", "flew bombers around Japan"."""
        things = [o for d in children_of(verb, ("dobj",)) for o in (d, *self.args.prep_objects(d, _OF))]
        near = self.args.prep_objects(verb, SHOW_OF_FORCE_PREPS) + [
            p for o in things for p in self.args.prep_objects(o, SHOW_OF_FORCE_PREPS)
        ]
        return self.args.phrase_actors(near, allow_places=True)

    def by_hackers(self, verb: Token) -> bool:
        """The act's doers are hackers: an attack on networks, not by force."""
        subj, passive = self.args.subject_of(verb)
        doers = [p for a in children_of(verb, ("agent",)) for p in children_of(a, ("pobj",))] if passive else subj
        return any(d.lemma_.lower() in ("hacker", "hackers") for d in doers)

    def is_stance(self, tok: Token) -> bool:
        """ "pro-Russian", "anti-American": a stance towards a state, written before its adjective."""
        doc = self.doc
        return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti")

    def crowd_subject(self, verb: Token) -> tuple[list[Token], bool]:
        """The verb's subject; for "Hundreds of Canadians protested outside ...", which the parser reads as a noun
        phrase with a participle, the noun the participle describes."""
        subj, passive = self.args.subject_of(verb)
        if not subj and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return [verb.head], False
        return subj, passive

    def counted_crowd(self, verb: Token) -> bool:
        """ "about 500 people", "thousands": a number of people as the verb's (active) subject."""
        subj, passive = self.crowd_subject(verb)
        return not passive and any(
            s.lemma_.lower() in ("people", "thousand", "hundred", "dozen")
            and (s.lemma_.lower() != "people" or any(c.dep_ == "nummod" for c in s.children))
            for s in subj
        )

    def crowd_gathers(self, verb: Token) -> bool:
        """ "hundreds of demonstrators gathered": a crowd, not a meeting of states."""
        subj, _ = self.crowd_subject(verb)
        heads = [*subj, *(p for s in subj for p in self.args.prep_objects(s, frozenset({"of"})))]
        return any(h.lemma_.lower() in CROWD_NOUNS for h in heads)

    def victim_preps(self, act: Token) -> frozenset[str]:
        """ "the massacre of Sudanese civilians", "the bombing of Gaza": "of" names the victims of a violent act
        (but "the actions of Russia" names the doer)."""
        violent = act.lemma_.lower() in WRONG_NOUNS or getattr(self.match_trigger(act), "type", None) in (
            "ASSAULT",
            "COERCE",
        )
        # "condemned the bombing in Mogadishu": where a violent act happened is its victim too
        return STRUCK_PREPS | {"of", "in"} if violent else STRUCK_PREPS

    def actors_under(self, noun: Token) -> set[str]:
        """The actors in a noun's phrase without the phrases conjoined to it ("concern over X and support for Y")."""
        conjoined = {t.i for c in noun.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        return {self.index.actor[t.i] for t in noun.subtree if t.i not in conjoined and t.i in self.index.actor}

    def agrees_on_measure_against(self, verb: Token) -> bool:
        """ "agreed on new sanctions against X", "agreed to new tariffs": what is agreed is a conflict act."""
        agreed = children_of(verb, ("dobj",)) + self.args.prep_objects(verb, frozenset({"on", "to", "upon"}))
        agreed += [p for a in agreed for p in self.args.prep_objects(a, frozenset({"of"}))]  # "a package of sanctions"
        return any(
            (trig := self.match_trigger(noun)) is not None and QUAD_CLASS_OF[trig.type].endswith("conflict")
            for noun in agreed
            if noun.pos_ == "NOUN"
        )

    @staticmethod
    def one_by_one(token: Token) -> bool:
        """ "bilateral meetings with ...", "met his Chilean and Bolivian counterparts": separate encounters."""
        noun = token if token.pos_ == "NOUN" else None
        if noun is None:
            noun = next((o for o in children_of(token, ("dobj",)) if o.pos_ == "NOUN"), None)
        if noun is not None and any(c.lower_ in ONE_BY_ONE_WORDS for c in noun.children):
            return True
        partners = [o for p in children_of(token, ("prep",)) for o in children_of(p, ("pobj",))]
        partners += children_of(token, ("dobj",))
        # "his Chilean and Bolivian counterparts": each has their own
        return any(
            o.lower_ == "counterparts" and any(a.dep_ == "amod" and a.conjuncts for a in o.children) for o in partners
        )

    def has_unplaced_subject(self, verb: Token) -> bool:
        """The verb's doer is named (a person, a pronoun) but stands for no known state."""
        if verb.pos_ not in ("VERB", "AUX"):
            governing = self.args.governing_verb(verb)  # "he held bilateral meetings with ..."
            if governing is None:
                return False
            verb = governing
        subj, passive = self.args.subject_of(verb)
        # one person ("Dr. Okafor", "he"), not "negotiators met ... for a summit between the two sides"
        person = all(s.tag_ == "NNP" or s.lower_ in ("he", "she") for s in subj)
        return bool(subj) and person and not passive and not self.args.subject_actors(subj)

    @staticmethod
    def is_phone_call(token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma in ("call", "phone", "telephone", "ring"):
            return True
        return lemma in ("speak", "talk") and any(
            t.lemma_.lower() in ("phone", "telephone") for p in children_of(token, ("prep",)) for t in p.subtree
        )

    def directed_sides(self, token: Token, etype: str, source: list[str], target: list[str]) -> list[Side]:
        source = list(dict.fromkeys(source))
        # a protest may be a state's people against their own government; no other act is done to oneself
        target = [t for t in dict.fromkeys(target) if t not in source or etype == "PROTEST"]
        if len(source) >= 2 and not target and etype == "RETREAT":
            return [(etype, sorted(source), [], True)]  # "India and China completed the disengagement"
        if len(source) >= 2 and not target and etype == "MOBILIZE" and token.lemma_.lower() in EXERCISE_NOUNS:
            # "American and Filipino marines began their annual drills": exercises held together
            return [("COOPERATE", sorted(source), [], True)]
        # ("fight jihadist groups" has an enemy of its own, whom no rule names a state)
        fights_other = token.lemma_.lower() == "fight" and token.pos_ == "VERB" and bool(children_of(token, ("dobj",)))
        reciprocal = token.lemma_.lower() in RECIPROCAL_LEMMAS and not fights_other
        if len(source) >= 2 and not target and (reciprocal or self.is_mutual(token)):
            if etype == "CONCEDE":  # an exchange of prisoners is one symmetric act
                return [(etype, sorted(source), [], True)]
            return [(etype, [a], [b], False) for a in source for b in source if a != b]  # each side at the other
        if not source or not target:
            return []
        if etype == "CONCEDE" and token.pos_ == "VERB" and any(t.lemma_.lower() in SWAP_NOUNS for t in token.subtree):
            # "freed an American teacher in a swap for a Russian hacker": each side frees the other's
            return [(etype, source, target, False), (etype, target, source, False)]
        return [(etype, source, target, False)]

    def is_mutual(self, token: Token) -> bool:
        """The act is done to "each other" or "one another": "X and Y attacked each other", "launched strikes on
        each other"."""
        verb = self.args.governing_verb(token) if token.pos_ == "NOUN" else token
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in RECIPROCAL_LEMMAS:
            return True  # "traded accusations", "exchanged threats": each at the other
        scope = [token, *([verb] if verb is not None else [])]
        return any(
            t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one")
            for head in scope
            for t in head.subtree
        )

    def names_act(self, noun: Token) -> bool:
        """ "the strikes", "the decision": a noun that names an act, not a party."""
        return self.match_trigger(noun) is not None or noun.lemma_.lower() in ACT_NOUNS

    def judged_agents(self, verb: Token) -> list[str]:
        """Who did the act that is condemned, praised or rejected: "condemned the Israeli and US strikes on Iran"
        judges Israel and the US, not Iran; "defended the annexation of Ukrainian land by Russia" backs Russia."""
        found: list[str] = []
        for obj in children_of(verb, ("dobj",)):
            if not self.names_act(obj):
                # "criticised Beijing's ties with Moscow": a state's own conduct judges that state, not its partners
                owners = self.args.phrase_actors([c for c in obj.children if c.dep_ == "poss" and c.tag_ != "PRP$"])
                found += [a for a in owners if a not in found]
                continue
            mods = children_of(obj, OWNER_DEPS)
            heads = [obj, *[p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]]
            agents = [
                p
                for h in heads
                for c in h.children
                if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for p in c.children
            ]
            # "the strikes by Israel and the US on Iran": the state struck is not judged
            struck = self.args.targets_in_agents(agents, STRUCK_PREPS, allow_places=True)
            found += [a for a in self.args.phrase_actors(mods + agents) if a not in found and a not in struck]
        return found

    def opposed_in_objects(self, verb: Token, etype: str) -> list[str]:
        """Who the judged thing is aimed at: "condemned the attack on Israel", "backed the resolution against
        Russia". Judging an act or a text says nothing for or against its victim; an accusation's own object
        ("filed a case against Ecuador", "levelled charges against him") is another matter."""
        opposed: list[str] = []
        if verb.lemma_.lower() == "blame":
            return []  # "blamed the move on Lithuania": what follows "on" is the one blamed
        if etype == "ACCUSE":
            # "the men it accused of belonging to a Venezuelan gang": who the charge names besides the accused
            # (the gang, a state helped) is not accused
            charges = [g for p in children_of(verb, ("prep",)) if p.lower_ == "of" for g in children_of(p, ("pcomp",))]
            accused = self.args.phrase_actors(children_of(verb, ("dobj",)))
            named = self.named_in([t for g in charges for t in g.subtree if t.pos_ != "PRON"])  # "its drones"
            opposed += [a for a in named if a not in accused]
        for obj in children_of(verb, ("dobj",)):
            if etype == "ACCUSE" and (
                obj.lemma_.lower() in FILING_NOUNS or getattr(self.match_trigger(obj), "type", None) == "ACCUSE"
            ):
                continue
            preps = (self.victim_preps(obj) - {"of"}) if self.names_act(obj) else frozenset({"against"})
            if self.gives(obj):
                # "condemned arms sales to Taiwan": the buyer is not the one judged, the seller is (the parser hangs
                # the "to" on the verb as often as on the sales)
                preps |= {"to"}
                if etype == "ACCUSE":
                    opposed += self.args.phrase_actors(self.args.prep_objects(verb, frozenset({"to"})))
            opposed += self.args.phrase_actors(self.args.prep_objects(obj, preps), allow_places=True)
            if self.names_act(obj) and children_of(obj, ("poss",)):
                # "protested the Baltic nation's decision to let Taiwan open an office": the decision's owner is
                # judged, not those its clause lets act
                opposed += self.named_in([t for c in children_of(obj, ("acl", "relcl")) for t in c.subtree])
            # deeper: "condemned the silence over the massacre of civilians and the bombing of towns in Chad":
            # whoever an act named inside the object is aimed at is its victim, not the one judged
            acts = [
                t
                for t in obj.subtree
                if t.i != obj.i and t.pos_ == "NOUN" and (t.lemma_.lower() in WRONG_NOUNS or self.names_act(t))
            ]
            opposed += self.args.phrase_actors(
                [p for act in acts for p in self.args.prep_objects(act, self.victim_preps(act))], allow_places=True
            )
        return opposed

    def gives(self, noun: Token) -> bool:
        return getattr(self.match_trigger(noun), "type", None) == "AID"

    def named_in(self, tokens: Iterable[Token]) -> list[str]:
        return list(dict.fromkeys(self.index.actor[t.i] for t in tokens if t.i in self.index.actor))

    def demanded_of(self, verb: Token) -> list[str]:
        """Whom a demand or warning joined to this verb is addressed to: "condemned X and urged Israel to stop"."""
        for conj in children_of(verb, ("conj",)):
            trig = self.match_trigger(conj)
            if trig is not None and trig.type in ("REQUEST", "THREATEN"):
                return self.args.verb_sides(conj, trig.type)[1]
        return []

    def reported_before(self, token: Token, reach: int = REFERENCE_REACH) -> Iterator[FoundEvent]:
        """The acts found before ``token`` within ``reach`` tokens of its sentence, the latest first."""
        for event in reversed(self.found):
            if event.trigger.i < token.i and token.sent.start - event.sentence.start <= reach:
                yield event

    def last_target(self, token: Token, source: list[str], types: tuple[str, ...]) -> list[str]:
        """The target of the latest act of these types reported before ``token`` (within reach), not the source."""
        for event in self.reported_before(token):
            target = [t for t in event.target if t not in source]
            if event.type in types and target:
                return target
        return []

    def undone_act(self, token: Token, trig: Trigger, source: list[str], target: list[str]) -> FoundEvent | None:
        """The latest act in the paragraph that this concession undoes, sharing whichever side the concession names."""
        types = UNDONE_TYPES.get(trig.mode or "", ())
        for event in self.reported_before(token):
            if "\n" in self.doc.text[event.trigger.idx : token.idx]:
                return None  # a new paragraph tells another story
            if event.type not in types or not event.source or not event.target:
                continue
            if (not source or set(source) & set(event.source)) and (not target or set(target) & set(event.target)):
                return event
        return None

    def concern_over_a_situation(self, token: Token) -> bool:
        """ "concern over tensions between the two countries", "concern about the unrest in Venezuela", "concern over
        the aggravation of the situation on the border": a state of affairs with no one said to cause it."""
        feelings = [token] if token.pos_ == "NOUN" else children_of(token, ("dobj",))
        topics = [o for f in feelings for o in self.args.prep_objects(f, CONCERN_PREPS)]
        if not topics:
            return False
        for topic in topics:
            while topic.lemma_.lower() in CHANGE_NOUNS and (of := self.args.prep_objects(topic, _OF)):
                topic = of[0]  # "the aggravation of the situation"
            if topic.lemma_.lower() not in SITUATION_NOUNS:
                return False
            if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in topic.children):
                return False  # "Russia's escalation", "the escalation by Israel"
        return True

    @staticmethod
    def in_summons_purpose(token: Token) -> bool:
        """ "summoned the envoy to lodge a protest", "summoned him to be handed a protest note"."""
        for up in token.ancestors:
            if up.dep_ in ("xcomp", "advcl", "ccomp") and up.head.lemma_.lower() == "summon":
                # (a passive summons, "envoys were summoned to lodge India's protest", names its protester there)
                return not children_of(up.head, ("nsubjpass", "auxpass"))
            if up.dep_ in ("ROOT", "conj"):
                return False
        return False

    def backs_no_state(self, token: Token) -> bool:
        """A vote "in favour of" a text backs the text, not its drafters; to defend oneself backs no one else."""
        if token.lemma_.lower() in ("favour", "favor"):
            verb = self.args.governing_verb(token)
            if verb is None or verb.lemma_.lower() != "vote":
                return False
            # "voted in favour of Ukraine's resolution" backs Ukraine; "of the Egyptian-drafted text" no one
            texts = self.args.prep_objects(token, _OF)
            owners = [c for t in texts for c in t.children if c.dep_ == "poss"]
            return not self.args.phrase_actors(owners)
        return token.pos_ == "VERB" and any(o.lower_ in REFLEXIVES for o in children_of(token, ("dobj",)))

    def strike_doing(self, verb: Token) -> list[str]:
        """The doers of an attack noun that is the subject of an attack verb ("strikes targeting Hamas")."""
        subjects = children_of(verb, ("nsubj",))
        if verb.dep_ in ("acl", "relcl") and not subjects:
            subjects = [verb.head]
        if verb.dep_ == "relcl" and subjects and subjects[0].tag_ == "WDT":
            subjects = [verb.head]
        for noun in subjects:
            if noun.pos_ != "NOUN" or getattr(self.match_trigger(noun), "type", None) != "ASSAULT":
                continue
            owners = children_of(noun, OWNER_DEPS)
            doers = self.args.phrase_actors([c for c in owners if not self.index.is_place_like(c.i)])
            if not doers and (carrier := self.args.governing_verb(noun)) is not None:
                doers = self.args.doers_of(carrier)  # "Israel carried out fresh strikes ... targeting Hamas"
            if doers:
                return doers
        return []

    def last_doer_against(self, token: Token, victims: list[str]) -> list[str]:
        """The doers of the latest act reported before ``token`` (within reach) that was aimed at these actors."""
        for event in self.reported_before(token):
            if set(victims) & set(event.target):
                return [s for s in event.source if s not in victims]
        return []

    def struck_in_threat(self, token: Token) -> list[str]:
        """ "threatened to intervene in Niger", "threatened military action in Gaza": where the force threatened would
        strike (not where troops would be sent: "threatened to deploy missiles in Belarus")."""
        for act in children_of(token, ("xcomp", "dobj")):
            # intervening is no event by itself ("intervened to help talks"); threatened, it is force
            forceful = act.lemma_.lower() in ("intervene", "intervention")
            if not forceful and getattr(self.match_trigger(act), "type", None) not in ("ASSAULT", "COERCE"):
                continue
            struck = children_of(act, ("dobj",)) + self.args.prep_objects(act, TARGET_PREPS["ASSAULT"])
            found = self.args.phrase_actors(struck, allow_places=True, through_places=True)
            if found:
                return found
        return []

    @staticmethod
    def denies_an_act(verb: Token) -> bool:
        """ "denied sending troops", "denied that it had armed Russia", "rejected reports that ...", "dismissed the
        accusations": what is denied is an act or a claim, not a proposal or a state."""
        if verb.lemma_.lower() not in DENIAL_VERBS:
            return False
        if any(c.pos_ in ("VERB", "AUX") for c in children_of(verb, ("xcomp", "ccomp", "pcomp"))):
            return True
        return any(o.lemma_.lower() in HEARSAY_NOUNS for o in children_of(verb, ("dobj",)))

    def accusers(self, verb: Token, deniers: list[str]) -> list[str]:
        """Who made the claim denied: "the accusation from the United States", "Ukraine's claims"; else whoever was
        just reported accusing the denier."""
        claims = [o for o in children_of(verb, ("dobj",)) if o.lemma_.lower() in HEARSAY_NOUNS]
        owners = [c for o in claims for c in children_of(o, OWNER_DEPS)]
        owners += [p for o in claims for p in self.args.prep_objects(o, frozenset({"from", "by"}))]
        # "the accusations levelled by the British government", "providing shelter, as claimed by Ghani"
        made = [c for o in claims for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        made += [c for c in verb.subtree if c.dep_ == "advcl" and c.lemma_.lower() in CLAIM_VERBS]
        owners += [p for m in made for a in children_of(m, ("agent",)) for p in children_of(a, ("pobj",))]
        found = [a for a in self.args.phrase_actors(owners) if a not in deniers]
        if found:
            return found
        for event in self.reported_before(verb):
            if event.type == "ACCUSE" and set(event.target) & set(deniers):
                return [a for a in event.source if a not in deniers]
        return []

    def answered(self, token: Token, source: list[str]) -> list[str]:
        """ "X imposed sanctions on Iran. Tehran vowed to respond": a threat to answer, aimed at no one named, is aimed
        at whoever just acted against the one threatening."""
        answer = [token, *children_of(token, ("xcomp", "ccomp"))]
        if not any(t.lemma_.lower() in ANSWER_VERBS for t in answer) and not self.object_lemmas(token) & ANSWER_NOUNS:
            return []
        for event in self.reported_before(token):
            if set(event.target) & set(source) and not event.symmetric:
                return list(event.source)
        return []

    def warring_sides(self, token: Token) -> list[str]:
        """ "called for an end to the fighting": with no one addressed, the call is to the sides of the fighting
        reported just before (in this sentence or the two before it)."""
        asked = [
            t
            for t in token.subtree
            if t.lemma_.lower() in STOP_NOUNS
            and any(p.lemma_.lower() in WAR_NOUNS | VIOLENCE_NOUNS for p in t.subtree if p.i != t.i)
        ]
        if not asked:
            return []
        for event in self.reported_before(token):
            if event.type == "ASSAULT":
                return list(dict.fromkeys(event.source + event.target))
        return []

    def referenced_agents(self, verb: Token, judges: list[str]) -> list[str]:
        """ "welcomed the move", "condemned the decision", "criticised the deal": an act named by a bare definite
        noun is the act reported just before (in this sentence or the two before it); its doers are judged (both
        sides of a symmetric act)."""
        for obj in children_of(verb, ("dobj",)):
            doers = self.referenced_doers(obj, judges)
            if doers:
                return doers
        return []

    def referenced_doers(self, obj: Token, judges: list[str]) -> list[str]:
        if not self.is_anaphoric(obj) or any(t.i in self.index.actor for t in obj.subtree):
            return []
        lemma = obj.lemma_.lower()
        types = {t.type for t in self.lexicon.get((lemma, "NOUN"), ())}  # "the deal" names an agreement
        if lemma in TRANSACTION_NOUNS:
            types |= {"AID", "COOPERATE"}  # "welcomed the deal": an arms deal is a sale
        if types or lemma in ACT_NOUNS:
            for event in self.reported_before(obj):
                if types and event.type not in types:
                    continue
                doers = [a for a in event.source if a not in judges]  # a symmetric act's sides are all sources
                if doers:
                    return doers
                if types:
                    continue  # "Kabul struck back ... Kabul condemned these attacks": not its own strikes
                break
            # "The Taliban condemned these attacks", paragraphs after the strikes were told: an act of the kind the
            # noun names, further back
            for event in self.reported_before(obj, STORY_REACH) if types else ():
                doers = [a for a in event.source if a not in judges]
                if event.type in types and doers:
                    return doers
        # "X's prime minister visited a shrine. China condemned the visit", "Indonesia executed two Australians ...
        # Canberra condemned the executions": an act no rule records, told by its verb
        for earlier in self.doc[max(0, obj.sent.start - REFERENCE_REACH) : obj.i]:
            if earlier.pos_ == "VERB" and names_the_act_of(lemma, earlier.lemma_.lower()):
                doers = [a for a in self.args.doers_of(earlier) if a not in judges]
                if doers:
                    return doers
        return self.named_before(obj, judges)

    def named_before(self, obj: Token, judges: list[str]) -> list[str]:
        """ "Washington's arms deal with Taiwan ... Taiwan welcomed the deal": the same noun said before, with the
        actors its phrase names; or, naming none, given as the reason of an act ("cut ties with Malaysia over the
        extradition ... condemned the extradition"): the one that act answers did it."""
        lemma = obj.lemma_.lower()
        sent_start = sentence_of(obj).start
        for earlier in reversed(self.doc[max(0, sent_start - STORY_REACH) : sent_start]):
            if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
                continue
            # whose act it is, and its partners: not where it led ("the extradition of a citizen to the US")
            # ("the latest deal, announced by Trump": a participle's agent too)
            heads = [earlier, *(c for c in children_of(earlier, ("acl",)) if c.tag_ == "VBN")]
            parties = children_of(earlier, OWNER_DEPS) + [
                p for h in heads for a in children_of(h, ("agent",)) for p in children_of(a, ("pobj",))
            ]
            parties += [p for h in heads for p in self.args.prep_objects(h, PARTY_PREPS)]
            named = [a for a in self.args.phrase_actors(parties) if a not in judges]
            if named:
                return named
            if earlier.dep_ != "pobj" or earlier.head.lower_ not in REASON_PREPS:
                return []
            reason = earlier.head
            for event in self.found:
                if event.trigger.i < reason.i and reason.i in {t.i for t in event.trigger.head.subtree}:
                    answered = [a for a in event.target if a not in judges]
                    if answered:
                        return answered
            return []
        return []

    def at_home(self, sent: Span, state: str) -> bool:
        """A protest in a sentence that names no state but the protesters' own is aimed at their own government."""
        named = {self.index.actor[i] for i in range(sent.start, sent.end) if i in self.index.actor}
        return named == {state} and not gazetteer.is_organisation(state)

    def protest_place(self, sent: Span, target: list[str]) -> list[str]:
        """Protesters with no nationality named are the people of the state where they march."""
        for tok in sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "through"):
                found = [a for a in self.args.actors_in(tok, allow_places=True) if a not in target]
                if found:
                    return found[:1]
        return []

    def joins(self, token: Token) -> bool:
        verb = self.args.governing_verb(token)
        return verb is not None and verb.lemma_.lower() in PARTICIPATION_VERBS

    def is_venue(self, token: Token) -> bool:
        """ "on the sidelines of the APEC summit": the summit is where another act happens."""
        head = token.head
        return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in VENUE_NOUNS

    @staticmethod
    def is_recall_purpose(token: Token, trig: Trigger) -> bool:
        """ "recalled its envoy for consultations": the purpose of a recall, not a meeting."""
        prep = token.head
        return (
            trig.type == "CONSULT"
            and token.dep_ == "pobj"
            and prep.lower_ == "for"
            and prep.head.lemma_.lower() in RECALL_VERBS
        )

    def envoy_travel(self, token: Token) -> list[FoundEvent]:
        """ "A US delegation travelled to Honiara", "the minister arrived in Beijing": an official going to another
        state is a visit (CONSULT with the host)."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in TRAVEL_VERBS:
            return []
        subjects, passive = self.args.subject_of(token)
        if passive:
            return []
        envoys = [
            s
            for s in with_conjuncts(subjects)
            if s.lemma_.lower() in ENVOY_NOUNS or self.index.form.get(s.i) == "person"
        ]
        source = self.args.phrase_actors(envoys)
        if len(source) != 1:
            return []
        preps = frozenset({"to", "in", "into"})
        places = self.args.prep_objects(token, preps) + children_of(token, ("dobj",))
        host = [a for a in self.args.phrase_actors(places, allow_places=True) if a not in source]
        if len(host) != 1 or is_irrealis(token, _VISIT):
            return []
        party = sorted({*source, *host, *self.companions(token)})
        return [self.make_event(token, "CONSULT", party, [], symmetric=True, confidence=0.6, mode="visit")]

    def expulsion(self, token: Token) -> list[FoundEvent]:
        """ "ordered North Korean embassy staff to leave", "gave the Swedish ambassador 48 hours to leave the
        country": telling another state's diplomats to go is expelling them (SANCTION on their state)."""
        if token.pos_ != "VERB":
            return []
        if token.lemma_.lower() == "declare" and any(t.lower_ in ("grata", "gratae") for t in token.subtree):
            # "declared the Mexican ambassador persona non grata": the parser may make "persona" a verb
            clauses = children_of(token, ("ccomp", "xcomp", "oprd"))
            # (and "employees of the Russian embassy personae non gratae" may leave "embassy" a compound of it)
            told = children_of(token, ("dobj",)) + [
                s for c in clauses for s in children_of(c, ("nsubj", "dobj", "compound"))
            ]
            return self.expelled(token, told)
        if token.lemma_.lower() not in EXPULSION_VERBS:
            return []
        departures = [c for c in token.subtree if c.dep_ in ("xcomp", "advcl", "relcl", "ccomp")]
        departures = [c for c in departures if c.lemma_.lower() in DEPARTURE_VERBS]
        if not departures:
            return []
        # "demanded that Lithuania's envoy leave": the one told to go may be the subject of the departure
        told = children_of(token, ("dobj", "dative")) + [s for d in departures for s in children_of(d, ("nsubj",))]
        return self.expelled(token, told)

    def expelled(self, token: Token, told: list[Token]) -> list[FoundEvent]:
        # "a total of six Russian diplomats", "a number of staff": the diplomats are the quantity's "of"
        told = [
            m
            for o in told
            for m in ([o, *self.args.prep_objects(o, _OF)] if o.lemma_.lower() in QUANTITY_NOUNS else [o])
        ]
        diplomats = [o for o in with_conjuncts(told) if o.lemma_.lower() in self.classes["diplomats"]]
        # "two employees of the US embassy": whose mission they serve
        diplomats += [m for o in diplomats for m in self.args.prep_objects(o, _OF)]
        if diplomats:
            diplomats += [o for o in told if o.lemma_.lower() in MISSION_NOUNS]
        source = self.args.doers_of(token)
        target = [a for a in self.args.phrase_actors(diplomats) if a not in source]
        if not source or not target or is_irrealis(token, _EXPEL):
            return []
        events = [self.make_event(token, "SANCTION", source, target, symmetric=False, confidence=0.7, mode="expulsion")]
        if self.punishes_a_wrong(token):
            events.append(self.make_event(token, "ACCUSE", source, target, symmetric=False, confidence=0.6))
        return events

    def unwaged(self, war: Token) -> bool:
        """ "the war in Ukraine", "the conflict in Sudan": only a place, no belligerent in the war's own words
        ("Russia's war", "the Israel-Hamas war", "the war between", "the war on Gaza") and no verb that wages it."""
        if war.dep_ == "conj" or any(c.dep_ == "conj" for c in war.children):
            return False
        named = children_of(war, OWNER_DEPS)
        if any(self.args.phrase_actors([c]) for c in named):
            return False
        places = self.args.prep_objects(war, frozenset({"in"}))
        if not places or self.args.prep_objects(war, frozenset({"between", "on", "against", "with", "by"})):
            return False
        verb = self.args.governing_verb(war)
        return verb is None or verb.lemma_.lower() not in WAGING_VERBS

    def punishes_a_wrong(self, token: Token) -> bool:
        """A penalty given "for" or "over" a wrong ("for interfering in Peru's affairs", "over espionage")."""
        heads = [token] if token.pos_ == "VERB" else [token, *filter(None, [self.args.governing_verb(token)])]
        # the reason may hang on any word of the act's phrase ("declared him persona non grata for interfering")
        reasons = [p for h in heads for p in h.subtree if p.dep_ == "prep" and p.lower_ in REASON_PREPS]
        # "in response to hostile acts", "in retaliation for spying": an answer to a wrong
        reasons += [
            p
            for h in heads
            for p in h.subtree
            if p.dep_ == "prep" and p.lower_ == "in" and any(o.lemma_.lower() in ANSWER_NOUNS for o in p.children)
        ]
        # "expelled three diplomats who had been engaged in espionage": what is said of the ones punished
        reasons += [c for h in heads for o in children_of(h, ("dobj",)) for c in o.children if c.dep_ == "relcl"]
        negative = evaluation().negative
        return any(t.lemma_.lower() in negative for r in reasons for t in r.subtree)

    @staticmethod
    def receipt_of(token: Token) -> Token | None:
        """The verb by which the subject takes what ``token`` names: "received tanks", "took delivery of tanks"."""
        if token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIPT_VERBS:
            return token.head
        of = token.head
        if token.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in QUANTITY_NOUNS:
            batch = of.head  # "took delivery of its first batch of tanks"
            if batch.dep_ == "pobj" and batch.head.lower_ == "of":
                token, of = batch, batch.head
        if token.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in DELIVERY_NOUNS:
            return None
        verb = of.head.head
        if of.head.dep_ == "dobj" and verb.lemma_.lower() in RECEIPT_VERBS | {"take"}:
            return verb
        return None

    def delivery_received(
        self, token: Token, verb: Token, etype: str, mode: str, trig: Trigger, sent: Span, dates: SentenceDates
    ) -> list[FoundEvent]:
        """ "Taiwan received 38 tanks from the United States": the sender delivered them to the subject."""
        target = self.args.doers_of(verb)
        senders = [
            p
            for head in dict.fromkeys([verb, token, token.head.head])
            for p in self.args.prep_objects(head, frozenset({"from"}))
        ]
        source = [a for a in self.args.phrase_actors(senders) if a not in target]
        if not source:
            # "Belarus hosted Russian troops", "received American tanks": their owner sent them
            owners = [c for c in token.lefts if c.dep_ in ("amod", "poss", "compound", "nmod")]
            source = [a for a in self.args.phrase_actors(owners) if a not in target]
        if not source or not target or is_irrealis(verb, trig):
            return []
        return [self.moved(token, verb, etype, mode, source, target, sent, dates)]

    def moved(
        self,
        token: Token,
        verb: Token,
        etype: str,
        mode: str,
        source: list[str],
        target: list[str],
        sent: Span,
        dates: SentenceDates,
    ) -> FoundEvent:
        """Troops or weapons that went from one state to another, dated by the verb that moved them."""
        planned = self.is_planned(verb, None)
        when = self.pick_date(token, sent, dates.resolve("future" if planned else "past"), dates.resolve("past"))
        status = "planned" if planned else self.status(verb, when)
        return FoundEvent(
            etype, mode, source, target, False, when, status, None, sent, token, 0.7, self.people_in(sent)
        )

    def troop_movement(self, token: Token, sent: Span, dates: SentenceDates) -> list[FoundEvent]:
        """ "North Korean troops arrived in Russia": soldiers of one state moving to another is MOBILIZE; "German
        tanks reached Ukraine": one state's weapons arriving in another is AID (a delivery)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        lemma = noun_lemma(token)
        if lemma in self.classes["troops"]:
            etype, mode, trig = "MOBILIZE", "troops", _TROOPS
        elif lemma in self.classes["weapons"]:
            etype, mode, trig = "AID", "arms delivery", _ARMS
        elif lemma in self.classes["aid"] | self.classes["humanitarian"]:
            etype, mode, trig = "AID", "aid delivery", _CARGO  # "Chinese relief supplies reached Herat"
        else:
            return []
        receipt = self.receipt_of(token)
        if receipt is not None:
            if receipt.lemma_.lower() == "host":  # "hosted Russian nuclear weapons": stationed, still theirs
                etype, mode, trig = "MOBILIZE", "troops" if lemma in self.classes["troops"] else "weapons", _TROOPS
            elif lemma in self.classes["weapons"]:  # "received jets": aircraft delivered, not squadrons deployed
                etype, mode, trig = "AID", "arms delivery", _ARMS
            return self.delivery_received(token, receipt, etype, mode, trig, sent, dates)
        subject = token
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in QUANTITY_NOUNS:
            subject = token.head.head  # "a first group of instructors arrived"
        if mode == "aid delivery" and token.dep_ == "pobj" and token.head.head.lemma_.lower() in DELIVERY_NOUNS:
            subject = token.head.head  # "China's first shipment of relief supplies reached Herat"
        if subject is token and mode != "troops" and (carrier := self.carrier_of(token)) is not None:
            subject = carrier  # "a cargo containing Indian rocket launchers reached Armenia"
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return []
        owners = [c for c in token.lefts if c.dep_ in ("amod", "poss", "compound", "nmod")]
        if subject is not token:
            owners += [c for c in subject.lefts if c.dep_ in ("amod", "poss", "compound", "nmod")]
        # "instructors from Russia arrived in Mali", "a contingent of soldiers from Chad"
        owners += self.args.prep_objects(token, frozenset({"from"})) + self.args.prep_objects(
            subject, frozenset({"from"})
        )
        # "shells fired by Myanmar's army landed in Thailand": who fired them
        agents = [a for part in children_of(token, ("acl",)) for a in children_of(part, ("agent",))]
        owners += [p for a in agents for p in a.children]
        source = list(dict.fromkeys(self.args.phrase_actors(owners)))
        if len(source) != 1:
            return []
        verb = subject.head
        if etype == "AID" and verb.lemma_.lower() in INCURSION_VERBS:
            return []  # "the Russian warplane flew into Turkish airspace": an incursion, no delivery
        if etype == "AID" and lemma in self.classes["attack_weapons"] and verb.lemma_.lower() in IMPACT_VERBS:
            etype, mode, trig = "ASSAULT", "attack", _STRIKE  # "Myanmar army shells landed in Thai territory"
        elif etype == "AID" and verb.lemma_.lower() in BASING_VERBS:
            etype, mode, trig = "MOBILIZE", "weapons", _TROOPS  # "Russian nuclear arms were stationed in Belarus"
        target: list[str] = []
        for head in [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"]]:
            impact = etype == "ASSAULT" and head.lemma_.lower() in IMPACT_VERBS
            if head.lemma_.lower() not in MOVEMENT_VERBS and not impact:
                continue
            target = [
                a
                for a in self.args.phrase_actors(
                    self.args.prep_objects(head, TARGET_PREPS["MOBILIZE"])
                    # "troops began a retreat from Kherson": an object that names an act is no destination
                    + [d for d in children_of(head, ("dobj",)) if self.match_trigger(d) is None],
                    allow_places=True,
                )
                if a not in source
            ]
            if target:
                break
        cargo = self.cargo_of(token)
        if cargo is not None and etype == "MOBILIZE":
            # "a Turkish ship loaded with aid docked in El Arish, bound for Gaza": the goods are delivered
            etype, mode, trig = "AID", "aid delivery", _CARGO
            target = self.args.phrase_actors(cargo, allow_places=True) or target
        if not target or is_irrealis(verb, trig):
            return []
        return [self.moved(token, verb, etype, mode, source, target, sent, dates)]

    def obstructed(self, noun: Token) -> list[str]:
        """Whose bid or plan an objection named as the subject or agent of a stalling verb holds up."""
        if noun.dep_ == "nsubj":
            verb, stalled = noun.head, children_of(noun.head, ("dobj",))
        elif noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            verb, stalled = noun.head.head, children_of(noun.head.head, ("nsubjpass",))
        else:
            return []
        if verb.lemma_.lower() not in STALLING_VERBS:
            return []
        # (its owner: "Sweden's NATO accession" is Sweden's bid, NATO what it would join)
        return self.args.phrase_actors([c for s in stalled for c in s.children if c.dep_ in ("poss", "amod")])

    def submitters(self, request: Token) -> list[str]:
        """Who submitted, filed or made a request, named by the agent of its participle (which the parser hangs on
        the nouns of the request's own phrase as often as on the request: "the request for the indication of
        measures submitted by South Africa")."""
        submitted = [
            t for t in request.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in SUBMITTING_VERBS
        ]
        return self.args.phrase_actors(
            [p for c in submitted for a in children_of(c, ("agent",)) for p in children_of(a, ("pobj",))]
            + [p for c in submitted for p in self.args.by_phrases(c, ())]
        )

    @staticmethod
    def filings_of(token: Token) -> list[Token]:
        """The filing verbs in a trigger's phrase: "threatened to file a complaint", "vowed to take it to the ICJ"."""
        return [t for t in token.subtree if t.pos_ == "VERB" and t.lemma_.lower() in FILING_VERBS]

    def sends_goods(self, verb: Token, trig: Trigger) -> bool:
        """ "dispatched a convoy of trucks carrying food to Syria": sending vehicles with goods is a delivery."""
        return (
            trig.type == "MOBILIZE"
            and verb.pos_ == "VERB"
            and any(self.cargo_of(o) is not None for o in children_of(verb, ("dobj",)))
        )

    @staticmethod
    def carrier_of(goods: Token) -> Token | None:
        """The cargo, ship or convoy that carries these goods ("a cargo containing ...", "a ship loaded with ...")."""
        verb = goods.head.head if goods.dep_ == "pobj" and goods.head.lower_ == "with" else goods.head
        if goods.dep_ not in ("dobj", "pobj") or verb.dep_ != "acl" or verb.lemma_.lower() not in CARGO_VERBS:
            return None
        return verb.head

    def cargo_of(self, vehicle: Token) -> list[Token] | None:
        """What a ship, plane or convoy carries, when it is goods ("loaded with aid", "carrying medicine"): the
        places it is bound for (possibly none); None when it carries no goods."""
        goods = self.classes["humanitarian"] | self.classes["aid"] | self.classes["weapons"] | self.classes["money"]
        # ("a convoy of trucks carrying food": what the vehicles of a convoy carry)
        vehicles = [vehicle, *self.args.prep_objects(vehicle, frozenset({"of"}))]
        loads = [c for v in vehicles for c in v.children if c.dep_ == "acl" and c.lemma_.lower() in CARGO_VERBS]
        carried = [t for c in loads for t in c.subtree if t.lemma_.lower() in goods]
        if not carried:
            return None
        bound = [c for c in vehicle.head.children if c.lower_ == "bound"] + [
            c for c in vehicle.children if c.lower_ == "bound"
        ]
        # ("carrying food to Sudan": the parser hangs the destination on the carrying as often as on the goods)
        return [p for t in bound + carried + loads for p in self.args.prep_objects(t, frozenset({"for", "to"}))]

    def has_group_subject(self, token: Token) -> bool:
        subj, _ = self.args.subject_of(token) if token.pos_ in ("VERB", "AUX") else ([], False)
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj"):
            subj, _ = self.args.subject_of(token.head if token.dep_ == "dobj" else token.head.head)
        if token.pos_ == "NOUN" and any(c.lemma_.lower() in ("joint", "trilateral", "bilateral") for c in token.lefts):
            return True
        for s in subj:
            if s.lemma_.lower() in GROUP_WORDS:
                return True
            # "the foreign ministers of both nations"
            if any(p.lemma_.lower() in GROUP_WORDS for prep in children_of(s, ("prep",)) for p in prep.children):
                return True
        return False

    def group_actors(self, token: Token) -> list[str]:
        """For "as they met" or "the leaders agreed": the subject and objects of the sentence's main clause."""
        root = token
        while root.head.i != root.i:
            root = root.head
        if root.i == token.i:
            return []
        subj, _ = self.args.subject_of(root)
        objs = children_of(root, OBJECT_DEPS) + self.args.prep_objects(root, frozenset({"with"}))
        return list(dict.fromkeys(self.args.phrase_actors(subj) + self.args.phrase_actors(objs)))

    @staticmethod
    def is_judged_as(token: Token) -> bool:
        """ "viewing it as a threat", "is a threat to peace": a name given to something, not a threat made."""
        if token.pos_ != "NOUN":
            return False
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            return True
        return token.dep_ == "attr" and token.head.lemma_.lower() == "be"

    def is_anaphoric(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "such") for c in token.children
        )

    def status(self, token: Token, when: ResolvedDate | None) -> str:
        if self.is_planned(token, when):
            return "planned"
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        if verb.pos_ in ("VERB", "AUX"):
            if verb.tag_ in ("VBZ", "VBP") or (
                verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
            ):
                if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
                    return "ongoing"
            if verb.lemma_.lower() in ("continue", "remain", "persist"):
                return "ongoing"
        if any(c.lower_ in ("ongoing", "continuing", "current") for c in token.lefts):
            return "ongoing"
        return "occurred"

    def is_planned(self, token: Token, when: ResolvedDate | None) -> bool:
        verb = self.clause_verb(token)
        past = verb is not None and verb.tag_ == "VBD"  # "Seoul summoned the ambassador three days later"
        if when is not None and self.published is not None and not past:
            if when.value > self.published.isoformat()[: len(when.value)]:
                return True
        if any(c.lower_ in PLANNED_MODIFIERS for c in token.lefts):
            return True
        head = token
        for _ in range(3):
            if any(c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or reported_future(head, c)) for c in head.children):
                return True
            if head.i != token.i and head.lemma_.lower() in PLAN_VERBS and head.pos_ in ("VERB", "ADJ", "AUX"):
                return True
            if any(c.dep_ == "auxpass" for c in head.children) and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in head.children
            ):
                return True
            if head.head.i == head.i:
                break
            head = head.head
        return False

    def publication_date(self, token: Token, etype: str) -> ResolvedDate | None:
        """News writes what happened today in the present or present perfect ("X has accused Y", "X says"):
        a statement is dated to the publication day, another act to its month (a headline's "leaders meet" may
        be days old). Marked by empty text."""
        if self.published is None:
            return None
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        present = verb.tag_ in ("VBZ", "VBP") or (bool(aux & {"has", "have"}) and not aux & {"had"})
        if not present:
            return None
        if QUAD_CLASS_OF[etype] == "verbal_conflict" or etype == "SUPPORT":
            return ResolvedDate(self.published.isoformat(), "day", -1, -1, "")
        return ResolvedDate(self.published.isoformat()[:7], "month", -1, -1, "")

    def pick_date(
        self, token: Token, sent: Span, dates: list[ResolvedDate], past: list[ResolvedDate]
    ) -> ResolvedDate | None:
        """The date that belongs to this trigger: one attached to it, else one of a clause that governs it.
        A date inside another predicate ("the centre, inaugurated in 2016"; "agreed to meet in three months")
        belongs to that predicate. A plan announced in the past ("announced on Thursday that it would leave")
        takes the announcement's weekday as a past one (``past``: the same dates resolved backwards)."""
        past_at = {d.start: d for d in past}
        ancestors = {t.i for t in token.ancestors} | {token.i}
        own: list[tuple[int, ResolvedDate]] = []
        governing: list[tuple[int, ResolvedDate]] = []
        for d in dates:
            dtok = self.token_at(sent, d.start)
            if dtok is None or self.is_deadline(dtok):
                continue
            owner = self.date_owner(dtok, token)
            since = dtok.i > 0 and dtok.doc[dtok.i - 1].lower_ == "since"
            if token.pos_ == "NOUN" and since and (owner is None or owner.lemma_.lower() not in STATE_VERBS):
                continue  # "the first summit since 2020": the summit is not in 2020 (but "has been under sanctions
                # since 2019": the state of the verb began then)
            distance = abs(dtok.i - token.i)
            if owner is not None and owner.i != token.i and self.is_complement(owner, token):
                if self.is_time_limit(dtok):
                    continue  # "agreed to create a centre by 2024": when the centre is due, not the agreement
                own.append((distance, d))
            elif owner is not None and owner.i == token.i:
                own.append((distance, d))
            elif owner is None or owner.i in ancestors:
                if owner is not None and owner.tag_ == "VBD" and d.start in past_at:
                    d = past_at[d.start]
                governing.append((distance, d))
        for group in (own, governing):
            if group:
                return min(group, key=lambda pair: pair[0])[1]
        return None

    @staticmethod
    def is_deadline(dtok: Token) -> bool:
        """ "until the end of 2028", "by March": when an act ends or is due, not when it happened."""
        window = [*_words_before(dtok), dtok.lower_]
        return any(w in DEADLINE_WORDS for w in window) and not any(w in ("on", "since") for w in window[-2:])

    @staticmethod
    def is_time_limit(dtok: Token) -> bool:
        """ "by 2026", "by the end of March" (and not "signed by both leaders in March")."""
        before = _words_before(dtok)
        if "by" not in before:
            return False
        return all(w in BY_LIMIT_WORDS for w in before[len(before) - before[::-1].index("by") :])

    def is_complement(self, verb: Token, trigger: Token) -> bool:
        """ "agreed to restore contacts in talks Wednesday": the complement's date is the agreement's, unless
        the complement is an event of its own ("agreed to meet in three months")."""
        return verb.dep_ == "xcomp" and verb.head.i == trigger.i and self.match_trigger(verb) is None

    @staticmethod
    def token_at(sent: Span, offset: int) -> Token | None:
        char = sent.start_char + offset
        for t in sent:
            if t.idx <= char < t.idx + len(t.text) or t.idx >= char:
                return t
        return None

    def date_owner(self, dtok: Token, trigger: Token) -> Token | None:
        """The first predicate above a date token: the trigger itself, the nearest verb, or a noun naming another
        act ("condemned the June strikes": June dates the strikes, not the condemnation)."""
        t = dtok
        for _ in range(8):
            if t.i == trigger.i or t.pos_ in ("VERB", "AUX"):
                return t
            if t.i != dtok.i and t.pos_ == "NOUN" and self.match_trigger(t) is not None:
                return t
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def location(self, token: Token, sent: Span) -> str | None:
        """The place phrase of the clause: "in Lima", "at Camp David"; cities before countries."""
        best: tuple[int, str] | None = None
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in children_of(prep, ("pobj",)):
                name = self.place_name(pobj)
                if name:
                    distance = abs(prep.i - token.i)
                    if best is None or distance < best[0]:
                        best = (distance, name)
        return best[1] if best else None

    def place_name(self, tok: Token) -> str | None:
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or self.index.is_place_like(tok.i):
            span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if span is not None and span.label_ in ("GPE", "LOC", "FAC"):
                return span.text
            return tok.text
        return None

    def people_in(self, sent: Span) -> list[str]:
        ids = []
        for i in range(sent.start, sent.end):
            person = self.index.person.get(i)
            if person is not None and person.id not in ids:
                ids.append(person.id)
        return ids
