"""The `geokg` command. Heavy imports (spaCy, FastAPI, the driver) happen inside each subcommand."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from service.config import Settings, get_settings

if TYPE_CHECKING:
    from ingest.submit import Submission
    from service.graph.repository import GraphRepository

EXIT_USAGE = 2
EXIT_FAILURE = 1


def _die(message: str, code: int = EXIT_FAILURE) -> int:
    print(f"geokg: {message}", file=sys.stderr)
    return code


def cmd_neo4j(args: argparse.Namespace, settings: Settings) -> int:
    from service.graph.local_neo4j import LocalNeo4jError, from_settings

    server = from_settings(settings)
    try:
        if args.action == "install":
            home = server.install()
            print(f"Neo4j {settings.neo4j_version} installed in {home}")
        elif args.action == "start":
            server.install()
            server.start()
            print(f"Neo4j running: {server.bolt_uri} (Browser: {server.http_url}/browser/, user neo4j)")
        elif args.action == "stop":
            server.stop()
            print("Neo4j stopped")
        else:
            status = server.status()
            print(json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in vars(status).items()}, indent=2))
            return 0 if status.running else 3
    except LocalNeo4jError as exc:
        return _die(str(exc))
    return 0


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.cleanup import ArticleError, parse_article
    from ingest.extract import extract
    from ingest.nlp import ModelNotInstalled, load_pipeline

    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError:
        return _die(f"--published must be YYYY-MM-DD, got {args.published!r}", EXIT_USAGE)
    try:
        raw = _read_input(args.file)
    except OSError as exc:
        return _die(f"cannot read {args.file}: {exc.strerror or exc}")
    try:
        article = parse_article(raw, url=args.url, published=published)
    except ArticleError as exc:
        return _die(str(exc))
    try:
        nlp = load_pipeline(settings.spacy_model)
    except ModelNotInstalled as exc:
        return _die(str(exc))
    result = extract(article, nlp)
    json.dump(result.to_json(include_text=args.with_text), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from service.api.app import create_app

    host = args.host or settings.api_host
    port = args.port or settings.api_port
    print(f"API: http://{host}:{port}/docs")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    """The main job: the graph (managed local Neo4j unless a URI is configured), the samples, the API."""
    if not settings.neo4j_uri:
        code = cmd_neo4j(argparse.Namespace(action="start"), settings)
        if code:
            return code
    if not args.no_samples and SAMPLES.is_dir():
        ingest_args = argparse.Namespace(paths=[str(SAMPLES)], batch_size=16, no_progress=False)
        if cmd_ingest(ingest_args, settings) not in (0, EXIT_FAILURE):
            return EXIT_FAILURE
    host = args.host or settings.api_host
    port = args.port or settings.api_port
    print(f"API docs:      http://{host}:{port}/docs")
    if not settings.neo4j_uri:
        from service.graph.local_neo4j import from_settings

        server = from_settings(settings)
        print(f"Neo4j Browser: {server.http_url}/browser/  (user neo4j, password in {server.password_file})")
    try:
        children = _start_watching(args.sources)
    except ValueError as exc:
        return _die(str(exc), EXIT_USAGE)
    try:
        return cmd_serve(argparse.Namespace(host=host, port=port), settings)
    finally:
        for child in children:
            child.terminate()  # SIGTERM: the worker finishes its article, the watcher the pages in hand
        for child in children:
            try:
                child.wait(60)
            except subprocess.TimeoutExpired:
                child.kill()


def _start_watching(sources: str | None) -> list[subprocess.Popen[bytes]]:
    """With sources configured (`--sources`, else sources.toml here), a `geokg watch` and a `geokg worker`
    process beside the API; none otherwise. ValueError for a sources file that cannot be used."""
    from ingest.watch.config import ConfigError, load_config

    try:
        config = load_config(Path(sources) if sources else None)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None
    if not config.sources:
        return []
    watch = [sys.executable, "-m", "service.cli", "watch"] + (["--config", sources] if sources else [])
    worker = [sys.executable, "-m", "service.cli", "worker"]
    print(f"Watching:      {len(config.sources)} sources (a `geokg watch` and a `geokg worker` process)")
    return [subprocess.Popen(watch), subprocess.Popen(worker)]


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Exit code 0 when every source was ingested (or already present), 1 when some failed (listed at the end)."""
    from tqdm import tqdm

    from ingest.batch import ingest_sources, summary_lines
    from ingest.nlp import ModelNotInstalled, load_pipeline
    from ingest.sources import count_items, read_items
    from service.graph.errors import GraphError
    from service.graph.schema import apply_schema

    try:
        with _repository(settings) as repo:
            nlp = load_pipeline(settings.spacy_model)
            apply_schema(repo)
            total = count_items(args.paths)
            with tqdm(total=total, unit="article", file=sys.stderr, disable=args.no_progress) as bar:
                summary = ingest_sources(
                    read_items(args.paths), nlp, repo, batch_size=args.batch_size, progress=bar.update
                )
    except (GraphError, ModelNotInstalled) as exc:
        return _die(str(exc))
    print("\n".join(summary_lines(summary)))
    return 0 if summary.ok else EXIT_FAILURE


