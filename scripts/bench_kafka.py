"""Benchmark of the Kafka transport (issue 15): 1 against 2 `geokg worker` processes consuming one topic, end to end
into Neo4j, and the Kafka path against the Neo4j queue for one worker.

    .venv/bin/python scripts/bench_kafka.py                      # 200 realistic articles per run
    .venv/bin/python scripts/bench_kafka.py --articles 60 --stories short

A short warm-up run comes first (a fresh Neo4j compiles each write query on first use). Each run starts on an
emptied graph and a fresh topic (`--partitions`, 4: more than the workers) with a group of its own. Its workers are
started first and waited for (spaCy loaded, partitions assigned: their start-up is not timed); then the articles are
submitted (produced to the topic with acks=all, or enqueued in Neo4j) and the clock runs until the graph records
every article done. Printed: seconds and articles/s per run, the speed-up of 2 workers over 1 on Kafka, and the
Kafka path's throughput against the Neo4j queue's for 1 worker. The articles are `long_story`
(tests/watch_site.py: 490-590 words of news prose naming real states; `--stories short`: ~70 words).

Runs on a managed Neo4j and broker of its own (free ports), started and removed here. The 2 cores are shared by
Neo4j, the broker and the workers, so the ratio is only meaningful on an otherwise idle machine: the load average
is printed with the results.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from bench_setup import bench_env, bench_neo4j, free_port  # noqa: E402
from watch_site import long_story, story  # noqa: E402

from service.config import Settings  # noqa: E402
from service.graph.driver import ConnectionInfo, create_driver  # noqa: E402
from service.graph.local_neo4j import LocalNeo4j  # noqa: E402
from service.graph.repository import GraphRepository  # noqa: E402
from service.graph.schema import apply_schema  # noqa: E402
from service.kafka.local_kafka import LocalKafka  # noqa: E402
from service.kafka.producer import ArticleProducer  # noqa: E402
from service.kafka.topics import ensure_topics  # noqa: E402
from service.shared import queue  # noqa: E402

START_TIMEOUT = 180.0


@dataclass(frozen=True)
class Run:
    transport: str
    workers: int
    articles: int
    seconds: float
    cpu: dict[str, float]  # CPU seconds spent during the timed part: "workers", "neo4j", "broker"

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@contextmanager
def servers() -> Iterator[tuple[ConnectionInfo, LocalNeo4j, LocalKafka]]:
    settings = Settings()
    neo4j = bench_neo4j("bench-kafka")
    broker = LocalKafka(
        home=settings.kafka_home,
        version=settings.kafka_version,
        instance=f"bench-kafka-{os.getpid()}",
        port=free_port(),
        controller_port=free_port(),
        heap="512m",
    )
    print(f"starting Neo4j at {neo4j.bolt_uri} and Kafka at {broker.bootstrap} ...", flush=True)
    try:
        neo4j.start()
        broker.start()
        yield ConnectionInfo(neo4j.bolt_uri, neo4j.user, neo4j.password, "neo4j"), neo4j, broker
    finally:
        broker.remove()
        neo4j.remove()


def articles(count: int, kind: str) -> list[dict[str, str]]:
    write = long_story if kind == "long" else story
    return [
        {"text": write(i, tag=f"-{i}"), "url": f"https://bench.test/{i}", "published": "2024-06-14"}
        for i in range(count)
    ]


def environment(info: ConnectionInfo, values: dict[str, Any]) -> dict[str, str]:
    """The workers' environment: the bench server, and `values` as GEOKG_<KEY> settings."""
    settings = {f"GEOKG_{key.upper()}": str(value) for key, value in values.items()}
    return bench_env(info, PYTHONUNBUFFERED="1", **settings)


def start_workers(env: dict[str, str], count: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    """`count` workers, returned once each has said it polls (Neo4j) or has been assigned partitions (Kafka)."""
    workers, logs = [], []
    for n in range(count):
        log = log_dir / f"worker-{uuid.uuid4().hex[:6]}-{n}.log"
        logs.append(log)
        with log.open("wb") as out:
            workers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "service.cli", "worker", "--poll-interval", "0.2", "--batch-size", "4"],
                    cwd=REPO,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=out,
                )
            )
    deadline = time.monotonic() + START_TIMEOUT
    pattern = "assigned partitions [" if env.get("GEOKG_QUEUE") == "kafka" else "polling"
    while not all(pattern in log.read_text(errors="replace") for log in logs):
        if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
            stop(workers)
            raise RuntimeError(f"workers did not start; see {log_dir}")
        time.sleep(0.3)
    if count > 1 and env.get("GEOKG_QUEUE") == "kafka":
        # The partitions spread over the workers: every worker's last assignment non-empty, none shared.
        partitions = int(env["GEOKG_KAFKA_PARTITIONS"])
        while not _spread([_last_assignment(log) for log in logs], partitions):
            if time.monotonic() > deadline:
                stop(workers)
                raise RuntimeError(f"partitions were not spread over the workers; see {log_dir}")
            time.sleep(0.3)
    return workers


def _last_assignment(log: Path) -> list[int]:
    lines = [line for line in log.read_text(errors="replace").splitlines() if "assigned partitions [" in line]
    if not lines:
        return []
    inside = lines[-1].rsplit("[", 1)[1].split("]", 1)[0]
    return [int(p) for p in inside.split(",") if p.strip()]


