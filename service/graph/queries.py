"""The .cypher files under `cypher/`, loaded by name ("read/country_by_iso3") through one cached accessor.

Each file starts with a header of `//` lines (format in cypher/README.md):

    // Countries by ISO3 code.            <- free description, any number of lines
    // params: $iso3, $name               <- or `// params: none`
    // returns: iso3, name                <- or `// returns: none`

The header's params must equal the `$identifiers` used in the query text (comments and string literals
excluded), so a file can be checked offline and every call can be checked against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.graph.errors import QueryFileError, QueryNotFound

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER_KEYS = ("params", "returns")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    params: frozenset[str]
    returns: tuple[str, ...]
    description: str = ""

    @property
    def folder(self) -> str:
        """What the query is for: "read", "write", "schema", "admin" or "explore" (saved Neo4j Browser queries)."""
        return self.name.split("/", 1)[0]

    def statements(self) -> tuple[str, ...]:
        """The text split on the `;` that end statements (schema files hold several)."""
        return split_statements(self.text)


def cypher_dir() -> Path:
    """The folder of .cypher files.

    The packaged copy (`service/cypher`, put into wheels by pyproject's force-include) wins over a checkout's
    `cypher/`, so an installed service never picks up a stray folder next to site-packages.
    """
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "cypher", here.parents[2] / "cypher"):
        if candidate.is_dir():
            return candidate
    raise QueryFileError(f"no cypher/ folder found next to {here.parents[1]}")


@cache
def _query_paths() -> dict[str, Path]:
    root = cypher_dir()
    return {path.relative_to(root).with_suffix("").as_posix(): path for path in sorted(root.rglob("*.cypher"))}


def query_names(folder: str | None = None) -> tuple[str, ...]:
    """Names of every .cypher file, optionally only those in one top-level folder."""
    names = sorted(_query_paths())
    if folder is None:
        return tuple(names)
    return tuple(name for name in names if name.startswith(f"{folder}/"))


@cache
def load_query(name: str) -> Query:
    """The query called `name`. The name is looked up among the files that exist, never joined into a path."""
    path = _query_paths().get(name)
    if path is None:
        folder = name.split("/", 1)[0]
        known = query_names(folder) or query_names()
        raise QueryNotFound(f"no query named {name!r} (known: {', '.join(known)})")
    return parse_query(name, path.read_text(encoding="utf-8"))


def parse_query(name: str, text: str) -> Query:
    header, description = _parse_header(name, text)
    declared = _parse_param_list(name, header["params"])
    used = frozenset(_PARAM.findall(code_only(text)))
    if declared != used:
        raise QueryFileError(f"{name}: header declares params {_fmt(declared)} but the query uses {_fmt(used)}")
    return Query(
        name=name,
        text=text.strip(),
        params=declared,
        returns=_parse_return_list(name, header["returns"]),
        description=description,
    )


def _parse_header(name: str, text: str) -> tuple[dict[str, str], str]:
    header: dict[str, str] = {}
    description: list[str] = []
    for raw in text.lstrip().splitlines():
        line = raw.strip()
        if not line.startswith("//"):
            break
        content = line[2:].strip()
        key, sep, value = content.partition(":")
        if sep and key.strip() in _HEADER_KEYS:
            if key.strip() in header:
                raise QueryFileError(f"{name}: header has two '{key.strip()}:' lines")
            header[key.strip()] = value.strip()
        elif content:
            description.append(content)
    missing = [key for key in _HEADER_KEYS if key not in header]
    if missing:
        raise QueryFileError(
            f"{name}: the header (leading // lines) lacks {', '.join(k + ':' for k in missing)} (see cypher/README.md)"
        )
    return header, " ".join(description)


def _split_list(value: str) -> list[str]:
    if value.lower() == "none":
        return []
    return [item.strip() for item in value.split(",") if item.strip()]


def _parse_param_list(name: str, value: str) -> frozenset[str]:
    params: set[str] = set()
    for item in _split_list(value):
        if not (item.startswith("$") and _IDENTIFIER.fullmatch(item[1:])):
            raise QueryFileError(f"{name}: header param {item!r} must look like $name")
        params.add(item[1:])
    return frozenset(params)


def _parse_return_list(name: str, value: str) -> tuple[str, ...]:
    columns = _split_list(value)
    for column in columns:
        if not _IDENTIFIER.fullmatch(column):
            raise QueryFileError(f"{name}: returned column {column!r} is not a plain identifier")
    if len(set(columns)) != len(columns):
        raise QueryFileError(f"{name}: returned columns repeat a name: {', '.join(columns)}")
    return tuple(columns)


def _fmt(params: frozenset[str]) -> str:
    return ", ".join(f"${p}" for p in sorted(params)) or "none"


def code_only(text: str) -> str:
    """`text` with comments, string literals and `quoted` names blanked out (same length, newlines kept),
    so that a `$` or `;` inside them is not taken for a parameter or a statement end."""
    chars = list(text)
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif text[i] in "'\"`":
            quote, end = text[i], i + 1
            while end < n and text[end] != quote:
                end += 2 if text[end] == "\\" and quote != "`" else 1
            end = min(end + 1, n)
        else:
            i += 1
            continue
        for k in range(i, end):
            if chars[k] != "\n":
                chars[k] = " "
        i = end
    return "".join(chars)


def split_statements(text: str) -> tuple[str, ...]:
    """Statements of a multi-statement file; pieces holding only comments or whitespace are dropped."""
    mask = code_only(text)
    statements: list[str] = []
    start = 0
    for end in [i for i, ch in enumerate(mask) if ch == ";"] + [len(text)]:
        if mask[start:end].strip():
            statements.append(_strip_leading_comments(text[start:end]))
        start = end + 1
    return tuple(statements)


def _strip_leading_comments(statement: str) -> str:
    lines = statement.strip().splitlines()
    while lines and (not lines[0].strip() or lines[0].strip().startswith("//")):
        lines.pop(0)
    return "\n".join(lines).strip()
