"""A managed local Neo4j Community server, assembled from Maven Central and run as a plain JVM.

No Docker and no tarball download: Maven copies the server's jars (``neo4j_dist/pom.xml``) into a
cache folder outside the repository, shared by every checkout and CI run. Each *instance* (its own
folder with conf, data, logs, run and password, and its own ports) runs from that one distribution,
so several can run side by side.

Layout under ``home``::

    dist/<version>/        lib/ (server jars), plugins/, pom.xml, geokg-dist.json   (read-only once built)
    instances/<instance>/  conf/neo4j.conf, data/, logs/console.log, run/, password

The server is started the way Neo4j's own launcher does it (its ``console --dry-run`` prints the
same command line), but without the launcher's extra JVM, so that the process is easy to supervise.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from service.jvm_process import LOOPBACK as LOOPBACK
from service.jvm_process import pid_alive as _pid_alive
from service.jvm_process import port_in_use as _port_in_use
from service.jvm_process import port_open as _port_open
from service.jvm_process import proc_cmdline as _proc_cmdline
from service.jvm_process import tail_text as _tail_text
from service.managed_jvm import MANIFEST_NAME as MANIFEST_NAME
from service.managed_jvm import ManagedJvm, check_memory_size, find_java

if TYPE_CHECKING:
    from service.config import Settings

log = logging.getLogger(__name__)

# Browser jars on Maven Central stop at 5.24.0; it works with every 5.26.x server.
BROWSER_VERSION = "5.24.0"
POM_FILE = Path(__file__).with_name("neo4j_dist") / "pom.xml"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
# Official admin launcher (in org.neo4j:neo4j-bootcheck); it re-executes org.neo4j.cli.AdminTool.
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminBoot"
MIN_PASSWORD_LENGTH = 8  # dbms.security.auth_minimum_password_length default

# Neo4j 5.x default JVM flags: the stock conf/neo4j.conf's, less -XX:+AlwaysPreTouch (it commits the whole
# heap at start: slower starts for a dev server), the TLS hardening ones (no TLS here) and the JFR/debug
# ones. Also written to neo4j.conf as server.jvm.additional, so the official launcher builds the same command.
JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class LocalNeo4jError(RuntimeError):
    """Installing, starting or stopping the managed Neo4j failed; the message says why (with log tail)."""


@dataclass(frozen=True)
class Neo4jStatus:
    installed: bool
    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    version: str
    instance_dir: Path


class LocalNeo4j(ManagedJvm):
    product = "Neo4j"
    error = LocalNeo4jError
    pom_file = POM_FILE
    pid_name = "geokg-neo4j.pid"
    ready_poll_s = 0.5
    exit_poll_s = 0.2
    download_size = "~140 MB"
    user: str = "neo4j"

    def __init__(
        self,
        *,
        version: str,
        home: Path,
        instance: str = "default",
        bolt_port: int = 7687,
        http_port: int = 7474,
        password: str | None = None,
        heap: str = "1g",
        pagecache: str = "512m",
    ) -> None:
        super().__init__(home=home, version=version, instance=instance)
        _check_params(bolt_port, http_port, password, heap, pagecache)
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.heap = heap
        self.pagecache = pagecache
        self._password = password

    # ----------------------------------------------------------------- paths and addresses

    @property
    def conf_dir(self) -> Path:
        return self.instance_dir / "conf"

    @property
    def password_file(self) -> Path:
        return self.instance_dir / "password"

    @property
    def bolt_uri(self) -> str:
        return f"neo4j://{LOOPBACK}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}"

    @property
    def password(self) -> str:
        if self._password is None:
            self._password = self._load_or_create_password()
        return self._password

    # ----------------------------------------------------------------- install

    def _recipe(self) -> str:
        # A changed pom or browser version must rebuild an older cached distribution.
        digest = hashlib.sha256(POM_FILE.read_bytes())
        digest.update(f"{self.version}|{BROWSER_VERSION}".encode())
        return digest.hexdigest()

    def _dist_in_use(self) -> bool:
        if not _servers_using(self.dist_dir.resolve()):
            return False
        # Swapping jars under a running JVM breaks its lazy class loading: keep the old build.
        log.warning("%s was built by an older recipe but a server runs from it; stop it to rebuild", self.dist_dir)
        return True

    def _maven_properties(self, lib: Path) -> list[str]:
        return [
            f"-Dneo4j.version={self.version}",
            f"-Dneo4j.browser.version={BROWSER_VERSION}",
            f"-Dneo4j.lib.dir={lib}",
        ]

    def _maven_hint(self, command: list[str]) -> str:
        return (
            f"Command: {' '.join(command)}\n"
            f"Check that the release exists: mvn dependency:get -Dartifact=org.neo4j:neo4j:{self.version}"
        )

    def _check_assembly(self, lib: Path) -> None:
        expected = [f"neo4j-{self.version}.jar", f"neo4j-bootcheck-{self.version}.jar"]
        missing = [name for name in expected if not (lib / name).is_file()]
        if missing:
            raise LocalNeo4jError(f"Maven finished but {lib} lacks {', '.join(missing)}; see {POM_FILE}")

    def _finish_assembly(self, staging: Path) -> None:
        (staging / "plugins").mkdir()

    def _manifest_fields(self) -> dict[str, object]:
        return {"neo4j_version": self.version, "browser_version": BROWSER_VERSION}

    # ----------------------------------------------------------------- start

    def start(self, timeout: float = 180.0) -> None:
        """Start the server in the background (installing it first if needed) and wait until Bolt answers."""
        super().start(timeout)

    def _address(self) -> str:
        return self.bolt_uri

    def _check_ports_free(self) -> None:
        for name, port in (("Bolt", self.bolt_port), ("HTTP", self.http_port)):
            if _port_in_use(port):
                raise LocalNeo4jError(
                    f"Cannot start Neo4j instance '{self.instance}': {name} port {port} on {LOOPBACK} "
                    f"is already in use by another process (find it with `ss -ltnp 'sport = :{port}'`), "
                    "or choose other ports (GEOKG_NEO4J_BOLT_PORT / GEOKG_NEO4J_HTTP_PORT)."
                )

    def _prepare_instance(self, dist: Path) -> None:
        for sub in ("conf", "data", "logs", "run"):
            (self.instance_dir / sub).mkdir(parents=True, exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text(self._render_conf(dist))
        if not (self.instance_dir / "data" / "databases" / "system").exists():
            self._set_initial_password(dist)

    def _render_conf(self, dist: Path) -> str:
        inst = self.instance_dir
        lines = [
            "# Written by service/graph/local_neo4j.py at every start; edits here are overwritten.",
            f"server.directories.data={inst / 'data'}",
            f"server.directories.logs={inst / 'logs'}",
            f"server.directories.run={inst / 'run'}",
            f"server.directories.import={inst / 'import'}",
            f"server.directories.lib={dist / 'lib'}",
            f"server.directories.plugins={dist / 'plugins'}",
            f"server.default_listen_address={LOOPBACK}",
            f"server.default_advertised_address={LOOPBACK}",
            # Advertised addresses must carry our ports: routing (neo4j://) and the Browser's discovery
            # document use them, and their default port would point at another instance on 7687/7474.
            f"server.bolt.listen_address={LOOPBACK}:{self.bolt_port}",
            f"server.bolt.advertised_address={LOOPBACK}:{self.bolt_port}",
            f"server.http.listen_address={LOOPBACK}:{self.http_port}",
            f"server.http.advertised_address={LOOPBACK}:{self.http_port}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.memory.heap.initial_size={self.heap}",
            f"server.memory.heap.max_size={self.heap}",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",
            # Hosts Browser may load `:play` guides and `:style` sheets from: the default plus the loopback address
            # the API serves /browser/guide and /browser/style.grass on (Browser compares host names only). Neo4j
            # 5.26 still declares it under this name; Browser reads it as remote_content_hostname_allowlist.
            "browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1",
            *(f"server.jvm.additional={flag}" for flag in JVM_FLAGS),
        ]
        return "\n".join(lines) + "\n"

    def _set_initial_password(self, dist: Path) -> None:
        # Only effective before the first start; the password is an argument (no stdin option exists).
        command = [
            _java(),
            "-cp",
            f"{dist / 'lib'}/*",
            f"-Dbasedir={self.instance_dir}",
            ADMIN_CLASS,
            "dbms",
            "set-initial-password",
            self.password,
        ]
        result = subprocess.run(
            command,
            env=self._launch_env(),
            cwd=self.instance_dir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            output = _tail_text((result.stdout + result.stderr).replace(self.password, "***"), 40)
            raise LocalNeo4jError(f"Setting the initial Neo4j password failed (exit {result.returncode}):\n{output}")

    def server_command(self) -> list[str]:
        """The server's JVM command line: what `Neo4jBoot console --dry-run` prints for this instance.

        Like the launcher's, the classpath starts with the plugins (it leaves that entry out while the
        folder holds no jar) and conf folders.
        """
        dist = self.dist_dir.resolve()
        classpath = f"{dist / 'plugins'}/*:{self.conf_dir}/*:{dist / 'lib'}/*"
        return [
            _java(),
            "-cp",
            classpath,
            *JVM_FLAGS,
            "-Dfile.encoding=UTF-8",
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            MAIN_CLASS,
            f"--home-dir={self.instance_dir}",
            f"--config-dir={self.conf_dir}",
            "--console-mode",
        ]

    def _launch_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.instance_dir)
        env["NEO4J_CONF"] = str(self.conf_dir)
        return env

    def _ready(self) -> bool:
        # Bolt answers a little before startup ends (and HTTP's port opens before it serves): wait for both.
        return self._bolt_answers() and _http_answers(self.http_url)

    def _not_ready(self) -> str:
        return f"did not answer on {self.bolt_uri}"

    def _bolt_answers(self) -> bool:
        """True once Bolt accepts our credentials and routes to the default database."""
        if not _port_open(self.bolt_port):
            return False
        try:
            with neo4j.GraphDatabase.driver(
                self.bolt_uri, auth=(self.user, self.password), connection_timeout=5.0
            ) as driver:
                driver.verify_connectivity()
        except AuthError as exc:
            if not self._log_contains("Bolt enabled on"):
                # Not our server answering: another process took the port after our check. Ours will
                # fail to bind and exit, and the error then shows its log ("Address already in use").
                return False
            raise LocalNeo4jError(
                f"Neo4j at {self.bolt_uri} rejects the password for '{self.user}': the instance "
                f"{self.instance_dir} was initialised with another one (its data keeps the first password). "
                "Pass that password, or stop it and delete the instance folder to start afresh."
            ) from exc
        except (DriverError, Neo4jError, OSError):
            return False  # still starting (routing table or databases not available yet)
        return True

    # ----------------------------------------------------------------- status

    def status(self) -> Neo4jStatus:
        pid = self._running_pid() if self.instance_dir.exists() else None
        return Neo4jStatus(
            installed=self._dist_manifest() is not None,  # usable, even if built by an older recipe
            running=pid is not None,
            pid=pid,
            bolt_uri=self.bolt_uri,
            http_url=self.http_url,
            version=self.version,
            instance_dir=self.instance_dir,
        )

    def _log_files(self) -> tuple[Path, ...]:
        return (self.console_log, self.instance_dir / "logs" / "neo4j.log")

    def _pid_files(self) -> tuple[Path, ...]:
        # Ours first, else the one the server writes itself.
        return (self.pid_file, self.instance_dir / "run" / "neo4j.pid")

    def _owns_cmdline(self, cmdline: str) -> bool:
        return MAIN_CLASS in cmdline and f"--config-dir={self.conf_dir}" in cmdline

    # ----------------------------------------------------------------- password

    def _load_or_create_password(self) -> str:
        path = self.password_file
        try:
            return _read_secret(path)
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        # A leading "-" would be read as an option by neo4j-admin's set-initial-password.
        password = "g" + secrets.token_urlsafe(24)
        try:
            # O_EXCL: two processes racing here must end up with the same stored password.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return _read_secret(path)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        return password


def from_settings(settings: Settings, instance: str = "default") -> LocalNeo4j:
    secret = settings.neo4j_password.get_secret_value() if settings.neo4j_password is not None else ""
    return LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance=instance,
        bolt_port=settings.neo4j_bolt_port,
        http_port=settings.neo4j_http_port,
        password=secret or None,  # GEOKG_NEO4J_PASSWORD= (empty) counts as unset
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
    )


# --------------------------------------------------------------------- helpers


def _check_params(bolt_port: int, http_port: int, password: str | None, heap: str, pagecache: str) -> None:
    for port in (bolt_port, http_port):
        if not 1 <= port <= 65535:
            raise ValueError(f"port out of range: {port}")
    if bolt_port == http_port:
        raise ValueError(f"Bolt and HTTP ports must differ (both {bolt_port})")
    for name, size in (("heap", heap), ("pagecache", pagecache)):
        check_memory_size(name, size)
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Neo4j needs a password of at least {MIN_PASSWORD_LENGTH} characters")


def _java() -> str:
    found = find_java()
    if found is None:
        hint = "Neo4j 5.26 needs Java 17 or 21: apt-get install openjdk-17-jre-headless"
        raise LocalNeo4jError(f"`java` not found on PATH. {hint}")
    return found


def _servers_using(dist: Path) -> list[int]:
    """Pids of live Neo4j servers whose classpath is this distribution (Linux /proc; else none)."""
    marker = f"{dist / 'lib'}/*"
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        cmdline = _proc_cmdline(int(proc.name))
        if cmdline and MAIN_CLASS in cmdline and marker in cmdline and _pid_alive(int(proc.name)):
            pids.append(int(proc.name))
    return pids


def _http_answers(url: str) -> bool:
    """True once the HTTP connector serves its discovery document (the last step of startup)."""
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
    try:
        with no_proxy.open(f"{url}/", timeout=2.0) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):  # URLError and HTTPError are OSErrors
        return False


def _read_secret(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    secret = path.read_text().strip()
    if len(secret) < MIN_PASSWORD_LENGTH:
        raise LocalNeo4jError(f"{path} holds no usable password (fewer than {MIN_PASSWORD_LENGTH} characters)")
    return secret
