"""How relations between two actors change: GET /relations/timeline, the pair's events counted per month, quarter or
year by PLOVER type, quad class and stance, with a net cooperation-minus-conflict score per period.

The events are those GET /relations lists (read from the same (pair, date) index, with the same actor names and date
range rules); the stance and the score are those of GET /countries/{id}/partners, so that summed over every period
the timeline's scores equal the pair's partners scores in each stance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from service.api.actors import (
    actor_summary,
    bad_request,
    graph_errors,
    index_bounds,
    parse_range,
    resolve_actor,
    summarised,
)
from service.api.deps import Repository
from service.api.schemas import ActorSummary, error_responses, ok_response
from service.graph.repository import GraphRepository, Row
from service.shared.plover import QUAD_CLASSES

router = APIRouter(prefix="/relations", tags=["relations"])

Interval = Literal["month", "quarter", "year"]

FORMULA = (
    "net = cooperation_score - conflict_score, where a stance's score is the sum over its events of "
    "confidence (0.5 when unknown) x weight, weight 2 for a material event (and for troops sent), 1 for a verbal one. "
    "Cooperation: quad class verbal or material cooperation, plus MOBILIZE with mode 'troops' (one side sending "
    "troops to the other, as to an ally); conflict: every other event. This is the score and stance of "
    "GET /countries/{id}/partners."
)

DESCRIPTION = f"""
The events between `a` and `b` (those `GET /relations` lists: the two on opposite sides of an event, or taking part
in a symmetric one such as a meeting), counted per period: by PLOVER type, by quad class, by stance, with a net
score, so that one sees whether relations warm (net rising) or sour (net falling).

- `a`, `b`: ISO3 codes, organisation ids or names (`Russia`, `the Kremlin`); unknown: 404 with suggestions; the same
  actor twice: 422.
- `interval`: `month` (periods "2023-05"), `quarter` ("2023-Q2") or `year` ("2023"); default `year`.
- `since` / `until`: inclusive, YYYY, YYYY-MM or YYYY-MM-DD; an event is counted when its date (of any precision)
  overlaps the range, as everywhere in the API, so the first and last periods may be partial.

**Net score.** {FORMULA} Counts of events per stance are given too (`cooperation`, `conflict`). `quad_classes`
keeps each event's own class: troops sent to an ally count under `material_conflict` there, and as cooperation in
the stance counts and scores.

**Periods.** `periods` runs without gaps, oldest first, from the first to the last period that has an event dated
at the interval's precision; periods in between without events are listed with zero counts (a lull is visible as
such), none before the first or after the last.

