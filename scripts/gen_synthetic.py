"""A synthetic graph for benchmarks: about 1M events among ~200 states, a few organisations and ~5k officials over
2015-2025, bulk-loaded with batched UNWIND statements (cypher/admin/synthetic_*.cypher), not through the NLP path.

    .venv/bin/python scripts/gen_synthetic.py --events 100000 [--start 0] [--seed 7] [--batch 20000]

It writes to the graph the settings name (GEOKG_NEO4J_URI, else the managed local Neo4j): use it on a scratch
instance. scripts/bench_api.py drives it on its own instance.

The graph has the shape ingest/load.py writes (cypher/README.md, "Model"): Country, Organization, Person (with
HOLDS_OFFICE), Place, Article (with MENTIONS), Event (type, quad_class, symmetric, mode, date, date_precision,
status, confidence, mentions, first_reported, last_reported) with PARTICIPATED_IN {role}, OCCURRED_IN and
REPORTED_IN {start, end, sentence, confidence, trigger}, the relationship-layer edges (event_ids, event_count,
first_date, last_date, quad_class, event_type, score, top_event_ids, and the per-period summary periods,
period_counts, period_scores, period_first, period_last, period_top, recomputed from the edge's events in Cypher)
aggregated per actor pair and type, directed as service.shared.relations.actor_pairs says, and the BETWEEN {pair,
date} index entries of each event's pairs.

- The relationship layer of a load is written once, after its events: loading [0, N) then [N, M) updates each
  edge twice, not once per batch.
- Deterministic: event i belongs to block i // BLOCK, and each block is generated from its own seeded RNG, so the
  first N events are the same whatever the batch size, and loading [0, N) then [N, M) gives the graph of [0, M).
  A block must be loaded once (the relationship layer appends the block's event ids).
- Skewed: 35% of events fall on 20 hot pairs (Zipf weights: RUS-UKR alone ~10%), the rest between states drawn
  with Zipf weights over a ranking (a few busy states, a long tail); each pair has its own hostility, which tilts
  its event types towards conflict or cooperation. 3% of events have an organisation as the second actor.
- Each event has two states (or a state and an organisation) as source/target, or as participants when symmetric
  (most CONSULT, AGREE, COOPERATE), plus, half the time, an official of the first state on its side; 1 or 2
  REPORTED_IN edges (a follow-up report days later) to articles of ~5 sentences published after the event; dates
  day (70%), month (18%) or year (10%) precision, 2% undated.
- Event ids have the real format `ev-<16 hex dyad key>-<8 hex>`, but the last part is the event's serial number
  (the real one hashes the date: many synthetic events share type, sides and date and must stay distinct).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from ingest.models import EVENT_TYPES, QUAD_CLASS_OF
from service.graph.repository import GraphRepository
from service.shared import gazetteer
from service.shared.ids import slug
from service.shared.relations import actor_pairs, relation_for

Row = dict[str, Any]

BLOCK = 10_000  # events per deterministic block
RELATION_CHUNK = 2_000  # relationship-layer rows per transaction (their event_ids lists can be long)
SUMMARY_CHUNK = 100  # pairs per transaction for their summaries (write/upsert_pair_summaries)
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
PEOPLE = 5_000
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
COOPERATION = frozenset(t for t in EVENT_TYPES if QUAD_CLASS_OF[t].endswith("cooperation"))
ORGANIZATIONS = ("UN", "EU", "NATO", "AU", "ASEAN", "G7", "OPEC", "WHO")
SOURCE_HOST = "synthetic.geokg.test"

# States that news covers most, in rank order; the other states follow in a seeded shuffle.
BUSY_STATES = (
    "USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "TUR", "PSE", "SAU", "PAK", "PRK",
    "KOR", "JPN", "SYR", "TWN", "YEM", "EGY", "QAT", "AFG", "BRA", "POL",
)  # fmt: skip
# (a, b, hostility 0..1): a few dyads carry a large share of all events.
HOT_PAIRS = (
    ("RUS", "UKR", 0.9), ("ISR", "PSE", 0.9), ("USA", "CHN", 0.6), ("USA", "RUS", 0.7), ("IND", "PAK", 0.7),
    ("ISR", "IRN", 0.85), ("CHN", "TWN", 0.7), ("PRK", "KOR", 0.75), ("USA", "IRN", 0.75), ("SAU", "YEM", 0.8),
    ("USA", "UKR", 0.1), ("FRA", "DEU", 0.05), ("USA", "ISR", 0.15), ("CHN", "RUS", 0.15), ("GBR", "FRA", 0.2),
    ("TUR", "SYR", 0.7), ("USA", "JPN", 0.05), ("IND", "CHN", 0.5), ("EGY", "QAT", 0.3), ("POL", "DEU", 0.2),
)  # fmt: skip
HOT_SHARE = 0.35
ORG_SHARE = 0.03
PERSON_SHARE = 0.5
SECOND_REPORT_SHARE = 0.5
# Base frequency of each type (news-like: meetings and accusations are common, concessions rare).
TYPE_WEIGHT = {
    "CONSULT": 20, "AGREE": 8, "SUPPORT": 8, "CONCEDE": 2, "COOPERATE": 8, "AID": 5, "RETREAT": 1,
    "REQUEST": 8, "ACCUSE": 10, "REJECT": 5, "THREATEN": 5,
    "PROTEST": 3, "MOBILIZE": 4, "COERCE": 3, "ASSAULT": 7, "SANCTION": 3,
}  # fmt: skip
TRIGGER = {
    "CONSULT": "met", "AGREE": "agreed", "SUPPORT": "backed", "CONCEDE": "conceded", "COOPERATE": "cooperate",
    "AID": "sent aid to", "RETREAT": "withdrew from", "REQUEST": "urged", "ACCUSE": "accused", "REJECT": "rejected",
    "THREATEN": "threatened", "PROTEST": "protested against", "MOBILIZE": "deployed troops near", "COERCE": "expelled",
    "ASSAULT": "attacked", "SANCTION": "imposed sanctions on",
}  # fmt: skip
OFFICES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister", "Ambassador", "Spokesperson")
SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "dor", "sa", "ti", "ul", "bek", "an", "no", "zar", "ie", "mon", "gu")


@dataclass
class Batch:
    """Rows for one load step, each list ready for its cypher/admin/synthetic_* query."""

    events: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    articles: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    reports: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    between: list[Row] = field(default_factory=list)
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)  # events per unordered pair of keys


@dataclass
class _Event:
    serial: int
    type: str
    source: list[str]
    target: list[str]
    symmetric: bool
    mode: str | None
    day: int
    date: str | None
    precision: str | None
    person: str | None
    id: str = ""
    published: list[str] = field(default_factory=list)
    confidence: float = 0.0


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _day(offset: int) -> date:
    return FIRST_DAY + timedelta(days=offset)


class Generator:
    """The synthetic world (actors, people, weights) for one seed, and its events block by block."""

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed
        rng = random.Random(f"{seed}:world")
        actors = gazetteer.load_actors()
        states = sorted(a.id for a in actors.values() if a.kind == "country")
        rest = [s for s in states if s not in BUSY_STATES]
        rng.shuffle(rest)
        self.states: list[str] = [s for s in BUSY_STATES if s in actors] + rest
        self.organizations = [o for o in ORGANIZATIONS if o in actors]
        self.state_set = frozenset(self.states)
        self.names = {key: actors[key].name for key in [*self.states, *self.organizations]}
        self.state_cum = list(accumulate(1.0 / (rank + 1) for rank in range(len(self.states))))
        hot = [(a, b, h) for a, b, h in HOT_PAIRS if a in actors and b in actors]
        self.hot_pairs = [(a, b) for a, b, _ in hot]
        self.hot_cum = list(accumulate(1.0 / (rank + 1) for rank in range(len(hot))))
        self.hostility = {(a, b): h for a, b, h in hot}
        self.people, self.officials = self._people(rng)
        self.capitals = self._capitals()
        self._type_cum: dict[tuple[str, str], list[float]] = {}

    # ------------------------------------------------------------------ world

    def _people(self, rng: random.Random) -> tuple[list[Row], dict[str, list[str]]]:
        people: list[Row] = []
        officials: dict[str, list[str]] = {s: [] for s in self.states}
        seen: set[str] = set()
        while len(people) < PEOPLE:
            state = rng.choices(self.states, cum_weights=self.state_cum)[0]
            first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
            last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
            name = f"{first} {last}"
            person_id = "person:" + slug(name)
            if person_id in seen:
                continue
            seen.add(person_id)
            start = rng.randrange(DAYS - 365)
            people.append(
                {
                    "id": person_id,
                    "name": name,
                    "aliases": [last],
                    "iso3": state,
                    "role": rng.choice(OFFICES),
                    "first_seen": _day(start).isoformat(),
                    "last_seen": _day(min(DAYS - 1, start + rng.randint(30, 2000))).isoformat(),
                }
            )
            officials[state].append(person_id)
        return people, officials

    def _capitals(self) -> dict[str, Row]:
        capitals: dict[str, Row] = {}
        for record in gazetteer._records():
            if record["id"] in self.names and record.get("capitals"):
                name = record["capitals"][0]
                capitals[record["id"]] = {"id": "place:" + slug(name), "name": name}
        return capitals

    def actor_rows(self) -> Row:
        """Parameters of admin/synthetic_actors: every state, organisation, official and capital."""
        return {
            "countries": [{"id": s, "name": self.names[s]} for s in self.states],
            "organizations": [{"id": o, "name": self.names[o], "kind": "org"} for o in self.organizations],
            "people": [{"id": p["id"], "name": p["name"], "aliases": p["aliases"]} for p in self.people],
            "offices": [
                {
                    "person_id": p["id"],
                    "country_id": p["iso3"],
                    "role": p["role"],
                    "first_seen": p["first_seen"],
                    "last_seen": p["last_seen"],
                }
                for p in self.people
            ],
            "places": list({p["id"]: p for p in self.capitals.values()}.values()),
        }

    # ------------------------------------------------------------------ events

    def _types(self, pair: tuple[str, str]) -> list[float]:
        cum = self._type_cum.get(pair)
        if cum is None:
            hostility = self.hostility.get(pair)
            if hostility is None:
                hostility = int(_sha(f"{self.seed}|{'+'.join(sorted(pair))}")[:4], 16) / 0xFFFF * 0.6
            cum = list(
                accumulate(
                    TYPE_WEIGHT[t] * ((1.6 - hostility) if t in COOPERATION else (0.4 + hostility)) for t in EVENT_TYPES
                )
            )
            self._type_cum[pair] = cum
        return cum

    def _pair(self, rng: random.Random) -> tuple[str, str]:
        if rng.random() < HOT_SHARE:
            return rng.choices(self.hot_pairs, cum_weights=self.hot_cum)[0]
        a = rng.choices(self.states, cum_weights=self.state_cum)[0]
        if rng.random() < ORG_SHARE:
            return a, rng.choice(self.organizations)
        while True:
            b = rng.choices(self.states, cum_weights=self.state_cum)[0]
            if b != a:
                return a, b

    def _event(self, rng: random.Random, serial: int) -> _Event:
        a, b = self._pair(rng)
        etype = rng.choices(EVENT_TYPES, cum_weights=self._types((a, b)))[0]
        symmetric = etype in SYMMETRIC_TYPES and rng.random() < 0.8
        if not symmetric and rng.random() < 0.35:
            a, b = b, a  # mostly the first-named side acts, not always
        if b in self.organizations and not symmetric:
            a, b = (a, b) if a in self.state_set else (b, a)
        mode = "troops" if etype == "MOBILIZE" and rng.random() < 0.4 else None
        day = rng.randrange(DAYS)
        r = rng.random()
        precision = None if r < 0.02 else "day" if r < 0.72 else "month" if r < 0.90 else "year"
        iso = _day(day).isoformat()
        event_date = (
            None if precision is None else iso if precision == "day" else iso[:7] if precision == "month" else iso[:4]
        )
        officials = self.officials.get(a) or []
        person = rng.choice(officials) if officials and rng.random() < PERSON_SHARE else None
        ev = _Event(serial, etype, [a], [b], symmetric, mode, day, event_date, precision, person)
        ev.id = _event_id(ev)
        return ev

    def block(self, number: int) -> Batch:
        """Rows of block `number`: events number*BLOCK ... number*BLOCK + BLOCK - 1."""
        rng = random.Random(f"{self.seed}:block:{number}")
        events = [self._event(rng, number * BLOCK + i) for i in range(BLOCK)]
        batch = Batch()
        self._articles(rng, number, events, batch)
        for ev in events:
            self._event_rows(rng, ev, batch)
        batch.relations = _relation_rows(events)
        batch.between = _between_rows(events)
        return batch

    def _articles(self, rng: random.Random, number: int, events: list[_Event], batch: Batch) -> None:
        """Reports (day, event) sorted by day, cut into articles of 3-7 sentences published a day or two after
        their last event; a second report of an event comes 1-10 days later, so usually in another article."""
        slots: list[tuple[int, int]] = []
        for i, ev in enumerate(events):
            slots.append((ev.day, i))
            if rng.random() < SECOND_REPORT_SHARE:
                slots.append((min(DAYS - 1, ev.day + rng.randint(1, 10)), i))
        slots.sort()
        position = 0
        article_no = 0
        while position < len(slots):
            group = slots[position : position + rng.randint(3, 7)]
            position += len(group)
            published = _day(min(DAYS - 1, group[-1][0] + rng.randint(0, 2))).isoformat()
            url = f"https://{SOURCE_HOST}/{self.seed}/{number}/{article_no}"
            article_id = _sha(url)[:24]
            article_no += 1
            first = events[group[0][1]]
            title = f"{self.names[first.source[0]]} and {self.names[first.target[0]]}: {first.type.lower()}"
            batch.articles.append(
                {
                    "id": article_id,
                    "props": {
                        "url": url,
                        "title": title,
                        "published": published,
                        "source": SOURCE_HOST,
                        "ingested_at": published + "T12:00:00+00:00",
                        "text_hash": _sha(f"text|{url}"),
                    },
                }
            )
            mentioned: dict[str, str] = {}
            offset = len(title) + 2
            for _, i in group:
                ev = events[i]
                sentence = self._sentence(ev)
                batch.reports.append(
                    {
                        "event_id": ev.id,
                        "article_id": article_id,
                        "start": offset,
                        "end": offset + len(sentence),
                        "sentence": sentence,
                        "confidence": round(rng.uniform(0.5, 0.99), 2),
                        "trigger": TRIGGER[ev.type].split()[0],
                    }
                )
                offset += len(sentence) + 1
                ev.published.append(published)
                for key in (*ev.source, *ev.target):
                    mentioned[key] = "Country" if key in self.state_set else "Organization"
                if ev.person is not None:
                    mentioned[ev.person] = "Person"
            batch.mentions += [{"article_id": article_id, "key": k, "label": label} for k, label in mentioned.items()]

    def _sentence(self, ev: _Event) -> str:
        a, b = self.names[ev.source[0]], self.names[ev.target[0]]
        when = f" on {ev.date}" if ev.date else ""
        if ev.symmetric:
            return f"{a} and {b} {TRIGGER[ev.type]}{' in talks' if ev.type == 'CONSULT' else ''}{when}, officials said."
        return f"{a} {TRIGGER[ev.type]} {b}{when}, officials said."

    def _event_rows(self, rng: random.Random, ev: _Event, batch: Batch) -> None:
        event_id = ev.id
        props: Row = {
            "type": ev.type,
            "quad_class": QUAD_CLASS_OF[ev.type],
            "symmetric": ev.symmetric,
            "status": "occurred" if rng.random() < 0.85 else rng.choice(("ongoing", "planned")),
            "confidence": round(rng.uniform(0.4, 0.99), 2),
            "mentions": len(ev.published),
            "first_reported": min(ev.published),
            "last_reported": max(ev.published),
        }
        ev.confidence = props["confidence"]
        if ev.mode is not None:
            props["mode"] = ev.mode
        if ev.date is not None:
            props["date"] = ev.date
            props["date_precision"] = ev.precision
        batch.events.append({"id": event_id, "props": props})
        roles: dict[str, str] = {}
        for key in ev.target:
            roles[key] = "participant" if ev.symmetric else "target"
        for key in ev.source:
            roles[key] = "participant" if ev.symmetric else "source"
        for key, role in roles.items():
            label = "Country" if key in self.state_set else "Organization"
            batch.participants.append(
                {"event_id": event_id, "key": key, "label": label, "role": role, "date": ev.date or ""}
            )
        if ev.person is not None:
            role = roles[ev.source[0]]
            batch.participants.append(
                {"event_id": event_id, "key": ev.person, "label": "Person", "role": role, "date": ev.date or ""}
            )
        capital = self.capitals.get(ev.source[0] if rng.random() < 0.5 else ev.target[0])
        if capital is not None and rng.random() < 0.3:
            batch.places.append({"event_id": event_id, "place_id": capital["id"]})
        pair = (min(ev.source[0], ev.target[0]), max(ev.source[0], ev.target[0]))
        batch.pairs[pair] = batch.pairs.get(pair, 0) + 1

    def batches(self, start: int, stop: int, size: int) -> Iterator[Batch]:
        """Events [start, stop) in batches of `size` (multiples of BLOCK), relations aggregated per batch."""
        if start % BLOCK or stop % BLOCK or size % BLOCK or size <= 0:
            raise ValueError(f"start, stop and batch size must be multiples of {BLOCK}")
        for first in range(start, stop, size):
            merged = Batch()
            events: list[Row] = []
            for number in range(first // BLOCK, min(stop, first + size) // BLOCK):
                block = self.block(number)
                merged.events += block.events
                merged.participants += block.participants
                merged.places += block.places
                merged.articles += block.articles
                merged.mentions += block.mentions
                merged.reports += block.reports
                merged.between += block.between
                events += block.relations
                for pair, n in block.pairs.items():
                    merged.pairs[pair] = merged.pairs.get(pair, 0) + n
            merged.relations = _merge_relations(events)
            yield merged


def _event_id(ev: _Event) -> str:
    if ev.symmetric:
        key = f"{ev.type}|{'+'.join(sorted({*ev.source, *ev.target}))}"
    else:
        key = f"{ev.type}|{'+'.join(ev.source)}>{'+'.join(ev.target)}"
    return f"ev-{_sha(key)[:16]}-{ev.serial:08x}"


def _weight(ev: _Event) -> float:
    """As write/upsert_relations scores an event: 2 for material events and troops, 1 for verbal ones."""
    material = QUAD_CLASS_OF[ev.type].startswith("material")
    return 2.0 if material or (ev.type == "MOBILIZE" and ev.mode == "troops") else 1.0


def _strongest(candidates: list[tuple[float, str, str]]) -> list[tuple[float, str, str]]:
    """The 3 strongest (confidence, date or '', id), in write/upsert_relations' order: confidence, newest, id."""
    return sorted(candidates, key=lambda c: (-c[0], _descending(c[1]), c[2]))[:3]


