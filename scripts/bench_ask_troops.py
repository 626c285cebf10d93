"""GET /ask troops with a range: the events query against the troop edges' per-period summaries, side by side.

    .venv/bin/python scripts/bench_ask_troops.py --instance NAME --bolt-port PORT [--requests 60] [--rounds 3]

On a graph that `scripts/bench_api.py --keep` left running (its instance and Bolt port), the ask_troops_r questions of
bench_api (the same seed, so the same targets, classes and years) are read as GET /ask reads them, and each is
answered by read/api_ask_troops (counting the events) and by read/api_ask_troops_in_periods, one right after the
other in alternating order, so that both meet the same load on a shared machine. It checks that both give the same
rows, and prints p50 / p95 of the wall time of each (driver round trip included, no HTTP) per class.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_api import percentile, pick_requests
from gen_synthetic import Generator

from service.api.ask import parse_question
from service.api.routes_ask import LIMIT, troops_from_events, troops_from_periods, troops_query
from service.config import get_settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.repository import GraphRepository


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--instance", required=True)
    ap.add_argument("--bolt-port", type=int, required=True)
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    home = get_settings().neo4j_home
    password = (home / "instances" / args.instance / "password").read_text().strip()
    info = ConnectionInfo(f"neo4j://127.0.0.1:{args.bolt_port}", "neo4j", password, "neo4j")
    driver = create_driver(info)
    repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
    pairs = {}
    for row in repo.run_admin("admin/synthetic_pair_counts"):
        a, b = row["pair"].split("|")
        pairs[(a, b)] = row["events"]
    degrees = repo.run_admin("admin/synthetic_actor_degrees")
    names = dict(Generator(args.seed).names)
    requests = [
        r for r in pick_requests(degrees, pairs, args.requests, args.seed, names) if r.endpoint == "ask_troops_r"
    ]
    times: dict[tuple[str, str], list[float]] = {}
    differ = 0
    for n in range(args.rounds):
        for i, request in enumerate(requests):
            intent = parse_question(request.params["q"], today=date(2025, 12, 31))
            target, since, until = intent.actors[0].id, intent.since, intent.until
            assert troops_query(since, until) == "read/api_ask_troops_in_periods", request.params
            ways = [("events", troops_from_events), ("periods", troops_from_periods)]
            rows = {}
            for way, read in ways if (i + n) % 2 == 0 else reversed(ways):
                t0 = time.perf_counter()
                rows[way] = read(repo, target, since, until, LIMIT)
                ms = (time.perf_counter() - t0) * 1000
                for cls in ("all", request.cls):
                    times.setdefault((way, cls), []).append(ms)
            differ += rows["events"] != rows["periods"]
    print(f"{len(requests)} questions x {args.rounds} rounds; answers that differ: {differ}")
    for cls in ("all", "high", "low"):
        for way in ("events", "periods"):
            ms = times[(way, cls)]
            p50, p95 = percentile(ms, 0.5), percentile(ms, 0.95)
            print(f"  {cls:5s} {way:8s} n={len(ms):4d}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
    driver.close()


if __name__ == "__main__":
    main()