def _spread(assignments: list[list[int]], partitions: int) -> bool:
    every = [p for assigned in assignments for p in assigned]
    return all(assignments) and len(every) == len(set(every)) == partitions


def stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a live process (Linux /proc), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def one_run(
    repo: GraphRepository,
    info: ConnectionInfo,
    servers: tuple[LocalNeo4j, LocalKafka],
    transport: str,
    workers: int,
    args: Any,
) -> Run:
    neo4j, broker = servers
    repo.run_admin("admin/delete_all")
    apply_schema(repo)
    payloads = articles(args.articles, args.stories)
    name = f"bench-{uuid.uuid4().hex[:8]}"
    values: dict[str, Any] = {"queue": transport}
    if transport == "kafka":
        values.update(
            kafka_bootstrap=broker.bootstrap,
            kafka_topic=name,
            kafka_dead_letter_topic=f"{name}.dead",
            kafka_group=f"{name}.workers",
            kafka_partitions=args.partitions,
        )
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    if transport == "kafka":
        ensure_topics(settings)
    running = start_workers(environment(info, values), workers, args.log_dir)
    pids: dict[str, list[int | None]] = {
        "workers": [w.pid for w in running],
        "neo4j": [neo4j.status().pid],
        "broker": [broker.status().pid],
    }
    try:
        cpu_before = {name: sum(cpu_seconds(pid) for pid in group) for name, group in pids.items()}
        began = time.monotonic()
        if transport == "kafka":
            producer = ArticleProducer(settings)
            for start in range(0, len(payloads), 100):
                producer.submit(payloads[start : start + 100])
            producer.close()
        else:
            queue.enqueue(repo, payloads)
        deadline = began + args.timeout
        while queue.counts(repo)["done"] < len(payloads):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{transport} x{workers}: not every article done within {args.timeout:.0f}s")
            time.sleep(0.2)
        seconds = time.monotonic() - began
        cpu = {name: sum(cpu_seconds(pid) for pid in group) - cpu_before[name] for name, group in pids.items()}
    finally:
        stop(running)
    run = Run(transport, workers, len(payloads), seconds, cpu)
    per_article = ", ".join(f"{name} {1000 * spent / run.articles:.0f}" for name, spent in cpu.items())
    print(
        f"  {transport:<6} x{workers}: {run.articles} articles in {seconds:6.1f}s = {run.rate:5.2f} articles/s;"
        f" CPU ms per article: {per_article}"
    )
    return run


def graph_growth(repo: GraphRepository, neo4j: LocalNeo4j, articles: int) -> None:
    """Nodes, relationships and store bytes per article of the graph a run left (for docs/capacity.md)."""
    rows = repo.run_admin("admin/graph_counts")
    nodes = sum(row["count"] for row in rows if row["kind"] == "nodes")
    relationships = sum(row["count"] for row in rows if row["kind"] == "relationship")
    events = sum(row["count"] for row in rows if row["kind"] == "label" and row["name"] == "Event")
    store = neo4j.instance_dir / "data" / "databases" / "neo4j"
    size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    print(
        f"graph per article (Kafka x1 run, {articles} articles): {events / articles:.1f} events,"
        f" {nodes / articles:.1f} nodes, {relationships / articles:.1f} relationships;"
        f" store {size / articles / 1024:.0f} KiB per article on disk (includes preallocated space: an upper bound)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--stories", choices=["long", "short"], default="long")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=1800.0, help="longest a run may take, seconds")
    ap.add_argument("--log-dir", type=Path, default=None)
    args = ap.parse_args(argv)
    args.log_dir = args.log_dir or Path(f"/tmp/geokg-bench-kafka-{os.getpid()}")
    args.log_dir.mkdir(parents=True, exist_ok=True)
    with servers() as (info, neo4j, broker), create_driver(info) as driver:
        repo = GraphRepository(driver, "neo4j", uri=info.uri, user=info.user)
        print(f"{args.articles} {args.stories} articles per run, {args.partitions} partitions; logs in {args.log_dir}")
        # Not counted: a fresh server compiles each write query on first use (the first article took ~9 s here).
        print("warm-up (not counted):")
        one_run(repo, info, (neo4j, broker), "kafka", 1, argparse.Namespace(**{**vars(args), "articles": 8}))
        print("runs:")
        one = one_run(repo, info, (neo4j, broker), "kafka", 1, args)
        graph_growth(repo, neo4j, args.articles)
        two = one_run(repo, info, (neo4j, broker), "kafka", 2, args)
        local = one_run(repo, info, (neo4j, broker), "neo4j", 1, args)
    load = os.getloadavg()
    print(f"\nspeed-up, 2 workers over 1 on Kafka: {two.rate / one.rate:.2f}x (target >= 1.3x)")
    print(f"Kafka path against the Neo4j queue, 1 worker: {one.rate / local.rate:.2f}x the throughput")
    print(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (the ratio needs an idle machine)")
    # Capacity per core from CPU time, not wall time: on these 2 cores the servers and the workers share them.
    for name in ("workers", "neo4j", "broker"):
        spent = one.cpu[name] / one.articles
        if spent > 0:
            print(f"Kafka x1, {name}: {1000 * spent:.0f} ms CPU per article = {86400 / spent:,.0f} articles/day/core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
