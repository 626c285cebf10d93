"""The sources to watch: `sources.toml` (see sources.example.toml and docs/watch.md) and URLs from the command line.

    [watch]                      # the watcher as a whole (all optional)
    user_agent = "..."           # default: geokg-watch/<version> (+https://github.com/geokg; news knowledge graph)
    max_workers = 8              # pages fetched at once, over all hosts
    batch_pages = 50             # fetched pages recorded (and queued) together in one Neo4j transaction, at most
    batch_seconds = 1.0          # a fetched page waits at most this long for its batch to fill
    metrics_port = 9102          # Prometheus metrics of the watcher (0: none)

    [defaults]                   # every source's settings unless it sets its own (all optional)
    interval = 900               # seconds between polls of a source
    delay = 1.0                  # seconds between two requests to one host (scheme, host, port)
    concurrency = 1              # requests at once to one host
    ...

    [[sources]]
    url = "https://news.example/world/rss.xml"
    kind = "auto"                # rss | atom | sitemap | urls | auto (from the content)

A bad file is refused as a whole with a message naming the key and the problem; nothing is polled.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.watch.netguard import IPNetwork, parse_networks

SourceKind = Literal["auto", "rss", "atom", "sitemap", "urls"]
DEFAULT_CONFIG = Path("sources.toml")


class ConfigError(Exception):
    """The sources configuration cannot be used; the message says where and why."""


def default_user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("geokg")
    except PackageNotFoundError:
        release = "0"
    return f"geokg-watch/{release} (news knowledge-graph crawler; obeys robots.txt)"


def check_http_url(url: str) -> str:
    """`url` when it is an absolute http(s) URL with a host, else ValueError."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"only absolute http(s) URLs can be watched, not {url!r}")
    try:
        _ = parts.port
    except ValueError:
        raise ValueError(f"{url!r} has a bad port") from None
    return text


class SourceSettings(BaseModel):
    """A source's crawling settings ([defaults], or a source's own)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interval: float = Field(900.0, gt=0, le=7 * 86400, description="seconds between polls")
    delay: float = Field(1.0, ge=0, le=3600, description="seconds between requests to one host")
    concurrency: int = Field(1, ge=1, le=32, description="requests at once to one host")
    timeout: float = Field(20.0, gt=0, le=600, description="seconds for connecting and for each read")
    retries: int = Field(2, ge=0, le=10, description="retries after a 5xx answer or a network error")
    backoff: float = Field(1.0, ge=0, le=600, description="first wait before a retry, doubled each time")
    max_retry_after: float = Field(
        120.0, ge=0, le=3600, description="longest Retry-After waited for; a longer one leaves the URL to the next poll"
    )
    max_bytes: int = Field(5_000_000, ge=1024, le=100_000_000, description="largest response body")
    max_redirects: int = Field(5, ge=0, le=20)
    max_entries: int = Field(1000, ge=1, le=100_000, description="entries read from one listing")
    allow_networks: tuple[str, ...] = Field((), description="CIDRs of non-public networks this source may reach")

    @field_validator("allow_networks")
    @classmethod
    def _networks(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        parse_networks(values)
        return values

    def networks(self) -> tuple[IPNetwork, ...]:
        return parse_networks(self.allow_networks)


class Source(SourceSettings):
    url: str
    kind: SourceKind = "auto"
    name: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_http_url(value)


class WatchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user_agent: str = Field(default_factory=default_user_agent, min_length=8, max_length=300)
    max_workers: int = Field(8, ge=1, le=64)
    batch_pages: int = Field(50, ge=1, le=1000, description="fetched pages recorded in one transaction, at most")
    batch_seconds: float = Field(
        1.0, ge=0, le=60, description="longest a fetched page waits for its batch to fill before it is recorded"
    )
    metrics_port: int = Field(0, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"

    @field_validator("user_agent")
    @classmethod
    def _agent(cls, value: str) -> str:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise ValueError("the User-Agent must be one line of printable characters")
        return value


class WatchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    watch: WatchSettings = Field(default_factory=lambda: WatchSettings.model_validate({}))
    sources: tuple[Source, ...] = ()


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    watch: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    sources: list[dict[str, Any]] = []


def _explain(error: ValidationError, where: str) -> str:
    lines = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"])
        lines.append(f"{where}{'.' + location if location else ''}: {problem['msg']}")
    return "; ".join(lines)


def build_config(
    data: Mapping[str, Any],
    *,
    extra_urls: Sequence[str] = (),
    extra_networks: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    origin: str = "sources",
) -> WatchConfig:
    """The configuration from a parsed file (`data`), plus the command line's URLs (with the file's [defaults]),
    networks (added to every source) and settings (`overrides`: [watch] keys, e.g. metrics_port)."""
    try:
        top = _FileModel.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(_explain(exc, origin)) from None
    try:
        defaults = SourceSettings.model_validate(top.defaults)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, f"{origin} [defaults]")) from None
    try:
        networks = parse_networks(extra_networks)
    except ValueError as exc:
        raise ConfigError(f"--allow-network: {exc}") from None
    added = tuple(str(n) for n in networks)
    base = defaults.model_dump()
    sources: dict[str, Source] = {}
    entries = [(f"{origin} sources[{i}]", dict(s)) for i, s in enumerate(top.sources)]
    entries += [(f"command-line URL {u!r}", {"url": u}) for u in extra_urls]
    for where, entry in entries:
        merged = {**base, **entry}
        merged["allow_networks"] = tuple(dict.fromkeys((*merged.get("allow_networks", ()), *added)))
        try:
            source = Source.model_validate(merged)
        except ValidationError as exc:
            raise ConfigError(_explain(exc, where)) from None
        sources.setdefault(source.url, source)  # the same URL twice is one source (the first one's settings)
    try:
        watch = WatchSettings.model_validate({**top.watch, **(overrides or {})})
    except ValidationError as exc:
        raise ConfigError(_explain(exc, f"{origin} [watch]")) from None
    return WatchConfig(watch=watch, sources=tuple(sources.values()))


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def load_config(
    path: Path | None,
    *,
    extra_urls: Sequence[str] = (),
    extra_networks: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
) -> WatchConfig:
    """`path` (None: sources.toml in the working directory when it exists) with the command line's additions."""
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    data = read_config_file(path) if path is not None else {}
    return build_config(
        data,
        extra_urls=extra_urls,
        extra_networks=extra_networks,
        overrides=overrides,
        origin=str(path) if path is not None else "sources",
    )
