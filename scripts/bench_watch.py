"""Benchmark of the watch pipeline (issue 14): `geokg watch` plus two `geokg worker` processes on a local site of
generated article pages listed by RSS feeds, end to end into the graph.

    .venv/bin/python scripts/bench_watch.py                      # 1,000 pages, 20 feeds, 2 workers
    .venv/bin/python scripts/bench_watch.py --pages 200 --feeds 5
    .venv/bin/python scripts/bench_watch.py --stories both      # the ~70-word stories, then the realistic ones
    .venv/bin/python scripts/bench_watch.py --batch-pages 1 50  # per-page transactions, then batches of 50
    .venv/bin/python scripts/bench_watch.py --workers 0 --batch-pages 1 50 --repeat 3   # the watcher alone

The site (tests/watch_site.py: a real HTTP server on 127.0.0.1) serves `--pages` distinct English stories (by
default `long_story`: 490-590 words, ten to twelve paragraphs of news prose naming real states, since the cost of
extraction grows with the text and real news is that long or longer; `--stories short`: the ~70-word `story` of the
watcher's tests, which made extraction unrealistically cheap) and
`--feeds` RSS feeds listing them; the sources file gives the local host delay 0 and allows 127.0.0.0/8 only. The
watcher polls every feed once (`--once`) while the workers drain the queue. Printed: articles/s end to end (from the
watcher's start until every article is done), and the CPU time (user + system, from the kernel's accounting of each
finished process) of the watcher and of the workers per article; the target is a watcher costing under 20% of the
extraction CPU. The workers' CPU includes loading spaCy once each (printed separately, measured on an idle worker).
`--batch-pages` sets the watcher's `[watch] batch_pages` (pages recorded per Neo4j transaction; 1 is one transaction
per page, as before batching); given several values, each story kind is run with each, on the same server, and a
table at the end sets the runs side by side. `--workers 0` runs the watcher alone (its CPU per page without workers
competing for the two cores, and its pages queued per second of its poll); `--repeat N` runs the batch sizes N times
over, interleaved, to tell a difference from the noise of a shared machine.

Runs on its own managed Neo4j instance ("bench-watch", free ports), started and removed here, unless
GEOKG_BENCH_NEO4J_URI names a server (whose graph is wiped).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from bench_setup import bench_env, bench_neo4j  # noqa: E402
from watch_site import Site, article_html, long_story, rss, story  # noqa: E402

from service.graph.driver import ConnectionInfo, create_driver  # noqa: E402
from service.graph.repository import GraphRepository  # noqa: E402
from service.graph.schema import apply_schema  # noqa: E402
from service.shared import queue  # noqa: E402

ENTRY = "import sys; from service.cli import main; sys.exit(main(sys.argv[1:]))"


@contextmanager
def bench_server() -> Iterator[ConnectionInfo]:
    uri = os.environ.get("GEOKG_BENCH_NEO4J_URI")
    if uri:
        yield ConnectionInfo(
            uri=uri,
            user=os.environ.get("GEOKG_BENCH_NEO4J_USER", "neo4j"),
            password=os.environ.get("GEOKG_BENCH_NEO4J_PASSWORD") or None,
            database=os.environ.get("GEOKG_BENCH_NEO4J_DATABASE", "neo4j"),
        )
        return
    server = bench_neo4j("bench-watch")
    print(f"starting a managed Neo4j instance at {server.bolt_uri} ...", flush=True)
    server.install()
    server.start()
    try:
        yield ConnectionInfo(uri=server.bolt_uri, user=server.user, password=server.password, database="neo4j")
    finally:
        server.remove()


def build_site(site: Site, pages: int, feeds: int, kind: str) -> tuple[list[str], float]:
    """The pages and feeds; returns the feeds' paths and the stories' mean length in words."""
    write = long_story if kind == "long" else story
    paths = [f"/news/{i:05d}/story" for i in range(pages)]
    words = 0
    for i, path in enumerate(paths):
        text = write(i, tag=f"-{i}")
        words += len(text.split())
        site.page(path, article_html(text, title=f"Trade accord {i}"))
    feed_paths = []
    for f in range(feeds):
        feed_paths.append(f"/feeds/{f}.xml")
        site.add(feed_paths[-1], rss(site, paths[f::feeds], title=f"Feed {f}"), "application/rss+xml")
    return feed_paths, words / max(pages, 1)


def cpu_of(process: subprocess.Popen[bytes]) -> float:
    """User + system CPU seconds of a child that has exited (reaped here)."""
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    return usage.ru_utime + usage.ru_stime


def spawn(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", ENTRY, *args], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def idle_worker_cpu(env: dict[str, str]) -> float:
    """What starting a worker costs (Python, spaCy and its model, connecting), measured on an empty queue."""
    return cpu_of(spawn(env, "worker", "--once", "--poll-interval", "0.2"))


@dataclass(frozen=True)
class Figures:
    kind: str
    batch: int | None
    done: int
    per_second: float  # articles end to end
    watcher_ms: float  # watcher CPU per article
    workers_ms: float  # workers' CPU per article, start-up excluded
    share: float  # watcher CPU / workers' CPU (start-up excluded)


def run_pipeline(
    repo: GraphRepository,
    info: ConnectionInfo,
    args: argparse.Namespace,
    kind: str,
    batch: int | None,
    startup: float,
    tmp: Path,
) -> Figures:
    """One pass on an emptied graph with `kind` stories (and the watcher's batch_pages `batch`, None: its default);
    prints its figures and returns them."""
    repo.run_admin("admin/delete_all")
    apply_schema(repo)
    with Site() as site:
        feeds, words = build_site(site, args.pages, args.feeds, kind)
        sources = tmp / f"sources-{kind}-{batch}.toml"
        batching = f"batch_pages = {batch}\n" if batch else ""
        lines = [
            f"[watch]\nmax_workers = 8\n{batching}\n"
            '[defaults]\ndelay = 0\nconcurrency = 8\nallow_networks = ["127.0.0.0/8"]\n'
        ]
        lines += [f'[[sources]]\nurl = "{site.url(f)}"\nkind = "rss"\n' for f in feeds]
        sources.write_text("\n".join(lines), encoding="utf-8")
        env = bench_env(info)
        site.add("/feeds/empty.xml", rss(site, [], title="Empty"), "application/rss+xml")
        empty = tmp / f"sources-{kind}-{batch}-empty.toml"
        empty.write_text(lines[0] + f'\n[[sources]]\nurl = "{site.url("/feeds/empty.xml")}"\nkind = "rss"\n')
        watcher_startup = cpu_of(spawn(env, "watch", "--once", "--config", str(empty)))
        batching = f"batch_pages {batch}" if batch else "default batch_pages"
        print(f"\n== {kind} stories: {args.pages} pages of {words:.0f} words, {args.feeds} feeds, {batching}")
        started = time.monotonic()
        workers = [spawn(env, "worker", "--poll-interval", "0.5") for _ in range(args.workers)]
        watcher = spawn(env, "watch", "--once", "--config", str(sources))
        watcher_cpu = cpu_of(watcher)
        watch_done = time.monotonic() - started
        counts = queue.counts(repo)
        if not workers:
            return watcher_alone(kind, batch, counts["queued"], watch_done, watcher_cpu, watcher_startup)
        while counts["done"] + counts["failed"] < args.pages and time.monotonic() - started < args.timeout:
            time.sleep(0.5)
            counts = queue.counts(repo)
        elapsed = time.monotonic() - started
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        workers_cpu = sum(cpu_of(w) for w in workers)

    done = counts["done"]
    extraction_cpu = workers_cpu - startup * args.workers
    print(f"queued {sum(counts.values())}, done {done}, failed {counts['failed']} in {elapsed:.1f}s")
    print(f"watcher finished its poll after {watch_done:.1f}s")
    print(f"end to end: {done / elapsed:.2f} articles/s")
    print(f"watcher CPU: {watcher_cpu:.1f}s, {1000 * watcher_cpu / max(done, 1):.1f} ms per article")
    watcher_work = watcher_cpu - watcher_startup
    print(
        f"watcher start-up (a poll of an empty feed) {watcher_startup:.1f}s; without it "
        f"{1000 * watcher_work / max(done, 1):.1f} ms per article"
    )
    print(
        f"workers CPU: {workers_cpu:.1f}s ({extraction_cpu:.1f}s without start-up), "
        f"{1000 * extraction_cpu / max(done, 1):.1f} ms per article"
    )
    ratio = watcher_cpu / extraction_cpu if extraction_cpu > 0 else float("inf")
    print(f"watcher / extraction CPU: {100 * ratio:.1f}% (target < 20%)")
    if extraction_cpu > 0:
        print(f"the same, both without start-up: {100 * watcher_work / extraction_cpu:.1f}%")
    return Figures(
        kind,
        batch,
        done,
        done / elapsed,
        1000 * watcher_cpu / max(done, 1),
        1000 * extraction_cpu / max(done, 1),
        ratio,
    )


def watcher_alone(kind: str, batch: int | None, queued: int, seconds: float, cpu: float, startup: float) -> Figures:
    """The figures of a pass without workers: pages queued per second of the watcher's poll, and its CPU per page."""
    print(f"queued {queued} in the watcher's poll of {seconds:.1f}s: {queued / seconds:.2f} pages/s")
    print(f"watcher CPU: {cpu:.1f}s, {1000 * cpu / max(queued, 1):.1f} ms per page")
    print(f"watcher start-up {startup:.1f}s; without it {1000 * (cpu - startup) / max(queued, 1):.1f} ms per page")
    return Figures(kind, batch, queued, queued / seconds, 1000 * cpu / max(queued, 1), 0.0, 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--stories",
        choices=("long", "short", "both"),
        default="long",
        help="long: ~540-word news (the default); short: ~70-word stories; both: one after the other",
    )
    parser.add_argument(
        "--batch-pages",
        type=int,
        nargs="+",
        metavar="N",
        help="the watcher's batch_pages (pages recorded per transaction), one run per value (default: its default)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="run the --batch-pages values this many times over")
    parser.add_argument("--timeout", type=float, default=3600, help="give up after this many seconds")
    args = parser.parse_args()

    kinds = ["short", "long"] if args.stories == "both" else [args.stories]
    batches: list[int | None] = list(args.batch_pages or [None]) * max(args.repeat, 1)
    with bench_server() as info, tempfile.TemporaryDirectory() as tmp:
        driver = create_driver(info)
        repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
        apply_schema(repo)
        startup = idle_worker_cpu(bench_env(info)) if args.workers else 0.0
        if args.workers:
            print(f"a worker's start-up costs {startup:.1f}s CPU (subtracted from the workers' CPU)")
        try:
            runs = [
                run_pipeline(repo, info, args, kind, batch, startup, Path(tmp)) for kind in kinds for batch in batches
            ]
        finally:
            driver.close()
    if args.workers:
        print("\n| stories | batch_pages | articles/s | watcher ms/article | workers ms/article | watcher / workers |")
        print("| --- | --- | --- | --- | --- | --- |")
        for run in runs:
            print(
                f"| {run.kind} | {run.batch or 'default'} | {run.per_second:.2f} | {run.watcher_ms:.1f} | "
                f"{run.workers_ms:.1f} | {100 * run.share:.1f}% |"
            )
    else:
        print("\n| stories | batch_pages | pages queued/s (watcher alone) | watcher CPU ms/page |")
        print("| --- | --- | --- | --- |")
        for run in runs:
            print(f"| {run.kind} | {run.batch or 'default'} | {run.per_second:.2f} | {run.watcher_ms:.1f} |")
    return 0 if all(run.done == args.pages for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
