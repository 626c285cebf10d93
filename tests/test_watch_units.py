"""The watcher's pure parts: URL variants, the address policy, listings and the configuration (no server)."""

from __future__ import annotations

import ipaddress
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from py3langid import langid
from watch_site import article_html, story

from ingest.watch import page
from ingest.watch.config import ConfigError, build_config
from ingest.watch.listing import ListingError, parse_listing
from ingest.watch.netguard import AddressRefused, NetworkPolicy, parse_networks
from ingest.watch.urls import same_site, text_key, url_key
from service.shared.watch_state import redact_url


def test_variants_of_one_story_share_a_key_and_other_stories_do_not() -> None:
    same = [
        "https://www.news.example/world/story-1",
        "http://news.example/world/story-1/",
        "https://news.example/world/story-1?utm_source=rss&utm_campaign=x",
        "https://news.example/world/story-1#comments",
        "https://amp.news.example/world/story-1",
        "https://m.news.example/world/story-1",
        "https://news.example/world/story-1/amp",
        "https://news.example/amp/world/story-1",
        "https://news.example/world/story-1?amp=1",
        "https://News.Example/world/story-1?fbclid=abc",
    ]
    assert len({url_key(u) for u in same}) == 1, {u: url_key(u) for u in same}
    different = [
        "https://news.example/world/story-2",
        "https://news.example/world/story-1?id=2",
        "https://other.example/world/story-1",
        "https://news.example:8443/world/story-1",
        "https://news.example/World/story-1",
    ]
    assert len({url_key(u) for u in [same[0], *different]}) == len(different) + 1
    assert text_key("A  story.\n\nTwo lines") == text_key("a story. two lines")
    assert same_site("https://m.news.example/a", "https://www.news.example/b")
    assert not same_site("https://news.example/a", "https://evil.example/a")


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
     "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::"],
)  # fmt: skip
def test_non_public_addresses_are_refused_by_default(address: str) -> None:
    policy = NetworkPolicy()
    assert policy.refusal(ipaddress.ip_address(address)) is not None
    with pytest.raises(AddressRefused):
        policy.addresses(address if ":" not in address else f"[{address}]", 80)


def test_public_addresses_pass_and_allowed_networks_open_only_themselves() -> None:
    assert NetworkPolicy().refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert NetworkPolicy().refusal(ipaddress.ip_address("2606:4700::1111")) is None
    loopback = NetworkPolicy(parse_networks(["127.0.0.0/8"]))
    assert loopback.addresses("127.0.0.2", 80) == ["127.0.0.2"]
    assert loopback.refusal(ipaddress.ip_address("::ffff:127.0.0.1")) is None
    for other in ("10.0.0.1", "192.168.0.1", "169.254.1.1", "::1"):
        assert loopback.refusal(ipaddress.ip_address(other)) is not None
    with pytest.raises(ValueError, match="CIDR"):
        parse_networks(["10.0.0.1/8"])  # host bits set: a typo, not a network


def test_listings_are_read_by_content_and_bad_ones_refused(tmp_path: Path) -> None:
    base = "https://news.example/feeds/"
    urls = parse_listing(b"# comment\nhttps://news.example/a\n\n/relative\nmailto:x@y\n", base)
    assert urls.kind == "urls" and [e.url for e in urls.entries] == ["https://news.example/a"]
    index = parse_listing(
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://news.example/s1.xml</loc></sitemap><sitemap><loc>javascript:x</loc></sitemap>"
        b"</sitemapindex>",
        base,
    )
    assert (index.kind, index.sitemaps, index.skipped) == ("sitemap", ["https://news.example/s1.xml"], 1)
    rss = parse_listing(
        b'<rss version="2.0"><channel><title>t</title><item><link>story/1</link></item>'
        b"<item><link>javascript:alert(1)</link></item></channel></rss>",
        base,
    )
    assert [e.url for e in rss.entries] == ["https://news.example/feeds/story/1"] and rss.skipped == 1
    billion_laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<urlset><url><loc>&lol2;</loc></url></urlset>"
    )
    assert parse_listing(billion_laughs, base, "sitemap").entries == []  # entities are not expanded
    for bad, kind in ((b"\x00\x01binary", "urls"), (b"<html><body>hi</body></html>", "sitemap"), (b"{}", "rss")):
        with pytest.raises(ListingError):
            parse_listing(bad, base, kind)  # type: ignore[arg-type]
    # A body that names a file is not opened as one (feedparser opens what names a file or URL unless given a
    # stream).
    local = tmp_path / "feed.xml"
    local.write_bytes(b'<rss version="2.0"><channel><item><link>https://x.example/a</link></item></channel></rss>')
    with pytest.raises(ListingError):
        parse_listing(str(local).encode(), base, "rss")


