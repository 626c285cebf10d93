"""Named officials: role and country from the words around the name, short mentions resolved within the article.

A PERSON entity becomes an official when a title stands before it ("Japanese Prime Minister Shigeru Ishiba"), after
it as an apposition ("Shigeru Ishiba, Japan's prime minister"), or when the reference list of office holders
(data/leaders.jsonl) knows the name on the publication date. Anyone else (reporters, analysts, bylines) is not an
official and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ingest.nlp import ACTOR_SPANS
from ingest.syntax import sentence_of
from service.shared import gazetteer, leaders
from service.shared.ids import slug

# Words of institutions' names, never of a person's: "Defense Ministry", "Security Council".
INSTITUTION_WORDS = frozenset(
    {
        "ministry",
        "council",
        "agency",
        "office",
        "committee",
        "commission",
        "department",
        "service",
        "forces",
        "army",
        "bank",
        "fund",
        "court",
        "party",
        "union",
        "front",
        "group",
        "movement",
        "assembly",
        "parliament",
        "house",
        "news",
        "times",
        "post",
        "press",
        "television",
        "radio",
        "university",
        "institute",
        "centre",
        "center",
    }
)
KNOWN_PERSON = "KNOWN_PERSON"  # label of the spans the reference list found where the model found no PERSON
TITLE_WINDOW = 8  # tokens before a name that may hold its title ("White House National Security Adviser")
APPOSITION_WINDOW = 9
# A title set off by a comma before the name ("the emir of Qatar, ..."); a longer one only as the name's apposition.
TITLE_PHRASE_REACH = 6
LONG_TITLE_PHRASE_REACH = 9
# Lower-case words inside a name: "Alberto van Klaveren", "Abdel Fattah al-Sisi".
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "dos", "del", "la", "le", "bin", "ibn", "al", "el"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "h.e.", "gen", "gen.", "lt", "col"})
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Person:
    name: str
    country: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans in the doc
    aliases: set[str] = field(default_factory=set)
    from_text: bool = False  # role or country stated in the article itself

    @property
    def id(self) -> str:
        return "person:" + slug(self.name)


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Role patterns as token tuples, longest first, so "national security adviser" beats "adviser"."""
    patterns: list[tuple[tuple[str, ...], str]] = [(("counterpart",), COUNTERPART)]
    for role in gazetteer.roles():
        for pattern in role.patterns:
            patterns.append((tuple(pattern.lower().replace("-", " - ").split()), role.role))
    return tuple(sorted(set(patterns), key=lambda p: -len(p[0])))


def _norm(token: Token) -> str:
    return token.lower_


@lru_cache(maxsize=1)
def _patterns_by_last_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Role patterns indexed by their last word, longest first within each word."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pattern, role in _role_patterns():
        out.setdefault(pattern[-1], []).append((pattern, role))
    return {word: tuple(found) for word, found in out.items()}


def match_role_ending(tokens: list[Token]) -> tuple[str, int] | None:
    """The role whose pattern ends the token list, and the index where the pattern starts."""
    if not tokens:
        return None
    words = [_norm(t) for t in tokens]
    for pattern, role in _patterns_by_last_word().get(words[-1], ()):
        n = len(pattern)
        if n <= len(words) and tuple(words[-n:]) == pattern:
            return role, len(words) - n
    return None


def match_role_anywhere(tokens: list[Token]) -> tuple[str, int, int] | None:
    """The longest role pattern found anywhere in the tokens (the leftmost of equally long ones)."""
    words = [_norm(t) for t in tokens]
    best: tuple[int, int, str] | None = None  # (-length, start, role)
    by_last = _patterns_by_last_word()
    for end in range(1, len(words) + 1):
        for pattern, role in by_last.get(words[end - 1], ()):
            n = len(pattern)
            if n <= end and tuple(words[end - n : end]) == pattern:
                candidate = (-n, end - n, role)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
                break  # longest first: shorter patterns ending here cannot win
    if best is None:
        return None
    return best[2], best[1], best[1] - best[0]


# "ambassador to Chad", "envoy in Tehran": where an official is posted, not whose official it is.
POSTING_PREPS = frozenset({"to", "in", "at"})