def _descending(text: str) -> tuple[int, ...]:
    return (*(-ord(ch) for ch in text), 1)


def _relation_rows(events: list[_Event]) -> list[Row]:
    """The relationship-layer edges of these events, one row per (type, a, b), as upsert_relations would leave
    them for these events alone."""
    edges: dict[tuple[str, str, str], Row] = {}
    for ev in events:
        relation = relation_for(ev.type, ev.mode)
        for a, b in actor_pairs(relation, ev.symmetric, ev.source, ev.target):
            row = edges.get((relation.value, a, b))
            if row is None:
                row = {"type": relation.value, "a": a, "b": b, "event_ids": [], "dates": [], "score": 0.0, "top": []}
                row["quad_class"] = QUAD_CLASS_OF[ev.type]
                row["event_type"] = ev.type
                edges[(relation.value, a, b)] = row
            row["event_ids"].append(ev.id)
            row["score"] += ev.confidence * _weight(ev)
            row["top"] = _strongest([*row["top"], (ev.confidence, ev.date or "", ev.id)])
            if ev.date is not None:
                row["dates"].append(ev.date)
    return [
        {
            "type": r["type"],
            "a": r["a"],
            "b": r["b"],
            "event_ids": r["event_ids"],
            "first_date": min(r["dates"], default=None),
            "last_date": max(r["dates"], default=None),
            "quad_class": r["quad_class"],
            "event_type": r["event_type"],
            "score": r["score"],
            "top": r["top"],
        }
        for r in edges.values()
    ]


