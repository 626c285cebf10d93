"""Whether an act a trigger names took place: negated ("did not meet"), hypothetical ("could strike"), only
wished, asked for, warned against, charged, deliberated or judged likely, or denied ("denied sending troops",
"rejected reports that it shipped arms"). ingest/events.py asks this of every trigger it reads.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.arguments import children_of, is_infinitive
from ingest.event_words import (
    AGAINST_VERBS,
    ASKING_FOR_VERBS,
    CHARGING_VERBS,
    DECLINED_JUDGEMENTS,
    DELIBERATION_VERBS,
    DEMAND_VERBS,
    DENIAL_VERBS,
    FACTIVE_HEADS,
    FALSITY_WORDS,
    HEARSAY_NOUNS,
    IRREALIS_NOUNS,
    MODALS_HYPOTHETICAL,
    NEGATING_COMPLEMENTS,
    NEGATING_PHRASALS,
    NEGATING_VERBS,
    OPINION_VERBS,
    PROMISING_SAY_VERBS,
    REALIS_VERBS,
    SCENE_PREPS,
    WILLING_WORDS,
    WISH_VERBS,
)
from ingest.lexicon import Trigger

# "would not accept the resolution": acceptance denied, read as a rejection (EventFinder.refusal), so the "not"
# that makes it one does not cancel it.
REFUSAL = Trigger(lemma="accept", pos="VERB", type="REJECT", mode="refusal")
# Verbs that stop goods or work given ("suspended its aid", "froze the funding"); suspending sanctions eases them.
STOPPING_VERBS = frozenset({"suspend", "withhold", "freeze"})


# Nouns that make the act named before them a prospect: "the withdrawal deadline", "a ceasefire proposal" (an
# announced plan is a planned act, kept).
PROSPECT_HEADS = frozenset({"deadline", "proposal"})
# Verbs whose act was made even when what it charges is denied: "accused Y of arming rebels, charges Y denied".
ACCUSING_VERBS = frozenset({"accuse", "blame", "charge"})


# Words that make a noun an act that may happen: "possible sanctions", "a potential deal".
MAYBE_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "eventual", "proposed"})
# Reports being checked: "verifying reports that ...", "investigating claims that ...".
REPORT_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "account"})
CHECKING_VERBS = frozenset({"verify", "check", "investigate", "probe", "examine", "assess", "study", "review"})


def is_irrealis(token: Token, trig: Trigger) -> bool:
    """Negated, hypothetical, denied or opinion: "did not meet", "the possibility of a test", "could strike",
    "denied sending troops"."""
    if is_denied(token) or is_demanded(token, trig) or is_warned_against(token):
        return True
    if is_charged(token):
        return True
    clause = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if clause is not None and clause.dep_ == "ccomp" and unfounded(clause.head):
        return True  # "tabloids claimed, without citing evidence, that Beijing had endorsed ...": a rumour
    if (
        clause is not None
        and clause.dep_ in ("acl", "ccomp")
        and clause.head.lemma_.lower() in REPORT_NOUNS
        and clause.head.head.lemma_.lower() in CHECKING_VERBS
    ):
        return True  # "was verifying reports that Chinese vessels had detained fishermen": not yet established
    owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    if token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in MAYBE_MODIFIERS for n in {token, owner} for c in n.lefts
    ):
        # "prepared for possible demonstrations", "a potential deal", "a proposed expansion of intelligence
        # sharing": what may happen
        return True
    if token.dep_ == "compound" and token.head.lemma_.lower() in PROSPECT_HEADS:
        return True  # "beyond the withdrawal deadline", "a ceasefire proposal": what is due or proposed, not done
    if token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.lemma_.lower() in DELIBERATION_VERBS:
        return True  # "discussed aid, and a meeting between ...": the parser joins a second object to the verb
    if trig.type == "REJECT" and any(c.lemma_.lower() in NEGATING_COMPLEMENTS for c in children_of(token, ("xcomp",))):
        return True  # "refused to rule out a strike", "declined to deny it": two negatives keep the act open
    if trig.type == "REJECT" and any(c.lemma_.lower() in DECLINED_JUDGEMENTS for c in children_of(token, ("xcomp",))):
        return True  # "declined to condemn Beijing": a judgement withheld rejects no one
    if trig.type == "REJECT" and token.dep_ == "xcomp" and token.head.lemma_.lower() in NEGATING_VERBS:
        return True  # the same, read from the inner verb ("rule out" rejects on its own)
    if (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in token.head.children)
        and is_irrealis(token.head, trig)
    ):
        return True  # "did not attack X or threaten Y", "pledged not to arm or support them": "or" shares the "not"
    chain = [token]
    head = token
    # five steps up: "failed to agree on a package of sanctions" puts the verb five tokens above the noun
    for _ in range(5):
        if head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "a ceasefire and a withdrawal": conjoined nouns share their verb's polarity
            continue
        if head.dep_ == "conj" and head.head.dep_ in ("xcomp", "ccomp") and head.head.head.pos_ == "VERB":
            # "urged X to stop arming Y and supporting Z": the second act hangs from what governs the first,
            # not from the first itself (whose own negation it does not share)
            head = head.head.head
            chain.append(head)
            if head.dep_ not in ("xcomp", "aux", "conj"):
                break
            continue
        infinitive = head.dep_ == "ccomp" and is_infinitive(head)
        # A conjoined clause ("does not have X and welcomes Y") keeps its own polarity.
        if head.head.i == head.i or (head.dep_ in ("ROOT", "ccomp", "parataxis", "conj") and not infinitive):
            break
        if head.dep_ == "advcl" and head.tag_ == "VBG":
            break  # "refused to open the corridor, demanding that X reopen": the demand was made
        if head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPS:
            break  # "during his visit to China, X sought to ...": the visit is a real scene of another act
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "in"
            and trig.type == "CONSULT"
            and head.i == token.i
            and head.head.head.pos_ in ("VERB", "AUX")  # (not "no interest in talks")
        ):
            break  # "in a phone call with X, Y discussed ...": the call is where it was discussed
        if presupposed(head):
            break  # "has not imposed sanctions on Russia for its invasion": the invasion took place
        if head.dep_ == "relcl" and head.pos_ in ("VERB", "AUX"):
            break  # "objections from Qatar, which had condemned the raid": a relative clause states its own fact
        if head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
            verb = head.head
            if head.dep_ == "nsubjpass" and (verb.lemma_.lower() in NEGATING_VERBS or negating_phrasal(verb)):
                return True  # "the planned meeting was cancelled", "the rally was called off"
            if any(d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in head.children) and any(
                c.dep_ == "aux" and c.lower_ in MODALS_HYPOTHETICAL for c in verb.children
            ):
                return True  # "a phone call between them could ease the crisis": one that may happen
            if verb.lemma_.lower() not in REALIS_VERBS | {"happen", "occur", "materialize", "materialise"}:
                break  # "the talks have not yielded progress": they took place; only their result is denied
        head = head.head
        chain.append(head)
        if head.pos_ in ("VERB", "AUX") and head.dep_ == "acl" and head.head.lemma_.lower() in IRREALIS_NOUNS:
            chain.append(head.head)  # "seek opportunities to deepen cooperation"
        of = head.head if head.dep_ == "pcomp" and head.head.lower_ == "of" else None
        if head.pos_ in ("VERB", "AUX") and of is not None and of.head.lemma_.lower() in IRREALIS_NOUNS:
            chain.append(of.head)  # "had no intention of imposing restrictions", "the risk of sending troops"
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("xcomp", "aux", "conj"):
            break
    for t in chain:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in WISH_VERBS and trig.type != "REQUEST":
            if is_infinitive(t):
                return True  # "wants China to stop supplying arms": wished of another, not done
        for c in t.children:
            if (c.dep_ == "neg" or c.lower_ in ("never", "no", "neither")) and not (t.i == token.i and trig is REFUSAL):
                return True
            if c.dep_ == "advmod" and c.lower_ == "too" and t.pos_ == "ADJ":
                return True  # "too early to blame China": not done yet
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return True
            if c.dep_ == "mark" and c.lower_ == "for" and any(a.lower_ == "to" for a in t.children):
                return True  # "called for Moscow to return them": asked for, not done
            if c.dep_ == "aux" and c.lower_ in MODALS_HYPOTHETICAL and not reported_future(t, c):
                return True
            if c.dep_ == "advmod" and c.lower_ == "yet" and t.lemma_.lower() in ("have", "be"):
                return True  # "has yet to approve the weapons", "is yet to meet him": not done so far
        if t.dep_ == "pcomp" and t.head.lower_ == "without":
            return True  # "without coordinating with the other two"
        against = t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "against"
        if against and t.head.head.lemma_.lower() in AGAINST_VERBS:
            return True  # "decided against new sanctions", "voted against sending troops"
        lemma = t.lemma_.lower()
        negating = lemma in NEGATING_VERBS or negating_phrasal(t)
        if t.i != token.i and t.pos_ == "VERB" and negating and trig.type != "REJECT":
            return True
        stopped = token.dep_ in ("dobj", "nsubjpass") and token.head.i == t.i
        if stopped and lemma in STOPPING_VERBS and trig.type in ("AID", "COOPERATE"):
            return True  # "suspended its development aid": the aid stops (the suspension is the act)
        if t.i != token.i and t.pos_ == "VERB" and lemma in DEMAND_VERBS and trig.type not in ("REQUEST",):
            return True  # "demanded that Lithuania recall its envoy": asked for, not done
        if t.i != token.i and t.pos_ == "VERB" and lemma in DELIBERATION_VERBS and trig.type != "AGREE":
            return True
        if t.i != token.i and t.pos_ == "VERB" and lemma in OPINION_VERBS:
            return True
        if t.i != token.i and t.pos_ == "NOUN" and lemma in IRREALIS_NOUNS:
            return True
        if t.i != token.i and t.pos_ == "ADJ" and lemma in WILLING_WORDS:
            return True  # "is ready to meet Putin": willing, not done
    return False


def negating_phrasal(verb: Token) -> bool:
    particle = NEGATING_PHRASALS.get(verb.lemma_.lower())
    return particle is not None and _has_particle(verb, particle)


def presupposed(noun: Token) -> bool:
    """An act named as what is judged or punished, or as the reason for it, took place whatever becomes of the
    judgement: "refused to condemn Russia's invasion", "no sanctions over its annexation of Crimea"."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in FACTIVE_HEADS:
        return True
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "over"):
        return False
    judged = prep.head
    # "imposed sanctions on Russia for its invasion": the reason may hang on the verb of the penalty
    return judged.lemma_.lower() in FACTIVE_HEADS or any(
        o.lemma_.lower() in FACTIVE_HEADS for o in children_of(judged, ("dobj",))
    )


