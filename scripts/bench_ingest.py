"""Ingest benchmarks: (a) end-to-end throughput into Neo4j as a ratio to extraction alone; (b) per-article write
cost at 1k and at 10k articles already in the graph.

    .venv/bin/python scripts/bench_ingest.py [--articles 300] [--rounds 3] [--sizes 1000 10000] [--timed 200]

(a) The sample articles (samples/) replicated with small variations (a URL suffix and one added sentence, so
every copy is a new article whose events mostly merge with the original's) go through the same code as
`geokg ingest` (ingest.batch: parse -> extract_many -> write each article, the writer overlapping extraction), and,
alone, through parse -> extract_many. After a warm-up (2000 synthetic articles written, so that a freshly started
server has compiled its hot paths, then a third of a round), rounds alternate the two, each on new copies; the best
round of each is reported. Target: ratio >= 0.85. Wall-clock ratios swing with whatever else the machine
runs, so CPU time per article is printed too (this process, and the server's when it is the managed instance).
(b) The graph is filled with synthetic articles (hand-built extractions: random states, types, dates and officials,
a share of events re-reported so that they merge) through the same write path, then N more are written one
transaction each and timed, at each size. Target: cost at 10k <= 1.5 x cost at 1k.

The database is WIPED. It is GEOKG_BENCH_NEO4J_URI (with GEOKG_BENCH_NEO4J_USER / _PASSWORD / _DATABASE) when
set -- never GEOKG_NEO4J_URI, so the benchmark cannot touch the graph you work with -- else the managed Neo4j as
instance "bench" on ports 27687/27474, started for the run and stopped after it (unless it was already running).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from spacy.language import Language

from ingest.batch import ingest_sources
from ingest.cleanup import CleanArticle, parse_article
from ingest.extract import extract_many
from ingest.load import write_article
from ingest.models import QUAD_CLASS_OF, ActorRef, Event, Extraction, PersonRef
from ingest.nlp import load_pipeline
from ingest.sources import SourceItem, read_items
from service.config import Settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema
from service.shared import gazetteer

ROOT = Path(__file__).resolve().parents[1]

BENCH_INSTANCE = "bench"
BENCH_BOLT_PORT = 27687
BENCH_HTTP_PORT = 27474
EXTRA_SENTENCES = [
    "{a} and {b} held talks in {c} on {when}, their foreign ministers said.",
    "{a} accused {b} of violating the ceasefire along the border on {when}.",
    "{a} imposed new sanctions on {b} over its missile programme on {when}.",
    "{a} supplied artillery shells and drones to {b} on {when}, officials said.",
    "{a} urged {b} on {when} to release the detained journalists.",
]
PAIRS = [
    ("Japan", "China", "Seoul"),
    ("France", "Germany", "Brussels"),
    ("India", "Pakistan", "Doha"),
    ("Brazil", "Argentina", "Lima"),
    ("Kenya", "Ethiopia", "Nairobi"),
    ("Poland", "Ukraine", "Warsaw"),
]


# --------------------------------------------------------------------------- the server


@contextmanager
def bench_graph() -> Iterator[tuple[GraphRepository, int | None]]:
    """The repository, and the server's pid when it is the managed instance (to count its CPU time)."""
    uri = os.environ.get("GEOKG_BENCH_NEO4J_URI")
    if uri:
        info = ConnectionInfo(
            uri=uri,
            user=os.environ.get("GEOKG_BENCH_NEO4J_USER", "neo4j"),
            password=os.environ.get("GEOKG_BENCH_NEO4J_PASSWORD") or None,
            database=os.environ.get("GEOKG_BENCH_NEO4J_DATABASE", "neo4j"),
        )
        for repo in _connected(info):
            yield repo, None
        return
    from service.graph.local_neo4j import LocalNeo4j

    settings = Settings()
    server = LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance=BENCH_INSTANCE,
        bolt_port=BENCH_BOLT_PORT,
        http_port=BENCH_HTTP_PORT,
        heap="1g",
        pagecache="1g",
    )
    started_here = not server.status().running
    if started_here:
        print(f"starting the managed Neo4j instance {BENCH_INSTANCE!r} at {server.bolt_uri} ...", flush=True)
        server.install()
        server.start()
    try:
        info = ConnectionInfo(uri=server.bolt_uri, user=server.user, password=server.password, database="neo4j")
        for repo in _connected(info):
            yield repo, server.status().pid
    finally:
        if started_here:
            server.stop()


