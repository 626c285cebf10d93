"""Every package the code imports is a direct dependency in pyproject.toml (issue 13): the packages `service` and
`ingest` against `[project] dependencies`, the tests and scripts against those plus the `dev` extra. A package
that is only there because another one pulls it in can vanish with that one's next release, or, as jusText's
`lxml[html_clean]` extra did with an older pip, never be installed at all."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The project's own packages, and the modules of tests/ and scripts/ that import each other.
LOCAL = {"service", "ingest", "tests", "scripts"}
LOCAL |= {path.stem for folder in ("tests", "scripts") for path in (REPO / folder).glob("*.py")}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    dev = {_name(r) for r in project["optional-dependencies"]["dev"]}
    return runtime, dev


def _optional(tree: ast.AST) -> set[ast.AST]:
    """Imports inside `try: ... except ImportError:` (the code works without them)."""
    optional: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
        ):
            optional.update(n for statement in node.body for n in ast.walk(statement))
    return optional


def _imported(*folders: str) -> dict[str, set[str]]:
    """Top-level module -> files importing it, for every absolute import in the folders' .py files."""
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in (REPO / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            optional = _optional(tree)
            for node in ast.walk(tree):
                if node in optional:
                    continue
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in LOCAL:
                        found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def _undeclared(modules: dict[str, set[str]], declared: set[str]) -> dict[str, list[str]]:
    distributions = packages_distributions()
    missing = {}
    for module, files in modules.items():
        names = {_name(d) for d in distributions.get(module, [module])}
        if not names & declared:
            missing[f"{module} ({', '.join(sorted(names))})"] = sorted(files)
    return missing


def test_the_service_and_worker_import_only_direct_dependencies() -> None:
    runtime, _ = _declared()
    modules = _imported("service", "ingest")
    assert {"fastapi", "neo4j", "spacy", "trafilatura", "charset_normalizer"} <= set(modules)
    assert not _undeclared(modules, runtime)


def test_tests_and_scripts_import_only_declared_packages() -> None:
    runtime, dev = _declared()
    assert not _undeclared(_imported("tests", "scripts"), runtime | dev)


def test_what_jusText_imports_from_lxml_is_declared() -> None:
    # trafilatura reads pages with jusText, which imports lxml.html.clean: since lxml 5.2 that module is the
    # separate lxml_html_clean package, asked for through the `lxml[html_clean]` extra that pip 23 leaves out.
    assert any("lxml[html_clean]" in r.replace(" ", "") for r in requires("justext") or [])
    runtime, _ = _declared()
    assert "lxml-html-clean" in runtime
    import lxml.html.clean  # noqa: F401  # the import that failed in such an install
