"""API read latency on a synthetic graph, at two sizes in one run: GET /countries/{id}/partners, GET /relations and
GET /relations/timeline.

    .venv/bin/python scripts/bench_api.py [--events 100000 1000000] [--requests 200] [--warmup 20] [--keep]

A managed Neo4j of its own (instance "bench-api", Bolt 27787, HTTP 27574, heap and page cache 2g; never the
default instance) is started on an empty folder, the schema applied (service.graph.schema.apply_schema), and the
synthetic graph of scripts/gen_synthetic.py loaded up to the first size. The requests then go through the real
FastAPI app (Starlette's TestClient: in-process, no network, the app's own lifespan, driver and repository):

- partners: GET /countries/{id}/partners, both stances, half on the 5 busiest states ("high"), half on 10 states
  of the long tail ("low");
- relations: GET /relations?a=&b=, half on the 5 busiest pairs ("busy"), half on 10 quiet pairs ("quiet");
- the same three questions with a date range (time as a filter): partners_r (one year: since=until=YYYY),
  relations_r (one year) and events_r (GET /events?actor=&since=&until=, one month), on the same actors and pairs;
  the year and the month are drawn from the synthetic graph's span (2015-2025);
- timeline: GET /relations/timeline?a=&b=&interval=, on the same pairs, interval month, quarter and year in turn,
  every other request with a one-year range (since = until = a year of the synthetic period);
- graph and graph_r: GET /graph?center=&depth=1 on the same actors, without a range and with one year (since = until
  = a year of the synthetic period); graph_c: with min_confidence=0.6 and no range;
- ask_<form>_r: GET /ask for each of its forms (partners, between, trend, events, troops, meetings, leaders), two
  phrasings each, every question with a date range (a year, years, or since a month: ASK_QUESTIONS), half on the
  busy actors or pairs, half on the quiet ones.

After `--warmup` rounds of the same requests, `--requests` of each endpoint are timed. The graph then grows to the
next size (the same generator continues: the first N events are the same) and the same requests are timed
again. The table gives p50 / p95 per size and endpoint (and per class), the load times, and p95(last)/p95(first).
Targets: p95 <= 50 ms at the largest size without a range, <= 100 ms with one (endpoints ending in "_r") and for the
timeline (issue 12); growth <= 2x. When a target is missed, the worst request of each endpoint is PROFILEd through
the driver and its db hits printed, per operator.

`--endpoints graph graph_r ...` times only the endpoints named. `--migration` also times, at every size, the startup
upgrade of a graph written before every actor label was keyed `id`: the countries' `id` removed and the country_id
constraint dropped (admin/country_id_downgrade, admin/drop_country_id_constraint), then apply_schema timed as the
API's startup runs it (constraint, admin/country_id_upgrade in batches, the other upgrades' no-op scans), then once
more the upgrade alone (service.graph.schema.upgrade_country_ids), and apply_schema on the up-to-date graph.

The instance is stopped at the end and its folder deleted, unless --keep (then it stays up, with the graph).
`--reuse --events N` times the graph of N events such a run kept in `--instance` instead of loading one (a 1M graph
takes about 17 minutes to load): apply_schema runs on it first, as a deployment's startup would (so a graph kept by
an older version is upgraded, and that time printed), the busy and quiet pairs are drawn from its BETWEEN entries
(admin/synthetic_pair_counts; a normal run draws them on its first size), and the graph is kept.
"""

from __future__ import annotations

import argparse
import random
import secrets
import shutil
import signal
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import neo4j
from fastapi.testclient import TestClient
from pydantic import SecretStr

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_synthetic import Generator, load

from service.api.actors import cumulative_bounds, index_bounds, summarised
from service.api.app import create_app
from service.api.ask import QuestionError, parse_question
from service.api.routes_graph import RELATION_TYPE_NAMES
from service.config import Settings, get_settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.local_neo4j import LocalNeo4j
from service.graph.queries import load_query
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema, upgrade_country_ids
from service.shared.relations import UNDIRECTED

