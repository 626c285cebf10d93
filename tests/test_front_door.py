"""The landing page at `/`, `GET /stats`, and the offline docs' files (issue 13), over HTTP. The real-browser checks
of /docs and /redoc, and the front door's numbers on the sample graph (whose module builds it already), are in
tests/test_dashboard_browser.py."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.api.routes_dashboard import CONTENT_SECURITY_POLICY
from service.api.routes_docs import REDOC_REMOTE_LOGO, assets_dir
from tests.test_api_health import closed_port, settings_for


def test_front_door_links_everything_and_says_when_the_graph_is_down() -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    settings = settings_for(uri)
    settings.neo4j_browser_url = "http://127.0.0.1:7999/browser/"
    with TestClient(create_app(settings)) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        html = page.text
        for href in ('href="dashboard"', 'href="docs"', 'href="redoc"', 'href="http://127.0.0.1:7999/browser/"'):
            assert href in html, href
        assert ":style http://testserver/browser/style.grass" in html
        assert ":play http://testserver/browser/guide" in html
        assert "<script" not in html
        assert 'data-testid="stats-error"' in html and uri in html
        assert client.get("/stats").status_code == 503
        assert client.get("/dashboard/static/home.css").status_code == 200


def test_front_door_hides_the_numbers_when_reads_need_a_key() -> None:
    settings = settings_for(f"bolt://127.0.0.1:{closed_port()}")
    settings.read_access = "key"
    settings.api_key = SecretStr("a-long-enough-key")
    with TestClient(create_app(settings)) as client:
        page = client.get("/")
        assert page.status_code == 200 and 'data-testid="stats-hidden"' in page.text
        assert client.get("/stats").status_code == 401


def test_docs_are_served_from_packaged_files_with_no_remote_address() -> None:
    with TestClient(create_app(settings_for(f"bolt://127.0.0.1:{closed_port()}"))) as client:
        for page in ("/docs", "/redoc"):
            html = client.get(page).text
            urls = re.findall(r"""(?:src|href|url)\s*[:=]\s*["']([^"']+)""", html)
            assert urls, page
            assert all(url.startswith("/") for url in urls), (page, urls)
        for name, kind in (
            ("swagger-ui-bundle.js", "text/javascript"),
            ("swagger-ui.css", "text/css"),
            ("redoc.standalone.js", "text/javascript"),
            ("favicon.png", "image/png"),
        ):
            asset = client.get(f"/docs/static/{name}")
            assert asset.status_code == 200 and asset.headers["content-type"].startswith(kind), name
            assert len(asset.content) > 1000, name
        assert client.get("/docs/static/core.py").status_code == 404
        assert client.get("/docs/static/..%2F__init__.py").status_code == 404
        # ReDoc's one remote image is emptied; the rest of its bundle is the package's file.
        bundle = client.get("/docs/static/redoc.standalone.js").content
        original = (assets_dir() / "redoc.standalone.js").read_bytes()
        assert original.count(REDOC_REMOTE_LOGO) == 1
        assert REDOC_REMOTE_LOGO not in bundle and b"cdn.redoc.ly" not in bundle
        assert len(original) - len(bundle) == len(REDOC_REMOTE_LOGO) - len(b'src:""')
