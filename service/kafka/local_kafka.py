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
import hashlib
import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

from service.jvm_process import LOOPBACK, port_in_use, port_open, tail_text
from service.managed_jvm import ManagedJvm, check_memory_size, find_java

DEFAULT_VERSION = "4.1.1"
POM_FILE = Path(__file__).with_name("kafka_dist") / "pom.xml"
MAIN_CLASS = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"
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


class LocalKafka(ManagedJvm):
    product = "Kafka"
    error = LocalKafkaError
    pom_file = POM_FILE
    pid_name = "kafka.pid"
    ready_poll_s = 0.2
    exit_poll_s = 0.1
    download_size = "~45 MB"

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
        super().__init__(home=home, version=version, instance=instance)
        ports = [p for p in (port, controller_port, sasl_port) if p is not None]
        if len(set(ports)) != len(ports) or not all(1 <= p <= 65535 for p in ports):
            raise ValueError(f"the broker's ports must be distinct and in 1..65535, got {ports}")
        if (sasl_port is None) != (not sasl_users):
            raise ValueError("a SASL listener needs both sasl_port and sasl_users")
        for user, password in (sasl_users or {}).items():
            if not _USER.fullmatch(user) or '"' in password or "\\" in password:
                raise ValueError(f"SASL user names are [A-Za-z0-9_.-]+ and passwords hold no quotes: {user!r}")
        check_memory_size("heap", heap)
        self.port = port
        self.controller_port = controller_port
        self.sasl_port = sasl_port
        self.sasl_users = dict(sasl_users or {})
        self.heap = heap
        self.partitions = partitions

    # ----------------------------------------------------------------- paths and addresses

    @property
    def data_dir(self) -> Path:
        return self.instance_dir / "data"

    @property
    def config_file(self) -> Path:
        return self.instance_dir / "server.properties"

    @property
    def bootstrap(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def sasl_bootstrap(self) -> str | None:
        return f"{LOOPBACK}:{self.sasl_port}" if self.sasl_port is not None else None

    def _address(self) -> str:
        return self.bootstrap

    # ----------------------------------------------------------------- install (ManagedJvm.install)

    def _recipe(self) -> str:
        return hashlib.sha256(POM_FILE.read_bytes() + self.version.encode()).hexdigest()

    def _maven_properties(self, lib: Path) -> list[str]:
        return [f"-Dkafka.version={self.version}", f"-Dkafka.lib.dir={lib}"]

    def _maven_hint(self, command: list[str]) -> str:
        artifact = f"org.apache.kafka:kafka_2.13:{self.version}"
        return f"Check that the release exists: mvn dependency:get -Dartifact={artifact}"

    def _check_assembly(self, lib: Path) -> None:
        if not (lib / f"kafka_2.13-{self.version}.jar").is_file():
            raise LocalKafkaError(f"Maven finished but {lib} lacks kafka_2.13-{self.version}.jar; see {POM_FILE}")

    def _finish_assembly(self, staging: Path) -> None:
        """Nothing: the jars are the whole distribution."""

    def _manifest_fields(self) -> dict[str, object]:
        return {"kafka_version": self.version}

    # ----------------------------------------------------------------- start (ManagedJvm.start)

    def start(self, timeout: float = 120.0) -> None:
        """Starts the broker in the background (assembling it first if needed) and waits until it serves."""
        super().start(timeout)

    def _check_ports_free(self) -> None:
        for port in (self.port, self.controller_port, self.sasl_port):
            if port is not None and port_in_use(port):
                raise LocalKafkaError(
                    f"Cannot start Kafka instance '{self.instance}': port {port} on {LOOPBACK} is in use "
                    f"(find its owner with `ss -ltnp 'sport = :{port}'`)"
                )

    def _prepare_instance(self, dist: Path) -> None:
        for sub in ("data", "logs", "run"):
            (self.instance_dir / sub).mkdir(parents=True, exist_ok=True)
        self.config_file.write_text(self._render_config())
        (self.instance_dir / "log4j2.properties").write_text(_LOG4J2)
        if not (self.data_dir / "meta.properties").exists():
            self._format_storage(dist)

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

    def _ready(self) -> bool:
        return self._log_contains(READY_LINE) and port_open(self.port)

    def _not_ready(self) -> str:
        return f"was not ready on {self.bootstrap}"

    # ----------------------------------------------------------------- status

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

    def _owns_cmdline(self, cmdline: str) -> bool:
        return MAIN_CLASS in cmdline and str(self.config_file) in cmdline


def new_cluster_id() -> str:
    """A random cluster id as Kafka writes them (`kafka-storage.sh random-uuid`): 16 bytes, URL-safe base64, never
    starting with "-" (Kafka's own Uuid.randomUuid redraws those: a command line would read one as an option)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def _java() -> str:
    found = find_java()
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
