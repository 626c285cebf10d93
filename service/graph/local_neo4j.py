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

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from service.jvm_process import file_lock as _file_lock
from service.jvm_process import pid_alive as _pid_alive
from service.jvm_process import port_in_use as _port_in_use
from service.jvm_process import port_open as _port_open
from service.jvm_process import proc_cmdline as _proc_cmdline
from service.jvm_process import read_pid as _read_pid
from service.jvm_process import tail_text as _tail_text

if TYPE_CHECKING:
    from service.config import Settings

log = logging.getLogger(__name__)

# Browser jars on Maven Central stop at 5.24.0; it works with every 5.26.x server.
BROWSER_VERSION = "5.24.0"
POM_FILE = Path(__file__).with_name("neo4j_dist") / "pom.xml"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
# Official admin launcher (in org.neo4j:neo4j-bootcheck); it re-executes org.neo4j.cli.AdminTool.
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminBoot"
LOOPBACK = "127.0.0.1"
MIN_PASSWORD_LENGTH = 8  # dbms.security.auth_minimum_password_length default
MAVEN_TIMEOUT_S = 1800.0
MANIFEST_NAME = "geokg-dist.json"

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

_MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")
_ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")  # Maven colours its errors even in batch mode


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


class LocalNeo4j:
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
        _check_params(instance, bolt_port, http_port, password, heap, pagecache)
        self.version = version
        self.home = Path(home).expanduser()
        self.instance = instance
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.heap = heap
        self.pagecache = pagecache
        self._password = password
        # Kept so that a server started (and later stopped) by this object is reaped, not left a zombie.
        self._process: subprocess.Popen[bytes] | None = None

    # ----------------------------------------------------------------- paths and addresses

    @property
    def dist_dir(self) -> Path:
        return self.home / "dist" / self.version

    @property
    def instance_dir(self) -> Path:
        return self.home / "instances" / self.instance

    @property
    def conf_dir(self) -> Path:
        return self.instance_dir / "conf"

    @property
    def console_log(self) -> Path:
        return self.instance_dir / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.instance_dir / "run" / "geokg-neo4j.pid"

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

    def install(self) -> Path:
        """Assemble the distribution with Maven unless a complete, current one is already cached."""
        if self._dist_is_current():
            return self.dist_dir
        parent = self.dist_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(parent / f".{self.version}.lock"):
            if self._dist_is_current():  # another process finished it while we waited for the lock
                return self.dist_dir
            if _servers_using(self.dist_dir.resolve()):
                # Swapping jars under a running JVM breaks its lazy class loading: keep the old build.
                log.warning(
                    "%s was built by an older recipe but a server runs from it; stop it to rebuild",
                    self.dist_dir,
                )
                return self.dist_dir
            _remove_leftovers(parent, self.version)
            staging = Path(tempfile.mkdtemp(prefix=f".{self.version}-", suffix=".partial", dir=parent))
            try:
                self._assemble(staging)
                self._swap_in(staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return self.dist_dir

    def _recipe_fingerprint(self) -> str:
        # A changed pom or browser version must rebuild an older cached distribution.
        digest = hashlib.sha256(POM_FILE.read_bytes())
        digest.update(f"{self.version}|{BROWSER_VERSION}".encode())
        return digest.hexdigest()

    def _dist_manifest(self) -> dict[str, object] | None:
        """The manifest of a complete distribution (it is written last), else None."""
        try:
            manifest = json.loads((self.dist_dir / MANIFEST_NAME).read_text())
        except (OSError, ValueError):
            return None
        return manifest if isinstance(manifest, dict) else None

    def _dist_is_current(self) -> bool:
        manifest = self._dist_manifest()
        return manifest is not None and manifest.get("recipe") == self._recipe_fingerprint()

    def _assemble(self, staging: Path) -> None:
        log.info("Assembling Neo4j %s from Maven Central into %s (first time: ~140 MB)", self.version, self.home)
        shutil.copyfile(POM_FILE, staging / "pom.xml")
        lib = staging / "lib"
        command = [
            _require_tool("mvn", "Maven (mvn) is needed to assemble Neo4j: apt-get install maven"),
            "-B",
            "-q",
            "-f",
            str(staging / "pom.xml"),
            "package",
            f"-Dneo4j.version={self.version}",
            f"-Dneo4j.browser.version={BROWSER_VERSION}",
            f"-Dneo4j.lib.dir={lib}",
        ]
        _run_maven(command, staging, self.version)
        self._check_assembly(lib)
        shutil.rmtree(staging / "target", ignore_errors=True)
        (staging / "plugins").mkdir()
        manifest = {
            "neo4j_version": self.version,
            "browser_version": BROWSER_VERSION,
            "recipe": self._recipe_fingerprint(),
            "jars": len(list(lib.glob("*.jar"))),
        }
        # Written last: its presence marks the distribution as complete.
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")

    def _check_assembly(self, lib: Path) -> None:
        expected = [f"neo4j-{self.version}.jar", f"neo4j-bootcheck-{self.version}.jar"]
        missing = [name for name in expected if not (lib / name).is_file()]
        if missing:
            raise LocalNeo4jError(f"Maven finished but {lib} lacks {', '.join(missing)}; see {POM_FILE}")

    def _swap_in(self, staging: Path) -> None:
        """Replace the distribution by renames only, so a reader never sees a half-copied one."""
        old: Path | None = None
        if self.dist_dir.exists():
            old = self.dist_dir.with_name(f".{self.version}-{secrets.token_hex(4)}.old")
            self.dist_dir.rename(old)
        staging.chmod(0o755)  # mkdtemp made it private; the jars themselves are not secret
        staging.rename(self.dist_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    # ----------------------------------------------------------------- start

    def start(self, timeout: float = 180.0) -> None:
        """Start the server in the background (installing it first if needed) and wait until Bolt answers."""
        deadline = time.monotonic() + timeout
        # Resolved, so that running servers name the real folder (see _servers_using) even via a symlink.
        dist = self.install().resolve()
        self.instance_dir.mkdir(parents=True, exist_ok=True)
        with _file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                # Already running (or still starting after an interrupted start): just wait for Bolt.
                self._wait_until_ready(pid, deadline, timeout)
                return
            self._check_ports_free()
            self._prepare_instance(dist)
            process = self._launch()
            try:
                self._wait_until_ready(process.pid, deadline, timeout)
            except BaseException:
                self._terminate(process.pid, timeout=30.0)
                self.pid_file.unlink(missing_ok=True)
                raise
        log.info("Neo4j %s is up at %s (pid %d)", self.version, self.bolt_uri, process.pid)

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
            env=self._java_env(),
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

    def _launch(self) -> subprocess.Popen[bytes]:
        self._rotate_console_log()
        with self.console_log.open("ab") as out:
            # A new session: the server outlives this Python process and ignores its terminal's Ctrl-C.
            process = subprocess.Popen(
                self.server_command(),
                cwd=self.instance_dir,
                env=self._java_env(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._process = process
        self.pid_file.write_text(f"{process.pid}\n")
        return process

    def _rotate_console_log(self) -> None:
        # One file per start keeps log_tail() about this start only; the previous one is kept as .1.
        if self.console_log.exists():
            self.console_log.replace(self.console_log.with_name("console.log.1"))

    def _java_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.instance_dir)
        env["NEO4J_CONF"] = str(self.conf_dir)
        return env

    def _wait_until_ready(self, pid: int, deadline: float, timeout: float) -> None:
        while True:
            if not self._is_our_server(pid):
                raise LocalNeo4jError(
                    f"Neo4j (instance '{self.instance}', pid {pid}) exited during startup. "
                    f"Log {self.console_log}:\n{self.log_tail()}"
                )
            # Bolt answers a little before startup ends (and HTTP's port opens before it serves): wait for both.
            if self._bolt_answers() and _http_answers(self.http_url):
                return
            if time.monotonic() >= deadline:
                raise LocalNeo4jError(
                    f"Neo4j (instance '{self.instance}', pid {pid}) did not answer on {self.bolt_uri} "
                    f"within {timeout:.0f}s. Log {self.console_log}:\n{self.log_tail()}"
                )
            time.sleep(0.5)

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

    # ----------------------------------------------------------------- stop and status

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM the server, SIGKILL it after `timeout`; does nothing when it is not running."""
        if not self.instance_dir.exists():
            return
        with _file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                self._terminate(pid, timeout)
            self.pid_file.unlink(missing_ok=True)

    def _terminate(self, pid: int, timeout: float) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if self._wait_for_exit(pid, timeout):
            return
        log.warning("Neo4j pid %d did not stop within %.0fs; killing it", pid, timeout)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        if not self._wait_for_exit(pid, 10.0):
            raise LocalNeo4jError(f"Neo4j pid {pid} survived SIGKILL")

    def _wait_for_exit(self, pid: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self._is_our_server(pid):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)
        return True

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

    def _log_contains(self, text: str) -> bool:
        try:
            return text in self.console_log.read_text(errors="replace")
        except OSError:
            return False

    def log_tail(self, lines: int = 40) -> str:
        for path in (self.console_log, self.instance_dir / "logs" / "neo4j.log"):
            if path.exists() and path.stat().st_size > 0:
                with path.open(errors="replace") as handle:
                    return "".join(deque(handle, maxlen=lines)).rstrip("\n")
        return f"(no log yet in {self.instance_dir / 'logs'})"

    def _running_pid(self) -> int | None:
        """The pid of this instance's live server, from our pid file or else the server's own one."""
        for path in (self.pid_file, self.instance_dir / "run" / "neo4j.pid"):
            pid = _read_pid(path)
            if pid is not None and self._is_our_server(pid):
                return pid
        return None

    def _is_our_server(self, pid: int) -> bool:
        if self._process is not None and self._process.pid == pid:
            return self._process.poll() is None
        if not _pid_alive(pid):
            return False
        cmdline = _proc_cmdline(pid)
        # Without /proc (not Linux) trust the pid; with it, guard against a recycled pid.
        return cmdline is None or (MAIN_CLASS in cmdline and f"--config-dir={self.conf_dir}" in cmdline)

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


def _check_params(
    instance: str, bolt_port: int, http_port: int, password: str | None, heap: str, pagecache: str
) -> None:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", instance):
        raise ValueError(f"instance name must be a plain folder name, got {instance!r}")
    for port in (bolt_port, http_port):
        if not 1 <= port <= 65535:
            raise ValueError(f"port out of range: {port}")
    if bolt_port == http_port:
        raise ValueError(f"Bolt and HTTP ports must differ (both {bolt_port})")
    for name, size in (("heap", heap), ("pagecache", pagecache)):
        if not _MEMORY_SIZE.fullmatch(size):
            raise ValueError(f"{name} must look like 512m or 1g, got {size!r}")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Neo4j needs a password of at least {MIN_PASSWORD_LENGTH} characters")


def _remove_leftovers(parent: Path, version: str) -> None:
    # Only called under the dist lock, so these belong to interrupted earlier installs.
    for pattern in (f".{version}-*.partial", f".{version}-*.old"):
        for path in parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


def _run_maven(command: list[str], cwd: Path, version: str) -> None:
    try:
        result = subprocess.run(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=MAVEN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LocalNeo4jError(f"Maven did not finish within {MAVEN_TIMEOUT_S:.0f}s: {' '.join(command)}") from exc
    if result.returncode != 0:
        output = _ANSI_CODES.sub("", result.stdout + result.stderr)
        raise LocalNeo4jError(
            f"Maven could not assemble Neo4j {version} (exit {result.returncode}).\n"
            f"Command: {' '.join(command)}\n"
            f"Check that the release exists: mvn dependency:get -Dartifact=org.neo4j:neo4j:{version}\n"
            f"Maven output (last lines):\n{_tail_text(output, 40)}"
        )


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise LocalNeo4jError(f"`{name}` not found on PATH. {hint}")
    return path


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return _require_tool("java", "Neo4j 5.26 needs Java 17 or 21: apt-get install openjdk-17-jre-headless")


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
