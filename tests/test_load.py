"""ingest.load against a real Neo4j: the nodes and edges an article becomes, one Event per real-world event across
articles, the relationship layer, idempotent re-ingest and all-or-nothing writes.

The end-to-end tests run the real pipeline on articles written here; the graph tests build `Extraction`s by hand so
that they do not depend on how the extractor is tuned.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from typing import Any

import neo4j
import pytest

from ingest import keys
from ingest.cleanup import CleanArticle, parse_article
from ingest.extract import extract
from ingest.load import WriteResult, _resolve_events, write_article, write_article_tx
from ingest.merge import merge_events
from ingest.models import EVENT_TYPES, ActorRef, Event, Extraction, PersonRef
from service.graph.queries import load_query
from service.graph.repository import GraphRepository
from service.shared import gazetteer
from service.shared.relations import RELATION_OF_TYPE, Relation, actor_pairs, relation_for
from tests.conftest import nodes, rels

# --------------------------------------------------------------------------- helpers

Snapshot = tuple[frozenset[Any], frozenset[Any]]


def snapshot(repo: GraphRepository) -> Snapshot:
    """Every node (labels, properties) and relationship (ends, type, properties): "the graph did not change" is
    `snapshot(repo) == before`."""

    def frozen(value: Any) -> Any:
        if isinstance(value, dict):
            return tuple(sorted((k, frozen(v)) for k, v in value.items()))
        return tuple(frozen(v) for v in value) if isinstance(value, list) else value

    with repo.driver.session(database=repo.database) as session:
        node_rows = session.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props")
        found_nodes = frozenset(frozen(row.data()) for row in node_rows)
        rel_rows = session.run(
            "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b"
        )
        found_rels = frozenset(frozen(row.data()) for row in rel_rows)
    return found_nodes, found_rels


def make_article(text: str, *, url: str | None = None, published: date | None = date(2023, 8, 20)) -> CleanArticle:
    return CleanArticle(text=text, title=None, byline=None, dateline=None, published=published, url=url)


def make_event(
    text: str,
    sentence: str,
    type_: str,
    source: list[str],
    target: list[str] | None = None,
    *,
    symmetric: bool = False,
    date: str | None = None,
    mode: str | None = None,
    people: list[str] | None = None,
    location: str | None = None,
    status: str = "occurred",
) -> Event:
    start = text.index(sentence)
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else None
    return Event(
        type=type_,
        source=source,
        target=target or [],
        symmetric=symmetric,
        date=date,
        date_precision=precision,
        status=status,  # type: ignore[arg-type]
        location=location,
        evidence=sentence,
        start=start,
        end=start + len(sentence),
        confidence=0.8,
        mode=mode,
        people=people or [],
    )


def make_extraction(article: CleanArticle, events: list[Event], people: list[PersonRef] | None = None) -> Extraction:
    """Countries and organisations as the extractor lists them: every actor of an event or of a named official."""
    actors = gazetteer.load_actors()
    ids = [a for e in events for a in (*e.source, *e.target)] + [p.country for p in people or [] if p.country]
    refs = [ActorRef(a, actors[a].kind, actors[a].name) for a in dict.fromkeys(ids)]
    return Extraction(
        text=article.text,
        title=article.title,
        byline=None,
        dateline=None,
        published=article.published.isoformat() if article.published else None,
        url=article.url,
        countries=[r for r in refs if r.kind == "country"],
        organizations=[r for r in refs if r.kind != "country"],
        people=people or [],
        places=sorted({e.location for e in events if e.location}),
        events=events,
    )


def meeting(
    sentence: str,
    when: str | None,
    *,
    url: str | None,
    published: date = date(2023, 8, 20),
    sides: tuple[str, ...] = ("DEU", "FRA"),
) -> tuple[CleanArticle, Extraction]:
    article = make_article(sentence, url=url, published=published)
    event = make_event(sentence, sentence, "CONSULT", list(sides), symmetric=True, date=when, mode="meeting")
    return article, make_extraction(article, [event])


def event_nodes(repo: GraphRepository) -> set[tuple[Any, ...]]:
    return nodes(repo, "Event", ["type", "date", "date_precision", "mentions", "first_reported", "last_reported"])


def edges(repo: GraphRepository, rel_type: str, key: str = "iso3") -> set[tuple[Any, ...]]:
    """(start, end, event_count, first_date, last_date) of the relationship-layer edges of one type."""
    return rels(repo, rel_type, key, key, ["event_count", "first_date", "last_date"])


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from ingest.nlp import load_pipeline

    return load_pipeline()


# --------------------------------------------------------------------------- end to end (real pipeline)

PARIS_TEXT = (
    "European leaders meet in Paris\n\n"
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Friday to discuss European "
    "defence. Russia launched a missile attack on Ukraine on Thursday, officials in Kyiv said."
)
PARIS_URL = "https://news.example.com/2023/08/18/paris-meeting"
MEETING_SENTENCE = (
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Friday to discuss European defence."
)
ATTACK_SENTENCE = "Russia launched a missile attack on Ukraine on Thursday, officials in Kyiv said."


@pytest.mark.model
def test_an_article_becomes_the_expected_nodes_and_edges(graph: GraphRepository, nlp) -> None:  # type: ignore[no-untyped-def]
    article = parse_article(PARIS_TEXT, url=PARIS_URL, published=date(2023, 8, 18))
    extraction = extract(article, nlp)

    result = write_article(graph, article, extraction, source="paris.txt")

    article_id = keys.article_id(PARIS_URL, article.text)
    assert result == WriteResult(article_id=article_id, created=True, new_events=2, merged_events=0)
    assert len(article_id) == 24
    assert nodes(graph, "Article", ["id", "url", "title", "published", "source", "text_hash"]) == {
        (
            article_id,
            PARIS_URL,
            "European leaders meet in Paris",
            "2023-08-18",
            "paris.txt",
            keys.text_hash(article.text),
        )
    }
    assert nodes(graph, "Country", ["id", "iso3", "name"]) == {
        ("DEU", "DEU", "Germany"),
        ("FRA", "FRA", "France"),
        ("RUS", "RUS", "Russia"),
        ("UKR", "UKR", "Ukraine"),
    }
    assert nodes(graph, "Person", ["id", "name"]) == {
        ("person:emmanuel-macron", "Emmanuel Macron"),
        ("person:olaf-scholz", "Olaf Scholz"),
    }
    assert nodes(graph, "Place", ["id", "name"]) == {("place:paris", "Paris")}
    assert nodes(graph, "Event", ["type", "mode", "date", "date_precision", "status", "quad_class", "mentions"]) == {
        ("CONSULT", "meeting", "2023-08-18", "day", "occurred", "verbal_cooperation", 1),
        ("ASSAULT", "attack", "2023-08-17", "day", "occurred", "material_conflict", 1),
    }
    assert nodes(graph, "Event", ["first_reported", "last_reported"]) == {("2023-08-18", "2023-08-18")}

    consult = next(e for e in extraction.events if e.type == "CONSULT")
    consult_id = keys.event_id(keys.event_prefix(consult, article_id), consult.date)
    attack_id = next(row[0] for row in nodes(graph, "Event", ["id", "type"]) if row[1] == "ASSAULT")
    participated = rels(graph, "PARTICIPATED_IN", "iso3", "id", ["role"]) | rels(
        graph, "PARTICIPATED_IN", "id", "id", ["role"]
    )
    assert {row for row in participated if row[0] is not None} == {
        ("DEU", consult_id, "participant"),
        ("FRA", consult_id, "participant"),
        ("person:emmanuel-macron", consult_id, "participant"),
        ("person:olaf-scholz", consult_id, "participant"),
        ("RUS", attack_id, "source"),
        ("UKR", attack_id, "target"),
    }
    assert rels(graph, "OCCURRED_IN") == {(consult_id, "place:paris")}

    reported = rels(graph, "REPORTED_IN", "id", "id", ["sentence", "start", "end"])
    assert {(event, sentence) for event, _, sentence, _, _ in reported} == {
        (consult_id, MEETING_SENTENCE),
        (attack_id, ATTACK_SENTENCE),
    }
    for _, target, sentence, start, end in reported:
        assert target == article_id
        assert extraction.text[start:end] == sentence  # offsets point into the analysed text

    assert rels(graph, "HOLDS_OFFICE", "id", "iso3", ["role", "first_seen", "last_seen"]) == {
        ("person:emmanuel-macron", "FRA", "President", "2023-08-18", "2023-08-18"),
        ("person:olaf-scholz", "DEU", "Chancellor", "2023-08-18", "2023-08-18"),
    }
    assert {end for _, end in rels(graph, "MENTIONS", "id", "iso3")} - {None} == {"DEU", "FRA", "RUS", "UKR"}
    assert {end for _, end in rels(graph, "MENTIONS", "id", "id")} == {  # every actor is keyed id
        "DEU",
        "FRA",
        "RUS",
        "UKR",
        "person:emmanuel-macron",
        "person:olaf-scholz",
    }
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 1, "2023-08-18", "2023-08-18")}
    assert edges(graph, "ATTACKS") == {("RUS", "UKR", 1, "2023-08-17", "2023-08-17")}
    assert rels(graph, "MET_WITH", "iso3", "iso3", ["event_ids", "quad_class"]) == {
        ("DEU", "FRA", (consult_id,), "verbal_cooperation")
    }


@pytest.mark.model
def test_two_articles_about_one_meeting_make_one_event(graph: GraphRepository, nlp) -> None:  # type: ignore[no-untyped-def]
    first = parse_article(PARIS_TEXT, url=PARIS_URL, published=date(2023, 8, 18))
    second_text = "The leaders of Germany and France held talks in Paris on Friday, officials said."
    second = parse_article(second_text, url="https://other.example.org/paris-talks", published=date(2023, 8, 19))

    write_article(graph, first, extract(first, nlp))
    result = write_article(graph, second, extract(second, nlp))

    assert (result.created, result.new_events, result.merged_events) == (True, 0, 1)
    assert len(nodes(graph, "Article", ["id"])) == 2
    consult = {row for row in event_nodes(graph) if row[0] == "CONSULT"}
    assert consult == {("CONSULT", "2023-08-18", "day", 2, "2023-08-18", "2023-08-19")}
    consult_id = next(row[0] for row in nodes(graph, "Event", ["id", "type"]) if row[1] == "CONSULT")
    sentences = {s for e, _, s in rels(graph, "REPORTED_IN", "id", "id", ["sentence"]) if e == consult_id}
    assert sentences == {MEETING_SENTENCE, second_text}
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 1, "2023-08-18", "2023-08-18")}


# --------------------------------------------------------------------------- re-ingest, atomicity


def _one_meeting_and_attack() -> tuple[CleanArticle, Extraction]:
    text = "Germany and France met on Friday. Russia attacked Ukraine."
    article = make_article(text, url="https://example.com/a")
    events = [
        make_event(
            text, "Germany and France met on Friday.", "CONSULT", ["DEU", "FRA"], symmetric=True, date="2023-08-18"
        ),
        make_event(text, "Russia attacked Ukraine.", "ASSAULT", ["RUS"], ["UKR"], date="2023-08-17"),
    ]
    people = [PersonRef("person:emmanuel-macron", "Emmanuel Macron", "FRA", "President", ["Macron"])]
    return article, make_extraction(article, events, people)


def test_reingesting_the_same_url_changes_nothing(graph: GraphRepository) -> None:
    article, extraction = _one_meeting_and_attack()
    created = write_article(graph, article, extraction)
    before = snapshot(graph)

    again = write_article(graph, article, extraction)
    edited = replace(article, text=article.text + " Updated.")  # same URL, edited text: still the same article
    edited_again = write_article(graph, edited, make_extraction(edited, extraction.events))

    assert created.created and not again.created and not edited_again.created
    assert again == edited_again == WriteResult(article_id=created.article_id, created=False)
    assert snapshot(graph) == before


def test_reingesting_the_same_text_without_url_changes_nothing(graph: GraphRepository) -> None:
    article, extraction = _one_meeting_and_attack()
    created = write_article(graph, article, extraction)
    before = snapshot(graph)

    reflowed = replace(article, url=None, text="  " + article.text.replace(" ", "\n", 2) + "\n")
    without_url = write_article(graph, reflowed, make_extraction(reflowed, extraction.events))

    assert without_url == WriteResult(article_id=created.article_id, created=False)
    assert snapshot(graph) == before


def test_an_article_without_url_is_keyed_by_its_text(graph: GraphRepository) -> None:
    article, extraction = _one_meeting_and_attack()
    article = replace(article, url=None)
    first = write_article(graph, article, extraction)
    before = snapshot(graph)
    second = write_article(graph, article, extraction)
    assert first.article_id == keys.article_id(None, article.text)
    assert not second.created and snapshot(graph) == before


class FailingTx:
    """A transaction that runs the first `allowed` statements, then fails: a crash in the middle of an article."""

    def __init__(self, tx: neo4j.ManagedTransaction, allowed: int) -> None:
        self.tx = tx
        self.allowed = allowed
        self.ran: list[str] = []

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> neo4j.Result:
        if len(self.ran) >= self.allowed:
            raise RuntimeError("injected failure")
        self.ran.append(query)
        return self.tx.run(query, parameters, **kwargs)


@pytest.mark.parametrize("allowed", [2, 3])
def test_a_write_that_fails_midway_leaves_the_graph_unchanged(graph: GraphRepository, allowed: int) -> None:
    write_article(graph, *meeting("Germany and France met.", "2023-08", url="https://example.com/earlier"))
    before = snapshot(graph)
    article, extraction = _one_meeting_and_attack()
    failing: list[FailingTx] = []

    def crash_midway(tx: neo4j.ManagedTransaction) -> WriteResult:
        failing.append(FailingTx(tx, allowed))
        return write_article_tx(failing[-1], article, extraction)  # type: ignore[arg-type]

    with graph.driver.session(database=graph.database) as session, pytest.raises(RuntimeError, match="injected"):
        session.execute_write(crash_midway)

    assert len(failing[-1].ran) == allowed  # the article node, its actors and (3) its events were written, then lost
    assert snapshot(graph) == before
    assert write_article(graph, article, extraction).created  # nothing half-written blocks a retry


# --------------------------------------------------------------------------- one event across articles


def test_a_more_precise_date_refines_the_event(graph: GraphRepository) -> None:
    write_article(graph, *meeting("Germany and France met in August.", "2023-08", url="https://a.example/1"))
    result = write_article(
        graph, *meeting("France and Germany met on 18 August.", "2023-08-18", url="https://b.example/2")
    )
    assert (result.new_events, result.merged_events) == (0, 1)
    assert event_nodes(graph) == {("CONSULT", "2023-08-18", "day", 2, "2023-08-20", "2023-08-20")}
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 1, "2023-08-18", "2023-08-18")}

    # A vaguer or undated report later joins the event and keeps its precise date.
    write_article(graph, *meeting("The two met this summer.", "2023", url="https://c.example/3"))
    write_article(
        graph, *meeting("Germany and France met.", None, url="https://d.example/4", published=date(2023, 8, 25))
    )
    assert event_nodes(graph) == {("CONSULT", "2023-08-18", "day", 4, "2023-08-20", "2023-08-25")}


def test_an_incompatible_date_is_another_event(graph: GraphRepository) -> None:
    write_article(graph, *meeting("Germany and France met on Thursday.", "2023-08-17", url="https://a.example/1"))
    write_article(graph, *meeting("Germany and France met on Friday.", "2023-08-18", url="https://b.example/2"))
    write_article(graph, *meeting("Germany and France met in July.", "2023-07", url="https://c.example/3"))
    assert {row[1] for row in event_nodes(graph)} == {"2023-08-17", "2023-08-18", "2023-07"}
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 3, "2023-07", "2023-08-18")}
    # Different sides are different events, whatever the date.
    write_article(
        graph, *meeting("Poland and France met.", "2023-08-18", url="https://d.example/4", sides=("POL", "FRA"))
    )
    assert len(nodes(graph, "Event", ["id"])) == 4


def test_event_matching_prefers_the_same_date_then_precision_then_recency() -> None:
    text = "x"
    prefix = "ev-0000000000000000-"

    def resolve(date_: str | None, *candidates: tuple[str, str | None, str | None]) -> str:
        event = make_event(text, "x", "CONSULT", ["DEU", "FRA"], symmetric=True, date=date_)
        rows = [{"prefix": prefix, "id": i, "date": d, "last_reported": r, "mode": None} for i, d, r in candidates]
        (group,) = _resolve_events([event], [prefix], rows)
        return group.id

    assert resolve("2023-08", ("a", "2023-08-18", None), ("b", "2023-08", None)) == "b"
    assert resolve("2023-08", ("a", None, None), ("b", "2023-08-18", None)) == "b"
    assert resolve(None, ("a", "2023-08-18", "2023-08-20"), ("b", "2022-01-02", "2024-01-01")) == "b"
    assert resolve("2023-09", ("a", "2023-08-18", None)) == keys.event_id(prefix, "2023-09")


def test_mentions_in_several_sentences_of_one_article_are_one_event(graph: GraphRepository) -> None:
    text = "Germany and France met on Friday. The French and German leaders met in Paris."
    article = make_article(text, url="https://example.com/twice")
    first, second = "Germany and France met on Friday.", "The French and German leaders met in Paris."
    events = [
        make_event(text, first, "CONSULT", ["DEU", "FRA"], symmetric=True, date="2023-08-18"),
        make_event(text, second, "CONSULT", ["FRA", "DEU"], symmetric=True, location="Paris"),
    ]
    result = write_article(graph, article, make_extraction(article, events))
    assert (result.new_events, result.merged_events) == (1, 0)
    assert event_nodes(graph) == {("CONSULT", "2023-08-18", "day", 2, "2023-08-20", "2023-08-20")}
    assert {(s, start) for _, _, s, start in rels(graph, "REPORTED_IN", "id", "id", ["sentence", "start"])} == {
        (first, 0),
        (second, text.index(second)),
    }
    assert {place for _, place in rels(graph, "OCCURRED_IN")} == {"place:paris"}


def test_a_planned_event_that_happened_becomes_occurred(graph: GraphRepository) -> None:
    text = "Germany and France will meet on Friday."
    article = make_article(text, url="https://example.com/plan")
    planned = make_event(text, text, "CONSULT", ["DEU", "FRA"], symmetric=True, date="2023-08-18", status="planned")
    write_article(graph, article, make_extraction(article, [planned]))
    article2 = make_article(text.replace("will meet", "met"), url="https://example.com/done")
    done = replace(planned, status="occurred", evidence=article2.text, end=len(article2.text))
    write_article(graph, article2, make_extraction(article2, [done]))
    assert nodes(graph, "Event", ["status", "mentions"]) == {("occurred", 2)}


# --------------------------------------------------------------------------- the relationship layer


def test_relationship_layer_types_directions_and_counts(graph: GraphRepository) -> None:
    text = (
        "Brazil, India and South Africa met. France met Germany. Thailand and Cambodia clashed. "
        "Russia sent troops to Belarus. China sent warships near Taiwan. Russia massed troops. "
        "NATO pledged support for Ukraine. Russia struck Ukraine on Monday. Russia struck Ukraine again in March."
    )
    article = make_article(text, url="https://example.com/layer")

    def ev(sentence: str, type_: str, source: list[str], target: list[str] | None = None, **kw: Any) -> Event:
        return make_event(text, sentence, type_, source, target, **kw)

    events = [
        ev("Brazil, India and South Africa met.", "CONSULT", ["BRA", "IND", "ZAF"], symmetric=True, date="2023-08-22"),
        ev("France met Germany.", "CONSULT", ["FRA"], ["DEU"], date="2023-08"),  # directed, but meeting is mutual
        ev("Thailand and Cambodia clashed.", "ASSAULT", ["THA", "KHM"], symmetric=True),
        ev("Russia sent troops to Belarus.", "MOBILIZE", ["RUS"], ["BLR"], mode="troops", date="2023-02"),
        ev("China sent warships near Taiwan.", "MOBILIZE", ["CHN"], ["TWN"], mode="weapons"),
        ev("Russia massed troops.", "MOBILIZE", ["RUS"], mode="troops"),  # no target: no edge
        ev("NATO pledged support for Ukraine.", "SUPPORT", ["NATO"], ["UKR"], date="2023-07-11"),
        ev("Russia struck Ukraine on Monday.", "ASSAULT", ["RUS"], ["UKR"], date="2023-08-14"),
        ev("Russia struck Ukraine again in March.", "ASSAULT", ["RUS"], ["UKR"], date="2023-03"),
    ]
    write_article(graph, article, make_extraction(article, events))

    assert edges(graph, "MET_WITH") == {
        ("BRA", "IND", 1, "2023-08-22", "2023-08-22"),
        ("BRA", "ZAF", 1, "2023-08-22", "2023-08-22"),
        ("IND", "ZAF", 1, "2023-08-22", "2023-08-22"),
        ("DEU", "FRA", 1, "2023-08", "2023-08"),
    }
    assert edges(graph, "ATTACKS") == {
        ("KHM", "THA", 1, None, None),  # symmetric: smaller id -> larger id; undated
        ("RUS", "UKR", 2, "2023-03", "2023-08-14"),
    }
    assert edges(graph, "DEPLOYS_TROOPS_TO") == {("RUS", "BLR", 1, "2023-02", "2023-02")}
    assert edges(graph, "SHOWS_FORCE_TO") == {("CHN", "TWN", 1, None, None)}
    assert rels(graph, "SUPPORTS", "id", "iso3", ["event_count", "quad_class"]) == {
        ("NATO", "UKR", 1, "verbal_cooperation")
    }
    assert nodes(graph, "Organization", ["id", "name", "kind"]) == {
        ("NATO", "North Atlantic Treaty Organization", "org")
    }
    attacks = rels(graph, "ATTACKS", "iso3", "iso3", ["event_ids"])
    ru_ua_ids = next(ids for a, _, ids in attacks if a == "RUS")
    assert len(set(ru_ua_ids)) == 2


def test_relationship_edges_are_updated_incrementally_across_articles(graph: GraphRepository) -> None:
    write_article(graph, *meeting("Germany and France met.", "2023-08", url="https://a.example/1"))
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 1, "2023-08", "2023-08")}
    write_article(graph, *meeting("Germany and France met on 18 August.", "2023-08-18", url="https://a.example/2"))
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 1, "2023-08-18", "2023-08-18")}  # refined, still one event
    write_article(graph, *meeting("Germany and France met in 2024.", "2024-02-01", url="https://a.example/3"))
    assert edges(graph, "MET_WITH") == {("DEU", "FRA", 2, "2023-08-18", "2024-02-01")}


def test_people_take_the_side_of_their_state_and_accumulate_office_dates(graph: GraphRepository) -> None:
    text = "Macron accused Russia of lying."
    macron = PersonRef("person:emmanuel-macron", "Emmanuel Macron", "FRA", "President", ["Macron"])
    for url, published in (("https://a.example/1", date(2023, 5, 1)), ("https://a.example/2", date(2022, 1, 3))):
        article = make_article(text + f" ({url})", url=url, published=published)
        event = make_event(article.text, text, "ACCUSE", ["FRA"], ["RUS"], people=[macron.id])
        write_article(graph, article, make_extraction(article, [event], [macron]))
    participated = rels(graph, "PARTICIPATED_IN", "id", "type", ["role"])  # every actor is keyed id
    assert participated == {
        ("person:emmanuel-macron", "ACCUSE", "source"),
        ("FRA", "ACCUSE", "source"),
        ("RUS", "ACCUSE", "target"),
    }
    assert rels(graph, "HOLDS_OFFICE", "id", "iso3", ["role", "first_seen", "last_seen"]) == {
        ("person:emmanuel-macron", "FRA", "President", "2022-01-03", "2023-05-01")
    }
    assert nodes(graph, "Person", ["id", "aliases"]) == {("person:emmanuel-macron", ("Macron",))}


def test_an_article_without_events_is_still_recorded(graph: GraphRepository) -> None:
    article = make_article("Nothing happened today.", url="https://example.com/quiet", published=None)
    result = write_article(graph, article, make_extraction(article, []))
    assert result == WriteResult(article_id=result.article_id, created=True)
    assert nodes(graph, "Article", ["url", "published", "source"]) == {
        ("https://example.com/quiet", None, "example.com")
    }


# --------------------------------------------------------------------------- offline


RELATIONS_QUERY = "write/upsert_relations"


def test_every_event_type_maps_to_a_relation() -> None:
    assert set(RELATION_OF_TYPE) == set(EVENT_TYPES)
    assert relation_for("MOBILIZE", "troops") is Relation.DEPLOYS_TROOPS_TO
    assert relation_for("MOBILIZE", "weapons") is Relation.SHOWS_FORCE_TO
    assert set(RELATION_OF_TYPE.values()) | {Relation.DEPLOYS_TROOPS_TO} == set(Relation)


def test_the_relations_query_has_one_branch_per_relation() -> None:
    text = load_query(RELATIONS_QUERY).text
    branches = re.findall(
        r"WHEN rel_type = '(\w+)'\s+THEN \[1\] ELSE \[\] END \| MERGE \(a\)-\[:(\w+)\]->\(b\)\)", text
    )
    assert all(checked == merged for checked, merged in branches)
    assert sorted(name for name, _ in branches) == sorted(r.value for r in Relation)
    (typed,) = re.findall(r"MATCH \(a\)-\[r:([A-Z_|\s]+)\]->\(b\)", text)  # the edge found again by type
    assert sorted(typed.replace("\n", "").replace(" ", "").split("|")) == sorted(r.value for r in Relation)


def test_actor_pairs() -> None:
    assert actor_pairs(Relation.MET_WITH, True, ["FRA", "DEU", "ITA"], []) == [
        ("DEU", "FRA"),
        ("DEU", "ITA"),
        ("FRA", "ITA"),
    ]
    assert actor_pairs(Relation.MET_WITH, False, ["FRA"], ["DEU"]) == [("DEU", "FRA")]
    assert actor_pairs(Relation.ATTACKS, False, ["RUS"], ["UKR", "RUS"]) == [("RUS", "UKR")]
    assert actor_pairs(Relation.SHOWS_FORCE_TO, False, ["RUS"], []) == []


def test_ids_are_deterministic() -> None:
    assert keys.article_id("https://x.example/a#comments", "t") == keys.article_id(" https://x.example/a ", "u")
    assert keys.article_id(None, "Two  words\n") == keys.article_id(None, "Two words")
    assert keys.place_id("São Paulo") == "place:sao-paulo"
    text = "x"
    a = make_event(text, "x", "CONSULT", ["FRA", "DEU"], symmetric=True)
    b = make_event(text, "x", "CONSULT", ["DEU"], ["FRA"], symmetric=True)
    c = make_event(text, "x", "CONSULT", ["DEU"], ["FRA"])
    assert keys.event_prefix(a, "art1") == keys.event_prefix(b, "art2") != keys.event_prefix(c, "art1")
    orphan = make_event(text, "x", "PROTEST", [])
    assert keys.event_prefix(orphan, "art1") != keys.event_prefix(orphan, "art2")
    assert re.fullmatch(r"ev-[0-9a-f]{16}-[0-9a-f]{8}", keys.event_id(keys.event_prefix(a, "art1"), "2023-08"))


def test_importing_the_loader_does_not_load_fastapi() -> None:
    code = "import sys, ingest.load, ingest.sources, ingest.batch; print('fastapi' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_edges_keep_a_score_and_their_strongest_events(graph: GraphRepository) -> None:
    text = "Russia struck Ukraine on Monday. Russia shelled Ukraine in March. Russia accused Ukraine of sabotage."
    article = make_article(text, url="https://example.com/score")
    strike = make_event(text, "Russia struck Ukraine on Monday.", "ASSAULT", ["RUS"], ["UKR"], date="2023-08-14")
    shelling = make_event(text, "Russia shelled Ukraine in March.", "ASSAULT", ["RUS"], ["UKR"], date="2023-03")
    accusation = make_event(text, "Russia accused Ukraine of sabotage.", "ACCUSE", ["RUS"], ["UKR"], date="2023-05")
    events = [replace(strike, confidence=0.9), replace(shelling, confidence=0.5), replace(accusation, confidence=0.7)]
    write_article(graph, article, make_extraction(article, events))

    attacks = rels(graph, "ATTACKS", "iso3", "iso3", ["event_type", "score", "top_event_ids"])
    ((_, _, event_type, score, top),) = attacks
    assert event_type == "ASSAULT"
    assert score == pytest.approx(2 * 0.9 + 2 * 0.5)  # material conflict weighs 2
    dates = dict(nodes(graph, "Event", ["id", "date"]))
    assert [dates[event_id] for event_id in top] == ["2023-08-14", "2023-03"]  # strongest first
    ((*_, accuse_score),) = rels(graph, "ACCUSES", "iso3", "iso3", ["score"])
    assert accuse_score == pytest.approx(0.7)  # verbal weighs 1


def test_edges_keep_a_summary_per_period(graph: GraphRepository) -> None:
    """Per month (events dated to a day or a month), per year (events dated only to a year) and '' (undated): the
    count, score, first and last dates and 3 strongest events, in aligned lists sorted by period."""
    text = (
        "Russia struck Ukraine on Monday. Russia struck Ukraine again. Russia and Belarus shelled Ukraine in August. "
        "Russia and Iran attacked Ukraine in 2022. Russia and North Korea attacked Ukraine. "
        "Russia hit Ukraine in March."
    )
    article = make_article(text, url="https://example.com/periods")
    sentences = [sentence + "." for sentence in text.removesuffix(".").split(". ")]
    # Other sides than RUS alone, or incompatible dates: six events (the loader joins an event's compatible dates).
    sources = [["RUS"], ["RUS"], ["RUS", "BLR"], ["RUS", "IRN"], ["RUS", "PRK"], ["RUS"]]
    dates = ["2023-08-14", "2023-08-02", "2023-08", "2022", None, "2024-03-09"]
    confidences = [0.9, 0.6, 0.5, 0.7, 0.4, 0.8]
    events = [
        replace(make_event(text, sentence, "ASSAULT", source, ["UKR"], date=when), confidence=confidence)
        for sentence, source, when, confidence in zip(sentences, sources, dates, confidences, strict=True)
    ]
    write_article(graph, article, make_extraction(article, events))

    fields = ["periods", "period_counts", "period_scores", "period_first", "period_last", "period_top"]
    rows = rels(graph, "ATTACKS", "iso3", "iso3", fields)
    ((*_, periods, counts, scores, first, last, top),) = [row for row in rows if row[:2] == ("RUS", "UKR")]
    ids = {when: event_id for event_id, when in nodes(graph, "Event", ["id", "date"])}
    assert list(periods) == ["", "2022", "2023-08", "2024-03"]
    assert list(counts) == [1, 1, 3, 1]
    assert list(scores) == pytest.approx([2 * 0.4, 2 * 0.7, 2 * (0.9 + 0.6 + 0.5), 2 * 0.8])
    assert list(first) == ["", "2022", "2023-08", "2024-03-09"]
    assert list(last) == ["", "2022", "2023-08-14", "2024-03-09"]
    assert list(top) == [
        *(ids[None], "", ""),
        *(ids["2022"], "", ""),
        *(ids["2023-08-14"], ids["2023-08-02"], ids["2023-08"]),  # confidence first
        *(ids["2024-03-09"], "", ""),
    ]
    # Cumulative sums, one entry per month from the first month with a dated event (August 2023) to the last (March
    # 2024), and per year from the first year-only event: a range's count is a difference of two entries.
    dense = ["month_base", "month_cum_counts", "month_cum_scores", "year_base", "year_cum_counts", "year_cum_scores"]
    rows = rels(graph, "ATTACKS", "iso3", "iso3", dense)
    ((*_, month_base, month_counts, month_scores, year_base, year_counts, year_scores),) = [
        row for row in rows if row[:2] == ("RUS", "UKR")
    ]
    assert (month_base, list(month_counts)) == (2023 * 12 + 7, [3, 3, 3, 3, 3, 3, 3, 4])
    assert list(month_scores) == pytest.approx([4.0] * 7 + [4.0 + 1.6])
    assert (year_base, list(year_counts), list(year_scores)) == (2022, [1], pytest.approx([1.4]))
    assert graph.run_admin("admin/layer_mismatches") == []


def test_a_refined_date_moves_the_event_between_periods(graph: GraphRepository) -> None:
    write_article(graph, *meeting("Germany and France met this year.", "2023", url="https://a.example/year"))
    ((*_, periods, counts),) = rels(graph, "MET_WITH", "iso3", "iso3", ["periods", "period_counts"])
    assert (list(periods), list(counts)) == (["2023"], [1])
    write_article(graph, *meeting("France and Germany met on 18 August.", "2023-08-18", url="https://b.example/day"))
    ((*_, periods, counts),) = rels(graph, "MET_WITH", "iso3", "iso3", ["periods", "period_counts"])
    assert (list(periods), list(counts)) == (["2023-08"], [1])
    assert graph.run_admin("admin/layer_mismatches") == []


def test_pair_summaries_split_the_stances_and_follow_refined_dates(graph: GraphRepository) -> None:
    """One PAIR_SUMMARY per pair and stance, from the smaller key: a meeting is cooperation, an accusation conflict
    whichever side made it; an event whose date is refined leaves its old period."""
    write_article(graph, *meeting("Germany and France met this year.", "2023", url="https://a.example/year"))
    text = "France accused Germany of stalling in May."
    article = make_article(text, url="https://b.example/accuse", published=date(2023, 8, 20))
    accusation = make_event(text, text, "ACCUSE", ["FRA"], ["DEU"], date="2023-05")
    write_article(graph, article, make_extraction(article, [accusation]))
    fields = ["stance", "pair", "periods", "period_counts", "event_count"]
    assert rels(graph, "PAIR_SUMMARY", "id", "id", fields) == {
        ("DEU", "FRA", "cooperation", "DEU|FRA", ("2023",), (1,), 1),
        ("DEU", "FRA", "conflict", "DEU|FRA", ("2023-05",), (1,), 1),
    }
    write_article(graph, *meeting("France and Germany met on 18 August.", "2023-08-18", url="https://c.example/day"))
    assert ("DEU", "FRA", "cooperation", "DEU|FRA", ("2023-08",), (1,), 1) in rels(
        graph, "PAIR_SUMMARY", "id", "id", fields
    )
    assert graph.run_admin("admin/layer_mismatches") == []


def test_between_entries_follow_the_event_dates(graph: GraphRepository) -> None:
    """The (pair, date) index behind GET /relations: one entry per event and pair, moved when a date is refined."""
    write_article(graph, *meeting("Germany and France met in August.", "2023-08", url="https://a.example/1"))
    write_article(graph, *meeting("France and Germany met on 18 August.", "2023-08-18", url="https://b.example/2"))
    write_article(graph, *meeting("Germany and France met.", None, url="https://c.example/3", sides=("BEL", "NLD")))
    assert {(a, pair, when) for a, _, pair, when in rels(graph, "BETWEEN", "iso3", "id", ["pair", "date"])} == {
        ("DEU", "DEU|FRA", "2023-08-18"),
        ("BEL", "BEL|NLD", ""),  # undated: sorts after every date
    }


def test_every_sentence_of_an_event_merged_by_the_extractor_is_evidence(graph: GraphRepository) -> None:
    """The extractor folds repeated mentions into one Event (ingest.merge); each sentence still becomes evidence,
    and the bilateral mention folded into a summit reports the summit."""
    text = (
        "Brazil, India and South Africa met in Johannesburg on Tuesday. The three leaders met again at dinner. "
        "India and Brazil met on Tuesday as well."
    )
    article = make_article(text, url="https://example.com/summit")
    summit = make_event(text, text.split(". ")[0] + ".", "CONSULT", ["BRA", "IND", "ZAF"], symmetric=True)
    summit = replace(summit, date="2023-08-22", date_precision="day")
    again = make_event(text, "The three leaders met again at dinner.", "CONSULT", ["ZAF", "IND", "BRA"], symmetric=True)
    pair = make_event(text, "India and Brazil met on Tuesday as well.", "CONSULT", ["IND", "BRA"], symmetric=True)
    pair = replace(pair, date="2023-08-22", date_precision="day")
    (merged,) = merge_events([summit, again, pair])
    assert [m.start for m in merged.more_evidence] == [text.index("The three"), text.index("India and Brazil")]

    write_article(graph, article, make_extraction(article, [merged]))
    assert event_nodes(graph) == {("CONSULT", "2023-08-22", "day", 3, "2023-08-20", "2023-08-20")}
    assert {start for *_, start in rels(graph, "REPORTED_IN", "id", "id", ["start"])} == {
        0,
        text.index("The three"),
        text.index("India and Brazil"),
    }
