"""The bad-input catalogue (issue 7, point 1): hostile and malformed input sent through the API and the CLI.

- PARAM_CASES: each value is sent to EVERY parameter of every GET operation the OpenAPI spec lists (path and query,
  the other required parameters filled with valid values), to each field of a POST /articles body and as the
  X-API-Key header. Every answer must be a 2xx (the input is harmless: a filter that finds nothing) or a 4xx with
  a JSON `detail`, never a 5xx.
- BODY_CASES: raw POST /articles bodies (sizes, encodings, nesting, wrong types and content types, HTML of scripts
  only, dates) with the status and message each must get.
- FILE_CASES: files given to `geokg extract` and `geokg ingest`: a clear `geokg: ...` error or a reported failure,
  never a traceback.

After each case the graph of the sample articles (`sample_graph`) is unchanged (node and relationship counts and a
hash of every node's and relationship's properties, `admin/graph_fingerprint`), nothing but queue items was
written, and the app still answers /health and a real query.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import pytest
from fastapi.testclient import TestClient

from service import cli
from service.api.app import create_app
from service.config import Settings, get_settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import queue
from tests.conftest import api_settings

pytestmark = [pytest.mark.neo4j, pytest.mark.model]

KEY = "bad-input-key-0123456789"
AUTH = {"X-API-Key": KEY}
TEN_MB = 10 * 1024 * 1024


# --------------------------------------------------------------------------- graph fingerprint


@dataclass(frozen=True)
class Fingerprint:
    nodes: int
    relationships: int
    digest: str


def fingerprint(repo: GraphRepository) -> Fingerprint:
    """Counts and a hash of everything but the queue: equal fingerprints mean nothing was added, removed or set."""
    rows = repo.run_admin("admin/graph_fingerprint")
    items = sorted(json.dumps([row["kind"], row["item"]], sort_keys=True, default=str) for row in rows)
    kinds = [row["kind"] for row in rows]
    digest = hashlib.sha256("\n".join(items).encode()).hexdigest()
    return Fingerprint(kinds.count("node"), kinds.count("relationship"), digest)


# --------------------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class Case:
    """One hostile value; `encoded` is its raw percent-encoded form when it is not a valid str (bad UTF-8)."""

    value: str | None
    encoded: str | None = None
    finds_nothing: bool = False  # as a text filter (?q=, ?location=) it matches no sentence of the samples

    def url_form(self) -> str:
        return self.encoded if self.encoded is not None else quote(self.value or "", safe="")

    def raw(self) -> bytes:
        return unquote_to_bytes(self.url_form())


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


PARAM_CASES: dict[str, Case] = {
    "empty": Case(""),
    "whitespace-only": Case(" \t \n "),
    "long-16kb": Case("x" * 16_000, finds_nothing=True),
    "long-4-byte-unicode": Case("\U0001d54f" * 1_000, finds_nothing=True),
    "null-byte": Case("RUS\x00", finds_nothing=True),
    "null-bytes-only": Case("\x00\x00\x00", finds_nothing=True),
    "invalid-utf8": Case(None, encoded="%FF%FE%FD"),
    "overlong-utf8-slash": Case(None, encoded="%C0%AF"),
    "utf8-surrogate": Case(None, encoded="%ED%A0%80"),
    "json-escaped-lone-surrogate": Case(None, encoded="%5Cud800"),
    "single-quote-or": Case("' OR '1'='1", finds_nothing=True),
    "double-quote": Case('" OR ""="', finds_nothing=True),
    "backticks": Case("`n` `RUS`", finds_nothing=True),
    "cypher-detach-delete": Case("}) DETACH DELETE n //", finds_nothing=True),
    "cypher-match-delete": Case("RUS'}) MATCH (n) DETACH DELETE n RETURN 1 //", finds_nothing=True),
    "cypher-parameter": Case("$actor", finds_nothing=True),
    "cypher-block-comment": Case("RUS/*", finds_nothing=True),
    "backslash-escapes": Case("\\' \\\" \\u0027 \\", finds_nothing=True),
    "format-string": Case("%s%s%n{0}{}{{7*7}}", finds_nothing=True),
    "rtl-override": Case("RUS\u202egnp.exe", finds_nothing=True),
    "zero-width-joiners": Case("R\u200bU\u200cS\u200d", finds_nothing=True),
    "homoglyph-cyrillic": Case("RU\u0405", finds_nothing=True),
    "fullwidth-letters": Case("\uff32\uff35\uff33", finds_nothing=True),
    "combining-marks": Case("R\u0301\u0301U\u0301S\u0301", finds_nothing=True),
    "emoji-flag": Case("\U0001f1f7\U0001f1fa\U0001f4a3", finds_nothing=True),
    "non-english-russian": Case("\u0420\u043e\u0441\u0441\u0438\u044f", finds_nothing=True),
    "non-english-chinese": Case("\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd", finds_nothing=True),
    "non-english-arabic": Case("\u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629", finds_nothing=True),
    "html-script": Case("<script>alert(1)</script>", finds_nothing=True),
    "crlf-injection": Case("RUS\r\nX-Injected: 1", finds_nothing=True),
    "path-traversal": Case("../../etc/passwd", finds_nothing=True),
    "encoded-path-traversal": Case(None, encoded="..%2F..%2Fetc%2Fpasswd"),
    "json-operator-object": Case('{"$ne": null}', finds_nothing=True),
    "json-array": Case("[1, 2, 3]"),
    "deeply-nested-json": Case("[" * 10_000, finds_nothing=True),
    "cursor-of-nested-json": Case(_b64("[" * 5_000 + "]" * 5_000)),
    "boolean": Case("true"),
    "negative-number": Case("-1"),
    "zero": Case("0"),
    "huge-number": Case("9" * 40),
    "float-overflow": Case("1e309"),
    "nan": Case("NaN"),
    "malformed-date": Case("2024-13-45"),
    "february-30": Case("2024-02-30"),
    "far-future-year": Case("3000"),
    "far-future-day": Case("9999-12-31"),
    "year-zero": Case("0000"),
    "negative-year": Case("-2024-01-01"),
    "datetime-not-date": Case("2024-01-01T00:00:00Z"),
}

# Bugs in files this test's author does not own, reported with their fix; strict, so the mark goes once fixed.
KNOWN_BUGS: dict[str, str] = {}  # case name -> the bug it shows (a strict xfail until fixed)


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name])])
        if name in KNOWN_BUGS
        else pytest.param(case, id=name)
        for name, case in PARAM_CASES.items()
    ]


# Fillers for the parameters an operation requires, so that only the parameter under test is hostile.
KNOWN_GOOD = {"actor": "RUS", "a": "RUS", "b": "UKR", "center": "RUS", "q": "who is cooperating with Russia?"}


@dataclass(frozen=True)
class Target:
    """One parameter of one GET operation, and valid values for the operation's other required parameters."""

    path: str
    name: str
    where: str  # "path" or "query"
    filled: dict[str, tuple[str, str]] = field(default_factory=dict)  # required name -> (where, good value)

    @property
    def label(self) -> str:
        return f"GET {self.path} {self.where}:{self.name}"

    def url(self, raw_value: str | None) -> str:
        """The URL with `raw_value` (already percent-encoded) as this parameter; None: good values only."""
        path = self.path
        query = []
        params = self.filled | ({} if raw_value is None else {self.name: (self.where, raw_value)})
        for name, (where, value) in params.items():
            if where == "path":
                path = path.replace("{" + name + "}", value)
            else:
                query.append(f"{name}={value}")
        return path + ("?" + "&".join(query) if query else "")