def _between_rows(events: list[_Event]) -> list[Row]:
    """The (pair, date) index entries of these events, as upsert_relations writes them: one per pair of actors."""
    rows: list[Row] = []
    for ev in events:
        relation = relation_for(ev.type, ev.mode)
        for a, b in actor_pairs(relation, ev.symmetric, ev.source, ev.target):
            low, high = sorted((a, b))
            rows.append({"low": low, "pair": f"{low}|{high}", "event_id": ev.id, "date": ev.date or ""})
    return rows


def _merge_relations(rows: list[Row]) -> list[Row]:
    merged: dict[tuple[str, str, str], Row] = {}
    for row in rows:
        key = (row["type"], row["a"], row["b"])
        seen = merged.get(key)
        if seen is None:
            merged[key] = dict(row, event_ids=list(row["event_ids"]))
            continue
        seen["event_ids"] += row["event_ids"]
        seen["score"] += row["score"]
        seen["top"] = _strongest([*seen["top"], *row["top"]])
        dates = [d for d in (seen["first_date"], row["first_date"]) if d is not None]
        seen["first_date"] = min(dates, default=None)
        dates = [d for d in (seen["last_date"], row["last_date"]) if d is not None]
        seen["last_date"] = max(dates, default=None)
    return sorted(merged.values(), key=lambda r: (r["type"], r["a"], r["b"]))