TARGET_P95_MS = 50.0
TARGET_P95_RANGE_MS = 100.0  # questions with a date range (endpoints ending in "_r") and the timeline
TARGET_GROWTH = 2.0
DATABASE = "neo4j"


@dataclass(frozen=True)
class Request:
    endpoint: str  # "partners", "relations", "timeline"; with a date range "partners_r", "relations_r", "events_r",
    # and "ask_<form>_r" for GET /ask
    cls: str  # high / low, busy / quiet
    path: str
    params: dict[str, str]


@dataclass
class Timing:
    request: Request
    ms: float


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# GET /ask, one question per form, each with a date range: {x} and {y} are actor names, {year}, {month} and
# {later} (a later year) are drawn from the synthetic graph's span. Pairs for between and trend, one actor for the rest.
ASK_QUESTIONS: dict[str, tuple[str, ...]] = {
    "partners": ("who was cooperating with {x} in {year}", "{x}'s adversaries since {month}"),
    "between": ("what happened between {x} and {y} in {year}", "{x} and {y} from {year} to {later}"),
    "trend": ("how have relations between {x} and {y} changed since {year}", "{x}-{y} relations by month in {year}"),
    "events": ("who sanctioned {x} in {year}", "what did {x} do in {month}"),
    "troops": ("who sent troops to {x} from {year} to {later}", "who deployed soldiers to {x} in {year}"),
    "meetings": ("who did {x} meet in {year}", "meetings of {x} since {month}"),
    "leaders": ("who was leading {x} in {year}", "who was the president of {x} in {year}"),
}
PAIR_FORMS = frozenset({"between", "trend"})


