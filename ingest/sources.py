"""Read sources: files and folders of articles in, `SourceItem(name, payload, kind)` out. No parsing here.

    .txt -> text    .html/.htm -> html    .json -> json    .jsonl -> json, one item per non-blank line ("file:line")

Folders are walked recursively in name order and only files with these suffixes are taken (hidden files and other
suffixes are skipped, so a README or an image in a folder is not "an article"); a file named explicitly is read
whatever its suffix, its kind then detected from the content. A file that cannot be read yields a `SourceFailure`
instead of stopping the walk; decoding and parsing errors are left to `ingest.cleanup.parse_article`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ingest.cleanup import PayloadKind

KIND_OF_SUFFIX: dict[str, PayloadKind] = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json"}
JSONL_SUFFIX = ".jsonl"


class SourceItem(NamedTuple):
    name: str  # the path, or path:line for a line of a .jsonl file
    payload: bytes
    kind: PayloadKind


class SourceFailure(NamedTuple):
    name: str
    reason: str


def is_article_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return (suffix in KIND_OF_SUFFIX or suffix == JSONL_SUFFIX) and not path.name.startswith(".")


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | SourceFailure]:
    """The files to read, in order: each path given, or the article files under each folder given."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and is_article_file(child) and not any(p.startswith(".") for p in relative):
                    yield child
        elif path.exists():
            yield path
        else:
            yield SourceFailure(str(path), "no such file or folder")


def read_items(paths: Iterable[str | Path]) -> Iterator[SourceItem | SourceFailure]:
    for found in find_files(paths):
        if isinstance(found, SourceFailure):
            yield found
            continue
        try:
            data = found.read_bytes()
        except OSError as exc:
            yield SourceFailure(str(found), f"cannot read: {exc.strerror or exc}")
            continue
        suffix = found.suffix.lower()
        if suffix == JSONL_SUFFIX:
            yield from _jsonl_items(str(found), data)
        else:
            yield SourceItem(str(found), data, KIND_OF_SUFFIX.get(suffix, "auto"))


def count_items(paths: Iterable[str | Path]) -> int:
    """How many items read_items will yield (for a progress bar); reads only .jsonl files."""
    total = 0
    for found in find_files(paths):
        if isinstance(found, Path) and found.suffix.lower() == JSONL_SUFFIX:
            try:
                total += sum(1 for line in found.read_bytes().splitlines() if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _jsonl_items(name: str, data: bytes) -> Iterator[SourceItem | SourceFailure]:
    lines = data.splitlines()
    if not any(line.strip() for line in lines):
        yield SourceFailure(name, "empty file")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield SourceItem(f"{name}:{number}", line, "json")
