"""The front door at `/` (issue 13): links to the dashboard, the API docs and Neo4j Browser (with the `:style` and
`:play` commands to paste), and the graph's size and last ingest time; and `GET /stats`, the same numbers as JSON.

The page is rendered here, every value escaped, under the dashboard's strict Content-Security-Policy (no script at
all; its style sheet is the dashboard folder's `home.css`). It works with Neo4j down (it says so) and, when reads
need a key, shows no numbers (the page itself is open, like the docs).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from service.api.actors import graph_errors
from service.api.deps import AppSettings, Graph, Repository
from service.api.routes_dashboard import HEADERS
from service.api.schemas import error_responses, ok_response
from service.browser.location import browser_url
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository
from service.shared import queue

router = APIRouter(tags=["health"])


class GraphStats(BaseModel):
    countries: int
    organizations: int
    people: int
    events: int
    articles: int
    last_ingested_at: str | None  # ISO 8601 (UTC) time the newest article was written; null: none yet


STATS_EXAMPLE = {
    "countries": 57,
    "organizations": 12,
    "people": 48,
    "events": 164,
    "articles": 21,
    "last_ingested_at": "2026-12-06T08:31:02+00:00",
}


def read_stats(repo: GraphRepository) -> GraphStats:
    rows = repo.read("read/api_stats")
    return GraphStats.model_validate(rows[0])


stats_router = APIRouter(tags=["health"])


@stats_router.get(
    "/stats",
    summary="The graph's size (countries, organisations, people, events, articles) and the last ingest time",
    response_model=GraphStats,
    responses=ok_response(STATS_EXAMPLE) | error_responses(503),
)
def get_stats(repo: Repository) -> GraphStats:
    with graph_errors():
        return read_stats(repo)


def _size_html(stats: GraphStats) -> str:
    parts = [
        (stats.countries, "country", "countries"),
        (stats.organizations, "organisation", "organisations"),
        (stats.people, "person", "people"),
        (stats.events, "event", "events"),
        (stats.articles, "article", "articles"),
    ]
    items = "".join(
        f'<li data-testid="stat-{escape(many)}"><strong>{count:,}</strong> {escape(one if count == 1 else many)}</li>'
        for count, one, many in parts
    )
    when = stats.last_ingested_at
    last = (
        f'<time datetime="{escape(when)}" data-testid="last-ingest">{escape(when.replace("T", " "))}</time>'
        if when
        else '<span data-testid="last-ingest">nothing ingested yet</span>'
    )
    return f'<ul class="stats">{items}</ul><p>Last ingest: {last}</p>'


def _graph_section(settings: AppSettings, graph: Graph) -> str:
    if settings.read_access == "key":
        return '<p class="hint" data-testid="stats-hidden">Reads need an API key: the graph\'s size is not shown.</p>'
    try:
        repo = graph.repository()
        stats = read_stats(repo)
        ingest = _ingest_html(repo)
    except GraphError as exc:  # the front door answers while Neo4j is down
        return f'<p class="error" data-testid="stats-error">The graph is not reachable now: {escape(str(exc))}</p>'
    return _size_html(stats) + ingest


def _ingest_html(repo: GraphRepository) -> str:
    """The ingest rate (articles written in the last hour) and the queue's depth by status."""
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    rate = int(repo.read("read/api_ingest_rate", since=since)[0]["articles"])
    depth = queue.counts(repo)
    parts = ", ".join(
        f'<span data-testid="queue-{s}">{depth[s]:,} {s}</span>' for s in ("queued", "processing", "failed")
    )
    return (
        f'<p data-testid="ingest-rate">Ingest: <strong>{rate:,}</strong> article{"" if rate == 1 else "s"} in the '
        f"last hour. Queue: {parts} (<code>/metrics</code> and <code>/sources</code> have more).</p>"
    )


@router.get("/", include_in_schema=False)
def home(request: Request, settings: AppSettings, graph: Graph) -> HTMLResponse:
    api = str(request.base_url).rstrip("/")
    browser = browser_url(settings)
    style = f":style {api}/browser/style.grass"
    play = f":play {api}/browser/guide"
    page = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>geokg</title>
  <link rel="icon" href="dashboard/static/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="dashboard/static/home.css">
</head>
<body>
  <main class="home">
    <h1>geokg <span class="subtitle">relations between states, with their evidence</span></h1>
    <section aria-labelledby="graph-heading">
      <h2 id="graph-heading">The graph</h2>
      {_graph_section(settings, graph)}
    </section>
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">Open</h2>
      <ul class="doors">
        <li><a href="dashboard" data-testid="link-dashboard">Dashboard</a>: a country's partners, network, evidence
          and timeline</li>
        <li><a href="docs" data-testid="link-docs">API docs</a> (Swagger UI, try the calls) ·
          <a href="redoc" data-testid="link-redoc">ReDoc</a> · <a href="openapi.json">OpenAPI spec</a></li>
        <li><a href="{escape(browser)}" data-testid="link-browser">Neo4j Browser</a> (user
          <code>{escape(settings.neo4j_user)}</code>; <code>geokg browser</code> says where the password is), then
          paste:
          <pre data-testid="browser-commands"><code>{escape(style)}
{escape(play)}</code></pre>
          the first colours the graph, the second opens the guide of saved queries.</li>
      </ul>
    </section>
  </main>
</body>
</html>
"""
    return HTMLResponse(page, headers=HEADERS)
