"""The extractor: a cleaned article in, countries, officials, places and dated events out. Pure: no I/O.

    nlp = load_pipeline()
    extraction = extract(parse_article(raw), nlp)

`extract_many` runs `nlp.pipe` over a batch, which is how the worker and the benchmark call it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ingest.cleanup import CleanArticle
from ingest.events import EventFinder, FoundEvent
from ingest.mentions import MentionFinder
from ingest.merge import merge_events
from ingest.models import ActorRef, Event, Extraction, PersonRef
from ingest.people import Person, find_people
from ingest.statements import StatementFinder
from service.shared import gazetteer

# Past this size an article is cut at a paragraph boundary: news stories are far shorter, and spaCy's parser
# cost grows with length. The cut is reported in Extraction.truncated.
MAX_ANALYSED_CHARS = 100_000
# A short aside in brackets: "Lee Teng-hui (李登輝)", "the treaty organisation (CSTO)", "(AP)". The small parser
# often attaches the words after it to the wrong head, so the parse reads the text with the aside blanked out;
# a name in brackets stays ("the foreign minister (Badr Abdelatty)", "Dagalo (Hemedti)"): it names an official.
ASIDE = re.compile(r"\s?\(([^()\n]{1,80})\)")
NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")
# A headline that opens with two names joined by a comma, then a verb: "Armenia, Azerbaijan sign peace deal".
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
HEADLINE_PAIR = re.compile(rf"^({_NAME}), (?={_NAME} [a-z])")
HEADLINE_WORDS = 16


def analysed_text(article: CleanArticle) -> str:
    """The headline is analysed too: it often states the article's main relation ("ties deepen")."""
    body = article.text
    if len(body) > MAX_ANALYSED_CHARS:
        cut = body.rfind("\n\n", 0, MAX_ANALYSED_CHARS)
        body = body[: cut if cut > 0 else MAX_ANALYSED_CHARS]
    if article.title and article.title.strip() and not body.startswith(article.title.strip()):
        return article.title.strip() + "\n\n" + body
    return body


def extract(article: CleanArticle, nlp: Language) -> Extraction:
    return next(extract_many([article], nlp))


def parse_view(text: str) -> str:
    """The text the parser reads: asides in brackets replaced by as many spaces, and a headline's comma between
    two names read as "&", so every offset still points into the text as written (evidence is cut from that)."""

    def blank(aside: re.Match[str]) -> str:
        words = aside.group(1).split()
        if len(words) <= 4 and all(NAME_WORD.fullmatch(w) for w in words):
            return aside.group(0)
        return " " * len(aside.group(0))

    return _headline_pair(ASIDE.sub(blank, text))


def _headline_pair(text: str) -> str:
    """ "Modi, Xi hold talks in Tianjin": headlines join two names with a comma, which the small parser does not
    read as "and". Only in a first line that is a headline (short, no full stop)."""
    first, sep, rest = text.partition("\n")
    if len(first.split()) > HEADLINE_WORDS or first.rstrip().endswith((".", "?", "!", '"', "”")):
        return text
    return HEADLINE_PAIR.sub(r"\1 &", first, count=1) + sep + rest


def extract_many(articles: Iterable[CleanArticle], nlp: Language, batch_size: int = 16) -> Iterator[Extraction]:
    pending = list(articles) if not isinstance(articles, list) else articles
    texts = [analysed_text(a) for a in pending]
    for article, text, doc in zip(pending, texts, nlp.pipe(map(parse_view, texts), batch_size=batch_size), strict=True):
        yield from_doc(doc, article, text)


def from_doc(doc: Doc, article: CleanArticle, text: str | None = None) -> Extraction:
    """``text``: the text as written, when the doc was parsed from its parse_view."""
    published = article.published
    people = find_people(doc, published)
    finder = EventFinder(doc, people, published)
    mentions = MentionFinder(finder)
    mentions.inject(finder.index)  # "it", "the bloc", "the two countries" read as the actors they refer to
    found = finder.find() + StatementFinder(finder, mentions).find()
    return assemble(doc, article, people, found, acting=mentions.subjects(), text=text)


