"""`geokg ingest` in-process against the test Neo4j, and the source reader it uses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources import SourceFailure, SourceItem, count_items, read_items
from service import cli
from service.config import get_settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import nodes

MEETING = (
    "Leaders of Poland and Lithuania met in Vilnius on Monday to discuss border security, officials said. "
    "The talks focused on the Suwalki corridor."
)
AGREEMENT = "Argentina and Chile signed a trade agreement in Santiago on Tuesday, both governments said."
ACCUSATION = "Venezuela accused Guyana of provoking the crisis over the disputed Essequibo region."
SANCTIONS = "The United States imposed new sanctions on Iran on Thursday over its missile programme."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.fixture
def graph_env(graph: GraphRepository, neo4j_server: ConnectionInfo, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI's settings pointed at the test server (an empty graph), as a user would with GEOKG_NEO4J_*."""
    monkeypatch.setenv("GEOKG_NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("GEOKG_NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("GEOKG_NEO4J_PASSWORD", neo4j_server.password or "")
    monkeypatch.setenv("GEOKG_NEO4J_DATABASE", neo4j_server.database)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def make_folder(root: Path) -> Path:
    folder = root / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "meeting.txt").write_text(MEETING, encoding="utf-8")
    (folder / "nested" / "agreement.json").write_text(
        json.dumps({"text": AGREEMENT, "url": "https://example.com/agreement", "published": "2024-06-11"})
    )
    feed = [
        {
            "text": ACCUSATION,
            "url": "https://example.com/accusation",
            "title": "Essequibo row",
            "published": "2023-12-05",
        },
        {"html": f"<html><body><article><p>{SANCTIONS}</p></article></body></html>", "published": "2024-06-13"},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(line) for line in feed) + "\n\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(PNG)  # binary content with a text suffix
    (folder / "broken.json").write_text('{"text": "Unfinished', encoding="utf-8")
    (folder / "notes.md").write_text("not an article file: skipped", encoding="utf-8")
    (folder / ".hidden.txt").write_text(MEETING, encoding="utf-8")
    return folder


@pytest.mark.model
def test_ingest_a_folder_reports_bad_files_and_ingests_the_rest(
    graph_env: None, graph: GraphRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path)

    code = cli.main(["ingest", str(folder), "--no-progress"])

    out = capsys.readouterr().out
    assert code == 1, out
    assert "articles: 6 read, 4 written, 0 already present, 2 failed" in out
    failures = {line.strip().split(": ", 1)[0] for line in out.splitlines() if line.startswith("  ")}
    assert failures == {str(folder / "scan.txt"), str(folder / "broken.json")}
    assert "binary content" in out and "malformed JSON" in out
    # The graph keeps each file's name, never its path on this machine (the CLI's report above names the paths).
    sources = {source for (source,) in nodes(graph, "Article", ["source"])}
    assert sources == {"meeting.txt", "agreement.json", "feed.jsonl:1", "feed.jsonl:2"}
    types = {t for (t,) in nodes(graph, "Event", ["type"])}
    assert {"CONSULT", "AGREE", "ACCUSE", "SANCTION"} <= types

    # Again: everything good is already there; the bad files still fail.
    assert cli.main(["ingest", str(folder), "--no-progress"]) == 1
    out = capsys.readouterr().out
    assert "articles: 6 read, 0 written, 4 already present, 2 failed" in out
    assert "events: 0 new, 0 merged" in out


@pytest.mark.model
def test_ingest_exits_0_when_everything_succeeds(
    graph_env: None, graph: GraphRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "meeting.txt"
    article.write_text(MEETING, encoding="utf-8")
    assert cli.main(["ingest", str(article), "--no-progress"]) == 0
    assert "articles: 1 read, 1 written" in capsys.readouterr().out
    assert cli.main(["ingest", str(tmp_path / "missing.txt"), "--no-progress"]) == 1
    assert "no such file or folder" in capsys.readouterr().out


# --------------------------------------------------------------------------- sources (no server)


def test_sources_walk_folders_and_split_jsonl(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    items = list(read_items([folder]))
    names = [item.name for item in items]
    assert names == [
        str(folder / "broken.json"),
        f"{folder / 'feed.jsonl'}:1",
        f"{folder / 'feed.jsonl'}:2",
        str(folder / "meeting.txt"),
        str(folder / "nested" / "agreement.json"),
        str(folder / "scan.txt"),
    ]
    assert count_items([folder]) == len(items)
    kinds = {item.name.rsplit("/", 1)[-1]: item.kind for item in items if isinstance(item, SourceItem)}
    assert kinds == {
        "broken.json": "json",
        "feed.jsonl:1": "json",
        "feed.jsonl:2": "json",
        "meeting.txt": "text",
        "agreement.json": "json",
        "scan.txt": "text",
    }


def test_sources_report_what_cannot_be_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n \n")
    explicit = tmp_path / "story.md"  # a file named explicitly is read whatever its suffix
    explicit.write_text(MEETING)
    items = list(read_items([tmp_path / "nope", empty, explicit]))
    assert items == [
        SourceFailure(str(tmp_path / "nope"), "no such file or folder"),
        SourceFailure(str(empty), "empty file"),
        SourceItem(str(explicit), MEETING.encode(), "auto"),
    ]