**Events dated only to a year** when the interval is `month` or `quarter` are not put into a period: counting them
in January or in the first quarter would draw a spike there that never happened, and dropping them would lose
events. They are counted in `year_only`, one entry per year (labelled "2023"). Events without any date are counted
in `undated` (only without `since`/`until`: a range leaves them out, as in `GET /relations`). `total` counts every
event of the answer: periods, `year_only` and `undated`.
"""


class TimelineCounts(BaseModel):
    events: int = Field(description="events counted here")
    cooperation: int = Field(description="events of the cooperation stance")
    conflict: int = Field(description="events of the conflict stance")
    cooperation_score: float = Field(description="sum of confidence x weight over the cooperation events")
    conflict_score: float = Field(description="sum of confidence x weight over the conflict events")
    net: float = Field(description="cooperation_score - conflict_score")
    quad_classes: dict[str, int] = Field(description="events per quad class (each of the four, zeros included)")
    types: dict[str, int] = Field(description="events per PLOVER type (only the types present)")


class TimelinePeriod(TimelineCounts):
    period: str = Field(description='"2023", "2023-Q2" or "2023-05"')
    start: str = Field(description="the period's first day")
    end: str = Field(description="the period's last day")


TIMELINE_EXAMPLE: dict[str, Any] = {
    "a": {"id": "RUS", "name": "Russia", "kind": "country"},
    "b": {"id": "PRK", "name": "North Korea", "kind": "country"},
    "interval": "year",
    "since": "2022",
    "until": None,
    "formula": FORMULA,
    "periods": [
        {
            "period": "2022",
            "start": "2022-01-01",
            "end": "2022-12-31",
            "events": 2,
            "cooperation": 2,
            "conflict": 0,
            "cooperation_score": 1.7,
            "conflict_score": 0.0,
            "net": 1.7,
            "quad_classes": {
                "verbal_cooperation": 2,
                "material_cooperation": 0,
                "verbal_conflict": 0,
                "material_conflict": 0,
            },
            "types": {"AGREE": 1, "CONSULT": 1},
        },
        {
            "period": "2023",
            "start": "2023-01-01",
            "end": "2023-12-31",
            "events": 0,
            "cooperation": 0,
            "conflict": 0,
            "cooperation_score": 0.0,
            "conflict_score": 0.0,
            "net": 0.0,
            "quad_classes": {
                "verbal_cooperation": 0,
                "material_cooperation": 0,
                "verbal_conflict": 0,
                "material_conflict": 0,
            },
            "types": {},
        },
        {
            "period": "2024",
            "start": "2024-01-01",
            "end": "2024-12-31",
            "events": 1,
            "cooperation": 1,
            "conflict": 0,
            "cooperation_score": 1.8,
            "conflict_score": 0.0,
            "net": 1.8,
            "quad_classes": {
                "verbal_cooperation": 0,
                "material_cooperation": 0,
                "verbal_conflict": 0,
                "material_conflict": 1,
            },
            "types": {"MOBILIZE": 1},
        },
    ],
    "year_only": [],
    "undated": None,
    "total": {
        "events": 3,
        "cooperation": 3,
        "conflict": 0,
        "cooperation_score": 3.5,
        "conflict_score": 0.0,
        "net": 3.5,
        "quad_classes": {
            "verbal_cooperation": 2,
            "material_cooperation": 0,
            "verbal_conflict": 0,
            "material_conflict": 1,
        },
        "types": {"AGREE": 1, "CONSULT": 1, "MOBILIZE": 1},
    },
}


class TimelineResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [TIMELINE_EXAMPLE]})
    a: ActorSummary
    b: ActorSummary
    interval: Interval
    since: str | None
    until: str | None
    formula: str = Field(description="how `net` is computed")
    periods: list[TimelinePeriod] = Field(description="oldest first, without gaps, first to last period with events")
    year_only: list[TimelinePeriod] = Field(
        description="events dated only to a year when the interval is month or quarter, one entry per year"
    )
    undated: TimelineCounts | None = Field(description="events without a date (never with since/until)")
    total: TimelineCounts


# --------------------------------------------------------------------------- periods


def period_days(label: str) -> tuple[date, date]:
    """First and last day of "2023", "2023-Q2" or "2023-05"."""
    year = int(label[:4])
    if len(label) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    if label[5] == "Q":
        first_month = 3 * (int(label[6]) - 1) + 1
        months = 3
    else:
        first_month, months = int(label[5:7]), 1
    start = date(year, first_month, 1)
    if first_month + months > 12:  # not date(year + 1, 1, 1) - 1 day: no year 10000
        return start, date(year, 12, 31)
    return start, date(year, first_month + months, 1) - timedelta(days=1)


def _index(label: str, interval: Interval) -> int:
    year = int(label[:4])
    if interval == "year":
        return year
    if interval == "quarter":
        return year * 4 + int(label[6]) - 1
    return year * 12 + int(label[5:7]) - 1


def _label(index: int, interval: Interval) -> str:
    if interval == "year":
        return f"{index:04d}"
    if interval == "quarter":
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def period_labels(first: str, last: str, interval: Interval) -> list[str]:
    """Every period from `first` to `last`, both included."""
    return [_label(i, interval) for i in range(_index(first, interval), _index(last, interval) + 1)]


# --------------------------------------------------------------------------- counting


@dataclass
class _Tally:
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    cooperation_score: float = 0.0
    conflict_score: float = 0.0
    quad_classes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    types: dict[str, int] = field(default_factory=dict)

    def add(self, row: dict[str, Any]) -> None:
        n, score = int(row["events"]), float(row["score"])
        self.events += n
        if row["cooperation"]:
            self.cooperation += n
            self.cooperation_score += score
        else:
            self.conflict += n
            self.conflict_score += score
        self.quad_classes[row["quad_class"]] = self.quad_classes.get(row["quad_class"], 0) + n
        self.types[row["type"]] = self.types.get(row["type"], 0) + n

    def counts(self) -> dict[str, Any]:
        cooperation_score, conflict_score = round(self.cooperation_score, 6), round(self.conflict_score, 6)
        return {
            "events": self.events,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "cooperation_score": cooperation_score,
            "conflict_score": conflict_score,
            "net": round(cooperation_score - conflict_score, 6),
            "quad_classes": self.quad_classes,
            "types": dict(sorted(self.types.items(), key=lambda item: (-item[1], item[0]))),
        }

    def period(self, label: str) -> dict[str, Any]:
        start, end = period_days(label)
        return {"period": label, "start": start.isoformat(), "end": end.isoformat(), **self.counts()}


def build_timeline(rows: list[dict[str, Any]], interval: Interval) -> dict[str, Any]:
    """periods, year_only, undated and total from read/api_relations_timeline's rows."""
    precise: dict[str, _Tally] = {}
    year_only: dict[str, _Tally] = {}
    undated: _Tally | None = None
    total = _Tally()
    for row in rows:
        total.add(row)
        if row["period"] is None:
            undated = undated or _Tally()
            undated.add(row)
        else:
            (precise if row["precise"] else year_only).setdefault(row["period"], _Tally()).add(row)
    labels = period_labels(min(precise), max(precise), interval) if precise else []
    return {
        "periods": [precise.get(label, _Tally()).period(label) for label in labels],
        "year_only": [year_only[label].period(label) for label in sorted(year_only)],
        "undated": undated.counts() if undated else None,
        "total": total.counts(),
    }


