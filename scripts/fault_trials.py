"""Fault trials: workers SIGKILLed at random moments and Neo4j restarted under them, with the API watched throughout.

    .venv/bin/python scripts/fault_trials.py [--articles 160] [--kills 20] [--restarts 3] [--seed 11] [--keep]

A managed Neo4j of its own (instance "fault-trials", Bolt 28787, HTTP 28574; never the default one) is started on an
empty folder, an API process (`geokg serve`) on a free loopback port and two `geokg worker` processes. Articles
generated from templates (below: several kinds of events between many pairs of states, on many dates, a third of
them told again by other articles in other words, so that events merge) are submitted through POST /articles in
waves, one before each trial, so that the workers always have work. Then:

- `--kills` trials: after a random (seeded) delay a worker is SIGKILLed, every fifth trial both at once, and started
  again. A worker here is `geokg worker` run through a small entry that prints a marker when extraction starts and
  when the article's transaction starts and ends, so that each kill is classed as during extraction, during the
  write (inside the transaction), or between the two (claiming, renewing, polling);
- `--restarts` trials: Neo4j is stopped (SIGKILL for the first and every other one, a clean shutdown otherwise) while
  the workers run, left down for `--down` seconds and started again. Meanwhile GET /ready and GET /countries are
  polled: while Neo4j is down they must answer 503 (nothing else), and 200 again after the restart, the API process
  never restarted; the time from "Neo4j answers" to "both answer 200" is the recovery time.

Then the queue is drained (bounded) and the invariants checked (cypher/admin/duplicate_events.cypher and
cypher/admin/faults_*.cypher): every submitted article done by exactly one worker and present once in the graph (the
Article count equals the submissions), no two events with the same type, sides and date, no REPORTED_IN edge twice
(same event, article and sentence start), each relationship-layer edge's event_count equal to its distinct, existing
events, and the layer equal to its recomputation from the events (service.shared.relations). Events of the same type and
sides with compatible dates (one unknown or a prefix of the other) are counted too: the model says they should be
one node, but concurrent workers can create both (each one's lookup reads before the other commits).

With `--transport kafka` the same runs on the Kafka queue (GEOKG_QUEUE=kafka, docs/kafka.md): a managed broker of
its own (instance "fault-trials-kafka", free ports) is started too, the API produces to the articles topic and the
workers form one consumer group, and `--broker-restarts` trials (default 2) stop the broker (SIGKILL for the first
and every other one, a clean shutdown otherwise) while the workers run: meanwhile POST /articles must answer 503,
and 202 again once the broker is back, the API never restarted. The graph invariants are the same; the queue-level
ones become their Kafka equivalents: every acknowledged article consumed and done once, every offset of the group
committed, nothing in the dead-letter topic.

Leases are short (--lease 5) so that a killed worker's articles come back within seconds, and --max-attempts is
high: a worker killed many times would otherwise mark articles failed, which is the poison-message guard working,
not an article lost. The exit status is 1 when an invariant fails. Logs of every process go to --log-dir.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from service.config import get_settings  # noqa: E402
from service.graph.driver import ConnectionInfo, create_driver  # noqa: E402
from service.graph.local_neo4j import LocalNeo4j  # noqa: E402
from service.graph.repository import GraphRepository  # noqa: E402
from service.graph.schema import apply_schema  # noqa: E402
from service.shared import queue  # noqa: E402
from service.shared.relations import actor_pairs, relation_for  # noqa: E402

KAFKA_GROUP = "geokg-fault-trials"
KAFKA_TOPIC = "geokg.fault-trials"
# A killed consumer's partitions wait for its session to time out before they move: 6 s (the broker's minimum)
# rather than the client's default 45 s, so that each kill costs seconds, not a minute.
KAFKA_CLIENT_CONFIG = '{"session.timeout.ms": 6000, "heartbeat.interval.ms": 1500}'

DATABASE = "neo4j"
LOOPBACK = "127.0.0.1"
WORKER_START_TIMEOUT = 120.0  # spaCy loads in each new worker; slow when the 2 cores are busy
API_START_TIMEOUT = 60.0
SUBMIT_BATCH = 50
PROBE_TIMEOUT = 90.0

# ---------------------------------------------------------------------------------------------- articles

STATES = (
    "Kenya", "Tanzania", "Uganda", "Ethiopia", "Somalia", "Ghana", "Nigeria", "Senegal", "Morocco", "Algeria",
    "Egypt", "Jordan", "Turkey", "Iraq", "Greece", "Cyprus", "Poland", "Belarus", "Lithuania", "Latvia",
    "Norway", "Sweden", "Finland", "Estonia", "Brazil", "Argentina", "Chile", "Peru", "Bolivia", "Ecuador",
    "Colombia", "Venezuela", "Vietnam", "Indonesia", "Malaysia", "Thailand", "Cambodia", "Mongolia", "Kazakhstan",
    "Azerbaijan", "Armenia", "Georgia", "Serbia", "Hungary", "Romania", "Portugal", "Spain", "Canada", "Mexico",
)  # fmt: skip
CITIES = ("Geneva", "Vienna", "Doha", "Nairobi", "Lisbon", "Oslo", "Ankara", "Cairo", "Lima", "Hanoi")

# Two wordings per kind of event, so that the same event can be told again by another article in other words.
# {a} and {b} are states, {when} a date such as "on March 4", {city} a city. Symmetric kinds name both sides alike.
TEMPLATES: dict[str, tuple[str, str]] = {
    "ACCUSE": (
        "{a} accused {b} of violating its airspace {when}.",
        "{when_cap}, {a} publicly accused {b} of sending spy drones over its border.",
    ),
    "SANCTION": (
        "{a} imposed sanctions on {b} {when}.",
        "{when_cap}, {a} announced new sanctions against {b}.",
    ),
    "CONSULT": (
        "The foreign ministers of {a} and {b} met in {city} {when}.",
        "Leaders of {a} and {b} held talks in {city} {when}.",
    ),
    "AGREE": (
        "{a} and {b} signed a trade agreement {when}.",
        "{when_cap}, {a} and {b} signed an accord on fishing rights.",
    ),
    "COOPERATE": (
        "{a} and {b} held joint naval exercises {when}.",
        "{when_cap}, the navies of {a} and {b} began joint exercises.",
    ),
    "MOBILIZE": (
        "{a} deployed troops to {b} {when}.",
        "{when_cap}, {a} sent troops to {b}.",
    ),
    "REJECT": (
        "{a} rejected a proposal from {b} {when}.",
        "{when_cap}, {a} flatly rejected the proposal put forward by {b}.",
    ),
    "AID": (
        "{a} sent humanitarian aid to {b} {when}.",
        "{when_cap}, {a} delivered emergency food aid to {b}.",
    ),
    "THREATEN": (
        "{a} threatened {b} with retaliation {when}.",
        "{when_cap}, {a} warned {b} of retaliation.",
    ),
    "ASSAULT": (
        "{a} launched air strikes on {b} {when}.",
        "{when_cap}, {a} carried out artillery strikes on {b}.",
    ),
}
FILLER = (
    "Officials on both sides declined to comment further.",
    "Diplomats said the talks would continue in the coming weeks.",
    "Analysts expect the dispute to dominate the next regional summit.",
    "The announcement came after weeks of speculation in the local press.",
)


@dataclass(frozen=True)
class StoryEvent:
    kind: str
    a: str
    b: str
    day: date
    city: str


def _when(day: date) -> str:
    return f"on {day.strftime('%B')} {day.day}, {day.year}"


def _sentence(event: StoryEvent, wording: int) -> str:
    template = TEMPLATES[event.kind][wording]
    when = _when(event.day)
    return template.format(a=event.a, b=event.b, when=when, when_cap=when[0].upper() + when[1:], city=event.city)


def make_articles(count: int, seed: int) -> list[dict[str, str]]:
    """`count` article payloads (text, url, title, published), each reporting 2-4 events; about a third of the
    events are reported again by a later article in the other wording. Deterministic for a seed."""
    rng = random.Random(seed)
    first_day = date(2024, 1, 10)
    events: list[StoryEvent] = []
    articles: list[dict[str, str]] = []
    for n in range(count):
        told: list[tuple[StoryEvent, int]] = []
        earlier = len(events)  # follow-ups retell events of earlier articles, each at most once per article
        for _ in range(rng.randint(2, 4)):
            if earlier and rng.random() < 0.33:
                event = events[rng.randrange(earlier)]
                if all(event is not other for other, _ in told):
                    told.append((event, 1))
                continue
            a, b = rng.sample(STATES, 2)
            day = first_day + timedelta(days=rng.randrange(0, 500))
            event = StoryEvent(rng.choice(sorted(TEMPLATES)), a, b, day, rng.choice(CITIES))
            events.append(event)
            told.append((event, 0))
        published = max(event.day for event, _ in told) + timedelta(days=rng.randint(1, 3))
        lead = told[0][0]
        sentences = [_sentence(event, wording) for event, wording in told]
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(FILLER))
        articles.append(
            {
                "title": f"{lead.a} and {lead.b}: dispatch {n}",
                "text": "\n\n".join(sentences),
                "url": f"https://faults.example.org/dispatch/{seed}/{n}",
                "published": published.isoformat(),
            }
        )
    return articles


# ---------------------------------------------------------------------------------------------- processes

# `geokg worker ...` with phase markers on stderr: extraction, the article's transaction (queue.complete) and back.
WORKER_ENTRY = """
import sys
import service.shared.queue as queue
import ingest.worker as worker

