"""Records as plain dicts, cheaply.

`neo4j.Record.data()` walks every value to turn nodes, relationships and paths into dicts: about a microsecond per
list element, so a layer edge's period lists (a few thousand values for a busy pair) cost more to convert than to
read. Most rows hold only strings, numbers, booleans, lists and maps of them; those are taken as they are, and only
a row holding something else (a graph entity, a temporal value) goes through `data()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import neo4j

Row = dict[str, Any]

_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain_rows(records: Iterable[neo4j.Record]) -> list[Row]:
    return [_row(record) for record in records]


def _row(record: neo4j.Record) -> Row:
    row = dict(record)
    return row if all(_plain(value) for value in row.values()) else record.data()


def _plain(value: Any) -> bool:
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is list:
        return all(type(v) in _SCALARS or _plain(v) for v in value)
    if kind is dict:
        return all(type(v) in _SCALARS or _plain(v) for v in value.values())
    return False