@contextmanager
def _repository(settings: Settings) -> Iterator[GraphRepository]:
    """One driver for the command (no GEOKG_NEO4J_URI: the managed local Neo4j, started if needed)."""
    from service.graph.driver import create_driver, resolve_connection
    from service.graph.repository import GraphRepository

    info = resolve_connection(settings)
    driver = create_driver(info)
    try:
        yield GraphRepository(driver, info.database, uri=info.uri, user=info.user)
    finally:
        driver.close()


SUBMIT_BATCH = 100  # articles per transaction (Neo4j) or per acknowledged produce (Kafka)


def cmd_submit(args: argparse.Namespace, settings: Settings) -> int:
    """Queues article files for the workers, on the configured transport. Exit 0 when every file was queued, 1 when
    some could not be read (listed), or when the queue could not be reached (nothing after that point queued)."""
    from ingest.sources import SourceFailure, read_items
    from ingest.submit import submissions

    ready: list[Submission] = []
    failures: list[SourceFailure] = []
    for found in submissions(read_items(args.paths)):
        if isinstance(found, SourceFailure):
            failures.append(found)
        else:
            ready.append(found)

    def report(ids: list[str], batch: Sequence[Submission]) -> None:
        print("\n".join(f"{item_id}  {submission.name}" for item_id, submission in zip(ids, batch, strict=True)))

    queued, error = 0, None
    try:
        if ready:  # nothing readable: no queue to reach (nor a managed Neo4j to start)
            queued = _submit(settings, ready, report)
    except _SubmitError as exc:
        queued, error = exc.queued, str(exc)
    for failure in failures:
        print(f"geokg: {failure.name}: {failure.reason}", file=sys.stderr)
    if error is not None:
        return _die(f"{error} ({queued} of {len(ready)} articles were queued before)")
    transport = f"the Kafka topic {settings.kafka_topic}" if settings.queue == "kafka" else "the Neo4j queue"
    print(f"queued {queued} articles on {transport}; {len(failures)} could not be read", file=sys.stderr)
    return EXIT_FAILURE if failures else 0


class _SubmitError(Exception):
    def __init__(self, message: str, queued: int) -> None:
        super().__init__(message)
        self.queued = queued