def assemble(
    doc: Doc,
    article: CleanArticle,
    people: list[Person],
    found: list[FoundEvent],
    acting: Iterable[str] = (),
    text: str | None = None,
) -> Extraction:
    published = article.published
    text = doc.text if text is None else text
    events = merge_events([_to_event(e, text) for e in map(_without_places, found) if _has_sides(e)])
    if published is not None:
        for event in events:
            if event.date is None:
                # Nothing in the text dates it: news reports what was done or said by the day it is published.
                event.date, event.date_precision, event.date_source = published.isoformat(), "day", "publication"
    return Extraction(
        text=text,
        title=article.title,
        byline=article.byline,
        dateline=article.dateline,
        published=published.isoformat() if published else None,
        url=article.url,
        countries=_actor_refs(events, people, kind="country", acting=acting),
        organizations=_actor_refs(events, people, kind="org") + _actor_refs(events, people, kind="group"),
        people=[_person_ref(p, text) for p in people if not _international(p)],
        international_officials=[_person_ref(p, text) for p in people if _international(p)],
        places=sorted({e.location for e in events if e.location}),
        events=events,
    )


def _without_places(found: FoundEvent) -> FoundEvent:
    """Regions and seas ("the Sea of Japan") can be where an act happens, never who acts or is acted on."""
    actors = gazetteer.load_actors()

    def keep(ids: list[str]) -> list[str]:
        return [a for a in ids if (actors[a].kind if a in actors else "country") != "other"]

    found.source, found.target = keep(found.source), keep(found.target)
    return found


def _has_sides(found: FoundEvent) -> bool:
    if found.symmetric:
        return len(set(found.source) | set(found.target)) >= 2
    return bool(found.source) and bool(found.target)


def _to_event(found: FoundEvent, text: str) -> Event:
    sent = found.sentence
    return Event(
        type=found.type,
        source=found.source,
        target=found.target,
        symmetric=found.symmetric,
        date=found.date.value if found.date else None,
        date_precision=found.date.precision if found.date else None,
        status=found.status,  # type: ignore[arg-type]
        location=found.location,
        evidence=text[sent.start_char : sent.end_char].strip(),
        start=sent.start_char,
        end=sent.end_char,
        confidence=found.confidence,
        mode=found.mode,
        date_source=found.date_source,
        trigger=found.trigger.text,
        people=found.people,
    )


def _actor_refs(events: list[Event], people: list[Person], *, kind: str, acting: Iterable[str] = ()) -> list[ActorRef]:
    """Actors that act in an event, states whose named official appears, and states that are the subject of some
    sentence (they act there, even when no event of ours caught the act)."""
    actors = gazetteer.load_actors()
    ids: list[str] = []
    for event in events:
        ids.extend(event.source + event.target)
    ids.extend(p.country for p in people if p.country)
    ids.extend(acting)
    out: list[ActorRef] = []
    for actor_id in dict.fromkeys(ids):
        actor = actors.get(actor_id)
        if actor is not None and actor.kind == kind:
            out.append(ActorRef(actor.id, actor.kind, actor.name))
    return out


def _international(person: Person) -> bool:
    """Officials of organisations (NATO's secretary-general) act for the organisation, not for a state."""
    actor = gazetteer.load_actors().get(person.country or "")
    return actor is not None and actor.kind != "country"


def _person_ref(person: Person, text: str) -> PersonRef:
    # An article that never writes the canonical name ("Abdelfatah al Sisi", "King Salman") is reported with its
    # own spelling: its fullest form as written.
    written = None
    if person.name not in text and person.aliases:
        written = max(sorted(person.aliases), key=len)
    return PersonRef(
        id=person.id,
        name=person.name,
        country=person.country,
        role=person.role,
        aliases=sorted(person.aliases - {person.name}),
        written=written,
    )


def published_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