def pick_requests(
    degrees: list[dict[str, Any]],
    pairs: dict[tuple[str, str], int],
    total: int,
    seed: int,
    names: dict[str, str] | None = None,
) -> list[Request]:
    """`total` requests of each endpoint, alternating heavy and light ones, in a seeded shuffle; `names` (actor key ->
    name) adds `total` /ask questions of each form, each with a date range."""
    rng = random.Random(seed)
    states = [row["id"] for row in degrees if len(row["id"]) == 3 and row["events"] > 0]
    high, tail = states[:5], states[len(states) // 2 :]
    low = rng.sample(tail, min(10, len(tail)))
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    busy = [pair for pair, _ in ranked[:5]]
    quiet_pool = [pair for pair, n in ranked if 3 <= n <= 30 and len(pair[0]) == 3 and len(pair[1]) == 3]
    quiet = rng.sample(quiet_pool, min(10, len(quiet_pool)))
    out: list[Request] = []
    for i in range(total):
        heavy = i % 2 == 0
        actor = rng.choice(high if heavy else low)
        stance = "cooperation" if (i // 2) % 2 == 0 else "conflict"
        out.append(Request("partners", "high" if heavy else "low", f"/countries/{actor}/partners", {"stance": stance}))
    for i in range(total):
        heavy = i % 2 == 0
        a, b = rng.choice(busy if heavy else quiet)
        if rng.random() < 0.5:
            a, b = b, a
        out.append(Request("relations", "busy" if heavy else "quiet", "/relations", {"a": a, "b": b}))
    for i in range(total):
        heavy = i % 2 == 0
        actor = rng.choice(high if heavy else low)
        stance = "cooperation" if (i // 2) % 2 == 0 else "conflict"
        year = str(rng.randint(2015, 2025))
        cls = "high" if heavy else "low"
        params = {"stance": stance, "since": year, "until": year}
        out.append(Request("partners_r", cls, f"/countries/{actor}/partners", params))
        month = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}"
        out.append(Request("events_r", cls, "/events", {"actor": actor, "since": month, "until": month}))
        a, b = rng.choice(busy if heavy else quiet)
        year = str(rng.randint(2015, 2025))
        params = {"a": a, "b": b, "since": year, "until": year}
        out.append(Request("relations_r", "busy" if heavy else "quiet", "/relations", params))
    for i in range(total):
        heavy = i % 2 == 0
        actor = rng.choice(high if heavy else low)
        cls = "high" if heavy else "low"
        year = str(rng.randint(2015, 2025))
        out.append(Request("graph", cls, "/graph", {"center": actor, "depth": "1"}))
        out.append(Request("graph_r", cls, "/graph", {"center": actor, "depth": "1", "since": year, "until": year}))
        out.append(Request("graph_c", cls, "/graph", {"center": actor, "depth": "1", "min_confidence": "0.6"}))
    for i in range(total):
        heavy = i % 2 == 0
        a, b = rng.choice(busy if heavy else quiet)
        params = {"a": a, "b": b, "interval": ("month", "quarter", "year")[(i // 2) % 3]}
        if (i // 6) % 2 == 1:
            year = str(rng.randint(2015, 2025))
            params |= {"since": year, "until": year}
        out.append(Request("timeline", "busy" if heavy else "quiet", "/relations/timeline", params))
    if names:
        for form, templates in ASK_QUESTIONS.items():
            i = 0
            while i < total:
                heavy = i % 2 == 0
                if form in PAIR_FORMS:
                    x, y = rng.choice(busy if heavy else quiet)
                    cls = "busy" if heavy else "quiet"
                else:
                    x, y = rng.choice(high if heavy else low), ""
                    cls = "high" if heavy else "low"
                year = rng.randint(2015, 2024)
                question = templates[(i // 2) % len(templates)].format(
                    x=names[x],
                    y=names.get(y, y),
                    year=year,
                    later=rng.randint(year + 1, 2025),
                    month=f"{['January', 'March', 'June', 'October'][rng.randrange(4)]} {year}",
                )
                if _asks(question, form, [x, y] if y else [x]):  # else another actor or pair is drawn
                    out.append(Request(f"ask_{form}_r", cls, "/ask", {"q": question}))
                    i += 1
    rng.shuffle(out)
    return out


def _asks(question: str, form: str, actors: list[str]) -> bool:
    """Whether GET /ask reads `question` as `form` about `actors`, with a date range (some names of the long tail
    read otherwise)."""
    try:
        intent = parse_question(question, today=date(2025, 12, 31))
    except QuestionError:
        return False
    ranged = intent.since is not None or intent.until is not None
    return intent.form == form and sorted(a.id for a in intent.actors) == sorted(actors) and ranged


def run_requests(client: TestClient, requests: list[Request], warmup: int) -> list[Timing]:
    for request in requests[: warmup * 2]:
        _get(client, request)
    # Warm every distinct request once too, so that the timed run sees cached plans for both query shapes.
    for request in {(r.path, tuple(sorted(r.params.items()))): r for r in requests}.values():
        _get(client, request)
    timings: list[Timing] = []
    for request in requests:
        t0 = time.perf_counter()
        _get(client, request)
        timings.append(Timing(request, (time.perf_counter() - t0) * 1000))
    return timings


def _get(client: TestClient, request: Request) -> None:
    response = client.get(request.path, params=request.params)
    if response.status_code != 200:
        raise SystemExit(f"{request.path} {request.params}: HTTP {response.status_code} {response.text[:300]}")


def summarize(timings: list[Timing]) -> dict[tuple[str, str], tuple[int, float, float, float]]:
    """(endpoint, class or "all") -> (n, p50, p95, max)."""
    groups: dict[tuple[str, str], list[float]] = {}
    for t in timings:
        groups.setdefault((t.request.endpoint, "all"), []).append(t.ms)
        groups.setdefault((t.request.endpoint, t.request.cls), []).append(t.ms)
    return {key: (len(ms), statistics.median(ms), percentile(ms, 0.95), max(ms)) for key, ms in sorted(groups.items())}


def profile(driver: neo4j.Driver, name: str, params: dict[str, Any]) -> None:
    """PROFILE one read query through the driver: total db hits, rows, time, and the operators by db hits."""
    query = load_query(name)
    with driver.session(database=DATABASE) as session:
        result = session.run("PROFILE " + query.text, params)
        rows = len(list(result))
        summary = result.consume()
    plan = summary.profile or {}
    operators: list[tuple[int, int, str, str]] = []

    def walk(node: dict[str, Any]) -> None:
        args = node.get("args", {})
        detail = str(args.get("Details", ""))[:90]
        operators.append((int(node.get("dbHits", 0)), int(node.get("rows", 0)), node.get("operatorType", "?"), detail))
        for child in node.get("children", []):
            walk(child)

    walk(plan)
    total = sum(op[0] for op in operators)
    elapsed = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
    print(f"\nPROFILE {name} {params}: {rows} rows, {total:,} db hits, {elapsed} ms server time")
    for hits, out_rows, operator, detail in sorted(operators, reverse=True)[:8]:
        print(f"  {hits:>12,} db hits {out_rows:>10,} rows  {operator:<32} {detail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000], help="graph sizes, ascending")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint and size")
    ap.add_argument("--warmup", type=int, default=20, help="untimed requests per endpoint before timing")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=20_000, help="events generated and loaded per step")
    ap.add_argument("--instance", default="bench-api")
    ap.add_argument("--bolt-port", type=int, default=27787)
    ap.add_argument("--http-port", type=int, default=27574)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--keep", action="store_true", help="leave the instance running, with its graph")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="time the graph a --keep run left in --instance (one size, the one it holds) instead of loading one",
    )
    ap.add_argument("--profile", action="store_true", help="PROFILE the worst requests even when targets are met")
    ap.add_argument("--endpoints", nargs="+", help="time only these endpoints (e.g. graph graph_r); default: all")
    ap.add_argument("--migration", action="store_true", help="also time the startup upgrade of countries keyed iso3")
    ap.add_argument(
        "--compare-partners",
        action="store_true",
        help="also time partners in a year from the typed edges and from the per-pair summaries, side by side",
    )
    args = ap.parse_args()
    sizes: list[int] = args.events
    if sizes != sorted(sizes) or len(set(sizes)) != len(sizes):
        ap.error("--events: sizes must be distinct and ascending")
    if args.reuse and len(sizes) != 1:
        ap.error("--reuse: give the one size the kept graph holds (--events N)")

    # Background runs ignore Ctrl-C's SIGINT: make `kill <pid>` stop (and by default delete) the instance too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    base = get_settings()

    def instance(password: str | None) -> LocalNeo4j:
        return LocalNeo4j(
            version=base.neo4j_version,
            home=base.neo4j_home,
            instance=args.instance,
            bolt_port=args.bolt_port,
            http_port=args.http_port,
            heap=args.heap,
            pagecache=args.pagecache,
            password=password,
        )

    if args.instance == "default":
        ap.error("--instance: the benchmark never uses the default instance")
    kept = instance(None).password_file
    if args.reuse:
        if not kept.exists():
            ap.error(f"--reuse: no kept instance {args.instance!r} (run once with --keep)")
        local = instance(kept.read_text().strip())  # the password the kept graph was made with
    else:
        # Not LocalNeo4j's own token_urlsafe(): one starting with "-" is taken for an option by neo4j-admin.
        local = instance("bench-" + secrets.token_urlsafe(18))
        local.stop()
        shutil.rmtree(local.instance_dir, ignore_errors=True)  # always an empty graph to start from
    print(f"starting Neo4j {local.version} instance {args.instance!r} at {local.bolt_uri} ...", flush=True)
    local.start()
    local.password_file.write_text(local.password + "\n")  # where LocalNeo4j looks for it (for --keep)
    local.password_file.chmod(0o600)
    info = ConnectionInfo(uri=local.bolt_uri, user=local.user, password=local.password, database=DATABASE)
    settings = Settings(
        neo4j_uri=local.bolt_uri,
        neo4j_user=local.user,
        neo4j_password=SecretStr(local.password),
        neo4j_database=DATABASE,
    )
    results: dict[int, dict[tuple[str, str], tuple[int, float, float, float]]] = {}
    loads: list[tuple[int, float]] = []
    worst: dict[str, Timing] = {}
    migrations: list[tuple[int, int, float, float, float]] = []
    try:
        with create_driver(info) as driver:
            repo = GraphRepository(driver, DATABASE, uri=info.uri, user=info.user)
            t0 = time.perf_counter()
            apply_schema(repo)
            if args.reuse:
                print(f"apply_schema on the kept graph: {time.perf_counter() - t0:.1f}s", flush=True)
            repo.run_admin("admin/synthetic_await_indexes", seconds=600)
            generator = Generator(args.seed)
            pairs: dict[tuple[str, str], int] = {}
            requests: list[Request] = []
            loaded = 0
            for size in sizes:
                if args.reuse:
                    # The kept graph, upgraded by apply_schema above as a deployment's would be; its pairs counted.
                    for row in repo.run_admin("admin/synthetic_pair_counts"):
                        a, b = row["pair"].split("|")
                        pairs[(a, b)] = row["events"]
                    print(f"reusing the kept graph of {size:,} events ({len(pairs):,} pairs)", flush=True)
                else:
                    print(f"loading events {loaded:,} .. {size:,}", flush=True)
                    t0 = time.perf_counter()
                    stats = load(repo, generator, loaded, size, batch_size=args.batch, progress=True)
                    repo.run_admin("admin/synthetic_await_indexes", seconds=1800)
                    seconds = time.perf_counter() - t0
                    loads.append((size, seconds))
                    print(
                        f"loaded {stats.events:,} events in {seconds:.0f}s ({stats.events / seconds:,.0f}/s)",
                        flush=True,
                    )
                    for pair, n in stats.pairs.items():
                        pairs[pair] = pairs.get(pair, 0) + n
                loaded = size
                if not requests:  # the same requests at every size, chosen on the first graph
                    degrees = repo.run_admin("admin/synthetic_actor_degrees")
                    names = {key: name for key, name in generator.names.items()}
                    requests = pick_requests(degrees, pairs, args.requests, args.seed, names)
                    if args.endpoints:
                        requests = [r for r in requests if r.endpoint in args.endpoints]
                if args.migration:
                    migrations.append((size, *time_country_id_upgrade(repo)))
                    _print_migration(*migrations[-1])
                print(f"timing {len(requests)} requests (after warm-up) at {size:,} events", flush=True)
                with TestClient(create_app(settings)) as client:
                    timings = run_requests(client, requests, args.warmup)
                results[size] = summarize(timings)
                if args.compare_partners:
                    _compare_partners(repo, size, requests, args.warmup)
                for t in timings:
                    if t.request.endpoint not in worst or t.ms > worst[t.request.endpoint].ms:
                        worst[t.request.endpoint] = t
                _print_size(size, results[size])
            missed = _report(sizes, results, loads)
            for migration in migrations:
                _print_migration(*migration)
            if missed or args.profile:
                for timing in worst.values():
                    _profile_request(driver, timing.request)
    finally:
        if args.keep or args.reuse:  # a reused graph is never deleted here
            print(f"\nkept: instance {args.instance!r} at {local.bolt_uri} (password in {local.password_file})")
        else:
            local.stop()
            shutil.rmtree(local.instance_dir, ignore_errors=True)


def _compare_partners(repo: GraphRepository, size: int, requests: list[Request], warmup: int) -> None:
    """Partners in a year read the way the API did before the per-pair summaries (every typed edge of the actor,
    read/api_partners_in_periods) and the way it does now (read/api_partners_summarised), interleaved request by
    request on the same graph, so the machine's noise falls on both alike; their answers must be equal."""
    from service.api.routes_countries import partners_from_pairs, partners_from_periods

    asked = [r for r in requests if r.endpoint == "partners_r"]
    times: dict[tuple[str, str], list[float]] = {}
    for round_ in range(2):
        for i, r in enumerate(asked):
            if round_ == 0 and i >= warmup:
                break
            actor = r.path.split("/")[2]
            args = (actor, r.params["stance"] == "cooperation", r.params["since"], r.params["until"])
            answers = []
            for name, read in (("edges", partners_from_periods), ("pairs", partners_from_pairs)):
                t0 = time.perf_counter()
                rows = read(repo, *args, None, 10) if read is partners_from_periods else read(repo, *args, 10)
                ms = (time.perf_counter() - t0) * 1000
                answers.append([(row["id"], row["event_count"], round(row["score"], 6)) for row in rows])
                if round_ == 1:
                    times.setdefault((name, r.cls), []).append(ms)
            if answers[0] != answers[1]:
                raise SystemExit(f"partners of {args}: the summaries and the edges disagree")
    print(f"\npartners in a year at {size:,} events, typed edges vs per-pair summaries (same requests, interleaved):")
    for cls in sorted({c for _, c in times}):
        edges, pairs = times[("edges", cls)], times[("pairs", cls)]
        p95e, p95p = percentile(edges, 0.95), percentile(pairs, 0.95)
        print(
            f"  {cls:<5} n={len(edges)}  edges p50 {statistics.median(edges):7.1f} p95 {p95e:7.1f} ms"
            f"  pairs p50 {statistics.median(pairs):7.1f} p95 {p95p:7.1f} ms  p95 ratio edges/pairs {p95e / p95p:.2f}x",
            flush=True,
        )


def time_country_id_upgrade(repo: GraphRepository) -> tuple[int, float, float, float]:
    """Makes the graph's countries look as an older version wrote them (keyed iso3 only), then times the API's
    startup on it (apply_schema), the upgrade alone (after a second downgrade) and apply_schema on the up-to-date
    graph. Returns (countries, startup s, upgrade alone s, up-to-date apply_schema s); the graph ends up to date."""
    repo.run_admin("admin/drop_country_id_constraint")
    (row,) = repo.run_admin("admin/country_id_downgrade")
    countries = int(row["countries"])
    t0 = time.perf_counter()
    apply_schema(repo)
    startup = time.perf_counter() - t0
    repo.run_admin("admin/country_id_downgrade")
    t0 = time.perf_counter()
    upgraded = upgrade_country_ids(repo)
    alone = time.perf_counter() - t0
    if upgraded != countries:
        raise SystemExit(f"country-id upgrade: {upgraded} countries upgraded, {countries} expected")
    t0 = time.perf_counter()
    apply_schema(repo)
    current = time.perf_counter() - t0
    return countries, startup, alone, current


def _print_migration(size: int, countries: int, startup: float, alone: float, current: float) -> None:
    print(
        f"\ncountry-id upgrade at {size:,} events ({countries} countries keyed iso3 only): startup"
        f" (apply_schema) {startup:.2f} s, the upgrade alone {alone:.3f} s; apply_schema on the"
        f" up-to-date graph {current:.2f} s",
        flush=True,
    )


def _print_size(size: int, rows: dict[tuple[str, str], tuple[int, float, float, float]]) -> None:
    for (endpoint, cls), (n, p50, p95, top) in rows.items():
        print(f"  {size:>9,}  {endpoint:<16} {cls:<6} n={n:<4} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  max {top:8.1f} ms")


def _report(
    sizes: list[int],
    results: dict[int, dict[tuple[str, str], tuple[int, float, float, float]]],
    loads: list[tuple[int, float]],
) -> bool:
    print("\nload times:")
    previous = 0
    for size, seconds in loads:
        print(f"  {previous:>9,} -> {size:>9,} events: {seconds:7.1f} s  ({(size - previous) / seconds:,.0f} events/s)")
        previous = size
    print(f"\n{'events':>10}  {'endpoint':<16} {'class':<6} {'n':>4} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for size in sizes:
        for (endpoint, cls), (n, p50, p95, top) in results[size].items():
            print(f"{size:>10,}  {endpoint:<16} {cls:<6} {n:>4} {p50:9.1f} {p95:9.1f} {top:9.1f}")
    first, last = sizes[0], sizes[-1]
    missed = False
    print(
        f"\np95 at {last:,} (target <= {TARGET_P95_MS:.0f} ms, {TARGET_P95_RANGE_MS:.0f} ms with a range or the"
        f" timeline) and growth p95({last:,}) / p95({first:,}):"
    )
    for key in results[last]:
        p95_last = results[last][key][2]
        growth = p95_last / results[first][key][2] if len(sizes) > 1 else float("nan")
        target = TARGET_P95_RANGE_MS if key[0].endswith(("_r", "_c")) or key[0] == "timeline" else TARGET_P95_MS
        ok_p95 = p95_last <= target
        ok_growth = len(sizes) == 1 or growth <= TARGET_GROWTH
        missed = missed or not (ok_p95 and ok_growth)
        flag = "ok" if ok_p95 and ok_growth else "MISSED"
        print(f"  {key[0]:<16} {key[1]:<6} p95 {p95_last:8.1f} ms  growth {growth:5.2f}x  {flag}")
    return missed


def _profile_request(driver: neo4j.Driver, request: Request) -> None:
    if request.endpoint.startswith("ask_"):
        print(f"\n{request.endpoint}: worst question {request.params['q']!r} (its query is profiled with its endpoint)")
        return
    since, until = request.params.get("since"), request.params.get("until")
    low, high = index_bounds(since, until)
    if request.endpoint in ("partners", "partners_r"):
        params: dict[str, Any] = {
            "actor": request.path.split("/")[2],
            "cooperation": request.params["stance"] == "cooperation",
            "types": None,
            "limit": 10,
        }
        if request.endpoint == "partners":
            profile(driver, "read/api_partners", params)
        elif summarised(since, until):
            params |= {"since": since, "until": until, **cumulative_bounds(since, until)}
            profile(driver, "read/api_partners_in_periods", params)
        else:
            params |= {"since": since, "until": until, "date_low": low, "date_high": high}
            profile(driver, "read/api_partners_in_range", params)
    elif request.endpoint == "events_r":
        params = {
            "actor": request.params["actor"],
            "type": None,
            "quad_class": None,
            "status": None,
            "since": since,
            "until": until,
            "date_low": low,
            "date_high": high,
            "location": None,
            "words": None,
            "cursor_date": None,
            "cursor_id": None,
            "min_confidence": None,
            "limit": 51,
        }
        profile(driver, "read/api_events_of_actor", params)
    elif request.endpoint == "timeline" and summarised(since, until):
        params = {"a": request.params["a"], "b": request.params["b"]}  # the range and interval are applied in Python
        profile(driver, "read/api_relations_timeline_periods", params)
    elif request.endpoint == "timeline":
        params = {
            "pair": "|".join(sorted((request.params["a"], request.params["b"]))),
            "since": since,
            "until": until,
            "low": low,
            "high": high,
            "interval": request.params["interval"],
        }
        profile(driver, "read/api_relations_timeline", params)
    elif request.endpoint.startswith("graph"):  # the walk's first step, from the centre
        least = request.params.get("min_confidence")
        if since is None and until is None and least is None:
            profile(
                driver,
                "read/api_graph_edges",
                {"ids": [request.params["center"]], "within": None, "since": None, "until": None, "limit": 2000},
            )
            return
        if least is None and summarised(since, until):  # the route sums the edges' periods for such a range
            bounds = cumulative_bounds(since, until)
            periods = {"ids": [request.params["center"]], "within": None, "since": since, "until": until}
            profile(driver, "read/api_graph_edges_in_periods", periods | bounds | {"limit": 2000})
            return
        params = {
            "ids": [request.params["center"]],
            "within": None,
            "since": since,
            "until": until,
            "date_low": low,
            "date_high": high,
            "min_confidence": float(least) if least is not None else None,
            "relation_of_type": RELATION_TYPE_NAMES,
            "undirected": sorted(relation.value for relation in UNDIRECTED),
            "limit": 2000,
        }
        profile(driver, "read/api_graph_edges_in_range", params)
    else:
        a, b = request.params["a"], request.params["b"]
        params = {
            "a": a,
            "b": b,
            "pair": "|".join(sorted((a, b))),
            "since": since,
            "until": until,
            "low": low,
            "high": high,
            "min_confidence": None,
            "limit": 50,
        }
        profile(driver, "read/api_relations", params)


if __name__ == "__main__":
    main()