def _submit(
    settings: Settings, ready: Sequence[Submission], report: Callable[[list[str], Sequence[Submission]], object]
) -> int:
    batches = [ready[start : start + SUBMIT_BATCH] for start in range(0, len(ready), SUBMIT_BATCH)]
    queued = 0
    if settings.queue == "kafka":
        from service.kafka.client_config import KafkaConfigError
        from service.kafka.producer import ArticleProducer, BrokerUnavailable
        from service.kafka.topics import ensure_topics

        try:
            ensure_topics(settings)
            producer = ArticleProducer(settings)
        except (KafkaConfigError, BrokerUnavailable) as exc:
            raise _SubmitError(str(exc), 0) from exc
        try:
            for batch in batches:
                report(producer.submit([s.payload for s in batch]), batch)
                queued += len(batch)
        except BrokerUnavailable as exc:
            raise _SubmitError(str(exc), queued) from exc
        finally:
            producer.close()
        return queued

    from service.graph.errors import GraphError
    from service.graph.schema import apply_schema
    from service.shared import queue

    try:
        with _repository(settings) as repo:
            apply_schema(repo)
            for batch in batches:
                report(queue.enqueue(repo, [s.payload for s in batch]), batch)
                queued += len(batch)
    except GraphError as exc:
        raise _SubmitError(str(exc), queued) from exc
    return queued


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.worker import WorkerOptions, run_worker

    if settings.queue == "kafka":
        return _kafka_worker(args, settings)
    try:
        options = WorkerOptions(
            batch_size=args.batch_size,
            lease_seconds=args.lease,
            poll_interval=args.poll_interval,
            max_attempts=args.max_attempts,
            once=args.once,
            retry_failed=args.retry_failed,
            backoff_max=args.max_backoff,
            metrics_port=args.metrics_port,
        )
    except ValueError as exc:
        return _die(str(exc), EXIT_USAGE)
    return run_worker(settings, options, worker_id=args.worker_id)


