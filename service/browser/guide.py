"""The saved Neo4j Browser queries of cypher/explore/ and the Browser guide built from them.

Each explore file carries, in its `//` header, a description, the `:param` commands that set example parameters in
Browser (`// :param actor => 'RUS'`), and the standard `params:` / `returns:` lines. The guide is an HTML page in
Browser's guide format (`<slide>` elements whose `<pre class="runnable">` blocks go into the editor on a click),
played with `:play <url>`; the style sheet is loaded with `:style <url>`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from service.graph.queries import load_query, query_names

# The guide's order: the explorations analysts start with first; files not listed follow by name.
GUIDE_ORDER = (
    "explore/country_partners",
    "explore/pair_timeline",
    "explore/event_evidence",
    "explore/leader_meetings",
    "explore/troop_deployments",
    "explore/events_in_range",
    "explore/country_leaders",
    "explore/conflict_map",
    "explore/sentence_search",
)
_PARAM_COMMAND = re.compile(r":param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)")
_HEADER_KEY = re.compile(r"(params|returns)\s*:")


@dataclass(frozen=True)
class ExploreQuery:
    name: str  # "explore/country_partners"
    title: str  # "Country partners"
    description: str
    param_commands: tuple[str, ...]  # ":param actor => 'RUS'", in file order
    cypher: str  # the query without its header

    @property
    def example_params(self) -> dict[str, str]:
        """Parameter name -> the Cypher expression of its example value (`'RUS'`, `null`, `1`)."""
        found = {}
        for command in self.param_commands:
            match = _PARAM_COMMAND.fullmatch(command)
            if match:
                found[match.group(1)] = match.group(2).strip()
        return found


def parse_explore(name: str) -> ExploreQuery:
    """Splits an explore file into its description, its `:param` commands and its Cypher."""
    text = load_query(name).text  # checked: header present, params declared match the text
    description: list[str] = []
    commands: list[str] = []
    lines = text.splitlines()
    body_start = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line.startswith("//"):
            body_start = index
            break
        content = line[2:].strip()
        if content.startswith(":param"):
            commands.append(content)
        elif content and not _HEADER_KEY.match(content):
            description.append(content)
    title = name.split("/", 1)[1].replace("_", " ").capitalize()
    cypher = "\n".join(lines[body_start:]).strip()
    return ExploreQuery(name, title, " ".join(description), tuple(commands), cypher)


@cache
def explore_queries() -> tuple[ExploreQuery, ...]:
    names = query_names("explore")
    ordered = [n for n in GUIDE_ORDER if n in names] + [n for n in names if n not in GUIDE_ORDER]
    return tuple(parse_explore(name) for name in ordered)


@cache
def style_sheet() -> str:
    """The GraSS style sheet shipped with the package."""
    return resources.files("service.browser").joinpath("geokg.grass").read_text(encoding="utf-8")


def _pre(code: str) -> str:
    return f'<pre mode="cypher" class="pre-scrollable code runnable">{html.escape(code)}</pre>'


def guide_html(api_base: str) -> str:
    """The guide: a first slide that loads the style, then one slide per explore query. `api_base` is the URL the
    guide was fetched from (scheme://host:port), so its `:style` command points back at the same API."""
    style_url = f"{api_base.rstrip('/')}/browser/style.grass"
    slides = [
        "<h3>geokg: exploring the graph</h3>"
        "<p>Countries (blue), organisations (amber), people (purple), events (sand, captioned with their type and "
        "date), articles (white) and places (teal). Between states and organisations, the relationship layer: "
        "cooperation in green (light: verbal, dark: material), conflict in orange (verbal) and red (material), "
        "troop deployments in purple, each captioned with its number of events.</p>"
        "<p>Every actor is keyed <code>id</code>: a country by its ISO3 code, "
        "<code>MATCH (c:Country {id: 'RUS'}) RETURN c</code>; an organisation by its acronym, "
        "<code>MATCH (o:Organization {id: 'NATO'}) RETURN o</code>.</p>"
        "<p>Load the style (click, then run it):</p>" + _pre(f":style {style_url}") + "<p>Each next slide is one "
        "saved query: click its <code>:param</code> lines and run them, then click and run the query. Change the "
        "parameter values to explore other actors.</p>"
    ]
    for query in explore_queries():
        parts = [f"<h3>{html.escape(query.title)}</h3>", f"<p>{html.escape(query.description)}</p>"]
        if query.param_commands:
            parts.append("<p>Parameters:</p>")
            parts.extend(_pre(command) for command in query.param_commands)
        parts.append("<p>Query:</p>")
        parts.append(_pre(query.cypher))
        parts.append(f"<p><small>cypher/{html.escape(query.name)}.cypher</small></p>")
        slides.append("".join(parts))
    body = "\n".join(f'<slide class="row-fluid">\n<div class="col-sm-12">\n{s}\n</div>\n</slide>' for s in slides)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>geokg explore guide</title></head><body>\n'
        f'<article class="guide">\n<carousel class="deck container-fluid">\n{body}\n</carousel>\n</article>\n'
        "</body></html>\n"
    )