def test_configuration_merges_defaults_and_command_line_and_refuses_bad_values() -> None:
    cfg = build_config(
        {"defaults": {"delay": 2, "allow_networks": ["10.0.0.0/8"]}, "sources": [{"url": "https://a.example/f"}]},
        extra_urls=["https://b.example/f", "https://a.example/f"],
        extra_networks=["192.168.0.0/16"],
    )
    assert [s.url for s in cfg.sources] == ["https://a.example/f", "https://b.example/f"]
    assert all(s.delay == 2 for s in cfg.sources)
    assert cfg.sources[1].allow_networks == ("10.0.0.0/8", "192.168.0.0/16")
    for data, message in (
        ({"sources": [{"url": "gopher://x"}]}, "http"),
        ({"sources": [{"url": "https://a.example", "concurrency": 0}]}, "concurrency"),
        ({"defaults": {"max_bytes": "lots"}}, "max_bytes"),
        ({"extra": 1}, "extra"),
        ({"watch": {"metrics_port": 70000}}, "metrics_port"),
    ):
        with pytest.raises(ConfigError, match=message):
            build_config(data)


def test_credentials_in_source_urls_are_redacted() -> None:
    assert redact_url("https://user:s3cret@feeds.example:8443/rss?k=1") == "https://***@feeds.example:8443/rss?k=1"
    assert redact_url("https://feeds.example/rss") == "https://feeds.example/rss"


def test_the_documented_example_is_a_valid_configuration() -> None:
    from ingest.watch.config import load_config

    example = Path(__file__).resolve().parents[1] / "sources.example.toml"
    cfg = load_config(example)
    assert [s.kind for s in cfg.sources] == ["rss", "sitemap", "urls"]
    assert cfg.sources[1].interval == 300 and cfg.sources[0].interval == 900
    assert cfg.sources[2].allow_networks == ("10.20.0.0/16",) and cfg.sources[0].allow_networks == ()


def test_retry_after_reads_seconds_and_http_dates() -> None:
    from ingest.watch.fetch import retry_after_seconds

    now = 1_700_000_000.0
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds(" 0 ", now) == 0.0
    assert retry_after_seconds(formatdate(now + 30, usegmt=True), now) == 30.0
    assert retry_after_seconds(formatdate(now - 30, usegmt=True), now) == 0.0  # a date past: no wait
    assert retry_after_seconds(None, now) is None
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds("-5", now) is None


def test_the_page_reader_loads_its_language_model_once_however_many_threads_start_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # py3langid loads its model on first use without a lock: eight page threads meeting their first pages at once
    # each decompressed it (about 0.5 s of CPU apiece). The watcher warms the reader once before its threads start.
    loads: list[int] = []
    load = langid._load_identifier

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(1)
        return load(*args, **kwargs)

    monkeypatch.setattr(langid, "IDENTIFIER", None)
    monkeypatch.setattr(langid, "_load_identifier", counted)
    monkeypatch.setattr(page, "_warmed", False)
    pages = [article_html(story(i, tag=f"-{i}")).encode() for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: page.warm_up(), range(8)))
        read = list(pool.map(lambda i: page.read_page(pages[i], "text/html", f"https://a.example/{i}"), range(8)))
    assert [p.language for p in read] == ["en"] * 8
    assert loads == [1]