def _kafka_worker(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.kafka_worker import KafkaWorkerOptions, run_kafka_worker
    from service.kafka.client_config import KafkaConfigError, consumer_config

    if args.retry_failed:
        return _die("--retry-failed works on the Neo4j queue only (GEOKG_QUEUE=neo4j)", EXIT_USAGE)
    try:
        consumer_config(settings)  # a configuration the client cannot use is an error now, not in a loop
        options = KafkaWorkerOptions(
            batch_size=args.batch_size,
            max_attempts=args.max_attempts,
            once=args.once,
            poll_timeout=min(args.poll_interval, 5.0),
            backoff_max=args.max_backoff,
            metrics_port=args.metrics_port,
        )
    except (ValueError, KafkaConfigError) as exc:
        return _die(str(exc), EXIT_USAGE)
    return run_kafka_worker(settings, options, worker_id=args.worker_id)


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.watch.config import ConfigError, load_config
    from ingest.watch.watcher import run_watch

    overrides = {"metrics_port": args.metrics_port} if args.metrics_port is not None else None
    try:
        config = load_config(
            Path(args.config) if args.config else None,
            extra_urls=args.urls,
            extra_networks=args.allow_network,
            overrides=overrides,
        )
    except ConfigError as exc:
        return _die(str(exc), EXIT_USAGE)
    if not config.sources:
        return _die("no sources to watch: name feed URLs, or list them in sources.toml (see --config)", EXIT_USAGE)
    return run_watch(settings, config, once=args.once)


def cmd_queue(args: argparse.Namespace, settings: Settings) -> int:
    from service.graph.errors import GraphError
    from service.shared import queue

    if args.action == "retry" and not (args.ids or args.all_failed):
        return _die("queue retry needs ids or --all-failed", EXIT_USAGE)
    try:
        with _repository(settings) as repo:
            if args.action == "retry" and settings.queue == "kafka":
                return _replay(settings, repo, None if args.all_failed else args.ids)
            if args.action == "retry":
                retried = queue.retry_all_failed(repo) if args.all_failed else queue.retry(repo, args.ids)
                print(f"requeued {len(retried)} failed articles")
                return 0
            if not args.ids:
                print(json.dumps(queue.counts(repo), indent=2))
                return 0
            found = [queue.get_status(repo, item) for item in args.ids]
    except GraphError as exc:
        return _die(str(exc))
    print(json.dumps([s.to_json() if s else None for s in found], indent=2))
    return 0 if all(found) else 3


def _replay(settings: Settings, repo: GraphRepository, ids: Sequence[str] | None) -> int:
    """`geokg queue retry` with GEOKG_QUEUE=kafka: the failed articles' dead letters sent again to the topic."""
    from service.kafka.client_config import KafkaConfigError
    from service.kafka.producer import BrokerUnavailable
    from service.kafka.replay import replay_dead_letters

    try:
        replayed = replay_dead_letters(settings, repo, set(ids) if ids is not None else None)
    except (KafkaConfigError, BrokerUnavailable) as exc:
        return _die(str(exc))
    print(
        f"sent {len(replayed)} failed articles again from {settings.kafka_dead_letter_topic} to {settings.kafka_topic}"
    )
    return 0


def cmd_browser(args: argparse.Namespace, settings: Settings) -> int:
    """Where Neo4j Browser is and how to load the style and the guide. Starts nothing and needs no server."""
    from urllib.parse import urlsplit

    from service.browser.location import browser_url
    from service.graph.local_neo4j import from_settings

    secret = settings.neo4j_password.get_secret_value() if settings.neo4j_password is not None else ""
    browser = browser_url(settings)
    if settings.neo4j_uri:
        print(f"Neo4j Browser: {browser}  (the server's HTTP port; connect it to {settings.neo4j_uri})")
        password_hint = "the GEOKG_NEO4J_PASSWORD you set" if secret else "GEOKG_NEO4J_PASSWORD (not set)"
        password = secret or None
    else:
        server = from_settings(settings)
        print(f"Neo4j Browser: {browser}  (the managed Neo4j; connect URL {server.bolt_uri})")
        file = server.password_file
        password_hint = "the GEOKG_NEO4J_PASSWORD you set" if secret else f"in {file}"
        password = secret or (file.read_text(encoding="utf-8").strip() if file.is_file() else None)
        if not secret and password is None:
            password_hint += " (generated at the first `geokg neo4j start`)"
    print(f"User:          {settings.neo4j_user}")
    print(f"Password:      {password_hint}")
    if args.show_password:
        print(f"               {password if password is not None else '(not set yet)'}")
    host = "127.0.0.1" if settings.api_host in ("0.0.0.0", "::", "") else settings.api_host
    api = (args.api_url or f"http://{host}:{settings.api_port}").rstrip("/")
    print("\nIn Browser, with the API running (geokg serve), run:")
    print(f"  :style {api}/browser/style.grass    (colours and captions)")
    print(f"  :play {api}/browser/guide    (the saved explore queries, one slide each)")
    print("The saved queries are also in cypher/explore/ (README.md there has their :param lines).")
    print(
        "Browser loads these only from allowlisted hosts: the managed Neo4j allows localhost and 127.0.0.1; on "
        f"another server add {urlsplit(api).hostname} to browser.remote_content_hostname_whitelist in neo4j.conf."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="geokg", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    neo = sub.add_parser("neo4j", help="the managed local Neo4j (assembled from Maven Central)")
    neo.add_argument("action", choices=["install", "start", "stop", "status"])
    neo.set_defaults(func=cmd_neo4j)

    ext = sub.add_parser("extract", help="print the extraction of one article as JSON")
    ext.add_argument("file", help="a .txt, .html or .json article, or - for standard input")
    ext.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'Friday', 'last year')")
    ext.add_argument("--url", help="the article's URL")
    ext.add_argument("--with-text", action="store_true", help="include the analysed text (offsets point into it)")
    ext.set_defaults(func=cmd_extract)

    ing = sub.add_parser(
        "ingest",
        help="extract articles and write them to the graph (exit 1 if any failed)",
        description="Reads .txt, .html, .json and .jsonl ({text or html, url, title, published} per line) files and "
        "folders (recursively), extracts and writes each article, and prints a summary. A bad file is reported and "
        "skipped. Exit code 0 when every article was ingested or already present, 1 when some failed.",
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="article files and folders")
    ing.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch (default 16)")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    ing.set_defaults(func=cmd_ingest)

    wrk = sub.add_parser(
        "worker",
        help="process the queue of submitted articles",
        description="Claims queued articles (several workers may run at once), extracts them and writes each to the "
        "graph in one transaction with its queue update. Waits and retries while Neo4j is unreachable. SIGTERM or "
        "Ctrl-C: finish the current article, give back the rest, exit.",
    )
    wrk.add_argument("--once", action="store_true", help="exit when nothing is queued or processing")
    wrk.add_argument("--poll-interval", type=float, default=2.0, help="seconds between polls of an empty queue")
    wrk.add_argument("--batch-size", type=int, default=4, help="articles claimed and extracted together (default 4)")
    lease_help = "seconds before another worker may take an article whose worker went silent (default 60)"
    wrk.add_argument("--lease", type=float, default=60.0, help=lease_help)
    wrk.add_argument("--max-attempts", type=int, default=3, help="attempts before an article is marked failed")
    wrk.add_argument("--max-backoff", type=float, default=30.0, help="longest wait between Neo4j reconnection tries")
    wrk.add_argument("--retry-failed", action="store_true", help="requeue failed articles before starting")
    wrk.add_argument("--worker-id", help="name in logs and lease_owner (default host:pid:random)")
    wrk.add_argument("--metrics-port", type=int, default=0, help="serve Prometheus metrics on 127.0.0.1:PORT")
    wrk.set_defaults(func=cmd_worker)

    sbm = sub.add_parser(
        "submit",
        help="queue article files for the workers (on Kafka with GEOKG_QUEUE=kafka, else in Neo4j)",
        description="Reads .txt, .html, .json and .jsonl files and folders as `geokg ingest` does, and puts each "
        "article on the configured queue for `geokg worker` (GEOKG_QUEUE=neo4j: the graph's queue; kafka: the "
        "articles topic, each article acknowledged by the broker). Prints each article's id (GET /articles/{id}) "
        "and its file. A file no worker could read is reported and not queued (exit 1).",
    )
    sbm.add_argument("paths", nargs="+", metavar="FILE", help="article files and folders")
    sbm.set_defaults(func=cmd_submit)

    wat = sub.add_parser(
        "watch",
        help="poll news feeds, sitemaps and URL lists, and queue new article pages for the workers",
        description="Polls each source (RSS 2.0, Atom, XML sitemap or URL list) on its interval, fetches the new "
        "article pages politely (robots.txt, per-host limits, conditional GET) and puts them on the queue that "
        "`geokg worker` drains. Sources come from sources.toml (--config; see sources.example.toml) and from the "
        "command line. Requests to loopback, link-local and private addresses are refused unless allowed.",
    )
    wat.add_argument("urls", nargs="*", metavar="SOURCE_URL", help="feed, sitemap or URL-list URLs to watch")
    wat.add_argument("--once", action="store_true", help="poll every source once and exit (1 if any poll failed)")
    wat.add_argument("--config", help="the sources file (default: sources.toml in this folder, when present)")
    wat.add_argument(
        "--allow-network",
        action="append",
        default=[],
        metavar="CIDR",
        help="a non-public network every source may reach (e.g. 10.0.0.0/8); repeatable",
    )
    wat.add_argument("--metrics-port", type=int, help="serve Prometheus metrics on this port (0: none)")
    wat.set_defaults(func=cmd_watch)

    que = sub.add_parser("queue", help="queue status, and retrying failed articles")
    que.add_argument("action", choices=["status", "retry"])
    que.add_argument("ids", nargs="*", metavar="ID", help="queue item ids (status: all counts when none)")
    que.add_argument("--all-failed", action="store_true", help="retry: every failed article")
    que.set_defaults(func=cmd_queue)

    up = sub.add_parser("up", help="the main job: local Neo4j, sample articles ingested, API served")
    up.add_argument("--host")
    up.add_argument("--port", type=int)
    up.add_argument("--no-samples", action="store_true", help="do not ingest the sample articles")
    up.add_argument(
        "--sources",
        help="a sources file: run a watcher and a worker beside the API (default: sources.toml here, when present)",
    )
    up.set_defaults(func=cmd_up)

    brw = sub.add_parser(
        "browser",
        help="where Neo4j Browser is, its login, and how to load the geokg style and guide",
        description="Prints the Neo4j Browser URL, the user, where the password is, and the :style and :play "
        "commands that load the geokg style sheet and explore guide from the API. Starts nothing.",
    )
    brw.add_argument("--show-password", action="store_true", help="also print the password")
    brw.add_argument("--api-url", help="the API's address as Browser reaches it (default from GEOKG_API_HOST/PORT)")
    brw.set_defaults(func=cmd_browser)

    srv = sub.add_parser("serve", help="serve the REST API")
    srv.add_argument("--host")
    srv.add_argument("--port", type=int)
    srv.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args, get_settings())
    return code


if __name__ == "__main__":
    sys.exit(main())