def _period(date: str) -> str:
    """The period of a BETWEEN entry's date, as write/upsert_pair_index gives it: '' (undated), a year or a month."""
    return date if len(date) <= 4 else date[:7]


def _relation_params(row: Row) -> Row:
    """A merged edge row as admin/synthetic_relations takes it: the strongest events as ids."""
    return dict(row, top=[event_id for _, _, event_id in row["top"]])


# ---------------------------------------------------------------------- loading


@dataclass
class LoadStats:
    events: int = 0
    seconds: float = 0.0
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)


def load_actors(repo: GraphRepository, generator: Generator) -> None:
    rows = generator.actor_rows()
    repo.run_admin(
        "admin/synthetic_actors",
        countries=rows["countries"],
        organizations=rows["organizations"],
        people=rows["people"],
        offices=rows["offices"],
        places=rows["places"],
    )


def load(
    repo: GraphRepository,
    generator: Generator,
    start: int,
    stop: int,
    *,
    batch_size: int = 20_000,
    chunk: int = 20_000,
    progress: bool = False,
) -> LoadStats:
    """Loads events [start, stop) (actors first, when start is 0). Each list is sent in chunks of `chunk` rows, one
    auto-commit transaction each; the relationship-layer edges of the whole range are written at the end."""
    stats = LoadStats()
    began = time.perf_counter()
    if start == 0:
        load_actors(repo, generator)
    relations: list[Row] = []
    touched: dict[str, set[str]] = {}  # per pair, the periods its new events fall in
    for batch in _prefetched(generator.batches(start, stop, batch_size)):
        for rows in _chunks(batch.articles, chunk):
            repo.run_admin("admin/synthetic_articles", rows=rows)
        for rows in _chunks(batch.mentions, chunk):
            repo.run_admin("admin/synthetic_mentions", rows=rows)
        for rows in _chunks(batch.events, chunk):
            repo.run_admin("admin/synthetic_events", rows=rows)
        for rows in _chunks(batch.participants, chunk):
            repo.run_admin("admin/synthetic_participants", rows=rows)
        for rows in _chunks(batch.places, chunk):
            repo.run_admin("admin/synthetic_places", rows=rows)
        for rows in _chunks(batch.reports, chunk):
            repo.run_admin("admin/synthetic_reports", rows=rows)
        for rows in _chunks(batch.between, chunk):
            repo.run_admin("admin/synthetic_between", rows=rows)
        for row in batch.between:
            touched.setdefault(row["pair"], set()).add(_period(row["date"]))
        relations += batch.relations
        stats.events += len(batch.events)
        for pair, n in batch.pairs.items():
            stats.pairs[pair] = stats.pairs.get(pair, 0) + n
        if progress:
            rate = stats.events / (time.perf_counter() - began)
            print(f"  loaded {start + stats.events:>9,} events ({rate:,.0f}/s)", flush=True)
    # The relationship layer once per load, not per batch: appending to an edge's event_ids rewrites the whole list,
    # so per-batch updates of the busy pairs' edges would cost O(events) each time.
    for rows in _chunks([_relation_params(r) for r in _merge_relations(relations)], RELATION_CHUNK):
        repo.run_admin("admin/synthetic_relations", rows=rows)
    summaries = [{"pair": pair, "periods": sorted(periods)} for pair, periods in sorted(touched.items())]
    for rows in _chunks(summaries, SUMMARY_CHUNK):
        repo.write("write/upsert_pair_summaries", rows=rows)
    stats.seconds = time.perf_counter() - began
    return stats


def _prefetched(batches: Iterator[Batch]) -> Iterator[Batch]:
    """The batches, the next one generated in a thread while the caller loads the current one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(next, batches, None)
        while True:
            batch = pending.result()
            if batch is None:
                return
            pending = pool.submit(next, batches, None)
            yield batch


def _chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def main() -> None:
    from service.config import get_settings
    from service.graph.driver import create_driver, resolve_connection

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="load events [start, events)")
    ap.add_argument("--start", type=int, default=0, help="first event (a graph already holding [0, start))")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=20_000, help=f"events generated per step (multiple of {BLOCK})")
    args = ap.parse_args()
    info = resolve_connection(get_settings())
    with create_driver(info) as driver:
        repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
        stats = load(repo, Generator(args.seed), args.start, args.events, batch_size=args.batch, progress=True)
    print(f"{stats.events:,} events in {stats.seconds:.1f}s")


if __name__ == "__main__":
    main()
