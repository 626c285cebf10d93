"""An article's `source` never shows a server path (issue 13): files ingested from disk store only their name, and
the API hides a path stored by an older version."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ingest.batch import ingest_sources
from ingest.load import write_article
from ingest.sources import read_items
from service.api.app import create_app
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared.source_names import public_source
from tests.conftest import api_settings, nodes
from tests.test_load import make_article, make_event, make_extraction


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("/tmp/pytest-of-root/pytest-3/samples/13_summit.html", "13_summit.html"),
        ("/srv/feeds/wire.jsonl:4", "wire.jsonl:4"),
        ("C:\\Users\\analyst\\articles\\note.txt", "note.txt"),
        ("relative/dir/a.json", "a.json"),
        ("news.example.com", "news.example.com"),
        ("https://news.example.com/2024/11/15/story", "news.example.com"),
        ("file:///home/analyst/secret/report.html", "report.html"),
        ("paris.txt", "paris.txt"),
        ("/tmp/folder/", None),
        ("", None),
        (None, None),
    ],
)
def test_public_source_keeps_no_folder(stored: str | None, shown: str | None) -> None:
    assert public_source(stored) == shown


SENTENCE = "Russia and China signed a trade agreement in Beijing on Friday."
TEXT = f"{SENTENCE} Officials called it a milestone."


@pytest.mark.model
def test_files_ingested_from_disk_store_only_their_name(graph: GraphRepository, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "private" / "articles"
    folder.mkdir(parents=True)
    (folder / "deal.txt").write_text(TEXT, encoding="utf-8")
    (folder / "wire.jsonl").write_text('{"text": "China and Russia held talks in Moscow on Monday."}\n', "utf-8")
    summary = ingest_sources(read_items([folder]), nlp, graph)
    assert not summary.failures, summary.failures
    stored = {source for (source,) in nodes(graph, "Article", ["source"])}
    assert stored == {"deal.txt", "wire.jsonl:1"}


def test_the_api_hides_a_stored_server_path(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    article = make_article(TEXT)
    event = make_event(TEXT, SENTENCE, "AGREE", ["RUS", "CHN"], symmetric=True, date="2023-08-18")
    # As an older version stored it: the whole path of the file.
    write_article(graph, article, make_extraction(article, [event]), source="/tmp/secret-dir/samples/13_deal.html")
    with TestClient(create_app(api_settings(neo4j_server))) as client:
        events = client.get("/events", params={"actor": "RUS"}).json()["events"]
        assert len(events) == 1
        detail = client.get(f"/events/{events[0]['id']}")
        assert detail.status_code == 200, detail.text
        assert [item["source"] for item in detail.json()["evidence"]] == ["13_deal.html"]
        relations = client.get("/relations", params={"a": "RUS", "b": "CHN"})
        assert relations.status_code == 200, relations.text
        assert "secret-dir" not in relations.text and "/tmp/" not in relations.text
        for path in ("/export/events.json", "/export/events.csv"):
            export = client.get(path, params={"actor": "RUS"})
            assert export.status_code == 200 and "secret-dir" not in export.text, path
