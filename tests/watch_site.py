"""A news site served on loopback for the watcher's tests and benchmark: pages, feeds and sitemaps written for them,
served by a real HTTP server (http.server, a thread per request) that logs every request it gets.

    site = Site()                      # 127.0.0.1, a free port
    site.page("/news/a", article_html("Argentina and Chile signed ..."))
    site.add("/feed.xml", rss(site, ["/news/a"]), "application/rss+xml", etag='"v1"')
    with site: ...                     # served while inside; site.requests lists (method, path, headers, status)
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)
    answers: list[int] = field(default_factory=list)  # statuses of the first requests, in order; then `status`


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query
    headers: dict[str, str]
    status: int
    at: float = 0.0  # time.monotonic() at its arrival


class Site:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.starts: list[float] = []  # time.monotonic() at each request's arrival
        self.active = 0
        self.max_active = 0  # most requests in progress at once
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # headers and body in one send (not two small ones that Nagle's algorithm delays)

            def do_GET(self) -> None:
                site._answer(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **options: Any) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **options)

    def page(self, path: str, html: str, **options: Any) -> None:
        self.add(path, html, **options)

    def hits(self, path: str) -> int:
        """Requests for `path` (with its query) answered so far."""
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        untracked = "&".join(q for q in parts.query.split("&") if q and not q.startswith("utm_"))
        route = (
            self.routes.get(handler.path)
            or self.routes.get(parts.path + (f"?{untracked}" if untracked else ""))
            or self.routes.get(parts.path)
        )
        headers = {k.lower(): v for k, v in handler.headers.items()}
        arrived = time.monotonic()
        with self._lock:
            self.starts.append(arrived)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            status = route.answers.pop(0) if route is not None and route.answers else None
        try:
            self._respond(handler, route, headers, arrived, status)
        finally:
            with self._lock:
                self.active -= 1

    def _respond(
        self,
        handler: BaseHTTPRequestHandler,
        route: Route | None,
        headers: dict[str, str],
        arrived: float,
        scripted: int | None,
    ) -> None:
        if route is None:
            route = Route(b"not found", "text/plain", status=404)
        if route.delay:
            time.sleep(route.delay)
        status = route.status if scripted is None else scripted
        etag_matches = bool(route.etag) and headers.get("if-none-match") == route.etag
        date_matches = bool(route.last_modified) and headers.get("if-modified-since") == route.last_modified
        if etag_matches or date_matches:
            status = 304
        with self._lock:
            self.requests.append(Request(handler.command, handler.path, headers, status, arrived))
        scripted_error = scripted is not None and scripted >= 400
        body = b"" if status == 304 else b"try again later" if scripted_error else route.body
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", route.content_type)
            handler.send_header("Content-Length", str(len(body)))
            if route.etag:
                handler.send_header("ETag", route.etag)
            if route.last_modified:
                handler.send_header("Last-Modified", route.last_modified)
            for name, value in route.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def __enter__(self) -> Site:
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def http_date(seconds: float = 1_700_000_000) -> str:
    return formatdate(seconds, usegmt=True)


def article_html(text: str, title: str = "World news", canonical: str | None = None, lang: str = "en") -> str:
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>{link}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Copyright the test site</footer></body></html>"
    )


def rss(site: Site, paths: list[str], title: str = "Test news") -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{escape(site.url(p))}</link>"
        f"<pubDate>Fri, 14 Jun 2024 10:00:00 GMT</pubDate></item>"
        for i, p in enumerate(paths)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>{site.base}/</link><description>test</description>{items}</channel></rss>"
    )


def rss_links(links: list[str]) -> str:
    """An RSS feed whose items link to `links` as given (absolute, anywhere)."""
    items = "".join(f"<item><title>Item {i}</title><link>{escape(u)}</link></item>" for i, u in enumerate(links))
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
        f"<link>http://127.0.0.1/</link><description>d</description>{items}</channel></rss>"
    )


def atom(site: Site, paths: list[str]) -> str:
    entries = "".join(
        f"<entry><title>Atom story {i}</title><id>tag:test,2024:{i}</id>"
        f'<link rel="alternate" href="{escape(site.url(p))}"/><updated>2024-06-14T10:00:00Z</updated></entry>'
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title>'
        f"<id>tag:test,2024:feed</id><updated>2024-06-14T10:00:00Z</updated>{entries}</feed>"
    )


def sitemap(site: Site, paths: list[str], news: bool = True) -> str:
    urls = "".join(
        f"<url><loc>{escape(site.url(p))}</loc>"
        + (
            "<news:news><news:publication><news:name>Test</news:name><news:language>en</news:language>"
            f"</news:publication><news:publication_date>2024-06-14</news:publication_date>"
            f"<news:title>Sitemap story {i}</news:title></news:news>"
            if news
            else ""
        )
        + "</url>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    )


PAIRS = [
    ("Argentina", "Chile"),
    ("Brazil", "Peru"),
    ("Norway", "Sweden"),
    ("Egypt", "Jordan"),
    ("Japan", "India"),
    ("Kenya", "Ghana"),
    ("Poland", "Germany"),
    ("Vietnam", "Thailand"),
    ("Canada", "Mexico"),
    ("Spain", "Portugal"),
]


def story(index: int, tag: str = "") -> str:
    """An English news story of a few sentences, distinct for each index (and tag)."""
    a, b = PAIRS[index % len(PAIRS)]
    return (
        f"{a} and {b} signed a trade agreement in the capital on Tuesday, officials said. "
        f"The accord number {index}{tag} cuts tariffs on farm goods and machinery over the next five years.\n\n"
        f"Ministers from both countries said the deal, the result of {index % 7 + 2} rounds of talks, would "
        f"double trade by the end of the decade. Business groups in {a} welcomed the announcement."
    )


# Realistic-length stories for the benchmark (scripts/bench_watch.py): the short `story` above costs a worker far
# less to extract than real news does (the gold news texts of ../shared/eval/dev average about 1,750 characters,
# 276 words; wire stories run 500-900 words). `long_story` joins a lead and nine to eleven of the paragraphs below,
# chosen and ordered by the index: 490-590 words (3,200 characters on average) of news prose naming real states,
# so events are extracted.
TRIOS = [
    ("Argentina", "Chile", "Brazil", "Buenos Aires"),
    ("Norway", "Sweden", "Finland", "Oslo"),
    ("Egypt", "Jordan", "Saudi Arabia", "Cairo"),
    ("Japan", "India", "Australia", "Tokyo"),
    ("Kenya", "Ghana", "Nigeria", "Nairobi"),
    ("Poland", "Germany", "Lithuania", "Warsaw"),
    ("Vietnam", "Thailand", "Indonesia", "Hanoi"),
    ("Canada", "Mexico", "Colombia", "Ottawa"),
    ("Spain", "Portugal", "Morocco", "Madrid"),
    ("Turkey", "Greece", "Bulgaria", "Ankara"),
    ("South Korea", "Philippines", "Malaysia", "Seoul"),
    ("Peru", "Ecuador", "Bolivia", "Lima"),
]
LEADS = [
    "{a} and {b} signed a trade agreement in {city} on Tuesday, officials said, after {n} rounds of talks that "
    "began last spring. The accord, numbered {index}{tag} in the ministry's register, cuts tariffs on farm goods, "
    "machinery and medicines over the next five years and sets up a joint commission to settle disputes.",
    "The foreign ministers of {a} and {b} met in {city} on Monday and agreed to restore regular flights and to "
    "reopen their consulates, the two governments said in a joint statement numbered {index}{tag}. It was the "
    "first visit of its kind in {n} years.",
    "{a} accused {b} on Wednesday of violating an agreement on fishing rights, and summoned its ambassador to "
    "explain what the ministry called {n} illegal incursions into its waters since January. The note, filed as "
    "protest {index}{tag}, demanded an answer within a week.",
]
PARAGRAPHS = [
    "Ministers from both countries said the deal would double trade by the end of the decade. Business groups in "
    "{a} welcomed the announcement, saying exporters of fruit and wine had waited years for lower duties, while "
    "farmers' unions in {b} warned that cheaper imports could hurt small producers in the north.",
    "The agreement still has to be ratified by both parliaments. Officials in {city} said they expected a vote "
    "before the summer recess, although opposition lawmakers have asked for a full reading of the annexes, which "
    "run to several hundred pages and cover everything from customs forms to veterinary checks.",
    "{c} said it would follow the talks closely. Its foreign minister told reporters that the government hoped "
    "to join a wider arrangement later and had already sent a delegation to discuss rules of origin, a technical "
    "question that has stalled similar negotiations in the region for more than a decade.",
    "Analysts said the timing was no accident. Growth in both economies has slowed this year, and officials have "
    'been looking for ways to reduce their dependence on a handful of large markets. "Diversification is the word '
    'you hear in every ministry now," said an economist at a university in {city}.',
    "The two sides also agreed to cooperate on energy. Under a separate memorandum, {a} will supply natural gas to "
    "{b} for ten years, and engineers from both countries will study a pipeline across the border. Officials did "
    "not say how much the project would cost or who would pay for it.",
    "Relations between {a} and {b} have not always been smooth. A dispute over a river that forms part of their "
    "border went to international arbitration a decade ago, and a trade war in the early years of the century cut "
    "commerce between them by half before a court ruling settled the matter.",
    "{c} criticised the agreement on Wednesday, saying it broke the spirit of a regional pact that all three "
    "countries signed. Its trade ministry said it would study the text and did not rule out a complaint to the "
    "World Trade Organization if its exporters were shut out of either market.",
    "The president of {a} thanked the government of {b} for what she called a generous and patient approach to the "
    "talks. In a speech broadcast on national television, she said the accord showed that neighbours could settle "
    "old quarrels through dialogue rather than through threats and sanctions.",
    "Security was also on the agenda. The defence ministers of {a} and {b} met on the sidelines of the ceremony and "
    "agreed to hold joint naval exercises next year, to share information on smuggling routes and to set up a "
    "telephone line between their headquarters to avoid incidents at sea.",
    "Human rights groups urged both governments to publish the full text. They said earlier agreements had "
    "included clauses on the return of migrants that were never debated in public, and called on lawmakers in "
    "{city} to insist on hearings before any vote is held on the accord.",
    "Markets reacted calmly. The currency of {b} rose slightly against the dollar after the announcement, and "
    "shares in shipping companies gained in early trading. Traders said most of the deal's terms had been reported "
    "in the press over the past month, so there were few surprises left.",
    "The European Union, which has its own trade talks with both countries, said it welcomed any step that "
    "lowered barriers to commerce. A spokesman in Brussels said the bloc would examine whether the new rules "
    "affected its own negotiations, which are due to resume in the autumn.",
    "Officials from {c} are expected in {city} next month for a meeting of the regional council, where the "
    "agreement is likely to be discussed. Diplomats said the host government wanted to present the deal as a model "
    "for the region rather than as a pact between two neighbours against a third.",
    "Not everyone was convinced. A former trade negotiator for {b} said the deal left the hardest questions, on "
    'services and public procurement, for later talks. "They have signed the easy part," he said. "The real test '
    'is whether they can agree on the rest before the next election."',
]


def long_story(index: int, tag: str = "") -> str:
    """A news story of 490-590 words in ten to twelve paragraphs, distinct for each index (and tag)."""
    a, b, c, city = TRIOS[index % len(TRIOS)]
    slots = {"a": a, "b": b, "c": c, "city": city, "n": index % 7 + 2, "index": index, "tag": tag}
    chosen = [PARAGRAPHS[(index * 5 + step * 3) % len(PARAGRAPHS)] for step in range(9 + index % 3)]
    parts = [LEADS[index % len(LEADS)], *dict.fromkeys(chosen)]
    return "\n\n".join(part.format(**slots) for part in parts)