@router.get(
    "/timeline",
    summary="How relations between two actors change: events per period by type, quad class and stance, net score",
    description=DESCRIPTION,
    response_model=TimelineResponse,
    responses=ok_response(TIMELINE_EXAMPLE) | error_responses(404, 422, 503),
)
def get_timeline(
    a: str,
    b: str,
    repo: Repository,
    interval: Interval = "year",
    since: str | None = None,
    until: str | None = None,
) -> TimelineResponse:
    key_a, key_b = resolve_actor(a), resolve_actor(b)
    start, end = parse_range(since, until)
    return read_timeline(repo, key_a, key_b, interval, start, end)


PERIODS_QUERY = "read/api_relations_timeline_periods"
EVENTS_QUERY = "read/api_relations_timeline"


def timeline_query(since: str | None, until: str | None) -> str:
    """The query a timeline over since..until reads."""
    return PERIODS_QUERY if summarised(since, until) else EVENTS_QUERY


def read_timeline_rows(
    repo: GraphRepository, key_a: str, key_b: str, interval: Interval, since: str | None, until: str | None
) -> tuple[str, list[Row]]:
    """The pair's counts per period, type, quad class and stance, and the name of the query that read them: from the
    relationship layer's per-period summaries without a range or with year or month bounds (the cost follows the
    pair's edges and months), else from the pair's events in the range (a day bound cuts a month)."""
    name = timeline_query(since, until)
    with graph_errors():
        if name == PERIODS_QUERY:
            rows = rows_from_periods(repo.read(name, a=key_a, b=key_b), since, until, interval)
        else:
            low, high = index_bounds(since, until)
            rows = repo.read(
                name,
                pair="|".join(sorted((key_a, key_b))),
                since=since,
                until=until,
                low=low,
                high=high,
                interval=interval,
            )
    return name, rows


def rows_from_periods(
    edges: list[Row], since: str | None, until: str | None, interval: Interval
) -> list[dict[str, Any]]:
    """The rows read/api_relations_timeline counts from the events (period, precise, type, quad_class, cooperation,
    events, score; in its order), from the layer edges' period lists (read/api_relations_timeline_periods). A
    summary period is wholly inside or outside a range of years or months, by the overlap rule of an event's date;
    undated events count only without a range."""
    tally: dict[tuple[str | None, bool, str, str, bool], list[float]] = {}
    ranged = since is not None or until is not None
    for edge in edges:
        for day, n, score in zip(edge["periods"], edge["counts"], edge["scores"], strict=True):
            if ranged and not _overlaps(day, since, until):
                continue
            precise = day != "" and (interval == "year" or len(day) >= 7)
            key = (
                _period_label(day, precise, interval),
                precise,
                edge["type"],
                edge["quad_class"],
                edge["cooperation"],
            )
            counted = tally.setdefault(key, [0, 0.0])
            counted[0] += n
            counted[1] += score
    rows = [
        {
            "period": period,
            "precise": precise,
            "type": etype,
            "quad_class": quad,
            "cooperation": coop,
            "events": int(n),
            "score": score,
        }
        for (period, precise, etype, quad, coop), (n, score) in tally.items()
    ]
    rows.sort(key=lambda r: (r["period"] is None, r["period"] or "", not r["precise"], r["type"], r["cooperation"]))
    return rows


def _overlaps(day: str, since: str | None, until: str | None) -> bool:
    """A summary period against a range of years or months: an undated one never, else by the overlap rule."""
    if day == "":
        return False
    return (since is None or day >= since or since.startswith(day)) and (
        until is None or day <= until or day.startswith(until)
    )


def _period_label(day: str, precise: bool, interval: Interval) -> str | None:
    if day == "":
        return None
    if not precise or interval == "year":
        return day[:4]
    if interval == "month":
        return day[:7]
    return f"{day[:4]}-Q{(int(day[5:7]) + 2) // 3}"


def read_timeline(
    repo: GraphRepository, key_a: str, key_b: str, interval: Interval, since: str | None, until: str | None
) -> TimelineResponse:
    """The timeline of two resolved actor keys over a checked range (what GET /ask can answer a trend question
    with): 422 when the two are one actor, 503 when Neo4j went away."""
    if key_a == key_b:
        raise bad_request(f"a and b are the same actor ({key_a}): a timeline is between two actors")
    _, rows = read_timeline_rows(repo, key_a, key_b, interval, since, until)
    return TimelineResponse.model_validate(
        {
            "a": actor_summary(key_a),
            "b": actor_summary(key_b),
            "interval": interval,
            "since": since,
            "until": until,
            "formula": FORMULA,
            **build_timeline(rows, interval),
        }
    )