def mark(text):
    print("PHASE " + text, file=sys.stderr, flush=True)

real_extract, real_complete = worker.extract_many, queue.complete

def extract_many(articles, nlp):
    mark("extract")
    out = list(real_extract(articles, nlp))
    mark("between")
    return out

def complete(repo, item, owner, write):
    mark("write " + item.id)
    try:
        return real_complete(repo, item, owner, write)
    finally:
        mark("between")

worker.extract_many, queue.complete = extract_many, complete
from service.cli import main
sys.exit(main(sys.argv[1:]))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def graph_env(info: ConnectionInfo, api_key: str) -> dict[str, str]:
    return {**os.environ, **info.environment(), "GEOKG_API_KEY": api_key, "PYTHONUNBUFFERED": "1"}


class LoggedProcess:
    """A subprocess whose stderr+stdout lines are kept (and written to a log file) by a reader thread."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._eof = False
        self.process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.started = time.monotonic()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.log_path.open("a") as log:
            for raw in self.process.stdout:
                line = raw.rstrip("\n")
                log.write(line + "\n")
                log.flush()
                with self._changed:
                    self.lines.append(line)
                    self._changed.notify_all()
        with self._changed:
            self._eof = True
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float) -> bool:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while not any(regex.search(line) for line in self.lines):
                left = deadline - time.monotonic()
                if self._eof or left <= 0:
                    return False
                self._changed.wait(min(left, 0.5))
            return True

    def last_matching(self, prefix: str) -> str | None:
        with self._changed:
            for line in reversed(self.lines):
                if line.startswith(prefix):
                    return line
        return None

    def count(self, pattern: str) -> int:
        regex = re.compile(pattern)
        with self._changed:
            return sum(1 for line in self.lines if regex.search(line))

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive:
            self.process.kill()
        self.process.wait(30)

    def terminate(self, timeout: float = 60.0) -> int:
        """SIGTERM, then SIGKILL after `timeout`; the exit code."""
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(30)


def start_worker(
    name: str, env: dict[str, str], log_dir: Path, *, lease: float, batch: int, extra: Sequence[str] = ()
) -> LoggedProcess:
    command = [
        sys.executable,
        "-c",
        WORKER_ENTRY,
        "worker",
        "--worker-id",
        name,
        "--batch-size",
        str(batch),
        "--lease",
        str(lease),
        "--poll-interval",
        "0.3",
        "--max-backoff",
        "2",
        "--max-attempts",
        "1000",
        *extra,
    ]
    return LoggedProcess(name, command, env, log_dir)


def start_api(env: dict[str, str], port: int, log_dir: Path) -> LoggedProcess:
    """`geokg serve` on a loopback port; returns once /health answers."""
    command = [sys.executable, "-m", "service.cli", "serve", "--host", LOOPBACK, "--port", str(port)]
    api = LoggedProcess("api", command, env, log_dir)
    deadline = time.monotonic() + API_START_TIMEOUT
    while time.monotonic() < deadline:
        if not api.alive:
            raise RuntimeError(f"the API exited at start; see {api.log_path}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://{LOOPBACK}:{port}/health", timeout=2).status_code == 200:
                return api
        time.sleep(0.3)
    api.kill()
    raise RuntimeError(f"the API did not answer within {API_START_TIMEOUT:.0f}s; see {api.log_path}")


def submit(client: httpx.Client, payloads: Sequence[dict[str, str]], api_key: str) -> list[str]:
    """POST /articles in batches; the queue ids."""
    ids: list[str] = []
    for start in range(0, len(payloads), SUBMIT_BATCH):
        batch = list(payloads[start : start + SUBMIT_BATCH])
        response = client.post("/articles", json=batch, headers={"X-API-Key": api_key}, timeout=60)
        if response.status_code != 202:
            raise RuntimeError(f"POST /articles answered {response.status_code}: {response.text[:300]}")
        ids += response.json()["ids"]
    return ids


# ---------------------------------------------------------------------------------------------- API poller


@dataclass(frozen=True)
class Probe:
    path: str
    began: float
    ended: float
    status: int | None  # None: no HTTP answer (connection error or timeout)


class ApiPoller:
    """Polls each of `paths` in a thread of its own (so that a hanging request to one does not stop the others)
    every `interval` seconds after its previous answer; keeps every answer."""

    def __init__(self, base_url: str, paths: Sequence[str], interval: float = 0.25) -> None:
        self.base_url = base_url
        self.paths = list(paths)
        self.interval = interval
        self.probes: list[Probe] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(path,), daemon=True) for path in self.paths]

    def __enter__(self) -> ApiPoller:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)  # daemon threads: one stuck in a slow request is left behind

    def _run(self, path: str) -> None:
        # A long timeout: the point is to see what the API answers while Neo4j is down, and how late.
        with httpx.Client(base_url=self.base_url, timeout=PROBE_TIMEOUT) as client:
            while not self._stop.is_set():
                began = time.monotonic()
                try:
                    status: int | None = client.get(path).status_code
                except httpx.HTTPError:
                    status = None
                with self._lock:
                    self.probes.append(Probe(path, began, time.monotonic(), status))
                self._stop.wait(self.interval)

    def sent_between(self, start: float, end: float) -> list[Probe]:
        """Probes sent within [start, end] and answered by now."""
        with self._lock:
            return [p for p in self.probes if start <= p.began <= end]

    def first_ok_after(self, start: float, timeout: float) -> float | None:
        """When every path had answered 200 to a probe sent after `start` (waits up to `timeout`), else None."""
        deadline = start + timeout
        while True:
            with self._lock:
                firsts = [
                    min(
                        (p.ended for p in self.probes if p.path == path and p.began >= start and p.status == 200),
                        default=None,
                    )
                    for path in self.paths
                ]
            if all(first is not None for first in firsts):
                return max(first for first in firsts if first is not None)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.2)


# ---------------------------------------------------------------------------------------------- trials


@dataclass
class KillTrial:
    number: int
    victims: list[str]
    delay: float
    phases: list[str]  # per victim: extract, write, between, startup
    items: list[str]  # queue ids being written when killed (write phase)


@dataclass
class RestartTrial:
    number: int
    how: str  # "SIGKILL" or "stop"
    down_seconds: float  # from the stop (or SIGKILL) until the restarted server answers
    statuses_while_down: dict[str, Counter[int | None]]  # probes sent between the stop and the server answering
    slowest_503_seconds: float
    restart_seconds: float  # Neo4j start() until Bolt and HTTP answer
    recovery_seconds: float | None  # from Neo4j answering until /ready and /countries both answer 200
    # The probes both sent and answered while Neo4j was down (answered before its restart began): those must be 503s.
    # (A probe answered while the new server starts may have waited for it and answer 200: that is not an answer
    # given while down.)
    answered_while_down: dict[str, Counter[int | None]] = field(default_factory=dict)


@dataclass
class BrokerTrial:
    number: int
    how: str  # "SIGKILL" or "stop"
    down_seconds: float
    posts_while_down: Counter[int | None]  # POST /articles answers while the broker was down
    slowest_503_seconds: float
    back_after_seconds: float | None  # from the broker answering until a POST was accepted (202) again


@dataclass
class Report:
    submitted: int = 0
    kills: list[KillTrial] = field(default_factory=list)
    restarts: list[RestartTrial] = field(default_factory=list)
    broker_restarts: list[BrokerTrial] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)
    checks: list[tuple[str, bool, str]] = field(default_factory=list)  # (name, passed, detail)
    drain_seconds: float = 0.0
    api_restarted: bool = False
    log_dir: Path | None = None

    @property
    def failures(self) -> list[str]:
        return [f"{name}: {detail}" for name, ok, detail in self.checks if not ok]


@dataclass(frozen=True)
class Options:
    articles: int = 250
    kills: int = 20
    restarts: int = 3
    seed: int = 11
    lease: float = 5.0
    batch: int = 2
    max_delay: float = 4.0
    down: float = 8.0
    drain_timeout: float = 600.0
    recovery_timeout: float = 60.0
    answer_within: float = 10.0  # a 503 later than this is as bad as no answer to most clients
    instance: str = "fault-trials"
    bolt_port: int = 28787
    http_port: int = 28574
    heap: str = "1g"
    pagecache: str = "256m"
    keep: bool = False
    log_dir: Path | None = None
    transport: str = "neo4j"  # or "kafka"
    broker_restarts: int = 0  # Kafka broker stop/start trials (kafka only)


class Trials:
    def __init__(self, options: Options, say: Callable[[str], None]) -> None:
        self.o = options
        self.say = say
        self.rng = random.Random(options.seed)
        settings = get_settings()
        if options.instance == "default":
            raise ValueError("the fault trials never use the default instance")
        self.neo4j = LocalNeo4j(
            version=settings.neo4j_version,
            home=settings.neo4j_home,
            instance=options.instance,
            bolt_port=options.bolt_port,
            http_port=options.http_port,
            heap=options.heap,
            pagecache=options.pagecache,
        )
        self.api_key = secrets.token_urlsafe(24)
        self.log_dir = options.log_dir or Path(tempfile.mkdtemp(prefix="geokg-faults-"))
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.report = Report(log_dir=self.log_dir)
        self.workers: list[LoggedProcess] = []
        self.generation = 0
        self.kafka: Any = None  # the managed broker (service.kafka.local_kafka.LocalKafka) with --transport kafka
        if options.transport == "kafka":
            from service.kafka.local_kafka import LocalKafka

            port, controller = free_port(), free_port()
            self.kafka = LocalKafka(
                home=settings.kafka_home,
                version=settings.kafka_version,
                instance=f"{options.instance}-kafka",
                port=port,
                controller_port=controller,
                heap="384m",
            )

    # -- setup and teardown

    def run(self) -> Report:
        o = self.o
        self.neo4j.stop()
        shutil.rmtree(self.neo4j.instance_dir, ignore_errors=True)  # an empty graph to start from
        self.say(f"starting Neo4j instance {o.instance!r} at {self.neo4j.bolt_uri}; logs in {self.log_dir}")
        self.neo4j.start()
        info = ConnectionInfo(self.neo4j.bolt_uri, self.neo4j.user, self.neo4j.password, DATABASE)
        env = graph_env(info, self.api_key)
        if self.kafka is not None:
            self.kafka.remove()  # an empty broker to start from
            self.say(f"starting Kafka instance {self.kafka.instance!r} at {self.kafka.bootstrap}")
            self.kafka.start()
            env.update(kafka_env(self.kafka.bootstrap))
            from service.config import Settings
            from service.kafka.topics import ensure_topics

            # Before the first POST: the API produces to the topic, the workers (which create it too) are not up yet.
            ensure_topics(Settings(_env_file=None, **kafka_settings_values(self.kafka.bootstrap)))  # type: ignore[call-arg]
        api: LoggedProcess | None = None
        try:
            with create_driver(info) as driver:
                repo = GraphRepository(driver, DATABASE, uri=info.uri, user=info.user)
                apply_schema(repo)
                port = free_port()
                api = start_api(env, port, self.log_dir)
                base = f"http://{LOOPBACK}:{port}"
                with httpx.Client(base_url=base) as client, ApiPoller(base, ["/ready", "/countries"]) as poller:
                    self._trials(client, poller, env, repo)
                    self.report.api_restarted = not api.alive or api.count(r"Application startup complete") != 1
                self._check(repo)
        finally:
            for worker in self.workers:
                worker.kill()
            if api is not None:
                api.terminate(15)
            if o.keep:
                self.say(
                    f"kept: instance {o.instance!r} at {self.neo4j.bolt_uri} (password in {self.neo4j.password_file})"
                )
            else:
                self.neo4j.stop()
                shutil.rmtree(self.neo4j.instance_dir, ignore_errors=True)
            if self.kafka is not None and not o.keep:
                self.kafka.remove()
        return self.report

    def _spawn(self, slot: int, env: dict[str, str]) -> LoggedProcess:
        self.generation += 1
        worker = start_worker(f"w{slot}-{self.generation}", env, self.log_dir, lease=self.o.lease, batch=self.o.batch)
        if slot < len(self.workers):
            self.workers[slot] = worker
        else:
            self.workers.append(worker)
        return worker

    def _ready(self, slot: int, env: dict[str, str]) -> None:
        """Waits for the slot's worker to poll. One that exited on its own at start (not killed by us: e.g. a
        module being edited in this checkout) is started again, up to 3 times, and counted."""
        for _ in range(3):
            worker = self.workers[slot]
            if worker.wait_for(r"polling|consuming", WORKER_START_TIMEOUT):
                return
            if worker.alive:
                break
            self.report.totals["worker_start_failures"] = self.report.totals.get("worker_start_failures", 0) + 1
            self.say(f"worker {worker.name} exited at start (see {worker.log_path}); starting another")
            self._spawn(slot, env)
        raise RuntimeError(f"worker {self.workers[slot].name} did not start; see {self.workers[slot].log_path}")

    # -- the trials

    def _trials(self, client: httpx.Client, poller: ApiPoller, env: dict[str, str], repo: GraphRepository) -> None:
        o = self.o
        payloads = make_articles(o.articles, o.seed)
        broker_trials = o.broker_restarts if self.kafka is not None else 0
        waves = _split(payloads, o.kills + o.restarts + broker_trials + 1)
        ids = submit(client, waves[0], self.api_key)
        for slot in range(2):
            self._spawn(slot, env)

        def feeder(wave: list[dict[str, str]]) -> Callable[[], None]:
            return lambda: ids.extend(submit(client, wave, self.api_key))

        for trial in range(o.kills):
            self._kill_trial(trial + 1, env, feeder(waves[1 + trial]))
        for trial in range(o.restarts):
            self._restart_trial(trial + 1, poller, env, feeder(waves[1 + o.kills + trial]))
        for trial in range(o.broker_restarts if self.kafka is not None else 0):
            self._broker_trial(trial + 1, client, env, feeder(waves[1 + o.kills + o.restarts + trial]), ids)
        self.report.submitted = len(set(ids))
        self.submitted_ids = set(ids)
        self.say(f"all trials done; draining the queue ({self.report.submitted} articles submitted)")
        began = time.monotonic()
        if self.kafka is not None:
            drained = _wait(lambda: _pending_ids(repo, self.submitted_ids) == 0, o.drain_timeout)
        else:
            drained = _wait(lambda: _pending(repo) == 0, o.drain_timeout)
        self.report.drain_seconds = time.monotonic() - began
        if not drained:
            self.report.checks.append(("queue drained", False, f"still pending after {o.drain_timeout:.0f}s"))
        codes = [worker.terminate(60) for worker in self.workers]
        self.say(f"workers stopped with exit codes {codes}")

    def _kill_trial(self, number: int, env: dict[str, str], feed: Callable[[], None]) -> None:
        """`feed` submits the trial's wave of articles once the workers are up, so that the strike finds work."""
        slots = [0, 1] if number % 5 == 0 else [self.rng.randrange(2)]
        for slot in (0, 1):
            self._ready(slot, env)
        feed()
        delay = self.rng.uniform(0.1, self.o.max_delay)
        time.sleep(delay)
        phases: list[str] = []
        items: list[str] = []
        victims: list[str] = []
        for slot in slots:
            worker = self.workers[slot]
            marker = worker.last_matching("PHASE ")
            phase = marker.split()[1] if marker else "between"
            worker.kill()  # SIGKILL
            if phase == "write" and marker:
                items.append(marker.split()[2])
            phases.append(phase)
            victims.append(worker.name)
        for slot in slots:
            self._spawn(slot, env)
        trial = KillTrial(number, victims, delay, phases, items)
        self.report.kills.append(trial)
        self.say(f"kill {number:>2}: {'+'.join(victims)} after {delay:.2f}s, during {'/'.join(phases)}")

    def _strike(self, number: int, env: dict[str, str], feed: Callable[[], None]) -> str:
        """Both workers up and articles flowing, then a random wait: the moment a server is taken down. Returns how:
        SIGKILL for the first trial and every other one, a clean stop otherwise."""
        for slot in (0, 1):
            self._ready(slot, env)
        feed()
        time.sleep(self.rng.uniform(0.5, self.o.max_delay))
        return "SIGKILL" if number % 2 == 1 else "stop"

    def _restart_trial(self, number: int, poller: ApiPoller, env: dict[str, str], feed: Callable[[], None]) -> None:
        o = self.o
        how = self._strike(number, env, feed)
        if how == "SIGKILL":
            pid = self.neo4j.status().pid
            if pid is not None:
                os.kill(pid, signal.SIGKILL)
        self.neo4j.stop()  # after a SIGKILL: reaps the process and removes its pid file
        down_at = time.monotonic()
        time.sleep(o.down)
        start_at = time.monotonic()
        self.neo4j.start()
        up_at = time.monotonic()
        ok_at = poller.first_ok_after(up_at, o.recovery_timeout)  # by then the probes sent while down are answered
        recovery = None if ok_at is None else max(0.0, ok_at - up_at)
        while_down = poller.sent_between(down_at, up_at)
        statuses = {path: Counter(p.status for p in while_down if p.path == path) for path in poller.paths}
        slowest = max(((p.ended - p.began) for p in while_down if p.status == 503), default=0.0)
        # Answered while surely down: before the restart began. The new server may answer at any moment of its start
        # (start() returns a poll after it is ready), so an answer then is not one given while down.
        answered = {
            path: Counter(p.status for p in while_down if p.path == path and p.ended <= start_at)
            for path in poller.paths
        }
        trial = RestartTrial(number, how, up_at - down_at, statuses, slowest, up_at - start_at, recovery, answered)
        self.report.restarts.append(trial)
        shown = "; ".join(f"{path} {dict(counts)}" for path, counts in statuses.items())
        self.say(
            f"restart {number}: Neo4j {how}, down {trial.down_seconds:.1f}s ({shown}), "
            f"restarted in {trial.restart_seconds:.1f}s, API recovered in "
            f"{'never' if recovery is None else f'{recovery:.1f}s'}"
        )

    def _broker_trial(
        self, number: int, client: httpx.Client, env: dict[str, str], feed: Callable[[], None], ids: list[str]
    ) -> None:
        """The broker stopped under running workers and API: POST /articles must answer 503 while it is down and
        202 again once it is back; every article the API accepted is counted as submitted."""
        o = self.o
        how = self._strike(number, env, feed)
        if how == "SIGKILL":
            self.kafka.kill()
        else:
            self.kafka.stop()
        down_at = time.monotonic()
        answers: Counter[int | None] = Counter()
        slowest = 0.0
        probe = 0
        while time.monotonic() - down_at < o.down:
            probe += 1
            began = time.monotonic()
            status = _post_status(client, [probe_article(number, probe)], self.api_key)
            answers[status] += 1
            if status == 503:
                slowest = max(slowest, time.monotonic() - began)
            elif status == 202:  # must not happen: counted as submitted all the same, and reported
                ids.append(queue.encode(probe_article(number, probe))[0])
            time.sleep(0.5)
        self.kafka.start()
        up_at = time.monotonic()
        back: float | None = None
        while time.monotonic() - up_at < o.recovery_timeout:
            payload = probe_article(number, 0)
            if _post_status(client, [payload], self.api_key) == 202:
                ids.append(queue.encode(payload)[0])
                back = time.monotonic() - up_at
                break
            time.sleep(0.5)
        trial = BrokerTrial(number, how, up_at - down_at, answers, slowest, back)
        self.report.broker_restarts.append(trial)
        self.say(
            f"broker restart {number}: Kafka {how}, down {trial.down_seconds:.1f}s, POSTs while down "
            f"{dict(answers)}, accepted again {'never' if back is None else f'{back:.1f}s'} after it answered"
        )

    # -- the invariants

    def _check(self, repo: GraphRepository) -> None:
        report = self.report
        add = report.checks.append
        items = repo.run_admin("admin/faults_queue_items")
        articles = repo.run_admin("admin/faults_article_ids")
        status = Counter(row["status"] for row in items)
        add(
            (
                "every submission queued once",
                len(items) == report.submitted,
                f"{len(items)} queue items for {report.submitted} submissions",
            )
        )
        add(("queue all done", status == Counter({"done": len(items)}), f"statuses {dict(status)}"))
        once = [row["id"] for row in items if len(row["processed_by"] or []) != 1]
        add(("each item completed by exactly one worker", not once, f"{len(once)} items otherwise: {once[:5]}"))
        missing = [row["id"] for row in items if row["status"] == "done" and not row["article_found"]]
        add(("each done item's Article exists", not missing, f"{len(missing)} missing: {missing[:5]}"))
        article_ids = [row["id"] for row in articles]
        copies = [row["id"] for row in articles if row["copies"] != 1]
        add(
            (
                "Article count == submissions",
                len(article_ids) == report.submitted,
                f"{len(article_ids)} Article nodes for {report.submitted} submissions",
            )
        )
        add(("each Article id once", not copies, f"{len(copies)} ids on several nodes: {copies[:5]}"))
        linked = Counter(row["article_id"] for row in items if row["article_id"])
        shared = [key for key, n in linked.items() if n > 1]
        add(
            (
                "items and Articles one to one",
                not shared and set(linked) == set(article_ids),
                f"{len(shared)} Articles shared by items; {len(set(article_ids) - set(linked))} Articles without item",
            )
        )

        duplicates = repo.run_admin("admin/duplicate_events")
        add(
            (
                "no duplicated event (type, sides, date)",
                not duplicates,
                f"{len(duplicates)} groups, e.g. {duplicates[:2]}",
            )
        )
        reports = repo.run_admin("admin/faults_duplicate_reports")
        add(("no duplicated REPORTED_IN (event, article, start)", not reports, f"{len(reports)}, e.g. {reports[:2]}"))

        events = repo.run_admin("admin/faults_event_sides")
        edges = repo.run_admin("admin/faults_relation_edges")
        event_ids = {row["id"] for row in events}
        wrong = [
            (e["type"], e["a"], e["b"], e["event_count"], len(e["event_ids"]), len(set(e["event_ids"])))
            for e in edges
            if not (e["event_count"] == len(e["event_ids"]) == len(set(e["event_ids"])))
            or not set(e["event_ids"]) <= event_ids
        ]
        add(("layer event_count == distinct existing events", not wrong, f"{len(wrong)} edges, e.g. {wrong[:3]}"))
        expected = recompute_layer(events)
        actual = {(e["type"], e["a"], e["b"]): frozenset(e["event_ids"]) for e in edges}
        differ = sorted(set(expected) ^ set(actual)) + sorted(
            k for k in expected if k in actual and expected[k] != actual[k]
        )
        add(("layer == recomputed from events", not differ, f"{len(differ)} edges differ, e.g. {differ[:3]}"))
        near = compatible_duplicates(events)

        merged = len(repo.run_admin("admin/faults_event_articles"))
        report.totals.update(
            articles=len(article_ids),
            events=len(events),
            events_reported_by_several_articles=merged,
            layer_edges=len(edges),
            attempts=sum(row["attempts"] for row in items),
            items_retried=sum(1 for row in items if row["attempts"] > 1),
            compatible_date_pairs=len(near),
        )
        if near:
            report.totals["compatible_date_examples"] = near[:3]
        kill_items = [item for trial in report.kills for item in trial.items]
        by_id = {row["id"]: row for row in items}
        report.totals["killed_in_write_items"] = [
            (key, by_id[key]["status"], by_id[key]["attempts"], by_id[key]["processed_by"])
            for key in kill_items
            if key in by_id
        ]
        # A probe sent while Neo4j is down may wait out the driver's retries and be answered during the restart: its
        # 503 counts (the server still did not answer), but an answer given before the restart began must be a 503.
        add(
            (
                "API answered 503 while Neo4j was down",
                all(
                    sum(counts.get(503, 0) for counts in trial.statuses_while_down.values()) > 0
                    for trial in report.restarts
                ),
                "; ".join(
                    f"#{t.number} { ({p: dict(c) for p, c in t.statuses_while_down.items()}) }" for t in report.restarts
                ),
            )
        )
        add(
            (
                "nothing but 503 answered before the restart began",
                all(all(set(c) <= {503} for c in trial.answered_while_down.values()) for trial in report.restarts),
                "; ".join(
                    f"#{t.number} { ({p: dict(c) for p, c in t.answered_while_down.items()}) }" for t in report.restarts
                ),
            )
        )
        add(
            (
                "nothing but 503 while Neo4j was down (200 once it answers again)",
                all(
                    set(counts) <= {503, 200}
                    for trial in report.restarts
                    for counts in trial.statuses_while_down.values()
                ),
                f"other statuses seen (None = no answer within {PROBE_TIMEOUT:.0f} s)",
            )
        )
        if self.kafka is not None:
            self._check_kafka(repo)
        within = self.o.answer_within
        slow = [(t.number, round(t.slowest_503_seconds, 1)) for t in report.restarts if t.slowest_503_seconds > within]
        add((f"503 answered within {within:g}s", not slow, f"slowest 503 per restart: {slow}"))
        add(
            (
                "API back to 200 without a restart",
                all(t.recovery_seconds is not None for t in report.restarts) and not report.api_restarted,
                f"recoveries {[t.recovery_seconds for t in report.restarts]}, API restarted: {report.api_restarted}",
            )
        )

    def _check_kafka(self, repo: GraphRepository) -> None:
        """The Kafka equivalents of the queue invariants, and the broker trials' answers."""
        from service.config import Settings
        from service.kafka.replay import read_dead_letters
        from service.kafka.topics import uncommitted

        add = self.report.checks.append
        settings = Settings(_env_file=None, **kafka_settings_values(self.kafka.bootstrap))  # type: ignore[call-arg]
        behind = uncommitted(settings)
        add(("every offset of the group committed (lag 0)", behind == 0, f"{behind} messages past the commits"))
        dead = read_dead_letters(settings, 30.0)
        add(("nothing dead-lettered (no poison article here)", not dead, f"{len(dead)} dead letters: {list(dead)[:5]}"))
        trials = self.report.broker_restarts
        add(
            (
                "POST /articles answered 503 while the broker was down (never 202)",
                all(t.posts_while_down.get(503, 0) > 0 and set(t.posts_while_down) <= {503} for t in trials),
                "; ".join(f"#{t.number} {dict(t.posts_while_down)}" for t in trials),
            )
        )
        add(
            (
                "POST /articles accepted again after the broker restart, without an API restart",
                all(t.back_after_seconds is not None for t in trials) and not self.report.api_restarted,
                f"{[t.back_after_seconds for t in trials]}",
            )
        )


