"""A managed single-node Apache Kafka broker (KRaft: broker and controller in one JVM), assembled from Maven Central.

Like the managed Neo4j (service/graph/local_neo4j.py): Maven copies the broker's jars (``kafka_dist/pom.xml``) into a
cache folder outside the repository, shared by every checkout and test run, and each *instance* (its own folder with
its config, data and log, and its own ports) runs from that one distribution as a plain JVM that Python supervises.

Layout under ``home`` (default ``~/.cache/geokg/kafka``)::

    dist/<version>/        lib/ (broker jars), pom.xml, geokg-dist.json         (read-only once built)
    instances/<instance>/  server.properties, log4j2.properties, data/, logs/console.log, run/kafka.pid

The broker listens on 127.0.0.1 only: PLAINTEXT on ``port``, the controller on ``controller_port``, and, when
``sasl_users`` are given, SASL_PLAINTEXT (mechanism PLAIN) on ``sasl_port`` with those users, so that the client's
security settings can be tested against a real broker.
"""

from __future__ import annotations

import base64
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
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from service.jvm_process import (
    LOOPBACK,
    file_lock,
    pid_alive,
    port_in_use,
    port_open,
    proc_cmdline,
    read_pid,
    tail_text,
)

log = logging.getLogger(__name__)

DEFAULT_VERSION = "4.1.1"
POM_FILE = Path(__file__).with_name("kafka_dist") / "pom.xml"
MAIN_CLASS = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"
MANIFEST_NAME = "geokg-dist.json"
MAVEN_TIMEOUT_S = 1800.0
READY_LINE = "Kafka Server started"
NODE_ID = 1
# kafka-run-class.sh's defaults for the broker, with a smaller heap: a test broker holds little.
JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-Djava.awt.headless=true",
)
_ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")
_MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")
_USER = re.compile(r"^[A-Za-z0-9_.-]+$")


class LocalKafkaError(RuntimeError):
    """Installing, starting or stopping the managed broker failed; the message says why (with the log's tail)."""


@dataclass(frozen=True)
class KafkaStatus:
    installed: bool
    running: bool
    pid: int | None
    bootstrap: str
    version: str
    instance_dir: Path


class LocalKafka:
    def __init__(
        self,
        *,
        home: Path,
        version: str = DEFAULT_VERSION,
        instance: str = "default",
        port: int = 9092,
        controller_port: int = 9093,
        sasl_port: int | None = None,
        sasl_users: dict[str, str] | None = None,
        heap: str = "512m",
        partitions: int = 2,
    ) -> None:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", instance):
            raise ValueError(f"instance name must be a plain folder name, got {instance!r}")
        ports = [p for p in (port, controller_port, sasl_port) if p is not None]
        if len(set(ports)) != len(ports) or not all(1 <= p <= 65535 for p in ports):
            raise ValueError(f"the broker's ports must be distinct and in 1..65535, got {ports}")
        if (sasl_port is None) != (not sasl_users):
            raise ValueError("a SASL listener needs both sasl_port and sasl_users")
        for user, password in (sasl_users or {}).items():
            if not _USER.fullmatch(user) or '"' in password or "\\" in password:
                raise ValueError(f"SASL user names are [A-Za-z0-9_.-]+ and passwords hold no quotes: {user!r}")
        if not _MEMORY_SIZE.fullmatch(heap):
            raise ValueError(f"heap must look like 512m or 1g, got {heap!r}")
        self.home = Path(home).expanduser()
        self.version = version
        self.instance = instance
        self.port = port
        self.controller_port = controller_port
        self.sasl_port = sasl_port
        self.sasl_users = dict(sasl_users or {})
        self.heap = heap
        self.partitions = partitions
        self._process: subprocess.Popen[bytes] | None = None

    # ----------------------------------------------------------------- paths and addresses

    @property
    def dist_dir(self) -> Path:
        return self.home / "dist" / self.version

    @property
    def instance_dir(self) -> Path:
        return self.home / "instances" / self.instance

    @property
    def data_dir(self) -> Path:
        return self.instance_dir / "data"

    @property
    def console_log(self) -> Path:
        return self.instance_dir / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.instance_dir / "run" / "kafka.pid"

    @property
    def config_file(self) -> Path:
        return self.instance_dir / "server.properties"

    @property
    def bootstrap(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def sasl_bootstrap(self) -> str | None:
        return f"{LOOPBACK}:{self.sasl_port}" if self.sasl_port is not None else None

    # ----------------------------------------------------------------- install

    def install(self) -> Path:
        """Assembles the distribution with Maven unless a complete, current one is cached."""
        if self._dist_is_current():
            return self.dist_dir
        parent = self.dist_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        with file_lock(parent / f".{self.version}.lock"):
            if self._dist_is_current():  # another process built it while we waited
                return self.dist_dir
            for pattern in (f".{self.version}-*.partial", f".{self.version}-*.old"):
                for leftover in parent.glob(pattern):
                    shutil.rmtree(leftover, ignore_errors=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{self.version}-", suffix=".partial", dir=parent))
            try:
                self._assemble(staging)
                old = None
                if self.dist_dir.exists():
                    old = self.dist_dir.with_name(f".{self.version}-{secrets.token_hex(4)}.old")
                    self.dist_dir.rename(old)
                staging.chmod(0o755)
                staging.rename(self.dist_dir)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return self.dist_dir

    def _recipe(self) -> str:
        return hashlib.sha256(POM_FILE.read_bytes() + self.version.encode()).hexdigest()

    def _dist_is_current(self) -> bool:
        try:
            manifest = json.loads((self.dist_dir / MANIFEST_NAME).read_text())
        except (OSError, ValueError):
            return False
        return isinstance(manifest, dict) and manifest.get("recipe") == self._recipe()

    def _assemble(self, staging: Path) -> None:
        log.info("Assembling Kafka %s from Maven Central into %s (first time: ~45 MB)", self.version, self.home)
        shutil.copyfile(POM_FILE, staging / "pom.xml")
        lib = staging / "lib"
        mvn = shutil.which("mvn")
        if mvn is None:
            raise LocalKafkaError("`mvn` not found on PATH: Maven is needed to assemble Kafka (apt-get install maven)")
        command = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(staging / "pom.xml"),
            "package",
            f"-Dkafka.version={self.version}",
            f"-Dkafka.lib.dir={lib}",
        ]
        try:
            result = subprocess.run(
                command,
                cwd=staging,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=MAVEN_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise LocalKafkaError(f"Maven did not finish within {MAVEN_TIMEOUT_S:.0f}s: {' '.join(command)}") from exc
        if result.returncode != 0:
            output = _ANSI_CODES.sub("", result.stdout + result.stderr)
            raise LocalKafkaError(
                f"Maven could not assemble Kafka {self.version} (exit {result.returncode}).\n"
                f"Check that the release exists: mvn dependency:get -Dartifact=org.apache.kafka:kafka_2.13:"
                f"{self.version}\nMaven output (last lines):\n{tail_text(output, 40)}"
            )
        if not (lib / f"kafka_2.13-{self.version}.jar").is_file():
            raise LocalKafkaError(f"Maven finished but {lib} lacks kafka_2.13-{self.version}.jar; see {POM_FILE}")
        shutil.rmtree(staging / "target", ignore_errors=True)
        manifest = {"kafka_version": self.version, "recipe": self._recipe(), "jars": len(list(lib.glob("*.jar")))}
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")  # last: marks it complete

    # ----------------------------------------------------------------- start

    def start(self, timeout: float = 120.0) -> None:
        """Starts the broker in the background (assembling it first if needed) and waits until it serves."""
        deadline = time.monotonic() + timeout
        dist = self.install().resolve()
        self.instance_dir.mkdir(parents=True, exist_ok=True)
        with file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                self._wait_until_ready(pid, deadline, timeout)
                return
            for port in (self.port, self.controller_port, self.sasl_port):
                if port is not None and port_in_use(port):
                    raise LocalKafkaError(
                        f"Cannot start Kafka instance '{self.instance}': port {port} on {LOOPBACK} is in use "
                        f"(find its owner with `ss -ltnp 'sport = :{port}'`)"
                    )
            for sub in ("data", "logs", "run"):
                (self.instance_dir / sub).mkdir(parents=True, exist_ok=True)
            self.config_file.write_text(self._render_config())
            (self.instance_dir / "log4j2.properties").write_text(_LOG4J2)
            if not (self.data_dir / "meta.properties").exists():
                self._format_storage(dist)
            process = self._launch(dist)
            try:
                self._wait_until_ready(process.pid, deadline, timeout)
            except BaseException:
                self._terminate(process.pid, 30.0)
                self.pid_file.unlink(missing_ok=True)
                raise
        log.info("Kafka %s is up at %s (pid %d)", self.version, self.bootstrap, process.pid)

    def _render_config(self) -> str:
        listeners = [f"PLAINTEXT://{LOOPBACK}:{self.port}", f"CONTROLLER://{LOOPBACK}:{self.controller_port}"]
        advertised = [f"PLAINTEXT://{LOOPBACK}:{self.port}"]
        protocols = ["CONTROLLER:PLAINTEXT", "PLAINTEXT:PLAINTEXT"]
        lines = [
            "# Written by service/kafka/local_kafka.py at every start; edits here are overwritten.",
            "process.roles=broker,controller",
            f"node.id={NODE_ID}",
            f"controller.quorum.voters={NODE_ID}@{LOOPBACK}:{self.controller_port}",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            f"log.dirs={self.data_dir}",
            f"num.partitions={self.partitions}",
            # One node: every internal topic has one replica, and a consumer group starts at once.
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=4",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            # Topics are created on purpose (tests, `geokg kafka`), never by a typo in a client's config.
            "auto.create.topics.enable=false",
        ]
        if self.sasl_port is not None:
            listeners.append(f"SASL_PLAINTEXT://{LOOPBACK}:{self.sasl_port}")
            advertised.append(f"SASL_PLAINTEXT://{LOOPBACK}:{self.sasl_port}")
            protocols.append("SASL_PLAINTEXT:SASL_PLAINTEXT")
            users = " ".join(f'user_{user}="{password}"' for user, password in self.sasl_users.items())
            lines += [
                "sasl.enabled.mechanisms=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                f"org.apache.kafka.common.security.plain.PlainLoginModule required {users};",
            ]
        lines += [
            f"listeners={','.join(listeners)}",
            f"advertised.listeners={','.join(advertised)}",
            f"listener.security.protocol.map={','.join(protocols)}",
        ]
        return "\n".join(lines) + "\n"

    def _format_storage(self, dist: Path) -> None:
        """`kafka-storage.sh format`: writes the cluster id and the bootstrap metadata into the empty data folder."""
        command = [
            _java(),
            "-cp",
            f"{dist / 'lib'}/*",
            f"-Dlog4j2.configurationFile={self.instance_dir / 'log4j2.properties'}",
            STORAGE_TOOL,
            "format",
            f"--cluster-id={new_cluster_id()}",
            f"--config={self.config_file}",
        ]
        result = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise LocalKafkaError(
                f"Formatting the Kafka storage in {self.data_dir} failed (exit {result.returncode}):\n"
                f"{tail_text(result.stdout + result.stderr, 30)}"
            )

    def server_command(self) -> list[str]:
        dist = self.dist_dir.resolve()
        return [
            _java(),
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            f"-Dlog4j2.configurationFile={self.instance_dir / 'log4j2.properties'}",
            "-cp",
            f"{dist / 'lib'}/*",
            MAIN_CLASS,
            str(self.config_file),
        ]

    def _launch(self, dist: Path) -> subprocess.Popen[bytes]:
        if self.console_log.exists():  # one file per start; the previous one kept as .1
            self.console_log.replace(self.console_log.with_name("console.log.1"))
        with self.console_log.open("ab") as out:
            process = subprocess.Popen(
                self.server_command(),
                cwd=self.instance_dir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives a Ctrl-C in the terminal that started it
            )
        self._process = process
        self.pid_file.write_text(f"{process.pid}\n")
        return process

    def _wait_until_ready(self, pid: int, deadline: float, timeout: float) -> None:
        while True:
            if not self._is_our_broker(pid):
                raise LocalKafkaError(
                    f"Kafka (instance '{self.instance}', pid {pid}) exited during startup. "
                    f"Log {self.console_log}:\n{self.log_tail()}"
                )
            if self._log_contains(READY_LINE) and port_open(self.port):
                return
            if time.monotonic() >= deadline:
                raise LocalKafkaError(
                    f"Kafka (instance '{self.instance}', pid {pid}) was not ready on {self.bootstrap} within "
                    f"{timeout:.0f}s. Log {self.console_log}:\n{self.log_tail()}"
                )
            time.sleep(0.2)

    # ----------------------------------------------------------------- stop, kill and status

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM (a controlled shutdown), SIGKILL after `timeout`; nothing when it is not running."""
        if not self.instance_dir.exists():
            return
        with file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                self._terminate(pid, timeout)
            self.pid_file.unlink(missing_ok=True)

    def kill(self) -> None:
        """SIGKILL, as a crash would (fault trials); the data folder is kept, so a start resumes from it."""
        with file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                self._wait_for_exit(pid, 10.0)
            self.pid_file.unlink(missing_ok=True)

    def remove(self) -> None:
        """Stops the instance and deletes its folder (data included); the distribution stays."""
        self.stop()
        shutil.rmtree(self.instance_dir, ignore_errors=True)

    def _terminate(self, pid: int, timeout: float) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if self._wait_for_exit(pid, timeout):
            return
        log.warning("Kafka pid %d did not stop within %.0fs; killing it", pid, timeout)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        if not self._wait_for_exit(pid, 10.0):
            raise LocalKafkaError(f"Kafka pid {pid} survived SIGKILL")

    def _wait_for_exit(self, pid: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self._is_our_broker(pid):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
        return True

    def status(self) -> KafkaStatus:
        pid = self._running_pid() if self.instance_dir.exists() else None
        return KafkaStatus(
            installed=self._dist_is_current(),
            running=pid is not None,
            pid=pid,
            bootstrap=self.bootstrap,
            version=self.version,
            instance_dir=self.instance_dir,
        )

    def log_tail(self, lines: int = 40) -> str:
        if self.console_log.exists() and self.console_log.stat().st_size > 0:
            with self.console_log.open(errors="replace") as handle:
                return "".join(deque(handle, maxlen=lines)).rstrip("\n")
        return f"(no log yet in {self.console_log.parent})"

    def _log_contains(self, text: str) -> bool:
        try:
            return text in self.console_log.read_text(errors="replace")
        except OSError:
            return False

    def _running_pid(self) -> int | None:
        pid = read_pid(self.pid_file)
        return pid if pid is not None and self._is_our_broker(pid) else None

    def _is_our_broker(self, pid: int) -> bool:
        if self._process is not None and self._process.pid == pid:
            return self._process.poll() is None
        if not pid_alive(pid):
            return False
        cmdline = proc_cmdline(pid)
        # Without /proc (not Linux) trust the pid; with it, guard against a recycled pid.
        return cmdline is None or (MAIN_CLASS in cmdline and str(self.config_file) in cmdline)


def new_cluster_id() -> str:
    """A random cluster id as Kafka writes them (`kafka-storage.sh random-uuid`): 16 bytes, URL-safe base64, never
    starting with "-" (Kafka's own Uuid.randomUuid redraws those: a command line would read one as an option)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise LocalKafkaError("`java` not found on PATH: Kafka 4.x needs Java 17 or later")
    return found


# The broker's log on standard output (console.log): INFO for Kafka itself, warnings for the rest.
_LOG4J2 = """\
# Written by service/kafka/local_kafka.py.
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.server.name = org.apache.kafka
logger.server.level = WARN
"""
