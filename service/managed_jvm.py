"""What the managed Neo4j (service/graph/local_neo4j.py) and the managed Kafka broker (service/kafka/local_kafka.py)
share: a distribution that Maven assembles into ``home/dist/<version>`` once, and instances under
``home/instances/<instance>``, each a JVM that Python starts, waits for, finds again by its pid file and stops.

Each subclass says what is its own: the distribution's recipe and Maven properties, the instance's files, the
command line, when the server is ready, and how to recognise its process.
"""

from __future__ import annotations

import contextlib
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
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from service.jvm_process import file_lock, pid_alive, proc_cmdline, read_pid, tail_text

MANIFEST_NAME = "geokg-dist.json"
MAVEN_TIMEOUT_S = 1800.0
_ANSI_CODES = re.compile(r"\x1b\[[0-9;]*m")  # Maven colours its errors even in batch mode
_MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")


def _check_instance_name(instance: str) -> None:
    # The name becomes a folder under instances/: nothing that could climb out of it.
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", instance):
        raise ValueError(f"instance name must be a plain folder name, got {instance!r}")


def check_memory_size(name: str, size: str) -> None:
    if not _MEMORY_SIZE.fullmatch(size):
        raise ValueError(f"{name} must look like 512m or 1g, got {size!r}")


def find_java() -> str | None:
    """$JAVA_HOME's java, else the one on PATH (None when there is none)."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


class ManagedJvm(ABC):
    """One instance of a JVM server run from a distribution that Maven assembles (see the module's docstring)."""

    product: ClassVar[str]  # "Neo4j", "Kafka": the name messages give the server
    error: ClassVar[type[RuntimeError]]  # what install, start and stop raise
    pom_file: ClassVar[Path]
    pid_name: ClassVar[str]  # the pid file's name under run/
    ready_poll_s: ClassVar[float]
    exit_poll_s: ClassVar[float]
    download_size: ClassVar[str]  # what the first install fetches, for its log line

    def __init__(self, *, home: Path, version: str, instance: str) -> None:
        _check_instance_name(instance)
        self.home = Path(home).expanduser()
        self.version = version
        self.instance = instance
        # Kept so that a server started (and later stopped) by this object is reaped, not left a zombie.
        self._process: subprocess.Popen[bytes] | None = None
        # The subclass's module logger, so that its records keep their logger's name.
        self._log = logging.getLogger(type(self).__module__)

    # ----------------------------------------------------------------- what a subclass says

    @abstractmethod
    def _recipe(self) -> str:
        """A digest of what the distribution is built from: a changed one rebuilds an older cached distribution."""

    @abstractmethod
    def _maven_properties(self, lib: Path) -> list[str]:
        """The -D options of `mvn package` (lib is where the pom copies the jars)."""

    @abstractmethod
    def _maven_hint(self, command: list[str]) -> str:
        """What a failed Maven run's message suggests (before Maven's own output)."""

    @abstractmethod
    def _check_assembly(self, lib: Path) -> None:
        """Raises when Maven's lib/ lacks the jars the server needs."""

    @abstractmethod
    def _manifest_fields(self) -> dict[str, object]:
        """The manifest's own fields (the recipe and the jar count follow them)."""

    @abstractmethod
    def _check_ports_free(self) -> None:
        """Raises, naming the port, when another process holds one of the instance's ports."""

    @abstractmethod
    def _prepare_instance(self, dist: Path) -> None:
        """Writes the instance's folders and config before each start."""

    @abstractmethod
    def server_command(self) -> list[str]:
        """The server's JVM command line."""

    @abstractmethod
    def _ready(self) -> bool:
        """True once the (live) server serves."""

    @abstractmethod
    def _not_ready(self) -> str:
        """How a start that timed out is described, e.g. "did not answer on <address>"."""

    @abstractmethod
    def _address(self) -> str:
        """Where the server serves, for the log line of a start."""

    @abstractmethod
    def _owns_cmdline(self, cmdline: str) -> bool:
        """Whether a live process's command line is this instance's server (and not a recycled pid)."""

    def _dist_in_use(self) -> bool:
        """Whether a rebuild must wait because a server runs from the cached distribution."""
        return False

    @abstractmethod
    def _finish_assembly(self, staging: Path) -> None:
        """What the distribution needs besides the jars, before its manifest is written."""

    def _launch_env(self) -> dict[str, str] | None:
        return None

    def _pid_files(self) -> Sequence[Path]:
        return (self.pid_file,)

    def _log_files(self) -> Sequence[Path]:
        return (self.console_log,)

    # ----------------------------------------------------------------- paths

    @property
    def dist_dir(self) -> Path:
        return self.home / "dist" / self.version

    @property
    def instance_dir(self) -> Path:
        return self.home / "instances" / self.instance

    @property
    def console_log(self) -> Path:
        return self.instance_dir / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.instance_dir / "run" / self.pid_name

    # ----------------------------------------------------------------- install

    def install(self) -> Path:
        """Assembles the distribution with Maven unless a complete, current one is already cached."""
        if self._dist_is_current():
            return self.dist_dir
        parent = self.dist_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        with file_lock(parent / f".{self.version}.lock"):
            if self._dist_is_current():  # another process finished it while we waited for the lock
                return self.dist_dir
            if self._dist_in_use():
                return self.dist_dir
            # Under the dist lock, so these belong to interrupted earlier installs.
            for pattern in (f".{self.version}-*.partial", f".{self.version}-*.old"):
                for leftover in parent.glob(pattern):
                    shutil.rmtree(leftover, ignore_errors=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{self.version}-", suffix=".partial", dir=parent))
            try:
                self._assemble(staging)
                self._swap_in(staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return self.dist_dir

    def _dist_manifest(self) -> dict[str, object] | None:
        """The manifest of a complete distribution (it is written last), else None."""
        try:
            manifest = json.loads((self.dist_dir / MANIFEST_NAME).read_text())
        except (OSError, ValueError):
            return None
        return manifest if isinstance(manifest, dict) else None

    def _dist_is_current(self) -> bool:
        manifest = self._dist_manifest()
        return manifest is not None and manifest.get("recipe") == self._recipe()

    def _assemble(self, staging: Path) -> None:
        self._log.info(
            "Assembling %s %s from Maven Central into %s (first time: %s)",
            self.product,
            self.version,
            self.home,
            self.download_size,
        )
        shutil.copyfile(self.pom_file, staging / "pom.xml")
        lib = staging / "lib"
        mvn = shutil.which("mvn")
        if mvn is None:
            raise self.error(
                f"`mvn` not found on PATH: Maven is needed to assemble {self.product} (apt-get install maven)"
            )
        command = [mvn, "-B", "-q", "-f", str(staging / "pom.xml"), "package", *self._maven_properties(lib)]
        self._run_maven(command, staging)
        self._check_assembly(lib)
        shutil.rmtree(staging / "target", ignore_errors=True)
        self._finish_assembly(staging)
        manifest = {**self._manifest_fields(), "recipe": self._recipe(), "jars": len(list(lib.glob("*.jar")))}
        # Written last: its presence marks the distribution as complete.
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")

    def _run_maven(self, command: list[str], cwd: Path) -> None:
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
            raise self.error(f"Maven did not finish within {MAVEN_TIMEOUT_S:.0f}s: {' '.join(command)}") from exc
        if result.returncode != 0:
            output = _ANSI_CODES.sub("", result.stdout + result.stderr)
            raise self.error(
                f"Maven could not assemble {self.product} {self.version} (exit {result.returncode}).\n"
                f"{self._maven_hint(command)}\nMaven output (last lines):\n{tail_text(output, 40)}"
            )

    def _swap_in(self, staging: Path) -> None:
        """Replaces the distribution by renames only, so a reader never sees a half-copied one."""
        old: Path | None = None
        if self.dist_dir.exists():
            old = self.dist_dir.with_name(f".{self.version}-{secrets.token_hex(4)}.old")
            self.dist_dir.rename(old)
        staging.chmod(0o755)  # mkdtemp made it private; the jars themselves are not secret
        staging.rename(self.dist_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    # ----------------------------------------------------------------- start

    def start(self, timeout: float) -> None:
        """Starts the server in the background (installing it first if needed) and waits until it serves."""
        deadline = time.monotonic() + timeout
        # Resolved, so that the command line names the real folder even when dist/ is a symlink.
        dist = self.install().resolve()
        self.instance_dir.mkdir(parents=True, exist_ok=True)
        with file_lock(self.instance_dir / ".lock"):
            pid = self._running_pid()
            if pid is not None:
                # Already running (or still starting after an interrupted start): just wait for it.
                self._wait_until_ready(pid, deadline, timeout)
                return
            self._check_ports_free()
            self._prepare_instance(dist)
            process = self._launch()
            try:
                self._wait_until_ready(process.pid, deadline, timeout)
            except BaseException:
                self._terminate(process.pid, 30.0)
                self.pid_file.unlink(missing_ok=True)
                raise
        self._log.info("%s %s is up at %s (pid %d)", self.product, self.version, self._address(), process.pid)

    def _launch(self) -> subprocess.Popen[bytes]:
        # One file per start keeps log_tail() about this start only; the previous one is kept as .1.
        if self.console_log.exists():
            self.console_log.replace(self.console_log.with_name("console.log.1"))
        with self.console_log.open("ab") as out:
            # A new session: the server outlives this Python process and ignores its terminal's Ctrl-C.
            process = subprocess.Popen(
                self.server_command(),
                cwd=self.instance_dir,
                env=self._launch_env(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._process = process
        self.pid_file.write_text(f"{process.pid}\n")
        return process

    def _wait_until_ready(self, pid: int, deadline: float, timeout: float) -> None:
        while True:
            if not self._is_ours(pid):
                raise self.error(
                    f"{self.product} (instance '{self.instance}', pid {pid}) exited during startup. "
                    f"Log {self.console_log}:\n{self.log_tail()}"
                )
            if self._ready():
                return
            if time.monotonic() >= deadline:
                raise self.error(
                    f"{self.product} (instance '{self.instance}', pid {pid}) {self._not_ready()} "
                    f"within {timeout:.0f}s. Log {self.console_log}:\n{self.log_tail()}"
                )
            time.sleep(self.ready_poll_s)

    # ----------------------------------------------------------------- stop, kill, remove and the running process

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM the server (a controlled shutdown), SIGKILL it after `timeout`; nothing when it is not running."""
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
        self._log.warning("%s pid %d did not stop within %.0fs; killing it", self.product, pid, timeout)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        if not self._wait_for_exit(pid, 10.0):
            raise self.error(f"{self.product} pid {pid} survived SIGKILL")

    def _wait_for_exit(self, pid: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self._is_ours(pid):
            if time.monotonic() >= deadline:
                return False
            time.sleep(self.exit_poll_s)
        return True

    def _running_pid(self) -> int | None:
        """The pid of this instance's live server, from the first of its pid files that names one."""
        for path in self._pid_files():
            pid = read_pid(path)
            if pid is not None and self._is_ours(pid):
                return pid
        return None

    def _is_ours(self, pid: int) -> bool:
        if self._process is not None and self._process.pid == pid:
            return self._process.poll() is None
        if not pid_alive(pid):
            return False
        cmdline = proc_cmdline(pid)
        # Without /proc (not Linux) trust the pid; with it, guard against a recycled pid.
        return cmdline is None or self._owns_cmdline(cmdline)

    # ----------------------------------------------------------------- logs

    def log_tail(self, lines: int = 40) -> str:
        for path in self._log_files():
            if path.exists() and path.stat().st_size > 0:
                with path.open(errors="replace") as handle:
                    return "".join(deque(handle, maxlen=lines)).rstrip("\n")
        return f"(no log yet in {self.console_log.parent})"

    def _log_contains(self, text: str) -> bool:
        try:
            return text in self.console_log.read_text(errors="replace")
        except OSError:
            return False
