"""Who acts on whom in a sentence: the actor tokens of a doc, and the sides of a trigger from the dependency tree.

ActorIndex says which actor a token stands for (a state, organisation or group, an official standing for their
state, or a reference resolved by ingest/mentions.py). ArgumentFinder reads the sides of a trigger: its subject (or
a possessor, modifier or agent for a noun: "Russia's war", "the release of X by Y"), its target (the object or a
prepositional object: "to Russia", "against Ukraine"), and the third parties that broker it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from ingest.lexicon import object_classes
from ingest.nlp import ACTOR_SPANS
from ingest.people import Person
from ingest.syntax import misjoined_head
from service.shared import gazetteer

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "since", "because", "until"})
# Prepositions whose -ing clause has the subject of the verb they hang from: "said after meeting X".
CONTROLLING_PREPS = frozenset({"after", "before", "while", "upon", "on", "since", "during", "without", "when"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# Nouns whose owner does what the infinitive after them says, as decided or announced: "India's decision to cut ties".
# (Not "offer", "attempt", "threat" or "refusal": what they name is not done.)
DECISION_NOUNS = frozenset({"decision", "move", "announcement", "pledge", "commitment", "plan", "resolve"})
# A noun's modifiers that can name whose it is: "Russia's invasion", "the Israeli strikes", "US sanctions".
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Clauses whose actors belong to another predicate.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis", "csubj", "xcomp", "mark"})
# A verb's dependents that are clauses or phrases of their own, not part of what the verb acts on.
# A phrase that says when an act was done, after or before another one: not a side of it.
TIME_PREPS = frozenset({"after", "before", "since", "until", "amid", "during", "following"})
OTHER_CLAUSES = frozenset({"advcl", "relcl", "parataxis", "conj", "cc", "punct", "mark", "aux", "auxpass", "neg"})
# Verbs that head a clause of their own even without a subject of their own.
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "within", "around"})
TARGET_PREPS = {
    "default": frozenset({"to", "against", "on", "at", "with", "into", "toward", "towards", "upon"}),
    "AID": frozenset({"to", "for", "with", "in", "into"}),
    "SUPPORT": frozenset({"to", "for", "with", "behind", "of", "by"}),
    "MOBILIZE": frozenset(
        {"to", "into", "near", "toward", "towards", "against", "in", "inside", "alongside", "around"}
    ),
    "ASSAULT": frozenset({"against", "on", "at", "into", "in", "inside", "upon", "toward", "towards", "across"}),
    "CONSULT": frozenset({"with", "to", "between", "among"}),
    # partners are named with "with"; "on" and "at" name a topic or a venue ("share intelligence on China")
    "COOPERATE": frozenset({"with", "to", "between", "among", "alongside"}),
    "AGREE": frozenset({"with", "to", "between", "among"}),
    "PROTEST": frozenset({"against", "outside", "at", "near", "over", "in", "on"}),
    "RETREAT": frozenset({"to", "against", "on", "at", "with", "into", "toward", "towards", "upon", "from", "near"}),
    "REQUEST": frozenset(
        {"to", "against", "on", "at", "with", "into", "toward", "towards", "for", "over", "upon", "from"}
    ),
}
SOURCE_PREPS = frozenset({"by", "from"})
TO = frozenset({"to"})
# Those posted to a state or body: "Israel's envoy to the UN" speaks for Israel.
POSTED_NOUNS = frozenset({"envoy", "ambassador", "representative", "delegate", "delegation", "mission", "consul"})
# Verbs whose subject undergoes the act their object names ("faced sanctions"), and passives whose agent is an act
# ("were hit by tariffs").
RECEIVING_VERBS = frozenset(
    {"face", "suffer", "endure", "receive", "incur", "weather", "get", "draw", "attract", "accept", "obtain", "secure"}
)
# Prepositions that give an act as the reason or the setting of another ("lashed out at Israel over the raid"):
# the other act's sides are not its sides. ("Italy summoned the envoy after the arrests": after an act, its doer
# often acts again.)
CIRCUMSTANCE_PREPS = frozenset({"over", "amid", "despite", "because"})
# Verbs that thank or praise someone for what they gave: "thanked Japan for the aid".
GRATITUDE_VERBS = frozenset({"thank", "praise", "commend", "credit", "laud", "applaud", "hail"})
# Nouns that describe a named actor by its ties: "NATO member Turkey", "fellow EU member Hungary", "US ally Israel".
EPITHET_NOUNS = frozenset({"member", "ally", "partner", "neighbour", "neighbor"})
DEFIANCE_PREPS = frozenset({"despite", "notwithstanding"})
UNDERGOING_PASSIVES = frozenset({"hit", "affect", "target", "impact", "punish"})
# Acts that move things (troops, arms, money) from their owner: "the deployment of American troops".
MOVED_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT"})
# Acts whose target may be named by a place in it: "the shelling of Kharkiv", "strikes on targets in Lebanon".
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
# Verbs whose subject does not do the act of the noun they govern: "Hungary blocked the aid package".
NON_CARRIER_VERBS = frozenset(
    {
        "defend",
        "justify",
        "applaud",
        "hail",
        "endorse",
        "recognise",
        "recognize",
        "block",
        "oppose",
        "reject",
        "criticise",
        "criticize",
        "condemn",
        "denounce",
        "veto",
        "welcome",
        "praise",
        "support",
        "back",
        "demand",
        "urge",
        "request",
        "ask",
        "seek",
        "discuss",
        "consider",
        "review",
        "debate",
        "deny",
        "refuse",
        "fear",
        "protest",
        "question",
        "investigate",
        "report",
        "cite",
        "mention",
        "note",
        "see",
        "watch",
        "monitor",
        "follow",
        "blame",
        "accuse",
        "link",
        "tie",
        "connect",
        "attribute",
        "regret",
        "dismiss",
        "suspend",
        "halt",
        "end",
        "stop",
    }
)
INSTITUTION_NOUNS = frozenset(
    {
        "embassy",
        "ministry",
        "consulate",
        "mission",
        "office",
        "department",
        "agency",
        "delegation",
        "command",
        "cabinet",
    }
)
# Verbal acts whose target may be the subject of what is said: "demanded that X withdraw".
SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Who speaks for the state they are in: "officials in Canada", "authorities in Kyiv".
BASED_NOUNS = frozenset({"official", "authority", "government", "leader", "diplomat", "minister"})
# Verbs that name what something is: "called the strikes a massacre", "described it as unacceptable".
NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub", "characterise", "characterize"})
# Nouns that carry a statement: "issued a statement condemning X" is X condemned by whoever issued it.
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "note", "letter", "message"})
# Verbs that carry a text to someone: "sent a letter to Tehran threatening strikes" threatens whom it was sent to.
CONVEYING_VERBS = frozenset({"send", "deliver", "hand", "write", "address", "pass", "relay", "convey", "dispatch"})
LIGHT_NOUNS = frozenset(
    {
        "imposition",
        "announcement",
        "introduction",
        "approval",
        "launch",
        "start",
        "resumption",
        "delivery",
        "signing",
        "conclusion",
        "series",
        "round",
        "wave",
        "package",
    }
)
# Nouns that measure out the sanctions a state is under or faces: "various layers of US sanctions".
LAYER_NOUNS = frozenset({"layer", "raft", "series", "range", "set", "round", "wave", "battery", "slew"})
# Nouns that make a state named before them a topic: "the Taiwan issue", "the Korea question", "the Iran file".
TOPIC_NOUNS = frozenset({"issue", "question", "problem", "file", "dossier", "matter"})
# How long, as the object of the verb that carries the act: "held three days of talks" (not "after months of war").
DURATION_NOUNS = frozenset({"hour", "day", "week", "month", "year"})
LIST_NOUNS = frozenset({"list", "blacklist", "register"})
MEDIATION_LEMMAS = frozenset({"broker", "mediate", "facilitate", "host", "sponsor", "lead", "back", "chair"})
# Verbs whose subject is the third party itself: "Qatar brokered the truce", "Oman mediated the swap".
MEDIATION_VERBS = frozenset({"broker", "mediate", "facilitate"})
MEDIATION_NOUNS = frozenset({"auspice", "auspices", "mediation", "mediator", "brokering", "facilitation"})
VENUE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "venue", "eve"})
# Verbs of talks whose object is the subject discussed, not a party.
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "review", "examine", "consider", "raise", "explore"})
# Verbs of taking someone captive: with no agent, the state where it happens does it.
CAPTURE_VERBS = frozenset({"arrest", "detain", "jail", "imprison", "hold", "abduct", "kidnap"})
# Stretches of time that talks fill: "after a day of talks", "following weeks of negotiations".
SPAN_NOUNS = frozenset({"day", "hour", "week", "month", "year", "night", "session", "round", "series"})
# Prepositions that place an act by a stretch of talks: "agreed after talks", "left following negotiations".
SPAN_PREPS = frozenset({"after", "following", "before", "during", "since"})
NOUN_TARGET_PREPS = frozenset({"of"})  # "invasion of Ukraine", "bombing of Gaza"


class ActorIndex:
    """Which actor a token stands for: a state/organisation mention, or a person standing for their country."""

    def __init__(self, doc: Doc, people: list[Person]) -> None:
        self.doc = doc
        self.actor: dict[int, str] = {}
        self.form: dict[int, str] = {}
        self.person: dict[int, Person] = {}
        self.span_start: dict[int, Span] = {}
        self.groups: dict[int, list[str]] = {}  # "the two countries", "they": a reference to several actors
        actors = gazetteer.load_actors()
        for span in doc.spans[ACTOR_SPANS]:
            if span.root.dep_ == "compound" and span.root.head.lemma_.lower() in TOPIC_NOUNS:
                continue  # "cross the line on the Taiwan issue": a topic, not a party
            self.span_start[span.start] = span
            known = actors.get(span.label_)
            for i in range(span.start, span.end):
                self.actor[i] = span.label_
                # Regions and seas ("North American", "the Sea of Japan") are places, never actors.
                self.form[i] = "other" if known is not None and known.kind == "other" else span.kb_id_
        for end, members in _collectives_in(doc):
            if end not in self.actor:
                self.groups[end] = members  # "the leaders of five Nordic countries": the phrase's head word
        for person in people:
            for start, end in person.mentions:
                for i in range(start, end):
                    self.person[i] = person
                    if person.country:
                        self.actor[i] = person.country
                        self.form[i] = "person"

    def is_place_like(self, i: int) -> bool:
        """Cities and regions are places; a capital stands for its state unless it follows "in"/"at"."""
        return self.form.get(i) in ("place", "other")


def _collectives_in(doc: Doc) -> list[tuple[int, list[str]]]:
    """(index of the last word, members) of every collective name in the doc."""
    names = gazetteer.collectives()
    longest = max(map(len, names), default=0)
    firsts = {name[0] for name in names}
    lowers = [t.lower_ for t in doc]  # read once: slicing the doc per position and length costs a fifth of the rules
    found = []
    for i, first in enumerate(lowers):
        if first not in firsts:
            continue
        for n in range(longest, 0, -1):
            words = tuple(lowers[i : i + n])
            if len(words) == n and words in names:
                found.append((i + n - 1, names[words]))
                break
    return found


def done_together(noun: Token) -> bool:
    """ "in coordination with X", "in partnership with X", "with Saudi cooperation": the noun says how an act was
    done, together with X."""
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ == "in":
        return any(c.lower_ == "with" for c in noun.children)
    return noun.head.lower_ == "with" and any(c.dep_ in ("amod", "compound", "poss") for c in noun.children)


def children_of(token: Token, deps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    # (a tuple or a set as given: this runs some 50,000 times an article set, so no set is built per call)
    return [c for c in token.children if c.dep_ in deps]


def is_condition(clause: Token) -> bool:
    """An "if" or "unless" clause: "(China will respond) if the US insists"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