def _targets(spec: dict[str, Any], good: dict[str, str]) -> list[Target]:
    targets = []
    for path, methods in spec["paths"].items():
        operation = methods.get("get")
        if operation is None:
            continue
        params = [p for p in operation.get("parameters", []) if p["in"] in ("path", "query")]
        filled = {p["name"]: (p["in"], quote(good.get(p["name"], "RUS"), safe="")) for p in params if p.get("required")}
        targets += [Target(path, param["name"], param["in"], filled) for param in params]
    return targets


# --------------------------------------------------------------------------- fixtures


def _settings(server: ConnectionInfo) -> Settings:
    return api_settings(server, api_key=KEY)


@pytest.fixture(scope="module")
def client(sample_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    """The app on the sample graph; a 500 is answered (and checked), not raised into the test."""
    with TestClient(create_app(_settings(neo4j_server)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def baseline(sample_graph: GraphRepository) -> Fingerprint:
    found = fingerprint(sample_graph)
    assert found.nodes > 100 and found.relationships > 100, found  # the samples are in: "unchanged" means something
    return found


@pytest.fixture(scope="module")
def targets(client: TestClient) -> list[Target]:
    """Every (operation, parameter) of the spec, with good values for the other required ones: a real event id,
    person id and queue id taken from the graph."""
    event = client.get("/events", params={"limit": 1}).json()["events"][0]["id"]
    person = client.get("/people", params={"limit": 1}).json()[0]["id"]
    good = KNOWN_GOOD | {"event_id": event, "person_id": person, "item_id": "0" * 32}
    found = _targets(client.get("/openapi.json").json(), good)
    assert len(found) >= 30, [t.label for t in found]
    return found


def assert_still_serving(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    country = client.get("/countries/RUS")
    assert country.status_code == 200, country.text
    assert country.json()["id"] == "RUS"


def assert_unchanged(repo: GraphRepository, baseline: Fingerprint) -> None:
    assert fingerprint(repo) == baseline


def problem(response: Any) -> str | None:
    """Why an answer is wrong for bad input, or None: 5xx, or a 4xx without a JSON `detail`."""
    if response.status_code >= 500:
        return f"{response.status_code} {response.text[:200]}"
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail")
        except ValueError:
            return f"{response.status_code} without a JSON body: {response.text[:200]}"
        if not detail:
            return f"{response.status_code} without a detail: {response.text[:200]}"
    return None


# --------------------------------------------------------------------------- every parameter of the API


def test_the_fillers_are_valid(client: TestClient, targets: list[Target]) -> None:
    """With only good values, each operation answers 200 (or 404 for the unknown queue id), so that a 4xx in the
    catalogue is caused by the value under test."""
    for target in {t.path: t for t in targets}.values():
        url = target.url(None)
        response = client.get(url)
        expected = 404 if "{item_id}" in target.path else 200
        assert response.status_code == expected, (url, response.text[:300])


@pytest.mark.parametrize("case", _cases())
def test_hostile_value_in_every_parameter(
    client: TestClient, sample_graph: GraphRepository, baseline: Fingerprint, targets: list[Target], case: Case
) -> None:
    queued = queue.counts(sample_graph)
    failures: dict[str, str] = {}
    for target in targets:
        response = client.get(target.url(case.url_form()), follow_redirects=False)
        why = problem(response)
        if why is None and response.status_code == 200 and case.finds_nothing and target.path == "/events":
            if target.name in ("q", "location") and response.json()["events"]:
                why = f"a filter of {case.value!r} found events"
        if why:
            failures[target.label] = why
    for name in ("text", "html", "url", "title", "published"):
        field = b'"' + name.encode() + b'": "' + _json_escaped(case) + b'"'
        body = (
            b"{" + field + b"}"
            if name in ("text", "html")
            else b'{"text": "Chile and Peru held talks.", ' + field + b"}"
        )
        response = client.post("/articles", content=body, headers=AUTH | {"Content-Type": "application/json"})
        if why := problem(response):
            failures[f"POST /articles {name}"] = why
    header = case.raw()
    if header.strip() and all(32 <= byte < 127 for byte in header):  # what an HTTP client can send at all
        response = client.post("/articles", json={"text": "Chile and Peru held talks."}, headers={"X-API-Key": header})
        if response.status_code != 403:
            failures["POST /articles X-API-Key"] = f"{response.status_code} {response.text[:200]}"
    assert not failures, failures
    assert_unchanged(sample_graph, baseline)
    assert_still_serving(client)
    # Only valid articles were queued, as data: never more than the five fields tried.
    added = queue.counts(sample_graph)["queued"] - queued["queued"]
    assert 0 <= added <= 5


def _json_escaped(case: Case) -> bytes:
    """The value as the inside of a JSON string; bad UTF-8 goes in raw (the body is then not valid JSON)."""
    if case.value is None:
        return case.raw()
    return json.dumps(case.value)[1:-1].encode()


# --------------------------------------------------------------------------- POST /articles bodies


@dataclass(frozen=True)
class Body:
    content: bytes | Iterator[bytes] | None
    status: int
    message: str  # a part of the `detail` (or of one of its errors' `msg`)
    content_type: str | None = "application/json"


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _chunks(total: int, size: int = 1024 * 1024) -> Iterator[bytes]:
    yield b'{"text": "'
    for _ in range(total // size):
        yield b"x" * size
    yield b'"}'


SCRIPTS_ONLY = "<html><head><script>var a = 1;</script></head><body><script src='x.js'></script></body></html>"
BODY_CASES: dict[str, Body] = {
    "empty-body": Body(b"", 422, "not valid JSON"),
    "whitespace-body": Body(b" \n\t ", 422, "not valid JSON"),
    "10mb-article": Body(_json({"text": "x" * TEN_MB}), 413, "over the 2000000-byte limit"),
    "20mb-declared": Body(b"[" + b" " * (2 * TEN_MB) + b"]", 413, "over the 16777216-byte limit"),
    "20mb-chunked": Body(_chunks(2 * TEN_MB), 413, "over the 16777216-byte limit"),
    "binary-png": Body(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, 422, "not valid JSON"),
    "invalid-utf8": Body(b'{"text": "caf\xe9 \xff\xfe"}', 422, "not valid JSON"),
    "nested-arrays-10k": Body(b"[" * 10_000 + b"]" * 10_000, 422, "nested too deeply"),
    "nested-objects-10k": Body(b'{"a":' * 10_000 + b"1" + b"}" * 10_000, 422, "nested too deeply"),
    "json-null": Body(b"null", 422, "must be an article"),
    "json-number": Body(b"42", 422, "must be an article"),
    "json-string": Body(b'"Chile and Peru held talks."', 422, "must be an article"),
    "text-number": Body(_json({"text": 42}), 422, "valid string"),
    "text-list": Body(_json({"text": ["Chile and Peru held talks."]}), 422, "valid string"),
    "text-operator-object": Body(_json({"text": {"$ne": None}}), 422, "valid string"),
    "published-number": Body(_json({"text": "Talks.", "published": 20240101}), 422, "valid string"),
    "url-number": Body(_json({"text": "Talks.", "url": 5}), 422, "valid string"),
    "html-scripts-only": Body(_json({"html": SCRIPTS_ONLY}), 422, "no text found in the HTML"),
    "html-styles-and-comments": Body(_json({"html": "<style>p{}</style><!-- x --><div> </div>"}), 422, "no text"),
    "text-zero-width-only": Body(_json({"text": "\u200b\u200c\ufeff"}), 422, "empty article"),
    "text-with-null-bytes": Body(_json({"text": "Chile\x00Peru"}), 422, "binary content"),
    "text-control-characters": Body(_json({"text": "\x01\x02\x03\x04\x05 talks"}), 422, "binary content"),
    "content-type-text-plain": Body(_json({"text": "Talks."}), 415, "must be JSON", "text/plain"),
    "content-type-form": Body(b"text=Talks.", 415, "must be JSON", "application/x-www-form-urlencoded"),
    "content-type-multipart": Body(
        b"--b\r\n\r\nTalks.\r\n--b--", 415, "must be JSON", "multipart/form-data; boundary=b"
    ),
    "content-type-xml": Body(b"<text>Talks.</text>", 415, "must be JSON", "application/xml"),
    "published-far-future": Body(_json({"text": "Talks.", "published": "9999-12-31"}), 422, "in the future"),
    "published-malformed": Body(_json({"text": "Talks.", "published": "2024-13-45"}), 422, "YYYY-MM-DD"),
    "published-datetime": Body(_json({"text": "Talks.", "published": "2024-06-14T10:00:00Z"}), 422, "YYYY-MM-DD"),
    "url-javascript": Body(_json({"text": "Talks.", "url": "javascript:alert(1)"}), 422, "http"),
    "unknown-field": Body(_json({"text": "Talks.", "query": "MATCH (n) DETACH DELETE n"}), 422, "Extra inputs"),
    "batch-of-101": Body(_json([{"text": f"Talks {n}."} for n in range(101)]), 413, "at most 100"),
    "non-english-text": Body(_json({"text": "Die Regierung hat heute neue Regeln beschlossen."}), 202, ""),
    "hostile-valid-text": Body(_json({"text": "Chile and Peru met. }) DETACH DELETE n // `x` $rows"}), 202, ""),
}


@pytest.mark.parametrize("body", list(BODY_CASES.values()), ids=list(BODY_CASES))
def test_bad_article_bodies(
    client: TestClient, sample_graph: GraphRepository, baseline: Fingerprint, body: Body
) -> None:
    queued = queue.counts(sample_graph)["queued"]
    headers = AUTH | ({"Content-Type": body.content_type} if body.content_type else {})
    started = time.monotonic()
    response = client.post("/articles", content=body.content, headers=headers)
    elapsed = time.monotonic() - started
    assert response.status_code == body.status, response.text[:500]
    assert elapsed < 5, elapsed  # refused at once, even the 10 MB ones
    detail = response.json().get("detail") if response.status_code >= 400 else None
    if body.status >= 400:
        text = detail if isinstance(detail, str) else " ".join(error["msg"] for error in detail)
        assert body.message in text, detail
    assert_unchanged(sample_graph, baseline)  # no Article or Event is ever written by the API itself
    assert queue.counts(sample_graph)["queued"] - queued == (1 if body.status == 202 else 0)
    assert_still_serving(client)


# --------------------------------------------------------------------------- the CLI


@dataclass(frozen=True)
class BadFile:
    name: str
    content: bytes
    message: str


def _nested(depth: int) -> bytes:
    return b'{"text": ' + b"[" * depth + b"]" * depth + b"}"


FILE_CASES: dict[str, BadFile] = {
    "empty-txt": BadFile("empty.txt", b"", "empty"),
    "whitespace-txt": BadFile("blank.txt", b" \n\t\n ", "empty"),
    "zero-width-txt": BadFile("invisible.txt", "\u200b\u200c\u200d".encode(), "empty"),
    "binary-png-as-txt": BadFile("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    "invalid-utf8-txt": BadFile("latin1.txt", b"caf\xe9 \xff\xfe not utf-8", "UTF-8"),
    "10mb-txt": BadFile("huge.txt", b"The talks went on. " * (TEN_MB // 19 + 1), "too large"),
    "nested-json-10k": BadFile("deep.json", _nested(10_000), "nested too deeply"),
    "malformed-json": BadFile("broken.json", b'{"text": "unfinished', "malformed JSON"),
    "json-wrong-type": BadFile("typed.json", b'{"text": 42}', "must be a string"),
    "json-null-byte": BadFile("nul.json", b'{"text": "Chile\\u0000Peru"}', "binary"),
    "json-bad-date": BadFile("dated.json", b'{"text": "Talks.", "published": "not a date"}', "not a date"),
    "html-scripts-only": BadFile("scripts.html", SCRIPTS_ONLY.encode(), "no text found in the HTML"),
    "json-lone-surrogate": BadFile("surrogate.json", b'{"text": "Chile and Peru met. \\ud800"}', "surrogate"),
}
# .jsonl feeds: for `geokg ingest` only (extract reads one article).
JSONL_CASES: dict[str, BadFile] = {
    "jsonl-malformed-line": BadFile("feed.jsonl", b'{"text": "unfinished\n', "malformed JSON"),
    "jsonl-nested-line": BadFile("deep.jsonl", _nested(10_000) + b"\n", "nested too deeply"),
    "jsonl-wrong-type-line": BadFile("typed.jsonl", b'{"html": ["<p>a</p>"]}\n', "must be a string"),
    "jsonl-array-line": BadFile("array.jsonl", b'["Chile and Peru met."]\n', "must be an object"),
    "jsonl-blank-lines-only": BadFile("blank.jsonl", b"\n \n\t\n", "empty file"),
}


@pytest.fixture
def cli_env(neo4j_server: ConnectionInfo, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI's settings pointed at the test server, as a user would with GEOKG_NEO4J_*."""
    monkeypatch.setenv("GEOKG_NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("GEOKG_NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("GEOKG_NEO4J_PASSWORD", neo4j_server.password or "")
    monkeypatch.setenv("GEOKG_NEO4J_DATABASE", neo4j_server.database)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("bad", list(FILE_CASES.values()), ids=list(FILE_CASES))
def test_bad_files_through_geokg_extract(bad: BadFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / bad.name
    path.write_bytes(bad.content)
    code = cli.main(["extract", str(path)])
    captured = capsys.readouterr()
    assert code == 1, captured.out[:300]
    assert captured.err.startswith("geokg: ") and bad.message.lower() in captured.err.lower(), captured.err
    assert captured.out == ""


@pytest.mark.parametrize("bad", [*FILE_CASES.values(), *JSONL_CASES.values()], ids=[*FILE_CASES, *JSONL_CASES])
def test_bad_files_through_geokg_ingest(
    bad: BadFile,
    cli_env: None,
    sample_graph: GraphRepository,
    baseline: Fingerprint,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / bad.name
    path.write_bytes(bad.content)
    code = cli.main(["ingest", str(path), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "articles: 1 read, 0 written, 0 already present, 1 failed" in out, out
    [failure] = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert failure.startswith(str(path)) and bad.message.lower() in failure.lower(), failure
    assert_unchanged(sample_graph, baseline)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--published", "2024-13-45", "-"], "--published must be YYYY-MM-DD"),
        (["extract", "--published", "'; DROP", "-"], "--published must be YYYY-MM-DD"),
        (["extract", "/nonexistent/article.txt"], "cannot read /nonexistent/article.txt"),
    ],
    ids=["malformed-published", "hostile-published", "missing-file"],
)
def test_bad_cli_arguments(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(args) in (1, 2)
    assert message in capsys.readouterr().err


def test_a_folder_given_to_extract_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"geokg: cannot read {tmp_path}"), err


def test_hostile_and_foreign_text_is_extracted_as_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Valid articles: the hostile one's text comes back verbatim as data; the foreign one gives no events."""
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Chile and Peru signed a trade agreement on Tuesday. }) DETACH DELETE n // `x`", "utf-8")
    assert cli.main(["extract", "--with-text", str(hostile)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "}) DETACH DELETE n //" in result["text"]
    foreign = tmp_path / "foreign.txt"
    foreign.write_text("Die Regierung hat heute in Berlin neue Regeln fuer den Verkehr beschlossen. " * 5, "utf-8")
    assert cli.main(["extract", str(foreign)]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []
