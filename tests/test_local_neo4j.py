"""The managed local Neo4j (service/graph/local_neo4j.py) against the real server it assembles and runs.

The distribution is the developer's cached one (settings.neo4j_home / neo4j_version), so only the first run
downloads it. Instances live in pytest's temporary folder on free ports, so that runs at the same time on
one machine (or conftest's "test" instance on 17687/17474) never meet.
"""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import neo4j
import pytest
from neo4j.exceptions import AuthError
from pydantic import SecretStr

from service.config import Settings
from service.graph import local_neo4j
from service.graph.local_neo4j import (
    MANIFEST_NAME,
    LocalNeo4j,
    LocalNeo4jError,
    from_settings,
)

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home of our own whose dist/ is the shared cached one: fresh instances, no second download."""
    shared_dist = Settings().neo4j_home.expanduser() / "dist"
    shared_dist.mkdir(parents=True, exist_ok=True)
    home = tmp_path_factory.mktemp("neo4j-home")
    (home / "dist").symlink_to(shared_dist, target_is_directory=True)
    return home


def _free_ports(count: int) -> list[int]:
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def _server(home: Path, instance: str, bolt_port: int | None = None) -> LocalNeo4j:
    bolt, http = _free_ports(2)
    return LocalNeo4j(
        version=Settings().neo4j_version,
        home=home,
        instance=instance,
        bolt_port=bolt_port or bolt,
        http_port=http,
        heap="512m",
        pagecache="256m",
    )


@pytest.fixture(scope="module")
def main_server(home: Path) -> Iterator[LocalNeo4j]:
    server = _server(home, "main")
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _round_trip(server: LocalNeo4j, password: str) -> str:
    with neo4j.GraphDatabase.driver(server.bolt_uri, auth=(server.user, password)) as driver:
        records, _, _ = driver.execute_query(
            "CREATE (p:Probe {id: randomUUID()}) WITH p DELETE p "
            "WITH 1 AS ignored CALL dbms.components() YIELD versions RETURN versions[0] AS version"
        )
    return str(records[0]["version"])


# --------------------------------------------------------------------------- without a server


def test_from_settings_maps_every_field(tmp_path: Path) -> None:
    settings = Settings(
        neo4j_version="5.26.30",
        neo4j_home=tmp_path,
        neo4j_bolt_port=27687,
        neo4j_http_port=27474,
        neo4j_password=SecretStr("a-long-password"),
        neo4j_heap="2g",
        neo4j_pagecache="1g",
    )
    server = from_settings(settings, instance="x")
    assert server.dist_dir == tmp_path / "dist" / "5.26.30"
    assert server.instance_dir == tmp_path / "instances" / "x"
    assert (server.bolt_uri, server.http_url) == ("neo4j://127.0.0.1:27687", "http://127.0.0.1:27474")
    assert server.password == "a-long-password"
    assert ("-Xmx2g" in server.server_command()) and (server.heap, server.pagecache) == ("2g", "1g")
    # An empty GEOKG_NEO4J_PASSWORD means "generate one", as in service/graph/driver.py.
    generated = from_settings(settings.model_copy(update={"neo4j_password": SecretStr("")}))
    assert len(generated.password) >= 20
    assert generated.password_file.read_text().strip() == generated.password


def test_bad_parameters_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 8"):
        LocalNeo4j(version="5.26.30", home=tmp_path, password="short")
    with pytest.raises(ValueError, match="must differ"):
        LocalNeo4j(version="5.26.30", home=tmp_path, bolt_port=7000, http_port=7000)
    with pytest.raises(ValueError, match="heap"):
        LocalNeo4j(version="5.26.30", home=tmp_path, heap="lots")


# --------------------------------------------------------------------------- with the real server


@pytest.mark.neo4j
def test_install_is_idempotent(home: Path) -> None:
    server = _server(home, "install")
    first = server.install()
    started = time.monotonic()
    second = server.install()
    assert time.monotonic() - started < 2.0
    assert first == second == server.dist_dir
    assert (first / "lib" / f"neo4j-{server.version}.jar").is_file()
    assert json.loads((first / MANIFEST_NAME).read_text())["neo4j_version"] == server.version
    assert server.status().installed


@pytest.mark.neo4j
def test_bolt_round_trip_with_password(main_server: LocalNeo4j) -> None:
    assert _round_trip(main_server, main_server.password) == main_server.version


@pytest.mark.neo4j
def test_password_file_is_private(main_server: LocalNeo4j) -> None:
    path = main_server.instance_dir / "password"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_text().strip() == main_server.password


@pytest.mark.neo4j
def test_wrong_password_is_an_auth_error(main_server: LocalNeo4j) -> None:
    with pytest.raises(AuthError):
        _round_trip(main_server, "not-the-password")


@pytest.mark.neo4j
def test_status_and_log_of_a_running_server(main_server: LocalNeo4j) -> None:
    status = main_server.status()
    assert status.installed and status.running and status.pid is not None
    assert (status.bolt_uri, status.http_url) == (main_server.bolt_uri, main_server.http_url)
    assert status.version == main_server.version and status.instance_dir == main_server.instance_dir
    assert "Started." in main_server.log_tail(200)


@pytest.mark.neo4j
def test_start_when_running_does_nothing(main_server: LocalNeo4j) -> None:
    pid = main_server.status().pid
    started = time.monotonic()
    main_server.start()
    assert time.monotonic() - started < 10.0
    assert main_server.status().pid == pid


@pytest.mark.neo4j
def test_browser_is_served(main_server: LocalNeo4j) -> None:
    response = httpx.get(f"{main_server.http_url}/browser/", timeout=10.0, trust_env=False)
    assert response.status_code == 200
    assert "<html" in response.text.lower() or "Neo4j Browser" in response.text


@pytest.mark.neo4j
def test_discovery_advertises_this_instance(main_server: LocalNeo4j) -> None:
    # Browser and routing drivers connect where the server says it is, so that must be our port, not 7687.
    discovery = httpx.get(
        main_server.http_url, headers={"Accept": "application/json"}, timeout=10.0, trust_env=False
    ).json()
    assert discovery["bolt_routing"] == main_server.bolt_uri


@pytest.mark.neo4j
def test_second_instance_runs_side_by_side_and_outlives_its_starter(home: Path, main_server: LocalNeo4j) -> None:
    side = _server(home, "side")
    try:
        # Started by another Python process that exits: the server must keep running (detached).
        starter = textwrap.dedent(
            """
            import sys
            from pathlib import Path
            from service.graph.local_neo4j import LocalNeo4j
            version, home, instance, bolt, http = sys.argv[1:]
            LocalNeo4j(version=version, home=Path(home), instance=instance, bolt_port=int(bolt),
                       http_port=int(http), heap="512m", pagecache="256m").start()
            """
        )
        args = [side.version, str(side.home), side.instance, str(side.bolt_port), str(side.http_port)]
        subprocess.run([sys.executable, "-c", starter, *args], cwd=REPO_ROOT, timeout=400, check=True)

        status = side.status()
        assert status.running and status.pid != main_server.status().pid
        assert _round_trip(side, side.password) == side.version
        assert _round_trip(main_server, main_server.password) == main_server.version
        assert side.password != main_server.password

        side.stop()
        assert not side.status().running
        assert status.pid is not None and _process_gone(status.pid)
        assert not side.pid_file.exists()
        side.stop()  # idempotent

        # Stopped, so Neo4j's own launcher agrees to print the command it would run for this instance.
        _assert_command_matches_official_launcher(side)
    finally:
        side.stop()


@pytest.mark.neo4j
def test_start_on_a_taken_port_fails_clearly(home: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        server = _server(home, "busy", bolt_port=port)
        try:
            with pytest.raises(LocalNeo4jError, match=rf"Bolt port {port} .*already in use"):
                server.start(timeout=60)
            assert not server.status().running
        finally:
            server.stop()


def _process_gone(pid: int) -> bool:
    """No such process, or only a zombie left for its (foreign) parent to reap."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X")


