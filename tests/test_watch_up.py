"""`geokg up` with sources configured: the API, a `geokg watch` and a `geokg worker` run side by side (real
processes, the real test Neo4j, a loopback news site), a watched page reaches the graph, and stopping `up` stops
its children."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import geokg_env, nodes
from watch_site import Site, article_html, rss, story

from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import queue


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_up_with_sources_runs_a_watcher_and_a_worker_that_bring_a_page_into_the_graph(
    graph: GraphRepository, neo4j_server: ConnectionInfo, tmp_path: Path
) -> None:
    with Site() as site:
        site.page("/world/accord", article_html(story(3, tag="-up"), title="Trade accord"))
        site.add("/feed.xml", rss(site, ["/world/accord"]), "application/rss+xml")
        sources = tmp_path / "sources.toml"
        sources.write_text(
            '[defaults]\ninterval = 60\ndelay = 0\nallow_networks = ["127.0.0.0/8"]\n\n'
            f'[[sources]]\nurl = "{site.url("/feed.xml")}"\nkind = "rss"\n',
            encoding="utf-8",
        )
        port = _free_port()
        env = geokg_env(neo4j_server)
        command = [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main(sys.argv[1:]))"]
        command += ["up", "--no-samples", "--host", "127.0.0.1", "--port", str(port), "--sources", str(sources)]
        log = tmp_path / "up.log"
        with log.open("wb") as out:
            up = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            wanted = {(site.url("/world/accord"),)}
            while nodes(graph, "Article", ["url"]) != wanted and time.monotonic() < deadline and up.poll() is None:
                time.sleep(0.5)
            assert up.poll() is None, log.read_text()[-3000:]
            assert nodes(graph, "Article", ["url"]) == wanted, log.read_text()[-3000:]
            assert queue.counts(graph)["done"] == 1

            children = _children(up.pid)
            roles = sorted(_cmdline(c).split(" service.cli ")[-1].split()[0] for c in children)
            assert roles == ["watch", "worker"], [_cmdline(c) for c in children]
            # The API beside them: it answers, and shows the source the watcher polled.
            listed = httpx.get(f"http://127.0.0.1:{port}/sources", timeout=10).json()["sources"]
            assert [(s["url"], s["status"], s["queued"]) for s in listed] == [(site.url("/feed.xml"), "ok", 1)]
        finally:
            if up.poll() is None:
                up.send_signal(signal.SIGINT)
            try:
                code = up.wait(90)
            finally:
                if up.poll() is None:
                    up.kill()
    assert code == 0, log.read_text()[-3000:]
    assert not any(_alive(c) for c in children)  # stopping `up` stopped the watcher and the worker
