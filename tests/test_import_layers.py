"""One direction of dependency: the API (service.api) and the extractor and worker (ingest) both build on the shared
layer (service.shared, service.graph, service.config) and never on each other; only the CLI, the composition root,
wires the two. Checked on the source, so a new import anywhere breaks this test, not a user's deployment."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (function-level imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def sources(*parts: str) -> list[Path]:
    base = ROOT.joinpath(*parts)
    return [base] if base.suffix == ".py" else sorted(base.rglob("*.py"))


def under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


RULES = [
    ("service/api", ("ingest",)),
    ("ingest", ("service.api", "service.cli")),
    ("service/shared", ("ingest", "service.api", "service.cli")),
    ("service/graph", ("ingest", "service.api", "service.cli", "service.shared")),
    ("service/config.py", ("ingest", "service.api", "service.cli", "service.shared")),
]


@pytest.mark.parametrize(("layer", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_a_layer_imports_nothing_above_or_beside_it(layer: str, forbidden: tuple[str, ...]) -> None:
    files = sources(*layer.split("/"))
    assert files, layer
    offending = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in files
        for module in imported_modules(path)
        if any(under(module, package) for package in forbidden)
    )
    assert not offending, offending


def test_the_rule_catches_an_offending_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from ingest.cleanup import parse_article\n")
    assert any(under(m, "ingest") for m in imported_modules(bad))


def test_the_api_loads_without_the_extractor() -> None:
    # A fresh interpreter: importing the app must pull in neither ingest nor spaCy.
    code = (
        "import sys; import service.api.app; "
        "assert not [m for m in sys.modules if m == 'ingest' or m.startswith('ingest.')], 'api loaded ingest'; "
        "assert 'spacy' not in sys.modules, 'api loaded spacy'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_worker_loads_without_the_api() -> None:
    code = "import sys; import ingest.worker; assert 'fastapi' not in sys.modules, 'worker loaded fastapi'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
