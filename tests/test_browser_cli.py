"""`geokg browser` (no server needed), the GraSS style sheet, the Browser guide and its CORS answers, and the
managed Neo4j's allowlist of hosts Browser may load them from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.browser.guide import explore_queries, guide_html, style_sheet
from service.cli import build_parser
from service.config import Settings
from service.graph.local_neo4j import LocalNeo4j
from service.shared.relations import Relation


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"neo4j_home": tmp_path / "neo4j", "neo4j_http_port": 17999, "api_port": 8123}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]  # pydantic-settings' init-only option


def _run(settings: Settings, *argv: str) -> int:
    args = build_parser().parse_args(["browser", *argv])
    code: int = args.func(args, settings)
    return code


# --------------------------------------------------------------------------- the command


def test_managed_neo4j_prints_url_user_password_file_and_load_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _settings(tmp_path)
    code = _run(settings)
    out = capsys.readouterr().out
    assert code == 0
    assert "http://127.0.0.1:17999/browser/" in out
    assert "User:          neo4j" in out
    assert str(tmp_path / "neo4j" / "instances" / "default" / "password") in out
    assert ":style http://127.0.0.1:8123/browser/style.grass" in out
    assert ":play http://127.0.0.1:8123/browser/guide" in out
    # Starts nothing, installs nothing, creates no password.
    assert not (tmp_path / "neo4j").exists()


def test_the_password_is_printed_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = _settings(tmp_path)
    password_file = tmp_path / "neo4j" / "instances" / "default" / "password"
    password_file.parent.mkdir(parents=True)
    password_file.write_text("g-generated-secret\n")
    _run(settings)
    assert "g-generated-secret" not in capsys.readouterr().out
    _run(settings, "--show-password")
    assert "g-generated-secret" in capsys.readouterr().out


def test_configured_server_points_at_its_host_and_the_password_you_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _settings(
        tmp_path,
        neo4j_uri="neo4j://graph.example.org:7687",
        neo4j_user="analyst",
        neo4j_password=SecretStr("s3cret-pass"),
        api_host="0.0.0.0",
    )
    _run(settings, "--api-url", "https://api.example.org/")
    out = capsys.readouterr().out
    assert "http://graph.example.org:7474/browser/" in out
    assert "User:          analyst" in out
    assert "the GEOKG_NEO4J_PASSWORD you set" in out
    assert "s3cret-pass" not in out
    assert ":style https://api.example.org/browser/style.grass" in out
    _run(settings, "--show-password")
    out = capsys.readouterr().out
    assert "s3cret-pass" in out
    assert ":play http://127.0.0.1:8123/browser/guide" in out  # 0.0.0.0 is not an address to browse to


def test_the_managed_neo4j_allows_browser_to_load_from_the_api_host(tmp_path: Path) -> None:
    server = LocalNeo4j(version="5.26.30", home=tmp_path, password="password1")
    conf = server._render_conf(tmp_path / "dist")
    line = next(x for x in conf.splitlines() if x.startswith("browser.remote_content_hostname_whitelist="))
    hosts = line.split("=", 1)[1].split(",")
    assert {"127.0.0.1", "localhost", "guides.neo4j.com"} <= set(hosts)


# --------------------------------------------------------------------------- the style sheet


def _grass_rules(text: str) -> dict[str, dict[str, str]]:
    """The rules as Browser reads them: `selector { key: value; ... }`, quoted values may hold braces."""
    rules = {}
    for selector, body in re.findall(r"([\w.]+)\s*\{((?:[^{}']|'[^']*')*)\}", text):
        props = {}
        for item in body.split(";"):
            if item.strip():
                key, sep, value = item.partition(":")
                assert sep and ":" not in value, f"{selector}: {item!r} (Browser splits on ':' and ';')"
                props[key.strip()] = value.strip()
        rules[selector] = props
    return rules


def test_the_style_colours_and_captions_every_label_and_relationship_type() -> None:
    rules = _grass_rules(style_sheet())
    for label in ("Country", "Organization", "Person", "Event", "Article", "Place", "QueuedArticle"):
        assert {"color", "caption"} <= set(rules[f"node.{label}"]), label
    assert rules["node.Country"]["caption"] == "'{name}'"
    assert rules["node.Event"]["caption"] == "'{type} {date}'"
    for relation in Relation:
        rule = rules[f"relationship.{relation.value}"]
        assert rule["caption"] == f"'{relation.value} ({{event_count}})'"
    colour = {
        name.split(".", 1)[1]: props["color"] for name, props in rules.items() if name.startswith("relationship.")
    }
    assert colour["MET_WITH"] == colour["AGREED_WITH"] != colour["COOPERATES_WITH"] == colour["AIDS"]
    assert colour["ACCUSES"] == colour["THREATENS"] != colour["ATTACKS"] == colour["SANCTIONS"]
    assert colour["MET_WITH"] != colour["ACCUSES"]


# --------------------------------------------------------------------------- served by the API


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    # No `with`: the app's startup (which connects to Neo4j) does not run; these routes never touch the graph.
    return TestClient(create_app(_settings(tmp_path, neo4j_uri="neo4j://127.0.0.1:1")))


def test_the_style_is_served_to_any_origin(client: TestClient) -> None:
    response = client.get("/browser/style.grass", headers={"Origin": "http://127.0.0.1:7474"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.text == style_sheet()


def test_the_guide_has_a_slide_per_explore_query_with_runnable_blocks(client: TestClient) -> None:
    response = client.get("/browser/guide")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["access-control-allow-origin"] == "*"
    page = response.text
    assert page.count("<slide") == len(explore_queries()) + 1
    assert (
        '<pre mode="cypher" class="pre-scrollable code runnable">:style http://testserver/browser/style.grass' in page
    )
    assert "<script" not in page
    for query in explore_queries():
        assert query.param_commands, query.name
        assert f"<h3>{query.title}</h3>" in page
        assert "MATCH" in query.cypher and "params:" not in query.cypher


def test_the_guide_preflight_allows_browsers_no_cache_headers(client: TestClient) -> None:
    response = client.options(
        "/browser/guide",
        headers={
            "Origin": "http://127.0.0.1:7474",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    assert response.headers["access-control-allow-headers"] == "pragma,cache-control"


def test_the_guide_escapes_query_text() -> None:
    page = guide_html("http://127.0.0.1:8000")
    assert "=&gt; &#x27;RUS&#x27;" in page  # :param actor => 'RUS', escaped inside <pre>
