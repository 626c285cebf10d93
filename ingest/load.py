"""Load: one cleaned article and its extraction into the graph, in ONE managed write transaction.

    result = write_article(repo, article, extraction)          # its own transaction, retried on transient errors
    result = write_article_tx(tx, article, extraction)         # inside a transaction the caller manages

After a crash the graph holds all of an article or none of it. An article already in the graph (same URL, or same
canonical text) changes nothing: that is checked first, inside the same transaction. The graph model is described
in cypher/README.md; every statement is a batched query file from cypher/write/ (or cypher/read/article_*).

Events are matched across articles: an event of the same type between the same sides with a compatible date
(equal, one a prefix of the other, or one unknown) is the same real-world event, so it gets one more REPORTED_IN
edge instead of a second node, and keeps the more precise date. Only the relationship-layer edges of the pairs
of this article's events are updated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import neo4j

from ingest import keys
from ingest.cleanup import CleanArticle
from ingest.merge import PRECISION_RANK, STATUS_RANK, dates_compatible
from ingest.models import Event, Extraction, Mention
from service.graph.driver import translate_errors
from service.graph.repository import GraphRepository
from service.graph.transaction import TxQueries
from service.shared import gazetteer
from service.shared.relations import actor_pairs, relation_for

Row = dict[str, Any]
COUNTRY, ORGANIZATION, PERSON = "Country", "Organization", "Person"


@dataclass(frozen=True)
class WriteResult:
    article_id: str
    created: bool  # False: the article was already in the graph and nothing was written
    new_events: int = 0  # Event nodes created
    merged_events: int = 0  # events that were already in the graph (reported by an earlier article)


def write_article(
    target: GraphRepository | neo4j.Driver,
    article: CleanArticle,
    extraction: Extraction,
    *,
    source: str | None = None,
    database: str | None = None,
) -> WriteResult:
    """Writes the article in its own managed write transaction (retried by the driver on transient errors).

    `source` names where the article came from (a file, `file:line`, a feed); without it, the URL's host.
    `database` is only used with a bare driver (None: the user's home database).
    """
    if isinstance(target, GraphRepository):
        driver, database, uri = target.driver, target.database, target.uri
    else:
        driver, uri = target, "the configured Neo4j server"
    ingested_at = _now()
    with (
        translate_errors(uri, ""),
        driver.session(database=database, bookmark_manager=driver.execute_query_bookmark_manager) as session,
    ):
        return session.execute_write(write_article_tx, article, extraction, source=source, ingested_at=ingested_at)


def write_article_tx(
    tx: neo4j.ManagedTransaction,
    article: CleanArticle,
    extraction: Extraction,
    *,
    source: str | None = None,
    ingested_at: str | None = None,
) -> WriteResult:
    """Writes the article inside `tx`. Safe to run again after a retry: it starts by looking for the article."""
    queries = TxQueries(tx)
    url = keys.canonical_url(article.url)
    article_key = keys.article_id(url, article.text)
    digest = keys.text_hash(article.text)
    events = extraction.events
    prefixes = [keys.event_prefix(e, article_key) for e in events]
    lookup = queries.read("read/article_lookup", id=article_key, text_hash=digest, prefixes=sorted(set(prefixes)))[0]
    if lookup["existing"]:
        return WriteResult(article_id=min(lookup["existing"]), created=False)

    published = article.published.isoformat() if article.published else None
    props = {
        "url": url,
        "title": article.title,
        "published": published,
        "source": source or _host(url),
        "byline": article.byline,
        "dateline": article.dateline,
        "ingested_at": ingested_at or _now(),
        "text_hash": digest,
    }
    actors = _actors(extraction)
    people = [{"id": p.id, "name": p.name, "aliases": sorted(set(p.aliases))} for p in extraction.people]
    queries.write(
        "write/upsert_article",
        rows=[{"id": article_key, "props": _no_nulls(props)}],
        countries=[{"id": key, "name": a.name} for key, a in actors.items() if a.label == COUNTRY],
        organizations=[
            {"id": key, "name": a.name, "kind": a.kind} for key, a in actors.items() if a.label == ORGANIZATION
        ],
        people=people,
        offices=[
            {"person_id": p.id, "country_id": p.country, "role": p.role, "seen": published}
            for p in extraction.people
            if p.country and p.role and actors[p.country].label == COUNTRY
        ],
    )
    if not events:
        return WriteResult(article_id=article_key, created=True)
    groups = _resolve_events(events, prefixes, lookup["candidates"])
    _write_events(queries, article_key, groups, actors, extraction, published)
    return WriteResult(
        article_id=article_key,
        created=True,
        new_events=sum(1 for g in groups if not g.existed),
        merged_events=sum(1 for g in groups if g.existed),
    )


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class _Actor:
    label: str  # Country or Organization
    name: str
    kind: str  # country, org or group


def _actors(extraction: Extraction) -> dict[str, _Actor]:
    """Every state and organisation the article names, an event uses or a named official serves, by id."""
    found = {
        ref.id: _Actor(COUNTRY if ref.kind == "country" else ORGANIZATION, ref.name, ref.kind)
        for ref in [*extraction.countries, *extraction.organizations]
    }
    referenced = [a for e in extraction.events for a in (*e.source, *e.target)]
    referenced += [p.country for p in extraction.people if p.country]
    known = gazetteer.load_actors()
    for actor_id in referenced:
        if actor_id not in found:  # the extractor lists them all; this keeps a hand-built Extraction loadable
            entry = known.get(actor_id)
            kind = entry.kind if entry is not None else "org"
            name = entry.name if entry is not None else actor_id
            found[actor_id] = _Actor(COUNTRY if kind == "country" else ORGANIZATION, name, kind)
    return found


# --------------------------------------------------------------------------- events


@dataclass
class _Node:
    """An Event node an article's event may join: one already in the graph, or one this article creates."""

    id: str
    date: str | None
    last_reported: str | None
    mode: str | None
    existed: bool


@dataclass
class _Group:
    """The article's mentions of one Event node."""

    node: _Node
    events: list[Event] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def existed(self) -> bool:
        return self.node.existed


def _resolve_events(events: list[Event], prefixes: list[str], candidates: list[Row]) -> list[_Group]:
    """Assigns each extracted event to an Event node: one with the same type and sides (same id prefix) and a
    compatible date, else a new one. Decided here, in the transaction, from the candidates read in it."""
    nodes: dict[str, list[_Node]] = {prefix: [] for prefix in prefixes}
    for row in candidates:
        nodes[row["prefix"]].append(_Node(row["id"], row["date"], row["last_reported"], row["mode"], existed=True))
    groups: dict[str, _Group] = {}
    for event, prefix in zip(events, prefixes, strict=True):
        compatible = [n for n in nodes[prefix] if dates_compatible(n.date, event.date)]
        if compatible:
            node = _best(compatible, event.date)
        else:
            node = _Node(keys.event_id(prefix, event.date), event.date, None, None, existed=False)
            nodes[prefix].append(node)
        if event.date and len(event.date) > len(node.date or ""):
            node.date = event.date  # later mentions in this article compare with the refined date
        groups.setdefault(node.id, _Group(node)).events.append(event)
    return list(groups.values())


def _best(compatible: list[_Node], date: str | None) -> _Node:
    """The same date first, then the most precise date, then the most recently reported, then the smallest id."""
    ordered = sorted(compatible, key=lambda n: n.id)
    ordered.sort(key=lambda n: n.last_reported or "", reverse=True)  # stable sorts: the last one is the main key
    ordered.sort(key=lambda n: (n.date != date, -len(n.date or "")))
    return ordered[0]


def _write_events(
    queries: TxQueries,
    article_key: str,
    groups: list[_Group],
    actors: dict[str, _Actor],
    extraction: Extraction,
    published: str | None,
) -> None:
    person_country = {p.id: p.country for p in extraction.people}
    event_rows: list[Row] = []
    participants: list[Row] = []
    places: list[Row] = []
    reports: list[Row] = []
    relations: list[Row] = []
    moved: list[Row] = []  # edges of an event's old relation, which it leaves (write/upsert_relations)
    for group in groups:
        first = group.events[0]  # type and sides are the same for the whole group (they make the id prefix)
        event_rows.append(_event_row(group, published))
        participants += _participant_rows(group, actors, person_country)
        for name in dict.fromkeys(e.location for e in group.events if e.location):
            places.append({"event_id": group.id, "place_id": keys.place_id(name), "name": name})
        sentences: dict[int, Mention] = {}  # by start offset: one REPORTED_IN edge per sentence
        for e in group.events:
            for m in [Mention(e.evidence, e.start, e.end, e.confidence, e.trigger), *e.more_evidence]:
                sentences.setdefault(m.start, m)
        reports += [
            {
                "event_id": group.id,
                "start": m.start,
                "end": m.end,
                "sentence": m.evidence,
                "confidence": m.confidence,
                "trigger": m.trigger,
            }
            for m in sentences.values()
        ]
        mode = group.node.mode or next((e.mode for e in group.events if e.mode), None)  # as the node will have it
        relation = relation_for(first.type, mode)
        for a, b in actor_pairs(relation, first.symmetric, first.source, first.target):
            relations.append({"event_id": group.id, "type": relation.value, "a": a, "b": b})
        # An event the graph has without a mode that this article reports as troops changes relation
        # (SHOWS_FORCE_TO -> DEPLOYS_TROOPS_TO): it leaves its old edges in the same statement.
        before = relation_for(first.type, group.node.mode)
        if group.existed and before is not relation:
            for a, b in actor_pairs(before, first.symmetric, first.source, first.target):
                moved.append({"event_id": group.id, "type": before.value, "a": a, "b": b})

    queries.write(
        "write/upsert_events",
        rows=event_rows,
        participants=participants,
        places=places,
        reports=reports,
        article_id=article_key,
    )
    if relations:
        # Sorted: concurrent writers lock shared edges in the same order (fewer deadlocks to retry).
        relations.sort(key=lambda r: (r["type"], r["a"], r["b"], r["event_id"]))
        moved.sort(key=lambda r: (r["type"], r["a"], r["b"], r["event_id"]))
        queries.write("write/upsert_relations", rows=relations, moved=moved)
        touched = queries.write("write/upsert_pair_index", rows=relations)  # reads event_id, a and b of each row
        queries.write("write/upsert_pair_summaries", rows=touched)


def _event_row(group: _Group, published: str | None) -> Row:
    events = group.events
    first = events[0]
    dated = max(events, key=lambda e: PRECISION_RANK[e.date_precision] if e.date else 0)
    date_precision = dated.date_precision if dated.date else None
    status = max((e.status for e in events), key=lambda s: STATUS_RANK[s])
    confidence = max(e.confidence for e in events)
    mode = next((e.mode for e in events if e.mode), None)
    create = {
        "type": first.type,
        "quad_class": first.quad_class,
        "symmetric": first.symmetric,
        "mode": mode,
        "date": dated.date,
        "date_precision": date_precision,
        "status": status,
        "confidence": confidence,
        "first_reported": published,
        "last_reported": published,
    }
    return {
        "id": group.id,
        "props": _no_nulls(create),
        "date": dated.date,
        "date_precision": date_precision,
        "status": status,
        "confidence": confidence,
        "mode": mode,
        "published": published,
    }


def _participant_rows(group: _Group, actors: dict[str, _Actor], person_country: dict[str, str | None]) -> list[Row]:
    """States and organisations by their side; a named official acting in the event takes their state's side."""
    event = group.events[0]
    roles: dict[str, str] = {}
    for actor in event.target:
        roles[actor] = "participant" if event.symmetric else "target"
    for actor in event.source:
        roles[actor] = "participant" if event.symmetric else "source"
    rows = [{"event_id": group.id, "key": a, "label": actors[a].label, "role": role} for a, role in roles.items()]
    for person in dict.fromkeys(p for e in group.events for p in e.people):
        country = person_country.get(person)
        role = roles.get(country, "participant") if country else "participant"
        rows.append({"event_id": group.id, "key": person, "label": PERSON, "role": role})
    return rows


# --------------------------------------------------------------------------- helpers


def _no_nulls(props: dict[str, Any]) -> dict[str, Any]:
    """SET n += map with a null would remove the property: absent keys instead."""
    return {k: v for k, v in props.items() if v is not None}


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.lower().removeprefix("www.") if host else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