def is_charged(token: Token) -> bool:
    """What someone is accused or charged of is alleged, not reported as done (and the accuser did not do it):
    "charged three Iranians with hacking", "indicted two hackers for cyberattacks"."""
    prep = token.head
    return (
        token.dep_ in ("pobj", "pcomp")
        and prep.lower_ in ("of", "with", "for")
        and prep.head.lemma_.lower() in CHARGING_VERBS
    )


def is_warned_against(token: Token) -> bool:
    """ "warned against sending troops", "cautioned against an attack", "warned Finland of countermeasures":
    what is warned against or of is not done."""
    prep = token.head
    return (
        token.dep_ in ("pobj", "pcomp")
        and prep.lower_ in ("against", "of")
        and prep.head.lemma_.lower() in ("warn", "caution", "advise")
    )


def is_demanded(token: Token, trig: Trigger) -> bool:
    """What a state is asked to do has not been done: "demanded that Lithuania recall its envoy"."""
    if trig.type == "REQUEST":
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        asker = token.head.head
        if asker.pos_ in ("PROPN", "NOUN") and asker.dep_ in ("pobj", "dobj"):
            asker = asker.head.head if asker.dep_ == "pobj" else asker.head  # "appealed to Russia for support"
        if asker.lemma_.lower() in ASKING_FOR_VERBS:
            return True  # "called for Seoul's support", "appealed for Japanese aid": asked for, not given
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    head = clause.head
    # "called on Berlin to stop arms deliveries": a call on someone is a demand
    calls_on = head.lemma_.lower() == "call" and any(p.lower_ in ("on", "upon") for p in children_of(head, ("prep",)))
    return clause.dep_ in ("ccomp", "xcomp") and (head.lemma_.lower() in DEMAND_VERBS or calls_on)


