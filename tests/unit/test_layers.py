"""The house has a strict layer order: a lower layer never imports a higher one, and no modules import in a circle.

Every import counts, including those inside functions (a lazy import is still a dependency).
"""
import ast
import re
from pathlib import Path

import bsc_widgets

PACKAGE = Path(__file__).resolve().parents[2] / "bsc_widgets"
# The one declaration of the order (bsc_widgets.LAYERS): one layer for each folder or top-level module,
# everything inside a folder shares it.
LAYERS = {name: layer for layer, name, _ in bsc_widgets.LAYERS}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts[:-1]) if rel.name == "__init__" else list(rel.parts)
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every bsc_widgets module this file imports (relative to the package), anywhere in it."""
    tree = ast.parse(path.read_text())
    rel = path.relative_to(PACKAGE).with_suffix("")
    package = list(rel.parts[:-1])
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            names = [f"{target}.{a.name}" if target else a.name for a in node.names]
            out |= {target} if target and node.module else set(names)
            out |= {n for n in names if _is_module(n)}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bsc_widgets."):
            out.add(node.module.removeprefix("bsc_widgets."))
            out |= {f"{node.module.removeprefix('bsc_widgets.')}.{a.name}" for a in node.names
                    if _is_module(f"{node.module.removeprefix('bsc_widgets.')}.{a.name}")}
        elif isinstance(node, ast.Import):
            out |= {a.name.removeprefix("bsc_widgets.") for a in node.names if a.name.startswith("bsc_widgets.")}
    return {m for m in out if m}


def _is_module(name: str) -> bool:
    path = PACKAGE.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _sources():
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and p != PACKAGE / "__init__.py"]


def test_every_module_has_a_layer():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _sources()}
    assert tops <= set(LAYERS), f"give these a layer: {sorted(tops - set(LAYERS))}"


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in _sources():
        own = LAYERS[_module(path).split(".")[0]]
        for target in _imports(path):
            top = target.split(".")[0]
            if top in LAYERS and LAYERS[top] > own:
                wrong.append(f"{path.relative_to(PACKAGE)} (layer {own}) imports {target} (layer {LAYERS[top]})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_modules_import_each_other_in_a_circle():
    graph: dict[str, set[str]] = {}
    for path in _sources():
        me = _module(path)
        graph[me] = {t for t in _imports(path) if _is_module(t) and t != me}
    graph = {m: {t for t in deps if t in graph} for m, deps in graph.items()}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" → ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # a package's __init__ re-exporting its own modules is not a circle between concepts
    real = [c for c in cycles if not _within_one_package_init(c)]
    assert not real, "\n".join(real)


def _within_one_package_init(cycle: str) -> bool:
    mods = cycle.split(" → ")
    tops = {m.split(".")[0] for m in mods}
    return len(tops) == 1 and any("." not in m for m in mods)


def test_the_checks_can_fail(tmp_path):
    """On a made-up package with an upward import and a circle, both checks fail."""
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "__init__.py").write_text("from ..forms import page\n")
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "__init__.py").write_text("")
    (tmp_path / "forms" / "page.py").write_text("")
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "__init__.py").write_text("")
    (tmp_path / "analysis" / "ideas.py").write_text("def f():\n    from .spread import g\n")
    (tmp_path / "analysis" / "spread.py").write_text("from .ideas import f\n")
    globals()["PACKAGE"] = tmp_path
    try:
        for check in (test_lower_layers_never_import_higher_ones, test_no_modules_import_each_other_in_a_circle):
            try:
                check()
            except AssertionError as exc:
                assert ("model" in str(exc)) or ("ideas" in str(exc) and "spread" in str(exc))
            else:
                raise AssertionError(f"{check.__name__} did not see the fault")
    finally:
        globals()["PACKAGE"] = Path(__file__).resolve().parents[2] / "bsc_widgets"


def test_the_folders_are_the_layers():
    """Listing bsc_widgets/ shows the house: every folder or module is declared, and only the two entry points
    (notebooks, cli) are loose modules."""
    here = {p.name.removesuffix(".py") for p in PACKAGE.iterdir()
            if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").exists()}
    assert here == set(LAYERS), f"declared but missing: {set(LAYERS) - here}; present but undeclared: {here - set(LAYERS)}"
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert loose == {"notebooks", "cli"}


def test_the_engine_knows_nothing_else_of_ours():
    """spc, like qicharts2's engine, stands on base alone, so it can be read, tested and reused on its own."""
    outside = {t.split(".")[0] for p in (PACKAGE / "spc").rglob("*.py") for t in _imports(p)} - {"spc", "base"}
    assert not outside


def test_the_readme_shows_the_same_house():
    readme = (PACKAGE.parent / "README.md").read_text()
    house = readme[readme.index("## The house"):]
    house = house[: house.index("\n## ", 5)]
    rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", house, flags=re.M)
    shown = {name.strip("` "): int(layer) for layer, names in rows for name in names.split(",")}
    assert shown == LAYERS


def _queries_outside_the_store(package: Path) -> list[str]:
    """Modules outside store/ that import SQLAlchemy or reach a transaction's connection."""
    found = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package)
        if rel.parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            imported = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(name.split(".")[0] == "sqlalchemy" for name in imported):
                found.append(f"{rel}: imports sqlalchemy")
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append(f"{rel}:{node.lineno}: reaches a transaction's connection")
    return found


def test_no_module_outside_the_store_builds_a_query():
    """The store is the one persistence layer: every query is built in store/ (a service asks it by name)."""
    assert not _queries_outside_the_store(PACKAGE)


def test_the_query_check_can_fail(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "store.py").write_text("from sqlalchemy import select\n")
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "access.py").write_text("from sqlalchemy import func, select\n")
    (tmp_path / "services" / "actor.py").write_text("def f(tx):\n    return tx.conn.execute('x')\n")
    assert sorted(_queries_outside_the_store(tmp_path)) == [
        "services/access.py: imports sqlalchemy", "services/actor.py:2: reaches a transaction's connection"]
