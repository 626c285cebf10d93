"""Load test: concurrent clients on the read endpoints of a real API process while two workers ingest articles.

    .venv/bin/python scripts/load_test.py --graph sample [--duration 60] [--clients 50] [--max-requests 100000]
    .venv/bin/python scripts/load_test.py --graph synthetic --events 1000000 [--reuse-instance load-synth] [--keep]

Loopback only: the API (`geokg serve`, one uvicorn process) listens on 127.0.0.1 and the script refuses any other
host. Bounded: the clients stop after --duration seconds or --max-requests requests, whichever comes first, and the
wait for the workers afterwards is capped by --drain-timeout.

- The graph: a managed Neo4j of its own (instance "load-sample" or "load-synth", heap and page cache 2g), either
  the samples/ articles ingested (`geokg ingest samples`) or the synthetic graph of scripts/gen_synthetic.py (its
  `load`, `--events` events; 1M takes 10+ minutes). `--reuse-instance NAME` starts that instance as it is and loads
  nothing when it already holds events, so a loaded graph serves several runs (it is then stopped, not deleted, at
  the end; --keep leaves any instance running).
- The ingest: --ingest articles (scripts/fault_trials.py's generated ones, with URLs unique to the run) are
  submitted through POST /articles with the API key at the start, and two `geokg worker` processes take them.
- The clients: --clients asyncio tasks on one httpx.AsyncClient, each sending the next request of a weighted mix as
  soon as the previous one is answered: partners (both stances), relations, events with filters, events pages
  followed by cursor, event by id, countries, country, people, person, graph, ask. The ids, pairs and names they use
  are read from the API before the clock starts. A few requests ask for a person that does not exist: their 404 is
  expected; any other non-2xx answer, and any connection error or timeout, is an error.
- Nothing lost: after the load, every submitted article must reach `done`, with its Article, within --drain-timeout
  (GET /articles/{id}).

Reports p50 / p95 / p99 / max per endpoint and overall, requests per second, errors (with examples) and the ingest
result; exit status 1 on any error or lost article.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api import percentile
from fault_trials import LOOPBACK, REPO_ROOT, LoggedProcess, free_port, graph_env, make_articles, start_api, submit
from gen_synthetic import Generator, load

from service.config import get_settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.local_neo4j import LocalNeo4j
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema

DATABASE = "neo4j"
INSTANCES = {"sample": ("load-sample", 27897, 27684), "synthetic": ("load-synth", 27887, 27674)}
NOBODY = "person:nobody-by-this-name-zz"  # its 404 is the expected kind


def require_loopback(url: str) -> str:
    """The URL, if its host is a loopback address (127.0.0.0/8, ::1 or localhost); raises ValueError otherwise."""
    host = urlsplit(url).hostname or ""
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError(host)
        except ValueError:
            raise ValueError(f"refusing {url!r}: the load test only talks to loopback addresses") from None
    return url


# ---------------------------------------------------------------------------------------------- the mix


@dataclass
class Targets:
    """What the requests ask about, read from the API before the clock starts."""

    countries: list[str]
    names: list[str]  # the countries' names, for /ask
    person_names: list[str]
    pairs: list[tuple[str, str]]
    event_ids: list[str]
    people: list[str]
    types: list[str]
    since: list[str]


@dataclass
class Sample:
    endpoint: str
    ms: float
    status: int | None  # None: no answer
    error: str | None  # why it counts as an error, else None


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.samples if s.error]


def discover(client: httpx.Client, rng: random.Random) -> Targets:
    rows = _ok(client.get("/countries")).json()
    countries = [row["id"] for row in rows]
    names = [row["name"] for row in rows[:15] if row.get("name")]
    if not countries:
        raise RuntimeError("the graph has no countries: nothing to load-test")
    busy = countries[:15]
    pairs: set[tuple[str, str]] = set()
    event_ids: list[str] = []
    types: set[str] = set()
    since: set[str] = set()
    for actor in busy[:8]:
        events = _ok(client.get("/events", params={"actor": actor, "limit": 50})).json()["events"]
        for event in events:
            event_ids.append(event["id"])
            types.add(event["type"])
            if event.get("date"):
                since.add(event["date"][:4])
            others = [p["id"] for p in event.get("participants", []) if p["id"] != actor and len(p["id"]) == 3]
            pairs.update((actor, other) for other in others)
    found = _ok(client.get("/people", params={"limit": 100})).json()
    people = [row["id"] for row in found]
    person_names = [row["name"] for row in found if row.get("name") and row.get("event_count")]
    if not pairs:
        pairs = {(a, b) for a in busy[:4] for b in busy[:4] if a != b}
    return Targets(busy, names or busy, person_names, sorted(pairs), event_ids, people, sorted(types), sorted(since))


def _ok(response: httpx.Response) -> httpx.Response:
    if response.status_code != 200:
        raise RuntimeError(f"{response.request.url}: HTTP {response.status_code} {response.text[:200]}")
    return response


Request = tuple[str, str, dict[str, Any], frozenset[int]]  # endpoint, path, params, statuses that are expected


def mix(t: Targets) -> list[tuple[int, Callable[[random.Random], Request]]]:
    """(weight, builder) of each kind of request: partners, relations and events weigh most, as in an analyst's
    session; a few person lookups miss on purpose (404 expected)."""
    ok = frozenset({200})

    def partners(stance: str) -> Callable[[random.Random], Request]:
        return lambda r: ("partners", f"/countries/{r.choice(t.countries)}/partners", {"stance": stance}, ok)

    def relations(r: random.Random) -> Request:
        a, b = r.choice(t.pairs)
        return "relations", "/relations", {"a": a, "b": b}, ok

    def events(r: random.Random) -> Request:
        params: dict[str, Any] = {"limit": r.choice([10, 20, 50])}
        choice = r.random()
        if choice < 0.4:
            params["actor"] = r.choice(t.countries)
        elif choice < 0.7 and t.types:
            params["type"] = r.choice(t.types)
        if t.since and r.random() < 0.5:
            params["since"] = r.choice(t.since)
        return "events", "/events", params, ok

    def person(r: random.Random) -> Request:
        if not t.people or r.random() < 0.1:
            return "person", f"/people/{NOBODY}", {}, frozenset({404})
        return "person", f"/people/{r.choice(t.people)}", {}, ok

    def ask(r: random.Random) -> Request:
        if t.person_names and r.random() < 0.3:
            return "ask", "/ask", {"q": f"who met {r.choice(t.person_names)}"}, ok
        form = r.choice(["who is cooperating with {}", "who is in conflict with {}"])
        return "ask", "/ask", {"q": form.format(r.choice(t.names))}, ok

    return [
        (12, partners("cooperation")),
        (12, partners("conflict")),
        (12, relations),
        (12, events),
        (6, lambda r: ("events_pages", "/events", {"limit": 20}, ok)),  # followed by cursor, see client()
        (10, lambda r: ("event", f"/events/{r.choice(t.event_ids)}", {}, ok)),
        (4, lambda r: ("countries", "/countries", {}, ok)),
        (8, lambda r: ("country", f"/countries/{r.choice(t.countries)}", {}, ok)),
        (4, lambda r: ("people", "/people", {"limit": 50}, ok)),
        (6, person),
        (6, lambda r: ("graph", "/graph", {"center": r.choice(t.countries), "depth": r.choice([1, 2])}, ok)),
        (6, ask),
    ]


async def run_clients(
    base_url: str, targets: Targets, clients: int, duration: float, cap: int, seed: int
) -> LoadResult:
    kinds = mix(targets)
    weights = [w for w, _ in kinds]
    result = LoadResult()
    sent = 0
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def timed(
        client: httpx.AsyncClient, endpoint: str, path: str, params: dict[str, Any], expected: frozenset[int]
    ) -> httpx.Response | None:
        began = time.perf_counter()
        try:
            response = await client.get(path, params=params)
        except httpx.HTTPError as exc:
            ms = (time.perf_counter() - began) * 1000
            result.samples.append(Sample(endpoint, ms, None, f"{type(exc).__name__}: {exc}"[:200]))
            return None
        ms = (time.perf_counter() - began) * 1000
        error = (
            None
            if response.status_code in expected
            else f"HTTP {response.status_code} {path} {params} {response.text[:150]}"
        )
        result.samples.append(Sample(endpoint, ms, response.status_code, error))
        return response

    async def client_task(number: int, client: httpx.AsyncClient) -> None:
        nonlocal sent
        rng = random.Random(seed * 1000 + number)
        while time.monotonic() < deadline and sent < cap:
            _, build = rng.choices(kinds, weights)[0]
            endpoint, path, params, expected = build(rng)
            sent += 1
            response = await timed(client, endpoint, path, params, expected)
            if endpoint == "events_pages":  # follow the cursor for up to 3 more pages
                for _ in range(3):
                    if response is None or response.status_code != 200 or time.monotonic() >= deadline or sent >= cap:
                        break
                    cursor = response.json().get("next_cursor")
                    if not cursor:
                        break
                    sent += 1
                    response = await timed(client, endpoint, path, {**params, "cursor": cursor}, expected)

    began = time.monotonic()
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:
        await asyncio.gather(*(client_task(n, client) for n in range(clients)))
    result.seconds = time.monotonic() - began
    return result


# ---------------------------------------------------------------------------------------------- the run


def prepare_graph(args: argparse.Namespace, local: LocalNeo4j, info: ConnectionInfo, env: dict[str, str]) -> str:
    """Loads the graph, or what is missing of it on a reused instance; returns what was done.

    The synthetic graph is loaded in steps of --step events, and the number of events fully loaded (relationship
    layer included) is written to the instance folder after each step, so that an interrupted load resumes there.
    """
    progress_file = local.instance_dir / "load_test_events"
    with create_driver(info) as driver:
        repo = GraphRepository(driver, DATABASE, uri=info.uri, user=info.user)
        apply_schema(repo)
        began = time.monotonic()
        if args.graph == "sample":
            if args.reuse_instance and repo.run_admin("admin/load_event_sample", limit=1):
                return f"reused instance {local.instance!r} as it was"
            command = [sys.executable, "-m", "service.cli", "ingest", str(REPO_ROOT / "samples"), "--no-progress"]
            done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"ingesting samples failed:\n{done.stdout}\n{done.stderr}")
            return f"samples ingested in {time.monotonic() - began:.0f}s"
        loaded = int(progress_file.read_text()) if progress_file.exists() else 0
        if loaded == 0 and repo.run_admin("admin/load_event_sample", limit=1):
            raise RuntimeError(f"instance {local.instance!r} holds events but no record of a complete load step")
        if loaded >= args.events:
            return f"reused instance {local.instance!r}: {loaded:,} synthetic events"
        repo.run_admin("admin/synthetic_await_indexes", seconds=600)
        generator = Generator(args.seed)
        for start in range(loaded, args.events, args.step):
            stop = min(start + args.step, args.events)
            load(repo, generator, start, stop, progress=True)
            progress_file.write_text(f"{stop}\n")
            print(f"graph holds {stop:,} synthetic events ({time.monotonic() - began:.0f}s)", flush=True)
        repo.run_admin("admin/synthetic_await_indexes", seconds=1800)
        return f"{args.events - loaded:,} synthetic events loaded in {time.monotonic() - began:.0f}s"


def wait_for_ingest(client: httpx.Client, ids: list[str], timeout: float) -> tuple[Counter[str], list[str], float]:
    """Statuses of the submitted articles once all are done (or at the timeout), the ids not done with their
    Article, and how long it took."""
    began = time.monotonic()
    while True:
        statuses: Counter[str] = Counter()
        missing: list[str] = []
        for key in ids:
            response = client.get(f"/articles/{key}", timeout=30)
            body = response.json() if response.status_code == 200 else {}
            statuses[body.get("status", f"HTTP {response.status_code}")] += 1
            if body.get("status") != "done" or not body.get("article"):
                missing.append(key)
        if not missing or time.monotonic() - began > timeout:
            return statuses, missing, time.monotonic() - began
        time.sleep(2)


def report(result: LoadResult, out: Callable[[str], None] = print) -> None:
    groups: dict[str, list[float]] = {}
    for sample in result.samples:
        groups.setdefault(sample.endpoint, []).append(sample.ms)
    groups["ALL"] = [s.ms for s in result.samples]
    errors = Counter(s.endpoint for s in result.errors)
    statuses = Counter(s.status for s in result.samples)
    out(f"\n{'endpoint':<13} {'n':>7} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for endpoint, ms in sorted(groups.items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        n_errors = len(result.errors) if endpoint == "ALL" else errors.get(endpoint, 0)
        out(
            f"{endpoint:<13} {len(ms):>7} {n_errors:>6} {percentile(ms, 0.5):8.1f} {percentile(ms, 0.95):8.1f} "
            f"{percentile(ms, 0.99):8.1f} {max(ms, default=float('nan')):8.1f}"
        )
    rate = len(result.samples) / result.seconds if result.seconds else 0.0
    out(f"\n{len(result.samples)} requests in {result.seconds:.1f}s = {rate:.0f} requests/s; statuses {dict(statuses)}")
    for sample in result.errors[:5]:
        out(f"  error: {sample.endpoint}: {sample.error}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", choices=sorted(INSTANCES), required=True)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic graph size")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load (at most 600)")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients (at most 500)")
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    ap.add_argument("--ingest", type=int, default=40, help="articles submitted for the 2 workers at the start")
    ap.add_argument("--drain-timeout", type=float, default=600.0, help="longest wait for the workers afterwards")
    ap.add_argument("--host", default=LOOPBACK, help="the API's address: loopback only")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reuse-instance", metavar="NAME", help="use this instance's graph, loading only what is missing")
    ap.add_argument("--step", type=int, default=100_000, help="synthetic events per load step (a multiple of 10000)")
    ap.add_argument("--load-only", action="store_true", help="build (or complete) the graph, then stop")
    ap.add_argument("--keep", action="store_true", help="leave the instance running")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    args = ap.parse_args()
    if not 0 < args.duration <= 600 or not 0 < args.clients <= 500 or args.max_requests < 1:
        ap.error("--duration must be in (0, 600], --clients in (0, 500], --max-requests positive")
    if args.load_only and not args.reuse_instance:
        ap.error("--load-only needs --reuse-instance NAME (the instance the load is kept in)")
    try:
        require_loopback(f"http://{args.host}/")
    except ValueError as exc:
        ap.error(str(exc))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    name, bolt, http = INSTANCES[args.graph]
    settings = get_settings()
    local = LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance=args.reuse_instance or name,
        bolt_port=bolt,
        http_port=http,
        heap=args.heap,
        pagecache=args.pagecache,
    )
    if local.instance == "default":
        ap.error("the load test never uses the default instance")
    if not args.reuse_instance:
        local.stop()
        shutil.rmtree(local.instance_dir, ignore_errors=True)
    print(f"Neo4j instance {local.instance!r} at {local.bolt_uri} ...", flush=True)
    local.start()
    info = ConnectionInfo(local.bolt_uri, local.user, local.password, DATABASE)
    api_key = secrets.token_urlsafe(24)
    env = graph_env(info, api_key)
    log_dir = Path(tempfile.mkdtemp(prefix="geokg-load-"))
    processes: list[LoggedProcess] = []
    try:
        print(prepare_graph(args, local, info, env), flush=True)
        if args.load_only:
            return 0
        port = free_port()
        base = require_loopback(f"http://{args.host}:{port}")
        env_api = dict(env)
        api = start_api(env_api, port, log_dir)
        processes.append(api)
        rng = random.Random(args.seed)
        with httpx.Client(base_url=base, timeout=60) as client:
            targets = discover(client, rng)
            print(
                f"targets: {len(targets.countries)} countries, {len(targets.pairs)} pairs, "
                f"{len(targets.event_ids)} events, {len(targets.people)} people",
                flush=True,
            )
            payloads = make_articles(args.ingest, args.seed)
            run = secrets.token_hex(4)  # fresh URLs: a reused graph must not already hold these articles
            for payload in payloads:
                payload["url"] = payload["url"].replace("faults.example.org", f"load-{run}.example.org")
            ids = submit(client, payloads, api_key) if payloads else []
            for n in (1, 2):
                command = [
                    sys.executable,
                    "-m",
                    "service.cli",
                    "worker",
                    "--worker-id",
                    f"load-w{n}",
                    "--poll-interval",
                    "0.5",
                ]
                processes.append(LoggedProcess(f"worker-{n}", command, env, log_dir))
            print(
                f"{len(ids)} articles submitted, 2 workers started; {args.clients} clients for {args.duration:.0f}s "
                f"(at most {args.max_requests} requests) on {base}",
                flush=True,
            )
            result = asyncio.run(run_clients(base, targets, args.clients, args.duration, args.max_requests, args.seed))
            report(result)
            statuses, missing, waited = wait_for_ingest(client, ids, args.drain_timeout)
        done_lines = sum(p.count(r"article \w+ done") for p in processes[1:])
        print(
            f"\ningest: {len(ids)} submitted, statuses {dict(statuses)} after {waited:.0f}s more; "
            f"{done_lines} 'done' lines in the worker logs; not done or without Article: {len(missing)}"
        )
        lost = len(missing)
        ok = not result.errors and not lost
        print(f"\n{'PASS' if ok else 'FAIL'}: {len(result.errors)} errors, {lost} articles lost; logs in {log_dir}")
        return 0 if ok else 1
    finally:
        for process in reversed(processes):
            process.terminate(30)
        if args.keep:
            print(f"kept: instance {local.instance!r} running at {local.bolt_uri}")
        else:
            local.stop()
            if not args.reuse_instance:
                shutil.rmtree(local.instance_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