def recompute_layer(events: list[dict[str, Any]]) -> dict[tuple[str, str, str], frozenset[str]]:
    """(relation, a, b) -> event ids, from the events' types, modes and sides, as ingest/load.py derives them."""
    layer: dict[tuple[str, str, str], set[str]] = {}
    for event in events:
        relation = relation_for(event["type"], event["mode"])
        for a, b in actor_pairs(relation, bool(event["symmetric"]), event["sources"], event["targets"]):
            layer.setdefault((relation.value, a, b), set()).add(event["id"])
    return {key: frozenset(ids) for key, ids in layer.items()}


def compatible_duplicates(events: list[dict[str, Any]]) -> list[tuple[str, str, str | None, str | None]]:
    """Pairs of events with the same type and sides whose dates are compatible (equal, one unknown, or a prefix)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for event in events:
        if event["sources"] or event["targets"]:
            key = (event["type"], tuple(event["sources"]), tuple(event["targets"]))
            groups.setdefault(key, []).append(event)
    pairs: list[tuple[str, str, str | None, str | None]] = []
    for group in groups.values():
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                d1, d2 = first["date"], second["date"]
                if d1 is None or d2 is None or d1.startswith(d2) or d2.startswith(d1):
                    pairs.append((first["id"], second["id"], d1, d2))
    return pairs


def _split(items: list[dict[str, str]], parts: int) -> list[list[dict[str, str]]]:
    """`parts` consecutive slices; the first one holds a double share, so that work is there from the start."""
    share = max(1, len(items) // (parts + 1))
    slices = [items[: 2 * share]]
    for n in range(1, parts):
        slices.append(items[(n + 1) * share : (n + 2) * share] if n < parts - 1 else items[(n + 1) * share :])
    return slices


def _pending(repo: GraphRepository) -> int:
    try:
        counts = queue.counts(repo)
    except Exception:  # a connection the restart broke: ask again on the next poll
        return -1
    return counts["queued"] + counts["processing"]


def _pending_ids(repo: GraphRepository, ids: set[str]) -> int:
    """Submitted articles not done yet (Kafka: the graph knows an article once a worker has read it)."""
    try:
        done = {row["id"] for row in repo.run_admin("admin/faults_queue_items") if row["status"] == "done"}
    except Exception:  # a connection the restart broke: ask again on the next poll
        return -1
    return len(ids - done)


def kafka_settings_values(bootstrap: str) -> dict[str, Any]:
    return {
        "queue": "kafka",
        "kafka_bootstrap": bootstrap,
        "kafka_topic": KAFKA_TOPIC,
        "kafka_dead_letter_topic": f"{KAFKA_TOPIC}.dead",
        "kafka_group": KAFKA_GROUP,
        "kafka_partitions": 4,
    }


def kafka_env(bootstrap: str) -> dict[str, str]:
    """The environment of the API and the workers on the Kafka queue."""
    env = {f"GEOKG_{key.upper()}": str(value) for key, value in kafka_settings_values(bootstrap).items()}
    env["GEOKG_KAFKA_ACK_TIMEOUT"] = "3"  # a POST while the broker is down answers 503 within seconds
    env["GEOKG_KAFKA_CLIENT_CONFIG"] = KAFKA_CLIENT_CONFIG
    return env


def probe_article(trial: int, probe: int) -> dict[str, str]:
    """An article POSTed while the broker is down (probe > 0) or once it is back (probe 0)."""
    day = date(2024, 1, 1) + timedelta(days=trial * 40 + probe)
    return {
        "text": f"Norway and Sweden signed a trade agreement {_when(day)}, officials said.",
        "url": f"https://probe.test/{trial}/{probe}",
        "published": (day + timedelta(days=1)).isoformat(),
    }


def _post_status(client: httpx.Client, payloads: list[dict[str, str]], api_key: str) -> int | None:
    try:
        return client.post("/articles", json=payloads, headers={"X-API-Key": api_key}, timeout=60).status_code
    except httpx.HTTPError:
        return None


def _wait(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(1)
    return False


# ---------------------------------------------------------------------------------------------- output


def print_report(report: Report, out: Callable[[str], None] = print) -> None:
    out("\nkill trials")
    out(f"  {'#':>2}  {'victims':<14} {'delay s':>7}  {'phase':<16} item being written")
    for t in report.kills:
        out(
            f"  {t.number:>2}  {'+'.join(t.victims):<14} {t.delay:7.2f}  {'/'.join(t.phases):<16} "
            f"{' '.join(t.items) or '-'}"
        )
    phases = Counter(phase for t in report.kills for phase in t.phases)
    out(f"  processes killed: {sum(phases.values())} in {len(report.kills)} trials; by phase: {dict(phases)}")
    out("\nNeo4j restarts")
    out(
        f"  {'#':>2}  {'how':<8} {'down s':>6}  {'restart s':>9}  {'API recovery s':>14}  {'slowest 503 s':>13}  "
        "answers to probes sent while down (None: no answer)"
    )
    for r in report.restarts:
        recovery = "never" if r.recovery_seconds is None else f"{r.recovery_seconds:.1f}"
        shown = "; ".join(f"{path} {dict(c)}" for path, c in r.statuses_while_down.items())
        out(
            f"  {r.number:>2}  {r.how:<8} {r.down_seconds:6.1f}  {r.restart_seconds:9.1f}  {recovery:>14}  "
            f"{r.slowest_503_seconds:13.1f}  {shown}"
        )
    if report.broker_restarts:
        out("\nKafka broker restarts")
        out(f"  {'#':>2}  {'how':<8} {'down s':>6}  {'slowest 503 s':>13}  {'accepted again s':>16}  POSTs while down")
        for b in report.broker_restarts:
            back = "never" if b.back_after_seconds is None else f"{b.back_after_seconds:.1f}"
            out(
                f"  {b.number:>2}  {b.how:<8} {b.down_seconds:6.1f}  {b.slowest_503_seconds:13.1f}  {back:>16}  "
                f"{dict(b.posts_while_down)}"
            )
    out("\ntotals")
    out(f"  submitted {report.submitted}; queue drained {report.drain_seconds:.0f}s after the last trial")
    for key, value in report.totals.items():
        out(f"  {key}: {value}")
    out("\ninvariants")
    for name, ok, detail in report.checks:
        out(f"  {'PASS' if ok else 'FAIL'}  {name}" + ("" if ok else f"  -- {detail}"))
    out(f"\nlogs: {report.log_dir}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = Options()
    ap.add_argument("--articles", type=int, default=defaults.articles)
    ap.add_argument("--kills", type=int, default=defaults.kills, help="worker SIGKILL trials")
    ap.add_argument("--restarts", type=int, default=defaults.restarts, help="Neo4j stop/start trials")
    ap.add_argument("--seed", type=int, default=defaults.seed)
    ap.add_argument("--lease", type=float, default=defaults.lease, help="workers' lease, seconds")
    ap.add_argument("--batch", type=int, default=defaults.batch, help="workers' batch size")
    ap.add_argument("--max-delay", type=float, default=defaults.max_delay, help="longest wait before a strike")
    ap.add_argument("--down", type=float, default=defaults.down, help="seconds Neo4j stays down")
    ap.add_argument("--drain-timeout", type=float, default=defaults.drain_timeout)
    ap.add_argument("--answer-within", type=float, default=defaults.answer_within, help="longest acceptable 503, s")
    ap.add_argument("--instance", default=defaults.instance)
    ap.add_argument("--bolt-port", type=int, default=defaults.bolt_port)
    ap.add_argument("--http-port", type=int, default=defaults.http_port)
    ap.add_argument("--log-dir", type=Path)
    ap.add_argument("--keep", action="store_true", help="leave the instance running, with its graph")
    ap.add_argument("--transport", choices=["neo4j", "kafka"], default="neo4j", help="the article queue")
    ap.add_argument("--broker-restarts", type=int, default=2, help="Kafka broker stop/start trials (kafka only)")
    args = ap.parse_args(argv)
    if args.kills < 0 or args.restarts < 0 or args.articles < args.kills + args.restarts + args.broker_restarts + 2:
        ap.error("need --articles >= kills + restarts + broker restarts + 2 and non-negative counts")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill <pid>` still cleans up
    options = Options(
        articles=args.articles,
        kills=args.kills,
        restarts=args.restarts,
        seed=args.seed,
        lease=args.lease,
        batch=args.batch,
        max_delay=args.max_delay,
        down=args.down,
        drain_timeout=args.drain_timeout,
        answer_within=args.answer_within,
        instance=args.instance,
        bolt_port=args.bolt_port,
        http_port=args.http_port,
        keep=args.keep,
        log_dir=args.log_dir,
        transport=args.transport,
        broker_restarts=args.broker_restarts if args.transport == "kafka" else 0,
    )
    began = time.monotonic()
    report = Trials(options, lambda text: print(text, flush=True)).run()
    print_report(report)
    print(
        f"\n{len(report.checks) - len(report.failures)}/{len(report.checks)} invariants hold "
        f"({time.monotonic() - began:.0f}s)"
    )
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