def is_denied(token: Token) -> bool:
    """The act is what someone denies, or what a report says that is denied or called false: "X denied
    sending troops", "X rejected reports that it had shipped arms", "rumours that X sold rockets were false",
    "unconfirmed reports suggested that X ...". A clause conjoined to the denial keeps its own polarity
    ("X denied the report and accused Y")."""
    child = token
    for head in token.ancestors:
        if child.dep_ in ("conj", "parataxis", "relcl", "appos"):
            # "Zelensky, who was on a visit to Helsinki, dismissed the claims": a relative clause or an
            # apposition describes someone; what they deny is not in it
            return False
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in DENIAL_VERBS:
            # "X accused Y of arming the rebels, charges Y has denied": the parser may make the accusation the
            # object of the denial written after it, though what is denied is the charge, not that it was made
            # ("Russia sent troops, the Kremlin denied" stays denied)
            accusing = token.lemma_.lower() in ACCUSING_VERBS and child.i == token.i
            return not (accusing and child.dep_ == "ccomp" and child.i < head.i and _after_comma(child, head))
        if lemma in HEARSAY_NOUNS and hearsay_is_doubted(head):
            return True
        if head.pos_ == "VERB" and any(
            s.lemma_.lower() in HEARSAY_NOUNS and hearsay_is_doubted(s)
            for s in head.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ):
            return True  # "unconfirmed reports suggested that X had sent fighters"
        child = head
    return False


