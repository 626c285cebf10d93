"""Constraints and indexes from cypher/schema/*.cypher, applied at startup by the API and the worker.

Every schema statement must be `CREATE ... CONSTRAINT|INDEX <name> IF NOT EXISTS ...`: the name is how
`schema_applied()` recognises it, and `IF NOT EXISTS` makes applying the schema any number of times harmless.
Files are applied in name order, so constraints.cypher (whose backing indexes other indexes must not
duplicate) runs before indexes.cypher.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

import neo4j

from service.graph.errors import QueryFileError
from service.graph.queries import load_query, query_names
from service.graph.repository import GraphRepository, Row

log = logging.getLogger(__name__)

_NAMED_CREATE = re.compile(
    r"CREATE\s+(?:(?:RANGE|TEXT|POINT|FULLTEXT|LOOKUP|VECTOR)\s+)?(?P<kind>CONSTRAINT|INDEX)\s+"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+IF\s+NOT\s+EXISTS\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # "constraint" or "index"
    name: str
    query: str  # the schema file it comes from, e.g. "schema/constraints"


@dataclass(frozen=True)
class SchemaReport:
    constraints_before: int
    constraints_after: int
    indexes_before: int  # SHOW INDEXES counts constraints' backing indexes and the built-in token lookups too
    indexes_after: int
    statements: int
    created: tuple[str, ...]  # names that did not exist before

    @property
    def changed(self) -> bool:
        return bool(self.created)


@cache
def schema_objects() -> tuple[SchemaObject, ...]:
    """What the schema files declare, in the order they are applied."""
    objects: list[SchemaObject] = []
    for name in query_names("schema"):
        for statement in load_query(name).statements():
            match = _NAMED_CREATE.match(statement)
            if match is None:
                first_line = statement.splitlines()[0]
                raise QueryFileError(
                    f"{name}: a schema statement must be 'CREATE ... CONSTRAINT|INDEX <name> IF NOT EXISTS', "
                    f"not {first_line!r}"
                )
            objects.append(SchemaObject(match["kind"].lower(), match["name"], name))
    names = [obj.name for obj in objects]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise QueryFileError(f"schema names used twice: {', '.join(duplicates)}")
    return tuple(objects)


def apply_schema(target: neo4j.Driver | GraphRepository, database: str | None = None) -> SchemaReport:
    """Creates whatever constraints and indexes are missing, then upgrades data written by an older version:
    countries keyed `iso3` only (admin/country_id_upgrade, see `upgrade_country_ids`), relationship-layer edges
    pairs without their per-pair summaries (`upgrade_pair_summaries`) and participations without their summaries
    (admin/layer_upgrade, admin/layer_periods_upgrade, admin/participation_upgrade); a no-op on a graph that has them
    all.

    `database` is needed only with a bare driver (None means the user's home database).
    """
    repo = target if isinstance(target, GraphRepository) else GraphRepository(target, database)
    constraints_before, indexes_before = _existing(repo)
    statements = sum(repo.run_schema(name) for name in query_names("schema"))
    constraints_after, indexes_after = _existing(repo)
    created = tuple(
        obj.name
        for obj in schema_objects()
        if obj.name not in (constraints_before if obj.kind == "constraint" else indexes_before)
    )
    report = SchemaReport(
        constraints_before=len(constraints_before),
        constraints_after=len(constraints_after),
        indexes_before=len(indexes_before),
        indexes_after=len(indexes_after),
        statements=statements,
        created=created,
    )
    if report.changed:
        log.info("schema: created %s", ", ".join(created))
    # Data written by an older version: countries without `id` first (the other upgrades read actors by `id`), then
    # relationship-layer edges without their summaries, per-period summaries and
    # pair index entries; participations without their (actor, date) index keys.
    upgrade_country_ids(repo)
    repo.run_admin("admin/layer_upgrade")
    repo.run_admin("admin/layer_periods_upgrade")
    upgrade_pair_summaries(repo)
    repo.run_admin("admin/participation_upgrade")
    return report


# Countries given their `id` per transaction by admin/country_id_upgrade: small enough that a batch is a short
# transaction on any server, large enough that a graph of every state needs one or two.
COUNTRY_ID_BATCH = 200


def upgrade_country_ids(repo: GraphRepository, batch: int = COUNTRY_ID_BATCH) -> int:
    """Gives every country without an `id` (written by a version that keyed countries `iso3` only) its ISO3 code
    as `id`, `batch` countries per transaction, until none is left; returns how many were upgraded (0 on an
    up-to-date graph). Idempotent, and resumable: batches committed before an interruption stay, the next call
    goes on with the rest."""
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    total = 0
    while True:
        (row,) = repo.run_admin("admin/country_id_upgrade", batch=batch)
        upgraded = int(row["upgraded"])
        total += upgraded
        if upgraded < batch:
            break
    if total:
        log.info("schema: gave %d countries their id (keyed iso3 by an older version)", total)
    return total


# Pairs given their summaries per transaction by upgrade_pair_summaries: a busy pair's periods are a hundred seeks each.
PAIR_SUMMARY_BATCH = 100


def upgrade_pair_summaries(repo: GraphRepository, batch: int = PAIR_SUMMARY_BATCH) -> int:
    """Gives every pair the relationship layer links but that has no per-pair summary (a graph written before
    write/upsert_pair_summaries) its summaries, recomputed over all its periods, `batch` pairs per transaction;
    returns how many pairs were upgraded (0 on an up-to-date graph). Resumable like `upgrade_country_ids`."""
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    total = 0
    previous: list[Row] = []
    while (rows := repo.run_admin("admin/pairs_without_summary", limit=batch)) and rows != previous:
        repo.write("write/upsert_pair_summaries", rows=rows)
        total += len(rows)
        previous = rows  # the same pairs again: their events give no summary; the upgrade must not loop on them
    if total:
        log.info("schema: gave %d pairs their per-pair summaries (written by an older version)", total)
    return total


def missing_schema_objects(repo: GraphRepository) -> list[str]:
    """Names of the declared constraints and indexes that are absent, or failed (marked so)."""
    constraints = {row["name"] for row in repo.read("read/schema_constraints")}
    index_states = {row["name"]: row["state"] for row in repo.read("read/schema_indexes")}
    missing: list[str] = []
    for obj in schema_objects():
        existing = constraints if obj.kind == "constraint" else index_states
        if obj.name not in existing:
            missing.append(obj.name)
        elif index_states.get(obj.name) == "FAILED":  # a constraint's backing index has the constraint's name
            missing.append(f"{obj.name} (FAILED)")
    return missing


def _existing(repo: GraphRepository) -> tuple[set[str], set[str]]:
    constraints = {row["name"] for row in repo.read("read/schema_constraints")}
    indexes = {row["name"] for row in repo.read("read/schema_indexes")}
    return constraints, indexes
