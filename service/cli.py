"""The `geokg` command. Heavy imports (spaCy, FastAPI, the driver) happen inside each subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from service.config import Settings, get_settings

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
