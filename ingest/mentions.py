"""Where each sentence names an actor, references to actors named before included.

Named mentions come from the gazetteer's spans and from officials (a person stands for their state). References are
resolved in reading order, the way news is written:
- "he", "she", "his": the official named last;
- "it", "its", and a bare "the government", "the ministry", "the kingdom": the state that was last a subject;
- "they", "their": the subjects of the last sentence that named some;
- "the bloc", "the alliance": the organisation named last;
- "the two countries", "both sides", "the three nations": the last two (three) states named;
- "we", "our", "us" inside a quotation: the state of whoever the paragraph quotes ("..., the ministry said").

A resolved reference to one actor is also handed to the rules (ActorIndex), so "It accused the bloc of ..." reads
like "Russia accused the EU of ...".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest.arguments import NAMING_VERBS, OWNER_DEPS, ActorIndex, children_of
from ingest.event_words import MISSION_NOUNS, SAY_VERBS
from ingest.events import EventFinder
from ingest.syntax import according_to, misjoined_head, sentence_of, sentences
from service.shared import gazetteer

# Verbs whose object "it" is more often an act than a state: "condemned it", "welcomed it".
ACT_JUDGING_VERBS = frozenset(
    {"condemn", "welcome", "criticise", "criticize", "reject", "praise", "denounce", "hail", "slam", "oppose", "call"}
)
# How far back (in tokens) "the embassy" may point to "Mexico's embassy": a mission is its owner's, whoever is in it.
OWNER_REACH = 120
ORG_ANAPHORS = frozenset(
    {
        "bloc",
        "alliance",
        "union",
        "organisation",
        "organization",
        "group",
        "body",
        "council",
        "agency",
        "watchdog",
        "court",
        "tribunal",
        "commission",
        "coalition",
    }
)
STATE_ANAPHORS = frozenset(
    {
        "country",
        "kingdom",
        "nation",
        "island",
        "republic",
        "government",
        "ministry",
        "administration",
        "regime",
        "junta",
        "authorities",
        "emirate",
        "cabinet",
        "presidency",
        "embassy",
    }
)
# Who speaks for an actor named before, as the subject of what they say: "the statement said", "the spokesman added".
SPEAKER_NOUNS = frozenset(
    {"statement", "spokesman", "spokeswoman", "spokesperson", "official", "communique", "declaration", "note"}
)
GROUP_NOUNS = frozenset(
    {
        "countries",
        "nations",
        "sides",
        "neighbours",
        "neighbors",
        "leaders",
        "governments",
        "states",
        "powers",
        "parties",
        "economies",
        "members",
        "democracies",
    }
)
# Plural nouns that, as a bare subject, stand for the parties last named together.
PARTY_NOUNS = frozenset({"sides", "parties", "leaders"})
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# Nouns that say how many states they stand for: "the trio", "the pair".
SET_NOUNS = {"duo": 2, "pair": 2, "trio": 3, "quartet": 4}
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
# Words that place a state in its region without naming it: "the West African nation", "the Gulf state".
REGIONAL_WORDS = frozenset(
    {"west", "east", "central", "north", "south", "african", "asian", "gulf", "balkan", "baltic", "caribbean", "arab"}
)
# In a story about the Koreas, "the North" and "the South" are the two states.
KOREAS = {"North": "PRK", "South": "KOR"}
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which"})
# Offices that stand for a state when the text names the office without its holder: "Qatar's prime minister".
OFFICE_NOUNS = frozenset(
    {
        "president",
        "minister",
        "chancellor",
        "premier",
        "king",
        "emir",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
    }
)
# A bare "the diplomat" is the one named last with its state, within this many tokens.
DIPLOMAT_NOUNS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché", "consul"})
DIPLOMAT_REACH = 150
# Who acts for the state or body named before them: "ECOWAS leaders met", "Chinese officials said".
REPRESENTATIVES = frozenset(
    {"leader", "official", "minister", "diplomat", "envoy", "negotiator", "delegate", "delegation", "government"}
)
OFFICE_HOLDERS = frozenset({"president", "head", "premier", "chancellor", "king", "ruler", "chief"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
POSSESSIVES = frozenset({"its", "their", "his", "her"})
# Prepositions that give the reason an act is aimed at its object: "blamed Russia for its ...".
REASON_PREPS = frozenset({"for", "over"})
BOUND_SUBJECTS = frozenset({"it", "they", "he", "she"})  # bound to the sayer when they begin what is said
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
QUOTES = frozenset({'"', "“", "”", "«", "»"})
OPENING_QUOTES = frozenset({"“", "«"})
CLOSING_QUOTES = frozenset({"”", "»"})
ATTRIBUTION_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "write",
        "note",
        "warn",
        "declare",
        "stress",
        "insist",
        "argue",
        "claim",
        "announce",
        "emphasise",
        "emphasize",
        "assert",
        "affirm",
        "reiterate",
        "explain",
        "post",
        "tweet",
        "respond",
        "reply",
        "continue",
        "conclude",
        "read",
    }
)
LOOKBACK_SENTENCES = 3
ORG_KINDS = frozenset({"org", "group"})
PLACE_KINDS = frozenset({"place", "other"})


@dataclass(frozen=True)
class Mention:
    actor: str
    head: int  # token index of the mention's syntactic head
    kind: str  # the gazetteer's form (name, adjective, capital, ...), person, or a reference: pronoun, nominal, speaker


def is_venue(head: Token, kind: str) -> bool:
    """ "speaking at a summit in Paris", "talks in Ankara": a capital where something happens is where, not who."""
    return kind == "capital" and head.dep_ == "pobj" and head.head.lower_ in ("in", "at")


class MentionFinder:
    """Every sentence's actor mentions (by the sentence's first token), references resolved in reading order."""

    def __init__(self, finder: EventFinder) -> None:
        self.doc = finder.doc
        self.index = finder.index
        self.args = finder.args
        self.paragraph_speaker: dict[int, str] = {}  # sentence start -> who the quotation in it is by
        self.by_sentence: dict[int, list[Mention]] = {}
        self._recent: list[tuple[int, Mention, bool]] = []  # (sentence number, mention, was a subject)
        self._drop_regional_epithets()
        for number, sent in enumerate(sentences(self.doc)):
            named = self._named(sent)
            mentions = named + self._resolved(sent, number, named)
            self.by_sentence[sent.start] = mentions
            for m in mentions:
                if m.kind not in PLACE_KINDS:
                    self._recent.append((number, m, self._is_subject(self.doc[m.head])))
        # Quotations last: their speaker may itself be a reference ("..., the statement said").
        self._resolved_at = {m.head: m.actor for ms in self.by_sentence.values() for m in ms}
        self.speakers = self._quote_speakers()
        for sent in sentences(self.doc):
            quoted = [Mention(a, i, "speaker") for i, a in self.speakers.items() if sent.start <= i < sent.end]
            self.by_sentence[sent.start] = [m for m in self.by_sentence[sent.start] if m.head not in self.speakers]
            self.by_sentence[sent.start] += quoted

    def _drop_regional_epithets(self) -> None:
        """ "the Central African nation" describes the state just named (Congo), it does not name the Central African
        Republic; with the state's name gone, "the ... nation" is read as a reference."""
        for tok in self.doc:
            if self.index.actor.get(tok.i) != "CAF" or tok.lower_ != "central":
                continue
            words = [self.doc[j] for j in range(tok.i, min(tok.i + 3, len(self.doc)))]
            noun = words[2] if len(words) == 3 and words[1].lower_ == "african" else None
            if noun is not None and noun.lemma_.lower() in ("nation", "country", "state") and tok.i > 0:
                if self.doc[tok.i - 1].lower_ == "the":
                    for t in words[:2]:
                        self.index.actor.pop(t.i, None)
                        self.index.form.pop(t.i, None)

    def subjects(self) -> list[str]:
        """Actors named (not referred to) as the subject of some sentence, in order ("Chinese officials said" is
        not China acting: only a named state as the subject is)."""
        return list(
            dict.fromkeys(
                m.actor
                for _, m, subject in self._recent
                if m.kind not in ("pronoun", "nominal")
                and (
                    (subject and self._is_subject(self.doc[m.head], representatives=False))
                    or self._is_agent(self.doc[m.head])
                )
                and not self._home_of_group(self.doc[m.head], m.actor)
            )
        )

    def _home_of_group(self, tok: Token, actor: str) -> bool:
        """ "Yemen's Houthi rebels": the possessor is the armed group's home state, not a second subject."""
        return tok.dep_ == "poss" and any(self.index.actor.get(t.i) == f"{actor}_REB" for t in tok.head.subtree)

    def inject(self, index: ActorIndex) -> None:
        """Hand references that stand for one actor to the rules' index of actor tokens."""
        heads: dict[int, list[Mention]] = {}
        for mentions in self.by_sentence.values():
            for m in mentions:
                if m.kind in ("pronoun", "nominal", "speaker"):
                    heads.setdefault(m.head, []).append(m)
        for head, found in heads.items():
            if head in index.actor:
                continue
            if len(found) == 1:
                index.actor[head] = found[0].actor
                index.form[head] = found[0].kind
            else:
                index.groups[head] = list(dict.fromkeys(m.actor for m in found))

    # -- named ----------------------------------------------------------------------------------------------------
    def _named(self, sent: Span) -> list[Mention]:
        out: list[Mention] = []
        i = sent.start
        while i < sent.end:
            actor = self.index.actor.get(i)
            if actor is None:
                i += 1
                continue
            form = self.index.form.get(i, "name")
            j = i + 1
            while j < sent.end and self.index.actor.get(j) == actor and self.index.form.get(j) == form:
                j += 1
            out.append(Mention(actor, self.doc[i:j].root.i, form))
            i = j
        return out

    # -- references -----------------------------------------------------------------------------------------------
    def _resolved(self, sent: Span, number: int, named: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        for tok in sent:
            if tok.i in self.index.actor:
                continue
            lower = tok.lower_
            # (an object "it" is never its own verb's subject: "X accused it of ...")
            object_it = lower == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() not in ACT_JUDGING_VERBS
            bound = self._clause_subject(tok) if lower in POSSESSIVES | BOUND_SUBJECTS and not object_it else None
            if bound is not None:
                out += [Mention(a, tok.i, "pronoun") for a in bound]  # "Kenya recalled its ambassador"
            elif tok.tag_ in ("WP", "WDT") and lower in RELATIVE_PRONOUNS and tok.dep_ not in ("nsubj", "nsubjpass"):
                # "al-Sisi, with whom he met": the relative pronoun is the noun its clause describes (a relative
                # subject is read by the rules themselves)
                clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
                actors = self.args.phrase_actors([clause.head]) if clause is not None else []
                if len(actors) != 1 and tok.i >= 2 and tok.nbor(-1).text == ",":
                    # "tensions between Congo and Rwanda, which Congo accuses ...": the parser hangs the clause on
                    # the phrase's head; the state just before the comma is the one it describes
                    before = self.index.actor.get(tok.i - 2)
                    actors = [before] if before else actors
                if len(actors) == 1:
                    out.append(Mention(actors[0], tok.i, "pronoun"))
            elif tok.text in KOREAS and self._korean_story and self._stands_alone(tok):
                out.append(Mention(KOREAS[tok.text], tok.i, "nominal"))  # "Seoul said the North fired artillery"
            elif tok.pos_ == "PRON" and lower in PERSON_PRONOUNS:
                country = self._previous_official(tok)
                if country:
                    out.append(Mention(country, tok.i, "pronoun"))
            elif lower == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in NAMING_VERBS:
                continue  # "welcomed the move, calling it historic": the thing judged, not a state
            elif tok.pos_ == "PRON" and lower in THING_PRONOUNS:
                # "its": the nearest state named before it in the sentence ("a blockade on Qatar over its
                # support for ..."); "it": the last state that was a subject
                actor = (
                    (self._preceding_in_sentence(sent, tok) if lower == "its" else None)
                    or (self._other_than_subject(sent, tok) if object_it else None)
                    or self._recent_actor(number, subject=True)
                )
                if actor:
                    out.append(Mention(actor, tok.i, "pronoun"))
            elif tok.pos_ == "PRON" and lower in GROUP_PRONOUNS:
                # "his counterparts in both countries, urging them": a group just named in this sentence first
                local = [m for m in out if m.kind == "nominal" and m.head < tok.i]
                last = [m.actor for m in local if local and m.head == local[-1].head]
                group = last if len(last) >= 2 else self._recent_group(number)
                out += [Mention(a, tok.i, "pronoun") for a in group]
            elif tok.pos_ == "NOUN" and self._definite(tok) and not self._modified(tok):
                count = self._count(tok) or SET_NOUNS.get(lower, 0)
                lemma = tok.lemma_.lower()
                if (lower in GROUP_NOUNS or lower in SET_NOUNS) and count:
                    # the sides may be an army and a militia, or a state and a bloc ("Britain and the EU")
                    groups_too = lower in ("sides", "parties")
                    group = (
                        (
                            (
                                self._pair_before(named, tok.i, groups_too)
                                if tok.dep_ == "pobj" or lower in SET_NOUNS  # "..., where the pair will discuss"
                                else []
                            )
                            or self._recent_pair(number, tok.i, groups_too)
                        )
                        if count == 2
                        else []
                    ) or self._recent_states(number, count, groups_too, before=tok.i)
                    out += [Mention(a, tok.i, "nominal") for a in group]
                elif lower in ("countries", "nations", "states") and tok.dep_ in ("dobj", "pobj", "nsubj"):
                    # "the Philippines, the US and Australia held a patrol ... urged the countries to stop": the
                    # group last named together
                    group = self._recent_coordination(number, tok.i)
                    out += [Mention(a, tok.i, "nominal") for a in group]
                elif lower in PARTY_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
                    # "the sides agreed", "the leaders agreed": the group that was last the subject (a plural
                    # never stands for one state: "North Korea fired a missile ... the leaders said" is unresolved)
                    group = self._recent_group(number)
                    out += [Mention(a, tok.i, "nominal") for a in group] if len(group) >= 2 else []
                elif lemma in DIPLOMAT_NOUNS and tok.tag_ == "NN" and tok.i not in self.index.person:
                    # "expelled the German ambassador ... blamed the diplomat for": the envoy named last
                    actor = self._previous_diplomat(tok)
                    if actor:
                        out.append(Mention(actor, tok.i, "nominal"))
                elif lemma in ORG_ANAPHORS and tok.tag_ == "NN":
                    # "The bloc urged Serbia to ..., the European Commission said": with none named before, the body
                    # its own sentence names
                    later = [m.actor for m in named if m.kind in ORG_KINDS and m.head > tok.i and self._sayer(m.head)]
                    actor = self._recent_actor(number, org=True) or (later[0] if len(set(later)) == 1 else None)
                    if actor:
                        out.append(Mention(actor, tok.i, "nominal"))
                elif (lemma in STATE_ANAPHORS and tok.tag_ == "NN") or (lemma in SPEAKER_NOUNS and tok.dep_ == "nsubj"):
                    # "Japan's foreign ministry said the country would ...": the sayer's state, named just before
                    bound = self._clause_subject(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
                    actor = (
                        bound[0]
                        if bound and len(bound) == 1
                        else (self._owner_named_before(sent, tok) if lemma in MISSION_NOUNS else None)
                        or self._recent_actor(number, subject=True)
                    )
                    if actor:
                        out.append(Mention(actor, tok.i, "nominal"))
        return out

    def _sayer(self, i: int) -> bool:
        """ "the European Commission said", "EU officials said": the actor is (or qualifies) the subject of saying."""
        tok = self.doc[i]
        while tok.dep_ in ("compound", "amod", "poss") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SAY_VERBS

    def _owner_named_before(self, sent: Span, tok: Token) -> str | None:
        """ "refuge in Mexico's embassy in Quito ... police stormed the embassy": the state whose mission the same noun
        named before (within the reach of a reference)."""
        start = max(0, sent.start - OWNER_REACH)
        for earlier in reversed(self.doc[start : tok.i]):
            if earlier.lemma_.lower() != tok.lemma_.lower() or earlier.i in self.index.actor:
                continue
            owners = {
                self.index.actor[c.i] for c in earlier.children if c.dep_ in OWNER_DEPS and c.i in self.index.actor
            }
            return owners.pop() if len(owners) == 1 else None
        return None

    @property
    def _korean_story(self) -> bool:
        return bool({"PRK", "KOR"} & set(self.index.actor.values()))

    def _stands_alone(self, tok: Token) -> bool:
        """ "the North" as a noun phrase of its own, not "the North Korean army" or "the south of the country"."""
        return (
            tok.i > 0
            and self.doc[tok.i - 1].lower_ == "the"
            and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss")
            and not children_of(tok, ("prep",))
        )

    def _previous_official(self, tok: Token) -> str | None:
        """ "he", "his": the state of the official named last; "he" may also be an official named only by office
        ("Qatar's prime minister spoke to reporters. He urged ..."), whichever came last."""
        person = self.args.previous_person(tok)
        # "his country", "her government": the state of an official named by office too
        own_state = tok.lower_ in ("his", "her") and tok.head.lemma_.lower() in ("country", "government", "nation")
        if tok.lower_ not in ("he", "she") and not own_state:
            return person.country if person is not None else None  # "him", "his": only a named official
        named_at = max((end for _, end in person.mentions if end <= tok.i), default=0) if person is not None else 0
        for i in range(tok.i - 1, max(named_at, tok.i - 120) - 1, -1):
            office = self.doc[i]
            if office.lemma_.lower() not in OFFICE_NOUNS or office.pos_ != "NOUN" or i in self.index.person:
                continue
            states = [
                self.index.actor[c.i]
                for c in office.children
                if c.dep_ in ("poss", "amod", "compound") and c.i in self.index.actor
            ]
            if len(set(states)) == 1:
                return states[0]
        return person.country if person is not None else None

    def _previous_diplomat(self, tok: Token) -> str | None:
        """The state of the diplomat last named with a state: "the German ambassador", "Mexico's envoy"."""
        for i in range(tok.i - 1, max(-1, tok.i - DIPLOMAT_REACH), -1):
            envoy = self.doc[i]
            if envoy.lemma_.lower() not in DIPLOMAT_NOUNS or envoy.pos_ != "NOUN":
                continue
            states = {
                self.index.actor[c.i]
                for c in envoy.children
                if c.dep_ in ("poss", "amod", "compound") and c.i in self.index.actor
            }
            if len(states) == 1:
                return states.pop()
        return None

    def _preceding_in_sentence(self, sent: Span, tok: Token) -> str | None:
        for i in range(tok.i - 1, sent.start - 1, -1):
            actor = self.index.actor.get(i)
            if actor is not None and self.index.form.get(i) not in PLACE_KINDS:
                return actor
        return None

    def _other_than_subject(self, sent: Span, tok: Token) -> str | None:
        """ "South Africa, which took Israel to court, accused it of ...": an object "it" is not its verb's own subject;
        the state named last before it in the sentence, other than that subject."""
        subjects = set(self.args.phrase_actors(children_of(tok.head, ("nsubj",))))
        if not subjects:
            return None
        for i in range(tok.i - 1, sent.start - 1, -1):
            actor = self.index.actor.get(i)
            if actor is None or actor in subjects or self.index.form.get(i) in PLACE_KINDS:
                continue
            head = self.doc[i]
            while head.head.i != head.i and self.index.actor.get(head.head.i) == actor:
                head = head.head  # the name's own head: "the International Court of Justice"
            if not (head.dep_ == "pobj" and head.head.lower_ in ("at", "in", "before")):  # a venue is no referent
                return actor
        return None

    def _clause_subject(self, tok: Token) -> list[str] | None:
        """A possessive refers to the subject of its own clause when that subject, named before it, is an actor;
        the subject of what someone says, to the sayer: "China said it would recall its envoy"."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        verb = misjoined_head(verb) or verb  # "accused X of shooting down a drone and recalled its envoy"
        if tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ccomp" and tok.lower_ not in POSSESSIVES:
            verb = verb.head  # "X said it would ...": "it" is X
        limit = 4 if tok.lower_ in ("their", "they") else 1
        reason = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
        if reason is not None and reason.head.i == verb.i and reason.lower_ in REASON_PREPS:
            # "condemned Iran for its attack", "sanctioned Syria over its crackdown": the one judged, not the judge
            judged = self.args.phrase_actors([o for o in verb.children if o.dep_ == "dobj" and o.i < tok.i])
            if judged and len(judged) <= limit:
                return judged
        for subj in verb.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.i < tok.i:
                actors = self.args.phrase_actors([subj])
                if tok.lower_ in PERSON_PRONOUNS and any(gazetteer.is_organisation(a) for a in actors):
                    # "the EU imposed sanctions on his country": a person's country, not the bloc; but "the NATO
                    # chief offered his support" is the chief's
                    if subj.i not in self.index.person and subj.lemma_.lower() not in OFFICE_NOUNS | OFFICE_HOLDERS:
                        return None
                if actors and len(actors) <= limit:
                    return actors
        return None

    @staticmethod
    def _is_agent(tok: Token) -> bool:
        """ "a resolution backed by the United States, Britain and France": who does a passive act acts."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.dep_ == "agent"

    @staticmethod
    def _is_subject(tok: Token, representatives: bool = True) -> bool:
        while tok.dep_ in ("conj", "compound", "amod", "nmod") and tok.head.i != tok.i:
            if tok.dep_ != "conj" and (not representatives or tok.head.lemma_.lower() not in REPRESENTATIVES):
                return False  # "Russia-North Korea ties deepen", "North Korean troops": not the state acting
            tok = tok.head  # "Kyrgyzstan and Tajikistan clashed": both are subjects; so are "ECOWAS leaders"
        return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))

    @staticmethod
    def _definite(tok: Token) -> bool:
        if any(c.dep_ == "poss" for c in tok.children):
            return False  # "its two neighbours" are not the two states named last
        return any(c.dep_ in ("det", "nummod", "predet") and c.lower_ in ("the", "both", *COUNTS) for c in tok.children)

    @staticmethod
    def _count(tok: Token) -> int:
        return max((COUNTS.get(c.lower_, 0) for c in tok.children), default=0)

    def _modified(self, tok: Token) -> bool:
        """ "the Chinese government" names its state; only a bare "the government" refers back, or one described by
        its region ("the Central African nation", "the Gulf state")."""
        return any(c.i in self.index.actor for c in tok.subtree) or any(
            c.dep_ in ("amod", "compound") and c.pos_ == "PROPN" and c.lower_ not in REGIONAL_WORDS
            for c in tok.children
        )

    def _window(self, number: int) -> Iterator[tuple[int, Mention, bool]]:
        for item in reversed(self._recent):
            if number - item[0] > LOOKBACK_SENTENCES:
                break
            yield item

    def _recent_actor(self, number: int, *, subject: bool = False, org: bool = False) -> str | None:
        fallback = None
        for _, m, was_subject in self._window(number):
            if (m.kind in ORG_KINDS) != org:
                continue
            if not subject or was_subject:
                return m.actor
            fallback = fallback or m.actor
        return fallback

    def _recent_group(self, number: int) -> list[str]:
        """ "they": the subjects of the latest sentence that had named subjects."""
        for n in range(number, number - 1 - LOOKBACK_SENTENCES, -1):
            group = [
                m.actor
                for k, m, subject in self._recent
                if k == n and (subject or self._led_subject(self.doc[m.head])) and m.kind != "pronoun"
            ]
            if group:
                return list(dict.fromkeys(group))
        return []

    @staticmethod
    def _led_subject(tok: Token) -> bool:
        """ "The presidents of Kenya and Uganda met": the states whose leaders are the subject (for "they", "the
        leaders" after it; "it" still means the last state named as a subject itself)."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        return (
            holder is not None
            and holder.lemma_.lower() in REPRESENTATIVES | OFFICE_HOLDERS
            and holder.dep_ in ("nsubj", "nsubjpass")
        )

    def _recent_coordination(self, number: int, before: int) -> list[str]:
        """The actors of the last list of two or more states joined by "and" (for "the countries")."""
        window = [m for _, m, _ in self._window(number) if m.head < before and m.kind not in ORG_KINDS]
        for m in window:  # newest first
            heads = {self.doc[m.head].i, *(c.i for c in self.doc[m.head].conjuncts)}
            group = list(dict.fromkeys(x.actor for x in window if x.head in heads))
            if len(group) >= 2:
                return group
        return []

    def _pair_before(self, named: list[Mention], before: int, groups_too: bool) -> list[str]:
        """ "Britain and the EU ... a summit between the two sides": two actors joined by "and" earlier in the same
        sentence."""
        earlier = [m for m in named if m.head < before and (groups_too or m.kind not in ORG_KINDS)]
        for m in earlier:
            partners = {c.i for c in self.doc[m.head].conjuncts}
            pair = list(dict.fromkeys([m.actor, *(o.actor for o in earlier if o.head in partners)]))
            if len(pair) == 2:
                return pair
        # "ahead of Biden's planned bilateral with Xi, where the pair will discuss ...": the only two named before it
        # (a capital where something happens is a venue: "talks in Ankara come before ...")
        states = list(dict.fromkeys(m.actor for m in earlier if not is_venue(self.doc[m.head], m.kind)))
        return states if len(states) == 2 else []

    def _recent_pair(self, number: int, before: int, groups_too: bool) -> list[str]:
        """ "Armenia and Azerbaijan clashed ... Macron called both leaders": the last two actors named together (joined
        by "and", or "between X and Y"), before the states named since in other roles."""
        window = [m for _, m, _ in self._window(number) if m.head < before and (groups_too or m.kind not in ORG_KINDS)]
        for k, m in enumerate(window):  # newest first
            head = self.doc[m.head]
            partners = {c.i for c in head.conjuncts}
            listed = {x.actor for x in window if x.head in partners or x.head == m.head}
            if len(listed) > 2:
                continue  # "the US, Turkey and Saudi Arabia": two of a list of three are not "the two"
            for other in window[k + 1 :]:
                if other.actor != m.actor and other.head in partners:
                    return [other.actor, m.actor]
        return []

    def _recent_states(self, number: int, count: int, groups_too: bool = False, before: int | None = None) -> list[str]:
        found: list[str] = []
        for _, m, _ in self._window(number):
            if before is not None and m.head > before:
                continue  # named later in its sentence than the reference ("the two nations held talks in Oslo")
            if m.actor not in found and (m.kind not in ORG_KINDS or groups_too):
                found.append(m.actor)
            if len(found) == count:
                return found
        return []

    # -- quotations -----------------------------------------------------------------------------------------------
    def _quote_speakers(self) -> dict[int, str]:
        """First-person pronouns inside quotation marks, mapped to the state of the paragraph's quoted speaker."""
        out: dict[int, str] = {}
        full = self.doc.text  # built from the tokens at each access: read once
        for paragraph in self._paragraphs():
            text = full[paragraph[0].idx : paragraph[-1].idx + len(paragraph[-1].text)]
            if not any(q in text for q in QUOTES):
                continue
            inside = self._inside_quotes(paragraph)
            if not any(inside.values()):
                continue
            speakers = self._attributed(paragraph, inside)
            if len(speakers) != 1:
                continue
            for t in paragraph:
                if inside.get(t.i) and t.lower_ in FIRST_PERSON and t.pos_ == "PRON":
                    out[t.i] = speakers[0]
                if inside.get(t.i):
                    self.paragraph_speaker.setdefault(sentence_of(t).start, speakers[0])
        return out

    def _paragraphs(self) -> Iterator[list[Token]]:
        """The doc's paragraphs (runs of sentences up to a line break), as token lists."""
        current: list[Span] = []
        for sent in sentences(self.doc):
            current.append(sent)
            last = self.doc[sent.end - 1]
            if "\n" in last.text_with_ws or (sent.end < len(self.doc) and self.doc[sent.end].is_space):
                yield [t for s in current for t in s]
                current = []
        if current:
            yield [t for s in current for t in s]

    @staticmethod
    def _inside_quotes(tokens: list[Token]) -> dict[int, bool]:
        inside: dict[int, bool] = {}
        state = False
        for t in tokens:
            if t.text in OPENING_QUOTES or (t.text == '"' and not state):
                state = True
                inside[t.i] = False
                continue
            if t.text in CLOSING_QUOTES or (t.text == '"' and state):
                state = False
                inside[t.i] = False
                continue
            inside[t.i] = state
        return inside

    def _attributed(self, paragraph: list[Token], inside: dict[int, bool]) -> list[str]:
        """Who the paragraph quotes: subjects of its attribution verbs outside the quotes, and "according to X"."""
        found: list[str] = []
        for t in paragraph:
            if inside.get(t.i):
                continue
            if t.pos_ == "VERB" and t.lemma_.lower() in ATTRIBUTION_VERBS:
                subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                found += self.args.subject_actors(subjects) or [
                    self._resolved_at[s.i] for s in subjects if s.i in self._resolved_at
                ]
            elif (to := according_to(t)) is not None:
                found += self.args.phrase_actors([c for c in to.children if c.dep_ == "pobj"])
        return list(dict.fromkeys(found))