def _assert_command_matches_official_launcher(server: LocalNeo4j) -> None:
    ours = server.server_command()
    dry_run = subprocess.run(
        [
            ours[0],  # the same java
            "-cp",
            f"{server.dist_dir / 'lib'}/*",
            f"-Dbasedir={server.instance_dir}",
            "org.neo4j.server.startup.Neo4jBoot",
            "console",
            "--dry-run",
        ],
        env={**os.environ, "NEO4J_CONF": str(server.conf_dir), "NEO4J_HOME": str(server.instance_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert dry_run.returncode == 0, dry_run.stdout + dry_run.stderr
    official = shlex.split(dry_run.stdout.strip().splitlines()[-1])
    # The launcher writes heap sizes in KiB (-Xmx524288k) and leaves an empty plugins folder off the
    # classpath; everything else must be identical.
    assert _without_memory_and_classpath(official) == _without_memory_and_classpath(ours)
    assert "-Xmx524288k" in official and "-Xmx512m" in ours


def _without_memory_and_classpath(command: list[str]) -> list[str]:
    """The arguments after the java executable, less -cp and its value, -Xms and -Xmx."""
    classpath_at = command.index("-cp") + 1
    args = [arg for i, arg in enumerate(command) if i not in (0, classpath_at)]
    return [arg for arg in args if arg != "-cp" and not arg.startswith(("-Xms", "-Xmx"))]


@pytest.mark.neo4j
def test_a_server_dying_at_startup_is_reported_with_its_log(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_neo4j, "MAIN_CLASS", "org.neo4j.server.NoSuchEntryPoint")
    server = _server(home, "dies")
    try:
        with pytest.raises(LocalNeo4jError, match=r"exited during startup(.|\n)*NoSuchEntryPoint"):
            server.start(timeout=60)
        assert not server.status().running
        assert not server.pid_file.exists()
    finally:
        server.stop()


def test_generated_password_never_starts_like_an_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # neo4j-admin would read "-xyz..." as an option and the first start would fail.
    monkeypatch.setattr(local_neo4j.secrets, "token_urlsafe", lambda n: "-" + "x" * (n - 1))
    server = LocalNeo4j(version="5.26.30", home=tmp_path, instance="pw", bolt_port=1, http_port=2)
    assert not server.password.startswith("-")
    assert len(server.password) >= 8