def _actor_at(doc: Doc) -> dict[int, Span]:
    index: dict[int, Span] = {}
    for span in doc.spans[ACTOR_SPANS]:
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _country_in(tokens: list[Token], actor_at: dict[int, Span]) -> str | None:
    """The last state (or organisation) named among the tokens: "Japanese", "Japan's", "White House"; but not the
    state an envoy is posted to when the title names the envoy's own ("the British ambassador in Tehran")."""
    found = None
    posted = None
    for token in tokens:
        span = actor_at.get(token.i)
        if span is None or span.kb_id_ == "place":
            continue
        k = span.start - 1
        if k > 0 and token.doc[k].lower_ == "the":
            k -= 1  # "Ambassador of Japan to the Republic of Kenya"
        before = token.doc[k].lower_ if k >= 0 else ""
        if before in POSTING_PREPS and found is not None:
            posted = span.label_
            continue
        found = span.label_
    return found or posted


def _clean_name(span: Span) -> tuple[str, int, int]:
    """Strip honorifics, titles swallowed by NER, and a possessive from a PERSON entity."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].lower_.rstrip(".") in HONORIFICS or _is_title_word(doc[start])):
        start += 1
    # The NER sometimes cuts a first name off ("Therese" as NORP + "Kayikwamba Wagner" as PERSON).
    while (
        start > 0
        and span.label_ != KNOWN_PERSON
        and _is_name_part(doc[start - 1])
        and doc[start - 1].ent_type_ != "PERSON"
    ):
        start -= 1  # (a PERSON token right before belongs to another name: "Putin Hosts Kim Jong Un")
    text = POSSESSIVE.sub("", doc[start:end].text).strip()
    return text, start, end


def _is_name_part(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.lower_.rstrip(".") not in HONORIFICS
        and token.ent_type_ in ("", "NORP", "PERSON")
        and not _is_title_word(token)
        and gazetteer.lookup(token.text) is None
    )


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(word for pattern, _ in _role_patterns() for word in pattern if len(word) > 2)


def _is_title_word(token: Token) -> bool:
    return token.lower_ in _title_words() and token.ent_iob_ != "B"


TITLE_PREPOSITIONS = frozenset({"of", "in", "to", "for", "at"})
# Offices a state has one of in a given place, so "the US ambassador" named before is the ambassador named after.
POSTED_OFFICES = frozenset({"ambassador", "envoy", "consul", "attache", "attaché", "chargé", "commissioner"})
# Who speaks for a body, and the bodies a spokesman speaks for.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespersons", "spokesmen"})
VOICED_BODIES = frozenset({"ministry", "office", "government", "statement", "embassy", "army", "military", "side"})


def _title_before(doc: Doc, start: int, actor_at: dict[int, Span]) -> tuple[str | None, str | None]:
    sent_start = sentence_of(doc[start]).start
    lo = max(sent_start, start - TITLE_WINDOW)
    window = [t for t in doc[lo:start]]
    # The title chain stops at a verb or at punctuation other than hyphens and possessives.
    for i in range(len(window) - 1, -1, -1):
        t = window[i]
        if (
            t.pos_ in ("VERB", "AUX", "PRON")
            or (t.is_punct and t.text not in ("-", "–") and t.tag_ != "POS")
            or t.lower_
            in (
                "and",
                "with",
                "said",
            )
            # "a war between Ethiopia and Egypt from President Trump": a title's state hangs from it by "of",
            # "in", "to" ("ambassador to Russia"), never by "from" or "over"
            or (t.pos_ == "ADP" and t.lower_ not in TITLE_PREPOSITIONS and t.text.islower())  # not "Under Secretary"
        ):
            window = window[i + 1 :]
            break
    if not window and start - 1 > sent_start and doc[start - 1].text == ",":
        return _title_before_comma(doc, start - 1, actor_at)
    if not window:
        return None, None
    role = match_role_ending(window)
    if role is None:
        return _role_of_state_before(window, actor_at)
    return role[0], _country_in(window, actor_at)


def _role_of_state_before(window: list[Token], actor_at: dict[int, Span]) -> tuple[str | None, str | None]:
    """ "President of Tajikistan Emomali Rahmon", "the Dutch ambassador in Rome Maria Jansen": the office and
    its state (or its posting) run up to the name."""
    spans = [actor_at[t.i] for t in window if t.i in actor_at]
    if not spans or spans[-1].end != window[-1].i + 1:
        return None, None
    k = next(k for k, t in enumerate(window) if t.i == spans[-1].start)
    if k > 0 and window[k - 1].lower_ == "the":
        k -= 1
    if k == 0 or window[k - 1].lower_ not in ("of", "in", "to"):
        return None, None
    role = match_role_ending(window[: k - 1])
    if role is None:
        return None, None
    if window[k - 1].lower_ == "of":
        return (role[0], spans[-1].label_) if spans[-1].kb_id_ in ("name", "org") else (None, None)
    # "the Dutch ambassador in Rome Maria Jansen": the posting is not the envoy's state
    return role[0], _country_in(window[: k - 1], actor_at)


def _title_before_comma(doc: Doc, comma: int, actor_at: dict[int, Span]) -> tuple[str | None, str | None]:
    """ "the emir of Qatar, Sheikh Tamim": a title phrase set off before the name. A long one ("the vice president
    of Cuba's top court, ...") only when the parser makes the name its apposition."""
    role, country = _title_phrase(doc, comma, actor_at, TITLE_PHRASE_REACH)
    if role is None and comma + 1 < len(doc):
        name = doc[comma + 1]
        while name.dep_ in ("compound", "flat") and name.head.i != name.i:
            name = name.head
        if name.dep_ == "appos" and comma - LONG_TITLE_PHRASE_REACH <= name.head.i < comma:
            role, country = _title_phrase(doc, comma, actor_at, LONG_TITLE_PHRASE_REACH)
    return role, country


def _title_phrase(doc: Doc, comma: int, actor_at: dict[int, Span], reach: int) -> tuple[str | None, str | None]:
    lo = max(sentence_of(doc[comma]).start, comma - reach)
    window = list(doc[lo:comma])
    for i in range(len(window) - 1, -1, -1):
        if window[i].pos_ in ("VERB", "AUX") or window[i].is_punct or window[i].lower_ in ("and", "or"):
            window = window[i + 1 :]
            break
    if window and window[0].pos_ == "ADP":
        if window[0].i == sentence_of(window[0]).start:
            return None, None  # "In a call with the Kenyan president, Macron said": a fronted phrase, no title
        window = window[1:]  # "was with his Egyptian counterpart, Sameh Shoukry": the title opens after it
    found = match_role_anywhere(window)
    # "the emir of Qatar, ...", "its envoy, ...", "Brazil's ambassador, ...": a phrase that opens as a title does
    opens = window and (window[0].lower_ in ("the", "a", "an") or window[0].tag_ == "PRP$" or window[0].i in actor_at)
    if found is None or not opens:
        return None, None
    owner = actor_at.get(window[0].i)
    if owner is not None and owner.end < len(doc) and doc[owner.end].tag_ == "POS":
        return found[0], owner.label_  # "Morocco's ambassador to Germany, ...": the possessor sends the envoy
    return found[0], _country_in(window, actor_at)


def _title_after(doc: Doc, end: int, actor_at: dict[int, Span]) -> tuple[str | None, str | None]:
    """Apposition: "Shigeru Ishiba, Japan's prime minister," or "Wang Yi, China's top diplomat"."""
    if end >= len(doc) or doc[end].text != ",":
        return None, None
    sent_end = sentence_of(doc[end]).end
    window: list[Token] = []
    for t in doc[end + 1 : min(sent_end, end + 1 + APPOSITION_WINDOW)]:
        if t.text in (",", ";", "(", ")") or t.pos_ in ("VERB", "AUX"):
            break
        window.append(t)
    if window and window[0].lower_ in ("and", "or", "but", "who", "which"):
        return None, None  # "X, and President Y": the next item of a list, not an apposition
    # "X, US President Donald Trump's senior adviser": the role follows the last possessive
    owner_end = max((k + 1 for k, t in enumerate(window) if t.tag_ == "POS"), default=0)
    found = match_role_anywhere(window[owner_end:])
    if found is None:
        return None, None
    role, i, _ = found
    if i > 4:  # the role must open the apposition, not sit deep in a relative clause
        return None, None
    return role, _country_in(window, actor_at)


def _same_person(short: str, full: str) -> bool:
    a, b = short.lower().split(), full.lower().split()
    if not a or not b or len(a) > len(b):
        return False
    return b[-len(a) :] == a or b[: len(a)] == a


def find_people(doc: Doc, published: date | None) -> list[Person]:
    actor_at = _actor_at(doc)
    people: list[Person] = []
    for ent in _person_spans(doc, published, actor_at):
        name, start, end = _clean_name(ent)
        # "Armenia Nikol Pashinyan": the NER swallowed the state of "Prime Minister of Armenia" into the name.
        leading = None
        while start < end - 1 and start in actor_at and actor_at[start].kb_id_ in ("name", "adjective"):
            leading = actor_at[start].label_
            start = actor_at[start].end
            name = POSSESSIVE.sub("", doc[start:end].text).strip()
        if not name or not any(c.isalpha() for c in name) or start >= end:
            continue
        if start in actor_at:  # "Xi Jinping" is not a place; but "Jordan" matched as a state is not a person
            if actor_at[start].kb_id_ in ("name", "adjective"):
                continue
        role, country = _title_before(doc, start, actor_at)
        if role is None:
            role, country = _title_after(doc, end, actor_at)
        if role is not None and country is None:
            country = leading or _country_after_name(doc, end, actor_at) or _country_of_phrase(doc, start, actor_at)
        elif role is None and country is None:
            # "her counterparts John Mensah of Liberia and Awa Ndiaye of Senegal"
            country = _country_after_name(doc, end, actor_at, states_only=True)
        if role == COUNTERPART:
            role = _previous_role(people, doc, start)
        _add_mention(people, name, (start, end), role, country)
    _fill_from_reference(people, published, _governing(doc, people))
    people = _merged(people)
    _country_of_patron(doc, people)
    _country_from_context(doc, people, actor_at)
    officials = [p for p in people if p.role or p.country]
    _add_untagged_mentions(doc, officials)
    return officials


def _person_spans(doc: Doc, published: date | None, actor_at: dict[int, Span]) -> list[Span]:
    """PERSON entities, and full names of known office holders the small model did not tag ("Sergey Shoigu",
    "King Abdullah II")."""
    spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    tagged = {i for ent in spans for i in range(ent.start, ent.end)}
    known = filter_spans([Span(doc, s, e, label=KNOWN_PERSON) for _, s, e in _reference_matcher(doc.vocab)(doc)])
    for span in known:  # the longest names first ("King Abdullah II" over "King Abdullah")
        if not tagged & set(range(span.start, span.end)):
            spans.append(span)
            tagged.update(range(span.start, span.end))
    spans += [span for span in _titled_names(doc, actor_at) if not tagged & set(range(span.start, span.end))]
    tagged.update(i for span in spans for i in range(span.start, span.end))
    spans += [span for span in _surnames(doc, published, actor_at) if span.start not in tagged]
    return sorted(spans, key=lambda span: span.start)


# Words before a place name: "in Austin" is the city, "Austin said" the secretary.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "to", "into", "outside", "across", "via"})


def _surnames(doc: Doc, published: date | None, actor_at: dict[int, Span]) -> list[Span]:
    """A surname alone that the small model did not tag as a person ("Erdogan condemned ...", tagged a place): a
    one-word alias of the reference list whose one holder is in office on the publication date."""
    known = leaders.surnames()
    # the tagger often calls a one-word name that opens a sentence a common noun ("Lula will meet Xi")
    candidates = [
        t
        for t in doc
        if t.text in known and (t.pos_ == "PROPN" or (t.is_sent_start and t.dep_ in ("nsubj", "nsubjpass")))
    ]
    if not candidates:
        return []
    found = []
    for token in candidates:
        if token.i in actor_at or (token.i > 0 and doc[token.i - 1].lower_ in PLACE_PREPOSITIONS):
            continue
        if leaders.find_person(token.text, published):
            found.append(Span(doc, token.i, token.i + 1, label=KNOWN_PERSON))
    return found


def _titled_names(doc: Doc, actor_at: dict[int, Span]) -> list[Span]:
    """Names the small model tags as organisations or places right after a title ("Government spokesman Stelios
    Petsas", "Defense Ministry spokeswoman Shushan Stepanyan"): two to four capitalised words, none of them a word
    of an institution's name, that name no actor."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or not 2 <= len(ent) <= 4:
            continue
        if any(not t.is_title or t.pos_ != "PROPN" or t.lower_ in INSTITUTION_WORDS or t.i in actor_at for t in ent):
            continue
        if match_role_ending(list(doc[max(0, ent.start - 3) : ent.start])) is not None:
            found.append(Span(doc, ent.start, ent.end, label="PERSON"))
    return found + _untagged_titled_names(doc, actor_at)


def _untagged_titled_names(doc: Doc, actor_at: dict[int, Span]) -> list[Span]:
    """Two to four capitalised words the small model tagged as nothing, right after a title ("MEA spokesperson
    Randhir Jaiswal"): a name, as a title is followed by one."""
    found = []
    i = 0
    while i < len(doc):
        j = _untagged_name_end(doc, i, actor_at)
        if 2 <= j - i <= 4 and (j == len(doc) or not doc[j].is_title or doc[j].is_punct):
            if _title_before(doc, i, actor_at)[0] is not None:  # "Minister of Foreign Affairs of Chile Alberto ..."
                found.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return found


def _untagged_name_end(doc: Doc, start: int, actor_at: dict[int, Span]) -> int:
    """Where a run of untagged name words from ``start`` ends (a lower-case particle only inside it)."""
    end = start
    while end < len(doc) and end - start < 5:
        particle = end > start and doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title
        if not (particle or _is_untagged_name_part(doc[end], actor_at)):
            break
        end += 1
    return end


def _is_untagged_name_part(token: Token, actor_at: dict[int, Span]) -> bool:
    return (
        token.ent_type_ == ""
        and token.pos_ == "PROPN"
        and token.is_title
        and token.i not in actor_at
        and token.lower_ not in INSTITUTION_WORDS
        and not _is_title_word(token)
        and gazetteer.lookup(token.text) is None
    )


@lru_cache(maxsize=2)
def _reference_matcher(vocab: Vocab) -> PhraseMatcher:
    """The reference list's full names and unambiguous aliases of two or more words, matched as written and without
    their accents."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = {n for office in leaders.offices() for n in (office.name, *office.aliases) if len(n.split()) >= 2}
    names |= {leaders.ascii_form(n) for n in names}
    names |= {n[:-1] for n in names if n.endswith((" Jr.", " Sr."))}  # "Ferdinand Marcos Jr" as often as "Jr."
    matcher.add(KNOWN_PERSON, [Doc(vocab, words=re.findall(r"\w+|[^\w\s]", n)) for n in sorted(names)])
    return matcher


def _add_untagged_mentions(doc: Doc, people: list[Person]) -> None:
    """Short mentions the NER missed or mislabelled ("Biden's planned bilateral" tagged ORG)."""
    by_word: dict[str, Person] = {}
    for person in people:
        for alias in (person.name, *person.aliases):
            words = alias.split()
            if len(words) == 1:
                by_word.setdefault(words[0], person)
        by_word.setdefault(person.name.split()[-1], person)
    known = {i for person in people for start, end in person.mentions for i in range(start, end)}
    for token in doc:
        if token.i in known or token.pos_ != "PROPN":
            continue
        match = by_word.get(token.text)
        if match is not None:
            match.mentions.append((token.i, token.i + 1))


COUNTERPART = "Counterpart"


def _country_of_phrase(doc: Doc, start: int, actor_at: dict[int, Span]) -> str | None:
    """The state of the phrase a name stands in: "the head of the Russian delegation, presidential aide X" (an
    apposition), "the Russian delegation, which included X" (a relative clause about it)."""
    head = doc[start]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    anchor = None
    if head.dep_ == "appos":
        anchor = head.head
    else:
        for up in head.ancestors:
            # "the Russian delegation, which included X"; "the Pakistani delegation led by General X"
            if up.dep_ == "relcl" or (up.dep_ == "acl" and up.lemma_.lower() in ("lead", "head", "include")):
                anchor = up.head
                break
            if up.pos_ == "VERB" and up.dep_ in ("ROOT", "ccomp"):
                break
    if anchor is None:
        return None
    own = {t.i for t in head.subtree}
    for tok in anchor.subtree:
        span = actor_at.get(tok.i)
        if tok.i not in own and span is not None and span.kb_id_ in ("name", "adjective", "org", "agency"):
            return span.label_
    return None


def _country_after_name(doc: Doc, end: int, actor_at: dict[int, Span], states_only: bool = False) -> str | None:
    """ "Foreign Minister Olivier Nduhungirehe of Rwanda"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        span = actor_at.get(end + 1) or (actor_at.get(end + 2) if doc[end + 1].lower_ == "the" else None)
        if span is not None and span.kb_id_ in (("name",) if states_only else ("name", "org")):
            return span.label_
    return None


def _previous_role(people: list[Person], doc: Doc, start: int) -> str | None:
    """ "X and his Congolese counterpart Y": Y holds X's office in another state."""
    sent_start = sentence_of(doc[start]).start
    best: tuple[int, str | None] | None = None
    for person in people:
        for s, _ in person.mentions:
            if sent_start <= s < start and (best is None or s > best[0]):
                best = (s, person.role)
    return best[1] if best else None


def _add_mention(people: list[Person], name: str, span: tuple[int, int], role: str | None, country: str | None) -> None:
    for person in people:
        if _same_person(name, person.name) or _same_person(person.name, name):
            if len(name.split()) > len(person.name.split()):
                person.aliases.add(person.name)
                person.name = name
            elif name != person.name:
                person.aliases.add(name)
            person.mentions.append(span)
            if role and not person.role:
                person.role = role
            if country and not person.country:
                person.country = country
            person.from_text = person.from_text or bool(role or country)
            return
    people.append(Person(name, country, role, [span], set(), bool(role or country)))


def _country_of_patron(doc: Doc, people: list[Person]) -> None:
    """An aide named through the leader they serve works for that leader's state: "Trump's senior adviser Jared
    Kushner", "Reinaldo Cerna, an adviser to President Ortega"."""
    at = person_at(people)
    for person in people:
        if person.country or not person.role:
            continue
        for start, end in person.mentions:
            sent = doc[start].sent
            window = doc[max(sent.start, start - 6) : min(sent.end, end + 8)]
            patrons = [
                other
                for tok in window
                if (other := at.get(tok.i)) is not None and other is not person and other.country
                if tok.dep_ == "poss"
                or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS")
                or (tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for"))
            ]
            if patrons:
                person.country = patrons[0].country
                break


def _country_from_context(doc: Doc, people: list[Person], actor_at: dict[int, Span]) -> None:
    """An official whose title names no state ("Foreign Secretary X", "spokesperson Y") serves, in news, the state
    the story is about: the state named most often in the article."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for span in doc.spans[ACTOR_SPANS]:
        if span.kb_id_ in ("name", "adjective", "capital", "seat", "agency"):
            counts[span.label_] = counts.get(span.label_, 0) + 1
            first.setdefault(span.label_, span.start)
    actors = gazetteer.load_actors()
    # The state named most often; on a tie, the one named first (the story's lede).
    ranked = [(n, -first[actor], actor) for actor, n in counts.items() if actors[actor].kind == "country"]
    if not ranked:
        return
    state = max(ranked)[2]
    for person in people:
        if person.role and not person.country:
            person.country = _office_named_before(doc, person, actor_at) or state


def _office_named_before(doc: Doc, person: Person, actor_at: dict[int, Span]) -> str | None:
    """ "summoned the US ambassador ... summoned Ambassador Mike Raynor": the office was named with its state before
    its holder was named without one. A spokesman's office is the ministry or statement he speaks for: "the
    Egyptian statement, released by ministry spokesman X", "the Chinese defence ministry ... X, spokesman for the
    ministry" (the nearest one named with its state, in his sentence or the one before)."""
    office = (person.role or "").split()[-1].lower()
    first = min((start for start, _ in person.mentions), default=0)
    if office in POSTED_OFFICES:
        for tok in doc[:first]:
            if tok.lower_ == office and tok.pos_ == "NOUN" and len(states := _states_modifying(tok, actor_at)) == 1:
                return states.pop()
    if office not in SPOKESPEOPLE:
        return None
    sent = sentence_of(doc[first])
    lo = sentence_of(doc[sent.start - 1]).start if sent.start > 0 else sent.start
    for tok in reversed(doc[lo:first]):
        if tok.lemma_.lower() in VOICED_BODIES and len(states := _states_modifying(tok, actor_at)) == 1:
            return states.pop()
    return None


def _states_modifying(noun: Token, actor_at: dict[int, Span]) -> set[str]:
    return {
        actor_at[c.i].label_
        for c in noun.children
        if c.dep_ in ("amod", "compound", "poss") and c.i in actor_at and actor_at[c.i].kb_id_ in ("name", "adjective")
    }


def _has_extra_words(name: str, office: leaders.Office) -> bool:
    """The mention is a known name with words before it that belong to no alias of it."""
    mention = leaders.normalize_name(name)
    known = [leaders.normalize_name(n) for n in (office.name, *office.aliases)]
    return mention not in known and any(
        mention.endswith(" " + k) and len(k.split()) >= 2 and len(mention.split()) == len(k.split()) + 1 for k in known
    )


def _is_organisation(actor_id: str) -> bool:
    actor = gazetteer.load_actors().get(actor_id)
    return actor is not None and actor.kind != "country"


# Words after a leader's name that make it a government: "the Obama administration", "the Merkel government".
GOVERNMENT_WORDS = frozenset({"administration", "government", "presidency", "cabinet", "era"})


def _governing(doc: Doc, people: list[Person]) -> set[str]:
    """The names written as a government ("the Obama administration"): even one word names the statesman."""
    return {p.name for p in people for _, end in p.mentions if end < len(doc) and doc[end].lower_ in GOVERNMENT_WORDS}


def _fill_from_reference(
    people: list[Person], published: date | None, governing: set[str] | frozenset[str] = frozenset()
) -> None:
    """Known office holders: the country and role the text leaves out, and the full name of a short mention.
    Someone not in office that day (a former or future minister) still gives their country, not a role; a surname
    alone only when it names a government ("the Obama administration"), else it is too often someone else's."""
    for person in people:
        offices = leaders.find_person(person.name, published)
        if not offices and person.role:
            offices = leaders.find_person(f"{person.role} {person.name}", published)  # "Pope" + "Francis"
        in_office = bool(offices)
        named = person.role or person.country or len(person.name.split()) > 1 or person.name in governing
        if not offices and published is not None and named:
            offices = leaders.find_person(person.name)  # a known statesman out of office still has a state
        if not offices:
            continue
        office = offices[0]
        if _has_extra_words(person.name, office):
            person.aliases.add(person.name)  # "Minster Benjamin Netanyahu": a misspelt title swallowed by the NER
            person.name = office.name
        if person.country and _is_organisation(person.country) and not office.international:
            person.country = None  # "BRICS chair president Cyril Ramaphosa" holds his own state's office
        if not in_office:
            person.country = person.country or office.country
            continue
        # "since the start of President Joe Biden's term" in a story about Ukraine: the holder of that very office
        # that day is the reference's, whatever state the words around the title name
        if person.country and office.country != person.country and not _same_office(person.role, office):
            continue  # the text says otherwise: trust the text
        if len(office.name.split()) > len(person.name.split()):
            person.aliases.add(person.name)
            person.name = office.name
        person.country = office.country
        person.role = person.role or office.role


def _same_office(role: str | None, office: leaders.Office) -> bool:
    """The title the text gives is the office the reference list has the person holding ("President", "Pope")."""
    if not role:
        return False
    titles = {office.role.lower(), (office.title or "").lower()} - {""}
    return role.lower() in titles


def _merged(people: list[Person]) -> list[Person]:
    """One person per identity: "Ferdinand Marcos Jr" as written and "Marcos" completed from the reference list
    to "Ferdinand Marcos Jr." are the same man."""
    by_id: dict[str, Person] = {}
    for person in people:
        first = by_id.setdefault(person.id, person)
        if first is person:
            continue
        first.mentions += person.mentions
        first.aliases |= person.aliases | {person.name, first.name}
        if len(person.name) > len(first.name):
            first.name = person.name  # the reference spelling is the fuller one
        first.aliases.discard(first.name)
        first.country = first.country or person.country
        first.role = first.role or person.role
        first.from_text = first.from_text or person.from_text
    return list(by_id.values())


def person_at(people: list[Person]) -> dict[int, Person]:
    index: dict[int, Person] = {}
    for person in people:
        for start, end in person.mentions:
            for i in range(start, end):
                index[i] = person
    return index
