"""Statements: what one actor says about another, coded by what it says.

News reports most verbal events as speech, and the verb of saying carries no type: "X said Y's drills were a
provocation" is an accusation, "..., the ministry said, adding that Y must withdraw" a request. This module finds who
speaks in a sentence and what is said, then codes the content with the evaluation lexicon (data/evaluation.json):

- who speaks: the subject of a verb of saying ("said", "told", "described", "called ... a"), "according to X", or,
  inside a quotation that names no speaker, the speaker the paragraph quotes;
- what is said: the rest of the sentence (the complement clause, the quotation);
- ACCUSE speaker -> Y: the content judges Y or Y's acts in negative words ("illegal", "provocation", "arrogance"),
  Y being named in it as a doer, not as a victim ("strikes on Y");
- SUPPORT speaker -> Y: the content praises Y ("a true friend", "key partner") and holds no negative words;
- REQUEST speaker -> Y: Y is the subject of "must", "should", "need to" in the content;
- THREATEN speaker -> Y: the speaker announces that it will answer ("will retaliate", "take countermeasures").

A negated or hypothetical verb of saying ("did not say", "could say") is no statement.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.arguments import NAMING_VERBS, OWNER_DEPS, children_of, is_condition
from ingest.event_words import BORNE_VERBS, NEGATING_VERBS, RELATION_NOUNS
from ingest.events import EventFinder, FoundEvent
from ingest.lexicon import evaluation
from ingest.mentions import PLACE_KINDS, Mention, MentionFinder, is_venue
from ingest.syntax import according_to, distance, sentences

# What acclaims an act (beside the evaluation lexicon's praise of a partner): "called the accord historic".
ACCLAIM_WORDS = frozenset(
    {"historic", "breakthrough", "milestone", "landmark", "positive", "constructive", "welcome", "important", "major"}
)
# Rules a state may break: the body that made them ("UN Security Council resolutions") is not accused.
NORM_NOUNS = frozenset({"resolution", "norm", "rule", "charter", "law", "convention", "regulation", "mandate"})
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "stress",
        "insist",
        "claim",
        "argue",
        "note",
        "declare",
        "describe",
        "call",
        "label",
        "brand",
        "term",
        "write",
        "post",
        "tweet",
        "emphasise",
        "emphasize",
        "reiterate",
        "affirm",
        "assert",
        "remark",
        "comment",
        "contend",
        "maintain",
        "suggest",
        "allege",
        "consider",
        "characterise",
        "characterize",
        "dub",
        "slam",
    }
)
VICTIM_PREPS = frozenset({"on", "against", "at", "into", "toward", "towards", "upon"})
VICTIM_VERBS = frozenset(
    {"attack", "bomb", "strike", "shell", "invade", "hit", "target", "kill", "occupy", "raid", "seize", "arrest"}
)
VICTIM_NOUNS = frozenset({"people", "citizen", "civilian", "population", "sovereignty", "territory", "integrity"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should"})
WILL = frozenset({"will", "'ll", "shall", "would"})
# What a state has in an act it is blamed for: "the involvement of Indian agents in the killing".
INVOLVEMENT_NOUNS = frozenset({"involvement", "role", "complicity", "hand", "participation"})
# Hostile acts someone can be "behind" (besides the evaluation lexicon's negative words).
BLAMED_ACTS = frozenset(
    {
        "attack",
        "sabotage",
        "strike",
        "blast",
        "explosion",
        "bombing",
        "killing",
        "assassination",
        "hack",
        "cyberattack",
        "plot",
        "coup",
        "incursion",
        "raid",
        "leak",
        "poisoning",
        "fire",
        "unrest",
        "riot",
        "campaign",
    }
)
# What the threatened will bear: "will pay the price", "bear responsibility for the consequences".
SUFFERED = frozenset({"consequence", "price", "pay", "regret", "responsibility"})
NEAR = 3  # dependency steps between an actor and the words that judge it


class StatementFinder:
    def __init__(self, finder: EventFinder, mentions: MentionFinder) -> None:
        self.finder = finder
        self.mentions = mentions
        self.words = evaluation()
        self.doc = finder.doc

    def find(self) -> list[FoundEvent]:
        out: list[FoundEvent] = []
        for sent in sentences(self.doc):
            out += self.sentence(sent)
        return out

    def sentence(self, sent: Span) -> list[FoundEvent]:
        mentions = self.mentions.by_sentence.get(sent.start, [])
        if not mentions:
            return []
        speech = self.speech(sent)
        if speech is None:
            # No one is quoted, yet "Russia reserves the right to take countermeasures against Finland" and "if
            # Washington keeps arming Taiwan, China will retaliate" announce an answer: its subject threatens.
            threat = self.threat(list(sent), [], [m for m in mentions if m.kind not in PLACE_KINDS], announced=True)
            if threat is None:
                return []
            verb, threateners, targets = threat
            return [self.event(verb, "THREATEN", threateners, actor, 0.5) for actor in targets]
        verb, speakers, content = speech
        inside = {t.i for t in content}
        others = [
            m
            for m in mentions
            if m.head in inside
            and m.actor not in speakers
            and m.kind not in PLACE_KINDS
            and m.kind != "speaker"
            and not is_venue(self.doc[m.head], m.kind)
        ]
        events: list[FoundEvent] = []
        negative = [t for t in content if self.is_negative(t)]
        positive = [t for t in content if t.lemma_.lower() in self.words.positive and not self.negated(t)]
        # "called Spain's decision a reward for terrorism": what a verb of naming judges negatively is accused
        named_objects, verdict, verdict_words = self.naming(verb)
        judged = {t.i for o in named_objects for t in o.subtree} if verdict == "ACCUSE" else set()
        # "described Morocco as a key partner of the EU": the state named is judged; one the verdict relates it to is
        # not, unless it is the verdict's doer ("called the incident a provocation by Washington")
        verdict_at = {t.i for t in verdict_words}
        others = [
            m for m in others if not (m.head in verdict_at and self.related_in_verdict(self.doc[m.head], verdict_at))
        ]
        if verdict is not None:
            if all(o.lower_ == "it" for o in named_objects) and verb.dep_ in ("advcl", "xcomp", "conj"):
                # "rejected Ethiopia's deal, describing it as illegitimate": "it" is what the main verb acted on
                named_objects = [o for o in verb.head.children if o.dep_ == "dobj"]
            for actor in self.judged_in(named_objects):
                if actor not in speakers:
                    events.append(self.event(verb, verdict, speakers, actor, 0.55))
            # "called the attacks a massacre", "described the move as a breakthrough": the act named by a bare
            # definite noun is the one reported just before, and its doers are judged
            named = {m.actor for m in others}
            for actor in self.finder.referenced_agents(verb, speakers):
                if actor not in named:
                    events.append(self.event(verb, verdict, speakers, actor, 0.5))
        else:
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                said_verdict = self.verdict_on_subject(clause)
                if said_verdict is None:
                    continue
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                if not others:
                    # "said the move was totally unacceptable": an act named by a bare definite noun, judged in
                    # what is said, is the act reported before it
                    for subject in subjects:
                        for actor in self.finder.referenced_doers(subject, speakers):
                            events.append(self.event(verb, said_verdict, speakers, actor, 0.5))
                else:
                    # "said the presence of Chinese vessels near the shoal was illegal": a copula's verdict on a
                    # phrase that names whose conduct it is
                    for actor in self.judged_in(subjects):
                        if actor not in speakers:
                            events.append(self.event(verb, said_verdict, speakers, actor, 0.55))
        for actor, found in self._by_actor(others).items():
            doer = [self.doc[m.head] for m in found if not self.suffers(self.doc[m.head]) and m.kind != "pronoun"]
            if any(d.i in judged or self.is_behind(d) for d in doer) or any(
                distance(d, w) <= NEAR for d in doer for w in negative
            ):
                events.append(self.event(verb, "ACCUSE", speakers, actor, 0.55))
            elif not negative and any(
                distance(self.doc[m.head], w) <= 2 or self.party_to(self.doc[m.head], w)
                for m in found
                for w in positive
            ):
                events.append(self.event(verb, "SUPPORT", speakers, actor, 0.5))
            if any(self.is_told_to(self.doc[m.head], speakers) for m in found):
                events.append(self.event(verb, "REQUEST", speakers, actor, 0.5))
        threat = self.threat(content, speakers, others)
        if threat is not None:
            _, threateners, targets = threat
            for actor in targets:
                events.append(self.event(verb, "THREATEN", threateners, actor, 0.5))
        return events

    def verdict_on_subject(self, clause: Token) -> str | None:
        """ "the move was unacceptable" (ACCUSE), "the decision was a welcome step" (SUPPORT): a copula's verdict."""
        if clause.lemma_.lower() != "be":
            return None
        words = [t for c in clause.children if c.dep_ in ("acomp", "attr") for t in c.subtree]
        if any(self.is_negative(t) for t in words):
            return "ACCUSE"
        praise = self.words.positive | ACCLAIM_WORDS
        if any(t.lemma_.lower() in praise and not self.negated(t) for t in words):
            return "SUPPORT"
        return None

    def judged_in(self, objects: list[Token]) -> list[str]:
        """Who a verdict on these objects judges: a state named, or the doers of an act named ("described the
        airstrike by Turkey on Iraq as a violation" judges Turkey, not Iraq)."""
        args = self.finder.args
        found: list[str] = []
        for obj in objects:
            if not self.finder.names_act(obj):
                found += args.phrase_actors([obj])
                continue
            doers = children_of(obj, OWNER_DEPS)
            doers += [p for c in obj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in c.children]
            struck = args.phrase_actors(args.prep_objects(obj, self.finder.victim_preps(obj)), allow_places=True)
            named = [a for a in (args.phrase_actors(doers) if doers else args.phrase_actors([obj])) if a not in struck]
            if not named and "of" not in self.finder.victim_preps(obj):
                # "the continued presence of Chinese vessels": "of" names the doer of an act that harms no one
                named = args.phrase_actors(args.prep_objects(obj, frozenset({"of"})))
            found += named
        return list(dict.fromkeys(found))

    @staticmethod
    def related_in_verdict(tok: Token, verdict_at: set[int]) -> bool:
        """Reached from the verdict by a preposition other than "by": "a partner of the EU", "a threat to Syria"."""
        while tok.head.i != tok.i and tok.head.i in verdict_at:
            if tok.dep_ == "pobj" and tok.head.lower_ != "by":
                return True
            tok = tok.head
        return False

    def naming(self, verb: Token) -> tuple[list[Token], str | None, list[Token]]:
        """What a verb of naming names (its object), the verdict it gives (ACCUSE for negative words, SUPPORT for
        praise or acclaim, None for neither or for a verb that names nothing) and the words of the verdict."""
        lemma = verb.lemma_.lower()
        if lemma not in NAMING_VERBS and lemma != "refer":
            return [], None, []
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "refer":  # "referred to the government as a dictatorship"
            objects = self.finder.args.prep_objects(verb, frozenset({"to"}))
        verdicts = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
        # "described the accord as historic": "as" may hang from the verb or from its object
        verdicts += [
            p for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
        ]
        words = [t for v in verdicts for t in v.subtree]
        if not objects:
            return [], None, words
        if any(self.is_negative(t) for t in words):
            return objects, "ACCUSE", words
        praise = self.words.positive | ACCLAIM_WORDS
        if any((t.lemma_.lower() in praise or t.lower_ in praise) and not self.negated(t) for t in words):
            return objects, "SUPPORT", words
        return objects, None, words

    def event(self, verb: Token, etype: str, speakers: list[str], actor: str, confidence: float) -> FoundEvent:
        return self.finder.make_event(
            verb, etype, list(speakers), [actor], symmetric=False, confidence=confidence, mode="statement"
        )

    @staticmethod
    def _by_actor(mentions: list[Mention]) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in mentions:
            out.setdefault(m.actor, []).append(m)
        return out

    # -- who speaks, and what --------------------------------------------------------------------------------------
    def speech(self, sent: Span) -> tuple[Token, list[str], list[Token]] | None:
        for tok in sent:
            if tok.pos_ != "VERB" or not self.speaks(tok) or self.hypothetical(tok) or self.withheld(tok):
                continue
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and tok.dep_ in ("advcl", "xcomp", "conj", "acl"):
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]  # "..., adding that", "calling it"
            speakers = self.finder.args.subject_actors(subjects)
            if not speakers:
                continue
            excluded = {t.i for s in subjects for t in s.subtree}
            # "X called it an attack, while Biden said it was an affront": a second speaker says what is theirs
            excluded |= {
                t.i
                for other in tok.children
                if other.dep_ in ("advcl", "conj", "parataxis")
                and self.speaks(other)
                and self.finder.args.subject_actors(children_of(other, ("nsubj",)))
                for t in other.subtree
            }
            # "too early to say whether Iran was behind it": an open question says nothing of anyone
            excluded |= {t.i for m in sent if m.dep_ == "mark" and m.lower_ == "whether" for t in m.head.subtree}
            content = [t for t in sent if t.i not in excluded and t.i != tok.i]
            return tok, speakers, content
        for tok in sent:
            to = according_to(tok)
            if to is not None and to.i < sent.end:
                phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
                speakers = self.finder.args.phrase_actors([c for c in to.children if c.dep_ == "pobj"])
                if speakers:
                    return sent.root, speakers, [t for t in sent if t.i not in phrase]
        speakers = [
            m.actor for m in self.mentions.by_sentence.get(sent.start, []) if m.kind == "speaker"
        ] or self.quoted_speaker(sent)
        if speakers:
            return sent.root, list(dict.fromkeys(speakers)), list(sent)
        return None

    @staticmethod
    def withheld(verb: Token) -> bool:
        """ "declined to comment", "refused to say": nothing is said."""
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_VERBS

    @staticmethod
    def speaks(verb: Token) -> bool:
        if verb.lemma_.lower() == "refer":  # "referred to Caracas as a dictatorship", not "referred the case to"
            return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        return verb.lemma_.lower() in SPEECH_VERBS

    def quoted_speaker(self, sent: Span) -> list[str]:
        """A sentence of a quotation with no speaker of its own: the paragraph's quoted speaker."""
        speaker = self.mentions.paragraph_speaker.get(sent.start)
        return [speaker] if speaker else []

    # -- what is said --------------------------------------------------------------------------------------------
    def is_negative(self, tok: Token) -> bool:
        if (
            tok.lower_ == "concerning"
            and tok.dep_ in ("prep", "acl")
            and any(c.dep_ == "pobj" or c.dep_ == "dobj" for c in tok.children)
        ):
            return False  # "issues concerning its interests": about, not worrying
        return (tok.lemma_.lower() in self.words.negative or tok.lower_ in self.words.negative) and not self.negated(
            tok
        )

    @staticmethod
    def negated(tok: Token) -> bool:
        head = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head
        if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in head.children):
            return True
        # "too early to blame China for the intrusion": a judgement put off is not made, nor are its words
        return any(
            a.dep_ == "xcomp" and a.head.pos_ == "ADJ" and any(c.lower_ == "too" for c in a.head.children)
            for a in [head, *list(head.ancestors)[:3]]
        )

    @staticmethod
    def hypothetical(verb: Token) -> bool:
        return any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL) or c.lower_ in ("if", "unless")
            for c in verb.children
        )

    @staticmethod
    def party_to(tok: Token, word: Token) -> bool:
        """ "the iron-clad friendship between China and Cambodia": a party to the relation the praise names."""
        return word.pos_ == "NOUN" and any(
            tok in p.subtree for p in word.children if p.dep_ == "prep" and p.lower_ in ("between", "with")
        )

    def suffers(self, tok: Token) -> bool:
        """A victim, or a side of a relation ("the Japan-South Korea relationship has been undermined")."""
        if self.is_victim(tok):
            return True
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "appos", "poss") and head.head.i != head.i:
            head = head.head
        if head is not tok and head.lemma_.lower() in RELATION_NOUNS:
            return True
        if head.dep_ != "pobj":
            return False
        prep = head.head
        # "Russia's invasion of Ukraine": the victim of a violent act named by its noun
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN" and "of" in self.finder.victim_preps(prep.head):
            return True
        return prep.lower_ == "to" and prep.head.pos_ == "ADJ"  # "very insulting to the alliance"

    @staticmethod
    def is_victim(tok: Token) -> bool:
        """ "strikes on Iran", "the massacre of the Palestinian people": the actor suffers the act."""
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in VICTIM_PREPS:
            return True
        if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in VICTIM_VERBS:
            return True  # "jets had bombed Moldova"
        if tok.dep_ in ("amod", "compound", "poss") and head.lemma_.lower() in VICTIM_NOUNS:
            return True
        if head.lemma_.lower() in NORM_NOUNS and head is not tok:
            return True  # "in violation of UN Security Council resolutions": the body whose rules are broken
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in NORM_NOUNS:
            return True  # "the norms of the World Trade Organization"
        return head.dep_ == "pobj" and head.head.lower_ == "of" and head.lemma_.lower() in VICTIM_NOUNS

    def is_behind(self, tok: Token) -> bool:
        """ "said Russian hackers were behind the attack", "said Moscow bore responsibility for the sabotage", "was
        responsible for the bombing": who is said to be behind a hostile act is blamed ("will bear responsibility"
        is a threat, not this)."""
        if self.involved_in_wrong(tok):
            return True
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "poss", "appos") and head.head.i != head.i:
            head = head.head
        verb = head.head
        if head.dep_ != "nsubj":
            return False
        lemma = verb.lemma_.lower()
        if lemma == "be":
            acts = [p for c in verb.children if c.lower_ == "behind" for p in c.children if p.dep_ == "pobj"]
            owners = [c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() == "responsible"]
        elif lemma in ("bear", "carry", "have") and not self.is_future(verb):
            acts = []
            owners = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility"]
        else:
            return False
        if self.negated(verb) or any(d.lower_ == "no" for o in owners for d in o.children):
            return False  # "did not bear responsibility", "had no responsibility"
        acts += [p for o in owners for c in o.children if c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
        acts += [c for a in acts for c in a.children if c.dep_ == "compound"]  # "the sabotage attempts"
        return self.any_blamed(acts)

    def any_blamed(self, acts: list[Token]) -> bool:
        """Whether one of these words names a hostile act someone is blamed for."""
        return any(a.lemma_.lower() in BLAMED_ACTS or self.is_negative(a) for a in acts)

    def involved_in_wrong(self, tok: Token) -> bool:
        """ "the involvement of Indian agents in the killing", "Russia's role in the sabotage": the one whose part in
        a hostile act is told is blamed for it."""
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "appos") and head.head.i != head.i:
            head = head.head
        owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head.head
        if head.dep_ not in ("poss", "pobj") or owner.lemma_.lower() not in INVOLVEMENT_NOUNS:
            return False
        return self.any_blamed([p for c in owner.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children])

    def is_told_to(self, tok: Token, speakers: list[str]) -> bool:
        """Y is the subject of "must", "should", "needs to", "has to" in the content, without the speaker
        ("X and Y should deepen ties", said by X, is no request)."""
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "poss", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ == "between":
            head = head.head.head  # "the war between Ukraine and Russia must stop": its sides are told
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return False
        if set(self.finder.args.phrase_actors([head])) & set(speakers):
            return False
        verb = head.head
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in ("must", "should", "ought"):
                return not any(n.dep_ == "neg" for n in verb.children) or c.lower_ == "must"
        if verb.lemma_.lower() in ("need", "have") and any(c.dep_ == "xcomp" for c in verb.children):
            return True
        return False

    def threat(
        self, content: list[Token], speakers: list[str], others: list[Mention], announced: bool = False
    ) -> tuple[Token, list[str], list[str]] | None:
        """A threat in what is said: someone will (or reserves the right to) answer, retaliate, take measures, or
        warns of consequences. The threatener is the subject of that answer when it names an actor ("China will
        counter"), else the speaker; the threatened are the actors of a condition ("if the US insists"), of what
        is answered ("in response to Russia's decision"), of the answer's object ("strike Israeli targets"), else
        the other actors named. ``announced``: no one is quoted, so only an actor that itself will answer threatens
        ("China will retaliate", "Russia reserves the right to take countermeasures"), not one that "could" or that
        "will face sanctions in retaliation"."""
        args = self.finder.args
        inside = {t.i for t in content}
        marked = self.marked_as_targets(content, speakers) if speakers and not announced else None
        if marked is not None:
            return marked
        for tok in content:
            if tok.lemma_.lower() not in self.words.retaliation or tok.pos_ not in ("VERB", "NOUN"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as"):
                continue  # "measures in response to the invasion": why an act is done, not an answer promised
            verb = tok
            while verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head  # "will be met with a strong response"
            undergone = tok.dep_ == "dobj" and verb.lemma_.lower() in BORNE_VERBS
            # "Israel should expect retaliation": told what it will undergo
            told = undergone and any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children)
            if verb.pos_ != "VERB" or self.negated(verb) or not (told or self.is_future(verb, certain=announced)):
                continue
            if self.in_condition(verb):
                continue  # "if Hezbollah fires at us, we will hit them": the condition is what the other side might do
            if announced and (
                (tok.pos_ == "NOUN" and tok.dep_ != "dobj")
                or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            ):
                continue
            subjects, _ = args.subject_of(verb)  # "reserves the right to take measures": the one who reserves
            if tok.lemma_.lower() in SUFFERED or undergone:
                # "Malaysia will bear all responsibility", "Israel will pay the price", "Israel should expect
                # retaliation": the subject is threatened, by whoever says so
                sufferers = [a for a in args.phrase_actors(subjects) if a not in speakers]
                if speakers and sufferers and not announced:
                    return verb, list(speakers), sufferers
                continue
            threateners = args.phrase_actors(subjects or self.right_holder(verb)) or list(speakers)
            if tok.pos_ == "NOUN":
                # "will be met with a strong response from China": the answer's owner threatens
                owners = args.phrase_actors(
                    [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for p in c.children]
                )
                threateners = owners or threateners
            targets = [a for a in self.threatened(verb, tok, inside) if a not in threateners]
            if not targets:
                targets = [m.actor for m in others if m.actor not in threateners]
            if not targets:
                # "Israel struck Iran on Friday. Iran said it would retaliate": at whoever just struck it
                targets = [a for a in self.finder.answered(tok, threateners) if a not in threateners]
            if threateners and targets:
                return verb, threateners, list(dict.fromkeys(targets))
        return None

    def marked_as_targets(self, content: list[Token], speakers: list[str]) -> tuple[Token, list[str], list[str]] | None:
        """ "American bases in the region would be legitimate targets", "British facilities could become targets if
        London sends troops": a state's people or assets said to be (future) targets are threatened by the speaker."""
        for tok in content:
            if tok.lemma_.lower() != "target" or tok.pos_ != "NOUN" or tok.dep_ not in ("attr", "oprd", "acomp"):
                continue
            verb = tok.head
            if verb.lemma_.lower() not in ("be", "become", "remain") or not self.is_future(verb):
                continue
            subjects = children_of(verb, ("nsubj",))
            owners = [a for a in self.finder.args.phrase_actors(subjects) if a not in speakers]
            if owners and not self.negated(verb):
                return verb, list(speakers), owners
        return None

    @staticmethod
    def in_condition(verb: Token) -> bool:
        return any(is_condition(t) for t in (verb, *verb.ancestors))

    @staticmethod
    def right_holder(verb: Token) -> list[Token]:
        """ "The EU reserves the right to take measures": the small model often reads "reserves" as a plural noun,
        leaving "take" without a subject; the holder of the right is then the noun's modifier."""
        right = verb.head
        if verb.dep_ != "acl" or right.lower_ != "right":
            return []
        holder = right.head if right.dep_ in ("dobj", "appos") else right
        if holder.lemma_.lower() != "reserve":
            return []
        return [c for c in holder.children if c.dep_ in ("compound", "poss", "nsubj")]

    def threatened(self, verb: Token, answer: Token, inside: set[int]) -> list[str]:
        args = self.finder.args
        found: list[str] = []
        for clause in verb.subtree:
            if clause.i not in inside:
                continue
            if clause.dep_ == "advcl" and any(c.lower_ in ("if", "unless", "should") for c in clause.children):
                found += args.phrase_actors([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
            if clause.lower_ in ("response", "retaliation", "reply") and clause.head.lower_ in ("in", "as"):
                answered = [p for c in clause.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
                for act in answered:
                    # "in response to Azerbaijan's attack on Armenia": the invader is answered, not its victim
                    doers = children_of(act, OWNER_DEPS)
                    found += (
                        args.phrase_actors(doers) if self.finder.names_act(act) and doers else args.phrase_actors([act])
                    )
        for obj in [c for c in answer.children if c.dep_ in ("dobj", "prep")]:
            found += args.phrase_actors([obj], allow_places=True)
        return found

    @staticmethod
    def is_future(verb: Token, certain: bool = False) -> bool:
        """ "will respond", "would take measures", "reserves the right to retaliate", "can have consequences"
        (``certain``: the verb's own "will", not a "can" or a "will" of the clause it hangs from)."""
        markers = WILL if certain else WILL | {"can", "could"}
        for head in [verb, *list(verb.ancestors)[:2]]:
            own = head.i == verb.i or not certain
            if own and any(c.dep_ in ("aux", "auxpass") and c.lower_ in markers for c in head.children):
                return True
            if head.lemma_.lower() in ("reserve", "vow", "pledge", "promise", "threaten", "warn"):
                return True
        return False