def unfounded(verb: Token) -> bool:
    """A claim made "without evidence", "without citing evidence", "without offering proof"."""
    return any(
        t.lemma_.lower() in ("evidence", "proof")
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "without"
        for t in p.subtree
    )


def _after_comma(clause: Token, verb: Token) -> bool:
    """A comma between the end of ``clause`` and ``verb``: "X accused Y ..., charges Y denied"."""
    end = max(t.i for t in clause.subtree)
    return any(t.text == "," for t in clause.doc[end : verb.i])


def reported_future(verb: Token, modal: Token) -> bool:
    """ "An official said Biden would announce aid", "pledged it would back Kyiv": "would" is the future of
    reported speech, not a maybe."""
    return modal.lower_ == "would" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PROMISING_SAY_VERBS


def hearsay_is_doubted(noun: Token) -> bool:
    """A report or rumour that is denied, doubted or called false: "rejected reports that", "unconfirmed reports",
    "rumours that ... were false", "called the report a fabrication", "no truth in reports"."""
    if any(c.lemma_.lower() in FALSITY_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    head = noun.head
    if head.pos_ == "VERB" and head.lemma_.lower() in DENIAL_VERBS:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
        c.lemma_.lower() in FALSITY_WORDS or any(g.lemma_.lower() in FALSITY_WORDS for g in c.children)
        for c in head.children
        if c.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp") and c.i != noun.i
    ):
        return True
    if noun.dep_ == "dobj" and head.lemma_.lower() in ("call", "describe", "label", "brand", "dismiss", "term"):
        # "called the report that X had bombed Y a fabrication" (the judgement may hang anywhere in the phrase)
        if any(t.lemma_.lower() in FALSITY_WORDS for t in head.subtree):
            return True
    if noun.dep_ == "pobj" and head.head.lemma_.lower() == "truth":
        return any(c.lower_ == "no" for c in head.head.children)
    return False


def _has_particle(verb: Token, word: str) -> bool:
    """ "ruled out": the small model makes the particle a preposition or an adverb as often as a particle."""
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word for c in verb.children)