def _connected(info: ConnectionInfo) -> Iterator[GraphRepository]:
    driver = create_driver(info)
    try:
        repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
        apply_schema(repo)
        print(f"Neo4j: {info.uri} (its graph is wiped)")
        yield repo
    finally:
        driver.close()


def wipe(repo: GraphRepository) -> None:
    repo.run_admin("admin/delete_all")


# --------------------------------------------------------------------------- (a) end-to-end vs extraction


WARM_UP_WRITES = 2000
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


def sample_payloads(count: int, round_: int) -> list[SourceItem]:
    """The samples, round after round, each copy with a URL suffix and one extra sentence, as JSON payloads. The
    extra sentence differs for every (round, copy): a copy with the same text would be "already present" and cost
    nothing, and every round adds new articles (whose sample events mostly merge with those already in the graph)."""
    originals: list[tuple[str, CleanArticle]] = []
    for item in read_items([ROOT / "samples"]):
        if isinstance(item, SourceItem):
            try:
                originals.append((item.name, parse_article(item.payload, kind=item.kind)))
            except ValueError:
                continue
    if not originals:
        raise SystemExit("no sample articles in samples/")
    payloads: list[SourceItem] = []
    for copy in range(count):
        name, article = originals[copy % len(originals)]
        a, b, c = PAIRS[(copy // len(EXTRA_SENTENCES)) % len(PAIRS)]
        day = 1 + copy // (len(EXTRA_SENTENCES) * len(PAIRS)) % 28
        when = f"{day} {MONTHS[round_ % len(MONTHS)]}"
        sentence = EXTRA_SENTENCES[copy % len(EXTRA_SENTENCES)].format(a=a, b=b, c=c, when=when)
        base_url = article.url or f"https://bench.example/{Path(name).stem}"
        payload = {
            "text": article.text + "\n\n" + sentence,
            "url": f"{base_url}?round={round_}&copy={copy}",
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
        }
        payloads.append(SourceItem(f"{name}#{round_}.{copy}", json.dumps(payload).encode(), "json"))
    return payloads


@dataclass(frozen=True)
class Cost:
    wall: float
    cpu: float  # this process (extraction, the writer thread, the driver)
    server_cpu: float | None  # the Neo4j server process, when it is the managed instance


class Meter:
    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid

    @contextmanager
    def measure(self, into: list[Cost]) -> Iterator[None]:
        wall, cpu, server = time.perf_counter(), time.process_time(), self._server_cpu()
        yield
        server_after = self._server_cpu()
        server_used = server_after - server if server is not None and server_after is not None else None
        into.append(Cost(time.perf_counter() - wall, time.process_time() - cpu, server_used))

    def _server_cpu(self) -> float | None:
        if self.server_pid is None:
            return None
        try:
            fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # not Linux, or the server is gone
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def extraction_only(payloads: list[SourceItem], nlp: Language) -> None:
    articles = [parse_article(p.payload, kind=p.kind) for p in payloads]
    for _ in extract_many(articles, nlp):
        pass


def end_to_end(payloads: list[SourceItem], nlp: Language, repo: GraphRepository) -> None:
    summary = ingest_sources(payloads, nlp, repo)
    if summary.failures or summary.written != len(payloads):
        raise SystemExit(f"ingest: {summary.written} written, failures: {summary.failures[:3]}")


def bench_throughput(repo: GraphRepository, meter: Meter, articles: int, rounds: int, threads: int) -> None:
    nlp = load_pipeline()
    wipe(repo)
    # Warm-up: a freshly started server spends minutes of CPU compiling its hot paths (JIT), which is not the cost
    # of ingesting; synthetic writes get it there fast. Then the pipeline and the sample-specific paths.
    fill(repo, SyntheticArticles(seed=99), WARM_UP_WRITES, threads)
    warm_up = sample_payloads(articles // 3, 0)
    extraction_only(warm_up, nlp)
    end_to_end(warm_up, nlp, repo)
    extract_costs: list[Cost] = []
    e2e_costs: list[Cost] = []
    for round_ in range(1, rounds + 1):
        # No wipe between rounds: deleting thousands of nodes leaves the server busy for seconds afterwards.
        payloads = sample_payloads(articles, round_)
        with meter.measure(extract_costs):
            extraction_only(payloads, nlp)
        with meter.measure(e2e_costs):
            end_to_end(payloads, nlp, repo)
    n = len(payloads)
    best_extract = min(extract_costs, key=lambda c: c.wall)
    best_e2e = min(e2e_costs, key=lambda c: c.wall)
    print(f"\n(a) throughput on {n} articles (samples x variations), best of {rounds} rounds")
    before = WARM_UP_WRITES + len(warm_up)
    print(f"  (the graph holds {before} to {before + (rounds - 1) * n} articles before a round)")
    print(f"  extraction alone (parse + extract_many):        {n / best_extract.wall:7.1f} articles/s")
    print(f"  end to end (parse + extract + write to Neo4j):  {n / best_e2e.wall:7.1f} articles/s")
    print(f"  ratio end-to-end / extraction: {best_extract.wall / best_e2e.wall:.2f}  (target >= 0.85)")
    # Wall-clock ratios swing with whatever else the machine runs; CPU time per article does not.
    per = 1000 / n
    extract_cpu = statistics.median(c.cpu for c in extract_costs)
    e2e_cpu = statistics.median(c.cpu for c in e2e_costs)
    server = [c.server_cpu for c in e2e_costs if c.server_cpu is not None]
    print("  CPU per article (median of rounds):")
    print(f"    extraction alone: {extract_cpu * per:5.1f} ms")
    print(f"    end to end:       {e2e_cpu * per:5.1f} ms in this process", end="")
    print(f" + {statistics.median(server) * per:.1f} ms in the Neo4j server" if server else "")
    print(f"  ratio of this process's CPU (the bound when Neo4j has a core of its own): {extract_cpu / e2e_cpu:.2f}")


# --------------------------------------------------------------------------- (b) write cost vs graph size


class SyntheticArticles:
    """Hand-built extractions that look like the extractor's: 2-5 events between states (some with an official),
    dates of day/month/year precision, and about a third of the events re-reports of earlier ones (they merge)."""

    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        actors = gazetteer.load_actors()
        self.countries = sorted(a.id for a in actors.values() if a.kind == "country")
        self.names = {a.id: a.name for a in actors.values()}
        self.reported: list[tuple[str, tuple[str, ...], tuple[str, ...], bool, str | None]] = []
        self.serial = 0

    def article(self) -> tuple[CleanArticle, Extraction]:
        rng = self.rng
        self.serial += 1
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        sentences: list[str] = []
        events: list[Event] = []
        people: list[PersonRef] = []
        for _ in range(rng.randint(2, 5)):
            if self.reported and rng.random() < 0.35:
                type_, source, target, symmetric, when = rng.choice(self.reported)
            else:
                type_ = rng.choice(list(QUAD_CLASS_OF))
                symmetric = type_ in {"CONSULT", "AGREE", "COOPERATE"} and rng.random() < 0.7
                picked = rng.sample(self.countries, rng.choice((2, 2, 2, 3)))
                source, target = (tuple(picked), ()) if symmetric else ((picked[0],), tuple(picked[1:]))
                when = self._date(published)
                self.reported.append((type_, source, target, symmetric, when))
            sentence = f"Sentence {len(sentences)} of article {self.serial}: {type_} {' '.join(source + target)}."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            actor_people: list[str] = []
            if rng.random() < 0.3:
                person = PersonRef(f"person:leader-{source[0].lower()}", f"Leader {source[0]}", source[0], "President")
                people.append(person)
                actor_people.append(person.id)
            events.append(
                Event(
                    type=type_,
                    source=list(source),
                    target=list(target),
                    symmetric=symmetric,
                    date=when,
                    date_precision={4: "year", 7: "month", 10: "day"}[len(when)] if when else None,
                    status="occurred",
                    location=rng.choice((None, None, "Geneva", "Doha", "Brussels")),
                    evidence=sentence,
                    start=start,
                    end=start + len(sentence),
                    confidence=0.8,
                    mode="troops" if type_ == "MOBILIZE" and rng.random() < 0.5 else None,
                    people=actor_people,
                )
            )
        text = " ".join(sentences)
        url = f"https://synthetic.example/{self.serial}"
        article = CleanArticle(text=text, title=None, byline=None, dateline=None, published=published, url=url)
        ids = list(dict.fromkeys(a for e in events for a in (*e.source, *e.target)))
        extraction = Extraction(
            text=text,
            title=None,
            byline=None,
            dateline=None,
            published=published.isoformat(),
            url=url,
            countries=[ActorRef(i, "country", self.names[i]) for i in ids],
            organizations=[],
            people=list({p.id: p for p in people}.values()),
            places=sorted({e.location for e in events if e.location}),
            events=events,
        )
        return article, extraction

    def _date(self, published: date) -> str | None:
        day = published - timedelta(days=self.rng.randrange(5))
        return self.rng.choice((day.isoformat(), day.isoformat(), day.isoformat()[:7], day.isoformat()[:4], None))


def fill(repo: GraphRepository, synthetic: SyntheticArticles, count: int, threads: int) -> None:
    batch = [synthetic.article() for _ in range(count)]
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda pair: write_article(repo, *pair), batch))


def timed_writes(repo: GraphRepository, synthetic: SyntheticArticles, count: int) -> list[float]:
    costs = []
    for _ in range(count):
        article, extraction = synthetic.article()
        t0 = time.perf_counter()
        write_article(repo, article, extraction)
        costs.append(time.perf_counter() - t0)
    return costs


def bench_growth(repo: GraphRepository, sizes: list[int], timed: int, threads: int) -> None:
    wipe(repo)
    synthetic = SyntheticArticles()
    in_graph = 0
    results: list[tuple[int, float, float]] = []
    print(f"\n(b) write cost per article vs articles in the graph ({timed} timed writes at each size)")
    for size in sizes:
        t0 = time.perf_counter()
        fill(repo, synthetic, size - in_graph, threads)
        in_graph = size
        print(f"  filled to {size} articles in {time.perf_counter() - t0:.0f}s", flush=True)
        timed_writes(repo, synthetic, 30)  # plans re-made for the new statistics are not what we measure
        costs = timed_writes(repo, synthetic, timed)
        in_graph += 30 + timed
        results.append((size, statistics.median(costs), statistics.fmean(costs)))
        print(f"  at {size:>6} articles: median {1000 * results[-1][1]:6.1f} ms, mean {1000 * results[-1][2]:6.1f} ms")
    if len(results) >= 2:
        (small, med_small, _), (large, med_large, _) = results[0], results[-1]
        print(f"  growth {small} -> {large}: x{med_large / med_small:.2f} (median; target <= 1.5)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles in the throughput run (a)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of (a)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="graph sizes of (b), increasing")
    ap.add_argument("--timed", type=int, default=200, help="writes timed at each size in (b)")
    ap.add_argument("--fill-threads", type=int, default=3, help="concurrent writers while filling the graph in (b)")
    ap.add_argument("--skip", choices=["throughput", "growth"], help="run only the other part")
    args = ap.parse_args()
    # Concurrent fill writers deadlock now and then on the locks of dense country nodes; the driver retries those
    # transactions (as it would for concurrent workers) and would log a warning for each.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    with bench_graph() as (repo, server_pid):
        if args.skip != "throughput":
            bench_throughput(repo, Meter(server_pid), args.articles, args.rounds, args.fill_threads)
        if args.skip != "growth":
            bench_growth(repo, sorted(args.sizes), args.timed, args.fill_threads)
        wipe(repo)


if __name__ == "__main__":
    main()