def is_infinitive(clause: Token) -> bool:
    """ "to enter", "to stop supplying": a clause with its own "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def with_conjuncts(tokens: Iterable[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        yield from t.conjuncts


class ArgumentFinder:
    def __init__(self, index: ActorIndex, published: date | None) -> None:
        self.index = index
        self.published = published
        classes = object_classes()
        self.moved_things = classes["troops"] | classes["weapons"] | classes["money"] | classes["humanitarian"]

    # -- actors inside a phrase ---------------------------------------------------------------------------------
    def actors_in(self, head: Token, *, allow_places: bool = False, through_places: bool = False) -> list[str]:
        """Actors named in a noun phrase, not descending into clauses or (unless ``through_places``) locative
        phrases; a participle's agent counts ("the plan put forward by France")."""
        found: list[tuple[str, int]] = []  # each actor with the conjunct it was named in
        stack = [(head, head.i)]
        while stack:
            tok, branch = stack.pop()
            actor = self.index.actor.get(tok.i)
            if actor and (
                allow_places
                or not self.index.is_place_like(tok.i)
                or tok.dep_ in SUBJECT_DEPS
                or self._is_possessor(tok)
            ):
                found.append((actor, branch))
            found += [(member, branch) for member in self.index.groups.get(tok.i, ())]
            counterpart = tok.lemma_.lower() == "counterpart"
            for child in tok.children:
                if counterpart and child.dep_ == "poss":
                    continue  # "his counterparts in both countries": the other side's, not his own state
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    stack += [(p, branch) for a in children_of(child, ("agent",)) for p in children_of(a, ("pobj",))]
                    continue
                if (child.dep_ in CLAUSE_DEPS and child.dep_ != "conj") or self.is_second_thing(child):
                    continue
                if (
                    actor
                    and child.dep_ in ("compound", "nmod", "amod", "appos")
                    and child.lemma_.lower() in EPITHET_NOUNS
                ):
                    continue  # "NATO member Turkey", "Lithuania, an EU member,": describes the actor, not a second one
                if child.dep_ == "prep" and (
                    (child.lower_ in LOCATIVE_PREPS and not through_places and not self._is_affiliation(child))
                    or self._is_venue(child)
                ):
                    continue
                stack.append((child, child.i if child.dep_ == "conj" else branch))
        # "Yemen's Houthi rebels", "the Sudanese RSF": a group's home state named as its modifier is no second actor;
        # in "the Sudanese army and the RSF" the army is another conjunct, and stays
        homes = {(a.removesuffix("_REB"), branch) for a, branch in found if a.endswith("_REB")}
        return list(dict.fromkeys(a for a, branch in found if (a, branch) not in homes))

    @staticmethod
    def _is_affiliation(prep: Token) -> bool:
        """ "the counselor at the Chinese Embassy", "an official in the foreign ministry", "his counterparts in
        both countries": who they work for."""
        if prep.head.lemma_.lower() == "counterpart":
            return True
        return any(p.lemma_.lower() in INSTITUTION_NOUNS for p in prep.children if p.dep_ == "pobj")

    @staticmethod
    def _is_venue(prep: Token) -> bool:
        """ "on the sidelines of the APEC summit": the organisation hosts the venue, it does not take part."""
        return any(p.lemma_.lower() in VENUE_NOUNS for p in prep.children if p.dep_ == "pobj")

    def _is_possessor(self, tok: Token) -> bool:
        head = tok
        while head.dep_ == "compound":
            head = head.head
        return head.dep_ == "poss"

    def is_second_thing(self, conj: Token) -> bool:
        """ "its support for militias and its ties with Iran": a conjunct noun with its own possessor and no actor
        of its own (unlike "his Russian counterpart Putin") is another thing, not another actor of the phrase."""
        if conj.dep_ != "conj" or conj.pos_ != "NOUN" or conj.i in self.index.actor:
            return False
        own = [t for c in conj.children if c.dep_ not in ("prep", "poss", "conj", "cc") for t in c.subtree]
        return any(c.dep_ == "poss" for c in conj.children) and not any(t.i in self.index.actor for t in own)

    def phrase_actors(
        self, tokens: Iterable[Token], *, allow_places: bool = False, through_places: bool = False
    ) -> list[str]:
        out: list[str] = []
        for t in with_conjuncts(tokens):
            if self.is_second_thing(t):
                continue
            for a in self.actors_in(t, allow_places=allow_places or through_places, through_places=through_places):
                if a not in out:
                    out.append(a)
        return out

    # -- sides of a trigger -------------------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> tuple[list[Token], bool]:
        """The subject tokens of a verb, climbing through xcomp/conj/advcl chains; and whether it is passive."""
        tok = misjoined_head(verb) or verb
        controlled = False  # reached through "to <verb>": "Kenya is set to meet Somalia", "was asked to leave"
        for _ in range(4):
            subj = children_of(tok, SUBJECT_DEPS)
            if subj and tok.dep_ == "relcl" and all(s.tag_ in ("WDT", "WP") for s in subj):
                # "the summit which condemned": the relative pronoun is its head noun
                return self._antecedent(tok.head), False
            if subj:
                # headlines join subjects with a comma: "India, Britain seal trade deal"
                listed = [
                    c
                    for c in children_of(tok, ("npadvmod",))
                    if c.i < subj[0].i and c.pos_ == "PROPN" and c.nbor().text == "," and c.i in self.index.actor
                ]
                return listed + subj, False
            passive = children_of(tok, PASSIVE_SUBJECT_DEPS)
            if passive:
                # the passive is the governing verb's; the infinitive's own voice decides ("to be sanctioned"), and a
                # gerund is active ("was received at the White House, meeting the US president")
                gerund = tok is not verb and verb.tag_ == "VBG" and verb.dep_ == "advcl"
                return passive, not gerund and (not controlled or any(c.dep_ == "auxpass" for c in verb.children))
            if tok.dep_ == "relcl":
                return self._antecedent(tok.head), False
            # "Kyrgyzstan had earlier accused ...": the small model sometimes hangs the subject on the auxiliary
            misattached = [s for aux in children_of(tok, ("aux",)) for s in children_of(aux, SUBJECT_DEPS)]
            if misattached:
                return misattached, False
            if tok.dep_ == "advcl":
                # "sirens sounded as Iran launched drones": the small model reads "as Iran" as a phrase of the
                # main verb; the noun just before the verb is its subject
                misread = [
                    p
                    for prep in children_of(tok.head, ("prep",))
                    if prep.lower_ in SUBORDINATORS and prep.i < tok.i
                    for p in children_of(prep, ("pobj",))
                    if p.i < tok.i
                ]
                if misread:
                    return misread, False
            if tok.dep_ == "xcomp":
                # "the incursion led Mexico to break ties", "urged Iran to free them": the object does it
                controllers = children_of(tok.head, ("dobj",))
                if controllers and self.phrase_actors(controllers):
                    return controllers, False
            if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
                if tok.head.lower_ in CONTROLLING_PREPS and tok.head.head.pos_ in ("VERB", "AUX"):
                    # "spoke to reporters after meeting Scholz": whoever spoke met him
                    tok = tok.head.head
                    continue
                # "accused China's coastguard of firing": the accused is the one who fired
                objects = children_of(tok.head.head, ("dobj",))
                if objects:
                    return objects, False
            if tok is verb and tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBD") and tok.head.pos_ in ("PROPN", "NOUN"):
                # "Salman, speaking after a meeting with X, said": the one speaking met X; a finite verb read as a
                # modifier ("Erdogan, who flew to Baku, hailed Azerbaijan") is the noun's own predicate
                return [tok.head], False
            if tok.dep_ == "acl" and is_infinitive(tok) and tok.head.lemma_.lower() in DECISION_NOUNS:
                # "India's decision to downgrade ties", "the move by Chile to expel the envoy": whose decision it is
                # does what it decides
                owners = self.decision_owners(tok.head)
                if owners:
                    return owners, False
            if tok.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") and tok.head.i != tok.i:
                controlled = tok.dep_ == "xcomp" and (tok is verb or controlled)
                tok = tok.head
                continue
            if tok.dep_ == "attr" and tok.head.lemma_.lower() == "be" and tok.i != verb.i:
                tok = tok.head  # "Prague was the first capital to expel a Russian diplomat": the subject of "was"
                continue
            if tok.dep_ in ("dobj", "pobj") and tok.lemma_.lower() in STATEMENT_NOUNS and tok.i != verb.i:
                tok = tok.head if tok.dep_ == "dobj" else tok.head.head  # "issued a statement criticising X"
                continue
            break
        return [], False

    def decision_owners(self, noun: Token) -> list[Token]:
        """Who a decision is: "India's decision", "the Indian decision", "the decision by Chile"."""
        owners = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i in self.index.actor]
        owners += [
            p
            for prep in children_of(noun, ("prep", "agent"))
            if prep.lower_ == "by"
            for p in children_of(prep, ("pobj",))
        ]
        return owners if self.phrase_actors(owners) else []

    @staticmethod
    def _antecedent(noun: Token) -> list[Token]:
        """ "Prague was the first capital to expel a diplomat": a noun that says what the subject of "be" is
        stands for that subject."""
        if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
            subject = children_of(noun.head, ("nsubj",))
            if subject:
                return subject
        return [noun]

    def verb_sides(self, trig: Token, etype: str) -> tuple[list[str], list[str]]:
        subj, passive = self.subject_of(trig)
        if trig.lower_ == "committed" and etype == "SUPPORT":
            passive = False  # "Britain is committed to Estonia's security": a stance of the subject's
        if not subj and etype in SYMMETRIC_TYPES and trig.dep_ == "acl" and trig.tag_ == "VBN":
            # "the accord signed by Serbia and Kosovo": the participle's agents are the parties (not the subject of
            # the clause the noun is in: "Germany criticised the accord signed by ...")
            subj, passive = [trig.head], bool(children_of(trig, ("agent",)))
        preps = TARGET_PREPS.get(etype, TARGET_PREPS["default"])
        objects = children_of(trig, OBJECT_DEPS)
        pobjs = self.prep_objects(trig, preps)
        if etype == "CONSULT" and trig.lemma_.lower() in TOPIC_VERBS:
            # "Macron and Scholz discussed Ukraine": what is discussed takes no part; "discussed trade with Syria":
            # the parser hangs the partner on the topic
            pobjs += [p for o in objects for p in self.prep_objects(o, frozenset({"with"}))]
            objects = []
        # ("endorsed by ECOWAS leaders": the small model may tag the name a verb, "pcomp" of "by")
        agents = [p for a in children_of(trig, ("agent",)) for p in children_of(a, ("pobj", "pcomp"))]
        if (
            not agents
            and trig.tag_ in ("VBN", "VBD")  # (a sentence's first word is often tagged VBD)
            and trig.dep_ in ("advcl", "acl")
            and not children_of(trig, ("aux", "nsubj"))
        ):
            # "Designated a terrorist group by Britain and Canada, the Houthis ...": a participle's "by" names its
            # doers, and the clause's subject undergoes it
            agents = self.by_phrases(trig, ("dobj",))
            passive = passive or bool(agents)
        if passive and not agents:
            # "was designated a state sponsor of terrorism by the United States": the parser hangs "by" on the
            # object the passive names the subject, or as a preposition of the verb
            agents = self.by_phrases(trig, ("dobj", "oprd", "attr"))
        if passive:
            source = self.phrase_actors(agents)
            target = self.phrase_actors(subj) + self.phrase_actors(pobjs)
            lists = [p for p in self.prep_objects(trig, frozenset({"to", "on"})) if p.lemma_.lower() in LIST_NOUNS]
            if not source and etype == "SANCTION" and lists:
                # "six Iranian firms were added to the US entity list": whose list it is
                source = self.phrase_actors(lists)
                target = [t for t in target if t not in source]
            if not source and etype in MOVED_TYPES:
                # "the first batch of American tanks was delivered to Ukraine": whose things were delivered
                moved = [p for s in subj for p in [s, *self.prep_objects(s, frozenset({"of"}))]]
                moved = [m for m in moved if m.lemma_.lower() in self.moved_things]
                source = self.phrase_actors(c for m in moved for c in m.children if c.dep_ in ("amod", "compound"))
                # "drones provided by Turkey were delivered to Somalia": whoever the things come from
                makers = [
                    p
                    for m in moved
                    for part in children_of(m, ("acl",))
                    if part.tag_ == "VBN"
                    for a in children_of(part, ("agent",))
                    for p in children_of(a, ("pobj",))
                ]
                source = source or self.phrase_actors(makers)
                target = (
                    [t for t in self.phrase_actors(pobjs, allow_places=True) if t not in source] if source else target
                )
        else:
            source = self.subject_actors(subj)
            target = self.phrase_actors(objects) + self.phrase_actors(pobjs, allow_places=etype != "CONSULT")
            things = [o for o in objects if o.lemma_.lower() in self.moved_things]
            if etype in MOVED_TYPES and things:
                # "transferred seized Iranian weapons to Ukraine": where things go is the target, not their maker
                # (the parser may hang "to Ukraine" on the things)
                bound = pobjs + [p for o in things for p in self.prep_objects(o, preps)]
                target = self.phrase_actors(bound, allow_places=True) or target
        if not target and etype in MOVED_TYPES:
            # "deposited $3 billion in the central bank of Pakistan": where the things go hangs from them
            target = self.phrase_actors([p for o in objects for p in self.prep_objects(o, preps)], allow_places=True)
        if not target and etype == "CONCEDE":
            # "reopened the border crossing with Gaza": where the passage leads ("let trucks carrying flour into
            # Gaza": the parser may hang it on the carrying)
            passage = frozenset({"with", "to", "into"})
            heads = objects + [c for o in objects for c in children_of(o, ("acl",))]
            target = self.phrase_actors([p for h in heads for p in self.prep_objects(h, passage)], allow_places=True)
        if not target and etype in PLACE_TARGET_TYPES:
            # "bombed targets in Lebanon", "Kharkiv was shelled": the place struck names the state struck
            struck = subj if passive else objects
            target = self.phrase_actors(struck, allow_places=True, through_places=True)
            if not target and not passive:
                # "pulled out of villages in southern Lebanon", "fired on towns in Kashmir"
                target = self.phrase_actors(pobjs, through_places=True)
        if not target and etype in SPEECH_ACT_TYPES:
            # "demanded that Lithuania recall its envoy", "insisted that X withdraw": the clause's subject.
            # "called for Moscow to return them": the parser makes that clause adverbial, marked by "for"
            clauses = children_of(trig, ("ccomp",)) + [
                c for c in children_of(trig, ("advcl",)) if any(m.lower_ == "for" for m in children_of(c, ("mark",)))
            ]
            for clause in clauses:
                target = [a for a in self.phrase_actors(children_of(clause, ("nsubj", "nsubjpass"))) if a not in source]
                if not target and etype == "THREATEN":
                    # "warned that they would target Israeli ships": what the speaker says it will strike
                    target = self.phrase_actors(
                        children_of(clause, OBJECT_DEPS) + self.prep_objects(clause, TARGET_PREPS["ASSAULT"]),
                        allow_places=True,
                        through_places=True,
                    )
                if not target and etype == "THREATEN":
                    # "warned it would retaliate if Washington kept arming Taiwan": whoever the condition names
                    target = [a for a in self.condition_actors(clause) if a not in source]
                if target:
                    break
        if not target and etype == "THREATEN":
            # "threatened to shut the border if Phnom Penh did not withdraw": whoever the condition names
            heads = [trig, *children_of(trig, ("xcomp",))]
            target = [a for h in heads for a in self.condition_actors(h) if a not in source]
        if etype == "COERCE" and trig.lemma_.lower() in CAPTURE_VERBS and not agents:
            if trig.dep_ == "acl" and trig.tag_ == "VBN" and not target and self.dated(trig):
                # "a Swedish national arrested in Iran in 2023" reports the arrest; "Palestinians imprisoned in
                # Israel", undated, describes whom a deal concerns
                target = self.phrase_actors([trig.head])
            if (passive or trig.dep_ == "acl") and not source:
                # "was detained in Iran": with no one named, the state where one is held holds them
                held_in = self.phrase_actors(self.prep_objects(trig, frozenset({"in"})), allow_places=True)
                source = [a for a in held_in if a not in target]
        if not target and trig.lemma_.lower() == "blame":
            # "blamed the move on Vilnius's decision": the parser hangs "on" on what is blamed
            target = [
                a
                for a in self.phrase_actors([p for o in objects for p in self.prep_objects(o, frozenset({"on"}))])
                if a not in source
            ]
        if not target and etype in SPEECH_ACT_TYPES and trig.dep_ in ("advcl", "acl"):
            target = self.addressees(trig)
        if not target and etype in SPEECH_ACT_TYPES and trig.dep_ == "conj" and trig.head.pos_ == "VERB":
            # "accused Baku of shelling its villages and warned of a forceful response": the same addressee
            target = [a for a in self.phrase_actors(children_of(trig.head, ("dobj",))) if a not in source]
        if not target:
            # "provided missiles to aid Russia's incursion": the purpose clause names the target.
            for child in trig.children:
                if etype == "CONSULT" and child.lemma_.lower() in TOPIC_VERBS:
                    continue  # "met in Warsaw to discuss Russian drone incursions": a topic, no participant
                if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and not self.has_own_subject(child):
                    target = self.phrase_actors(
                        children_of(child, OBJECT_DEPS), through_places=etype in PLACE_TARGET_TYPES | {"THREATEN"}
                    ) + self.phrase_actors(self.prep_objects(child, preps))
                elif child.dep_ == "ccomp" and etype == "CONCEDE" and is_infinitive(child):
                    # "allowed aid trucks to enter Gaza": where the access leads
                    target = self.phrase_actors(
                        children_of(child, OBJECT_DEPS) + self.prep_objects(child, preps), allow_places=True
                    )
                if target:
                    break
        return source, [t for t in target if t not in source] if etype not in SYMMETRIC_TYPES else target

    def by_phrases(self, verb: Token, object_deps: tuple[str, ...]) -> list[Token]:
        """What "by" names on a verb or on its objects of these kinds: agents the parser did not mark as such."""
        by = frozenset({"by"})
        return self.prep_objects(verb, by) + [
            p for o in children_of(verb, object_deps) for p in self.prep_objects(o, by)
        ]

    @staticmethod
    def has_own_subject(clause: Token) -> bool:
        """ "after the US sold missiles to Taiwan", "because Seoul refused": a clause with a subject or a
        conjunction of its own tells another act, not the purpose of this one ("to aid Russia's incursion")."""
        return bool(children_of(clause, ("nsubj", "nsubjpass", "mark"))) and not is_infinitive(clause)

    def addressees(self, speech: Token) -> list[str]:
        """Whom a text was sent to, for the act it performs: "sent a letter to Khamenei threatening strikes",
        "a message delivered to Seoul urging restraint"."""
        carrier = speech.head
        if carrier.dep_ in ("dobj", "nsubjpass") and carrier.lemma_.lower() in STATEMENT_NOUNS:
            carrier = carrier.head  # "a letter (sent to X) urging": the participle hangs on the letter
        if carrier.pos_ != "VERB" or carrier.lemma_.lower() not in CONVEYING_VERBS:
            return []
        return self.phrase_actors(self.prep_objects(carrier, frozenset({"to"})))

    def condition_actors(self, verb: Token) -> list[str]:
        """The subjects of a verb's conditions: "(China will respond) if the US insists", "unless Seoul stops"."""
        conditions = [clause for clause in verb.children if is_condition(clause)]
        return self.phrase_actors([s for clause in conditions for s in children_of(clause, ("nsubj", "nsubjpass"))])

    def mediators(self, trig: Token) -> list[str]:
        """Third parties that broker an act: "the US-brokered deal", "talks mediated by Qatar",
        "under the auspices of the UN"."""
        found: list[str] = []
        # a verb's object phrase too: "signed a Russian-brokered deal"
        objects = children_of(trig, ("dobj", "nsubjpass")) if trig.pos_ == "VERB" else []
        words = list(trig.subtree) if trig.pos_ != "VERB" else [trig, *(t for o in objects for t in o.subtree)]
        verb = trig if trig.pos_ == "VERB" else trig.head if trig.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        for prep in children_of(verb, ("prep",)) if verb is not None else ():
            # "met with Omani mediators", "talks continued with Kenyan mediation"
            words += [p for p in prep.children if p.lemma_.lower() in MEDIATION_NOUNS]
        if trig.pos_ == "VERB" and trig.lemma_.lower() in MEDIATION_VERBS:
            found += self.doers_of(trig)  # "the United States helped broker the deal"
        head = trig.head
        if trig.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() in MEDIATION_LEMMAS:
            words.append(head)  # "the deal was mediated by the UAE"
        for tok in words:
            lemma = tok.lemma_.lower()
            if lemma in MEDIATION_LEMMAS:
                before = tok.doc[tok.i - 2] if tok.i >= 2 else None
                if tok.i >= 2 and tok.doc[tok.i - 1].text in ("-", "–") and before is not None:
                    actor = self.index.actor.get(before.i)
                    if actor:
                        found.append(actor)  # "US-brokered"
                for agent in children_of(tok, ("agent",)):
                    found += self.phrase_actors(children_of(agent, ("pobj",)))
            if lemma in MEDIATION_NOUNS:
                for prep in children_of(tok, ("prep",)):
                    if prep.lower_ == "of":
                        found += self.phrase_actors(children_of(prep, ("pobj",)))
                # "with Omani mediation", "Egyptian mediators", "Qatar's mediation"
                found += self.phrase_actors(c for c in tok.children if c.dep_ in ("amod", "poss", "compound"))
                if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX"):
                    found += self.doers_of(tok.head.head)  # "Oman acted as a mediator between them"
                elif tok.dep_ == "appos":
                    found += self.phrase_actors([tok.head])  # "Oman, a mediator between them,"
        return list(dict.fromkeys(found))

    def clause_sides(
        self, trig: Token, etype: str, source: list[str], target: list[str]
    ) -> tuple[list[str], list[str]]:
        """A looser reading for a trigger whose own phrases name too few sides: the subject of its clause acts
        ("Mali decided to withdraw from ECOWAS"), and the actors anywhere inside the trigger's phrase are the other
        side ("filed protests at the presence of Chinese vessels"). Places stay places."""
        head = trig
        while head.head.i != head.i and not (
            head.pos_ in ("VERB", "AUX")
            and (children_of(head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) or head.dep_ in CLAUSE_HEAD_DEPS)
        ):
            if head.dep_ == "acl" and not source:
                # "the decision by Brazil to close its border", "Brazil's decision to close it": the noun's owner
                noun = head.head
                owners = [c for c in noun.children if c.dep_ == "poss"] + [
                    p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in c.children
                ]
                source = self.phrase_actors(owners)
            head = head.head
        if (
            not source
            and head.pos_ in ("VERB", "AUX")
            and (head is trig or head.lemma_.lower() not in NON_CARRIER_VERBS | NAMING_VERBS)
        ):
            source = self.doers_of(head)  # (but "China condemned the sanctions against Iran" imposed none)
        if target and etype not in SYMMETRIC_TYPES:
            return source, target
        found = list(target)
        # "objections from Jordan's king, who had rejected any displacement of Gazans": a relative clause below the
        # trigger says what its participants did elsewhere
        elsewhere = {t.i for r in trig.subtree if r.dep_ == "relcl" and r.i != trig.i for t in r.subtree}
        # The trigger's own phrase: a noun's subtree, a verb's complements (not its subject, nor other clauses).
        own = [
            t
            for child in trig.children
            if trig.pos_ not in ("VERB", "AUX") or child.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OTHER_CLAUSES
            if not (child.dep_ == "prep" and child.lower_ in TIME_PREPS)  # "cut ties after a Hamas attack"
            for t in child.subtree
            if t.i not in elsewhere
        ]
        for tok in sorted(own, key=lambda t: t.i):
            members = list(self.index.groups.get(tok.i, ()))
            actor = self.index.actor.get(tok.i)
            if actor and (not self.index.is_place_like(tok.i) or self._is_possessor(tok)):
                members.append(actor)
            members = [m for m in members if m not in found and m not in source]
            if members and etype not in SYMMETRIC_TYPES:
                # a directed act has one other side: the first actor named, with the actors listed beside it
                head = tok
                while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != head.i:
                    head = head.head
                listed = [a for a in self.phrase_actors([head]) if a not in source]
                return source, list(dict.fromkeys(members + listed))
            found += members
        return source, found

    def doers_of(self, verb: Token) -> list[str]:
        """The actors of the verb's subject when it acts; none for a passive, whose subject undergoes the act."""
        subj, passive = self.subject_of(verb)
        return [] if passive else self.subject_actors(subj)

    def subject_actors(self, subj: list[Token]) -> list[str]:
        actors = self.phrase_actors(subj)
        # "Israel's envoy to the UN slammed the vote": where an envoy is posted is not who speaks
        posted = [p for s in with_conjuncts(subj) if s.lemma_.lower() in POSTED_NOUNS for p in self.prep_objects(s, TO)]
        if posted:
            actors = [a for a in actors if a not in self.phrase_actors(posted)] or actors
        if actors:
            return actors
        # "officials in Brazil and Argentina denounced ...": the officials of the states they are in
        based = [p for s in subj if s.lemma_.lower() in BASED_NOUNS for p in self.prep_objects(s, frozenset({"in"}))]
        if based:
            return self.phrase_actors(based, allow_places=True)
        for s in subj:
            if s.pos_ == "PRON" and s.lower_ in ("he", "she"):
                person = self.previous_person(s)
                if person and person.country:
                    return [person.country]
            if s.pos_ == "PRON" and s.lower_ == "it":
                actor = self._previous_subject_actor(s)
                if actor:
                    return [actor]
        return []

    def _previous_subject_actor(self, token: Token) -> str | None:
        """ "it" as a subject: the state or body that was the last subject before it."""
        for i in range(token.i - 1, max(-1, token.i - 80), -1):
            tok = token.doc[i]
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                actors = self.actors_in(tok)
                return actors[0] if len(actors) == 1 else None
        return None

    def previous_person(self, token: Token) -> Person | None:
        # "al-Sisi, with whom he met": a pronoun inside a relative clause is not the person the clause describes
        clause = token.head if token.head.dep_ == "relcl" else None
        described = range(clause.head.left_edge.i, clause.head.i + 1) if clause is not None else range(0)
        for i in range(token.i - 1, max(-1, token.i - 120), -1):
            person = self.index.person.get(i)
            if person is not None and i not in described:
                return person
        return None

    def prep_objects(self, head: Token, preps: frozenset[str]) -> list[Token]:
        out = []
        # "sent aid to Gaza": the parser often makes the "to" of a giving verb a dative, still a preposition
        for prep in children_of(head, ("prep", "dative")):
            if prep.pos_ == "ADP" and prep.lower_ in preps and not self._in_mind(prep):
                out.extend(children_of(prep, ("pobj",)))
        particles = children_of(head, ("prt", "advmod")) + [
            c
            for c in children_of(head, ("prep",))
            if c.lower_ in ("out", "away")  # "pulled out of Kherson"
        ]
        for prt in particles:
            for prep in children_of(prt, ("prep",)):
                if prep.lower_ in preps or (prt.lower_ == "out" and prep.lower_ == "of" and "from" in preps):
                    out.extend(children_of(prep, ("pobj",)))
        return out

    def _following_prep_objects(self, trig: Token, preps: frozenset[str]) -> list[Token]:
        """The parser often attaches "dispatch [to Russia]" to the verb; the words right after the noun decide."""
        nxt = trig.i + 1
        if nxt < len(trig.doc) and trig.doc[nxt].dep_ == "prep" and trig.doc[nxt].lower_ in preps:
            return children_of(trig.doc[nxt], ("pobj",))
        return []

    @staticmethod
    def governing_verb(noun: Token) -> Token | None:
        """The verb a noun trigger hangs from: "launched strikes", "talks were held", "agreed in talks"."""
        if noun.dep_ == "conj":
            noun = noun.head
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LIGHT_NOUNS:
            return ArgumentFinder.governing_verb(head.head)  # "announced the imposition of sanctions"
        if (
            noun.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in DURATION_NOUNS
            and head.head.dep_ == "dobj"
        ):
            return ArgumentFinder.governing_verb(head.head)  # "wrapped up two weeks of joint drills"
        if (
            noun.dep_ == "pobj"
            and head.lower_ in ("on", "for")
            and head.head.lemma_.lower() in object_classes()["agreement"]
        ):
            return ArgumentFinder.governing_verb(head.head)  # "signed a memorandum on cooperation"
        if done_together(noun):
            return ArgumentFinder.governing_verb(head.head)  # "ran the flights in cooperation with Ethiopia"
        return None

    @staticmethod
    def dated(verb: Token) -> bool:
        return any(p.ent_type_ == "DATE" for prep in children_of(verb, ("prep",)) for p in children_of(prep, ("pobj",)))

    @staticmethod
    def span_of_talks(noun: Token) -> Token | None:
        """The verb a stretch of talks is told around or done by: "agreed after two days of talks", "left after hours
        of negotiations", "concluded two days of talks"."""
        head = noun.head
        if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.lemma_.lower() not in SPAN_NOUNS:
            return None
        span = head.head
        if span.dep_ == "pobj" and span.head.lower_ in SPAN_PREPS and span.head.head.pos_ in ("VERB", "AUX"):
            return span.head.head
        if span.dep_ == "dobj" and span.head.pos_ == "VERB":
            return span.head  # "wrapped up two days of talks", "held three rounds of negotiations"
        return None

    @staticmethod
    def receiver_of(noun: Token, verb: Token | None) -> Token | None:
        """The verb whose subject undergoes the act a noun names: "faced sanctions", "hit by tariffs"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LAYER_NOUNS:
            noun, head = head.head, head.head.head  # "under various layers of US sanctions", "a raft of tariffs"
            verb = head if noun.dep_ == "dobj" else verb
        if verb is not None and noun.dep_ == "dobj" and verb.lemma_.lower() in RECEIVING_VERBS:
            return verb
        if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in UNDERGOING_PASSIVES:
            return head.head
        if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            return head.head  # "Syria has remained under US sanctions": its subject bears them
        if noun.dep_ == "pobj" and head.lower_ in DEFIANCE_PREPS:
            # "Turkey bought the missiles despite warnings from the US": the warned bought them (the parser may
            # hang "despite" on the object: "went ahead with the purchase despite ...")
            return next((v for v in head.ancestors if v.pos_ in ("VERB", "AUX")), None)
        return None

    def targets_in_agents(self, agents: list[Token], preps: frozenset[str], *, allow_places: bool) -> list[str]:
        """ "strikes by Israel and the US on Iran": the parser often hangs the target on the last agent."""
        hung = [
            p
            for a in agents
            for t in a.subtree
            if t.dep_ == "prep" and t.lower_ in preps
            for p in children_of(t, ("pobj",))
        ]
        return self.phrase_actors(hung, allow_places=allow_places)

    @staticmethod
    def _in_mind(prep: Token) -> bool:
        """ "with North Korea in mind": what someone thinks of, not who takes part."""
        if prep.lower_ != "with":
            return False
        near = list(prep.subtree) + [t for c in prep.head.children if c.lower_ == "in" for t in c.subtree]
        return any(t.lower_ == "mind" for t in near)

    def noun_sides(self, trig: Token, etype: str) -> tuple[list[str], list[str]]:
        while trig.dep_ == "compound" and trig.head.pos_ in ("NOUN", "PROPN"):
            trig = trig.head  # "a military aid package to Ukraine": the phrase's head carries the arguments
        preps = TARGET_PREPS.get(etype, TARGET_PREPS["default"])
        modifiers = [
            c
            for c in trig.lefts
            if c.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod")
            and c.lemma_.lower() not in MEDIATION_VERBS  # "US-brokered talks": the broker is no party (mediators())
        ]
        of_objects = self.prep_objects(trig, NOUN_TARGET_PREPS)
        # "the release of two nationals by Iran": the agent of a nominalised act is its source, wherever "by" hangs
        # "the talks held by Serbia and Kosovo": a participle's agent does what the noun names
        participles = [c for c in children_of(trig, ("acl",)) if c.tag_ == "VBN"]
        agents = [
            p
            for head in [trig, *of_objects, *participles]
            for prep in children_of(head, ("prep", "agent"))
            if prep.lower_ == "by"
            for p in children_of(prep, ("pobj",))
        ]
        # "strikes by Israel and the US on Iran": the parser often hangs the target on the last agent
        misplaced_actors = self.targets_in_agents(
            agents, preps - {"with", "to"}, allow_places=etype in PLACE_TARGET_TYPES
        )
        agent_actors = [a for a in self.phrase_actors(agents) if a not in misplaced_actors]
        source = self.phrase_actors(modifiers)
        source += [
            a
            for a in self.phrase_actors(self.prep_objects(trig, SOURCE_PREPS))
            if a not in source and a not in misplaced_actors
        ]
        source += [a for a in agent_actors if a not in source]
        # "the attack carried out by Russia on Ukraine": the participle may carry the target too
        aimed = self.prep_objects(trig, preps) + [
            p for part in participles if children_of(part, ("agent",)) for p in self.prep_objects(part, preps)
        ]
        target = self.phrase_actors(aimed, allow_places=etype != "CONSULT")
        if not target:
            target = self.phrase_actors(self._following_prep_objects(trig, preps), allow_places=etype != "CONSULT")
        if not target:
            target = [a for a in misplaced_actors if a not in source]
        of_actors = [
            a for a in self.phrase_actors(of_objects, allow_places=etype in PLACE_TARGET_TYPES) if a not in agent_actors
        ]
        if etype in SYMMETRIC_TYPES:
            source += [a for a in of_actors if a not in source]  # "a visit of Zelensky to Washington"
        elif etype in MOVED_TYPES and any(o.lemma_.lower() in self.moved_things for o in of_objects):
            # "the deployment of American troops to Poland", "a shipment of German shells": the owner sends them;
            # "the withdrawal of Russian troops from Armenia": from where they leave is the target
            # "a shipment of German shells to Ukraine": where they go may hang from the things moved
            moved_to = self.phrase_actors(
                [p for o in of_objects for p in self.prep_objects(o, preps)], allow_places=True
            )
            target += [a for a in moved_to if a not in target]
            source += [a for a in of_actors if a not in source and a not in moved_to]
            if etype == "RETREAT":
                source = [
                    a for a in source if a not in self.phrase_actors(self.prep_objects(trig, frozenset({"from"})))
                ]
                target += [
                    a for a in self.phrase_actors(self.prep_objects(trig, frozenset({"from"})), allow_places=True)
                ]
        else:
            target += [a for a in of_actors if a not in target]
        between = self.prep_objects(trig, frozenset({"between", "among"}))
        if (
            not between
            and trig.dep_ == "nsubj"
            and all(o.lemma_.lower() == "place" for o in children_of(trig.head, OBJECT_DEPS))
        ):
            between = self.prep_objects(trig.head, frozenset({"between", "among"}))  # "clashes broke out between"
        if between:
            source += [a for a in self.phrase_actors(between) if a not in source]
        if not source and trig.dep_ == "pobj" and trig.head.lower_ == "for" and trig.head.head.pos_ == "NOUN":
            # "on a visit to Helsinki for talks with X": who makes the visit takes part in the talks
            source = [a for a in self.noun_sides(trig.head.head, etype)[0] if a not in target]
        if not source and etype == "CONSULT":
            span = self.span_of_talks(trig)
            if span is not None:
                # "returned to Doha after a day of talks in Cairo with Egyptian mediators": who returned talked
                subj, passive = self.subject_of(span)
                source = [a for a in self.subject_actors(subj) if a not in target] if not passive else []
        thanks = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ == "for" else None
        if etype not in SYMMETRIC_TYPES and thanks is not None and thanks.lemma_.lower() in GRATITUDE_VERBS:
            # "Kenya thanked Japan for the aid": the one thanked gave it, to the one thanking
            givers = self.phrase_actors(children_of(thanks, ("dobj",)))
            if givers:
                return givers, [a for a in self.doers_of(thanks) if a not in givers] or target
        verb = self.governing_verb(trig)
        receiver = self.receiver_of(trig, verb) if etype not in SYMMETRIC_TYPES else None
        if receiver is not None:
            # "Mali has faced sanctions from ECOWAS", "countries hit by US tariffs": the subject undergoes the act
            subj, _ = self.subject_of(receiver)
            # "received aid from Germany": the parser hangs "from" on the verb as often as on the noun
            source += [a for a in self.phrase_actors(self.prep_objects(receiver, SOURCE_PREPS)) if a not in source]
            undergo = [a for a in self.subject_actors(subj) if a not in source]
            if not undergo and etype in PLACE_TARGET_TYPES:
                # "Gaza, which is under Israeli bombardment": a place struck names the state struck
                undergo = [a for a in self.phrase_actors(subj, allow_places=True) if a not in source]
            return source, undergo or [t for t in target if t not in source]
        if verb is not None and trig.dep_ == "dobj" and etype not in SYMMETRIC_TYPES:
            # "gave Niger its full support", "offered Kyiv a loan": the indirect object receives it, and the giver is
            # the verb's subject ("He gave the Ugandan leader his full support": "his" is the giver's)
            receivers = self.phrase_actors([d for d in children_of(verb, ("dative",)) if d.pos_ != "ADP"])
            givers = [a for a in self.doers_of(verb) if a not in receivers]
            if receivers and givers and not target:
                source, target = givers, receivers
            elif not target:
                target = [a for a in receivers if a not in source]
        if not target and trig.dep_ == "appos" and trig.head.dep_ == "dobj" and etype not in SYMMETRIC_TYPES:
            # "offered Niger's president his full support": the small parser reads the second object as an apposition
            # of the first, who receives it
            target = [a for a in self.phrase_actors([trig.head]) if a not in source]
        circumstance = trig.dep_ == "pobj" and trig.head.lower_ in CIRCUMSTANCE_PREPS
        # "ended decades of hostility with a peace agreement": what a verb does its object with is the subject's act
        instrument = trig.dep_ == "pobj" and trig.head.lower_ == "with" and trig.head.head is verb
        # "described the war in Sudan as ...": naming an act is not doing it (but "described the attack as
        # strikes on Iran" names the one act in other words)
        named = verb is not None and verb.lemma_.lower() in NAMING_VERBS and trig.dep_ == "dobj"
        carrier = verb is not None and (verb.lemma_.lower() not in NON_CARRIER_VERBS or instrument) and not named
        if not source and verb is not None and carrier and not circumstance:
            source, verb_targets = self.verb_sides(verb, etype)
            if not target:
                target = [a for a in verb_targets if a not in source]
        return source, [t for t in target if t not in source] if etype not in SYMMETRIC_TYPES else target
