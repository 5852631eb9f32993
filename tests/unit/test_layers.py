"""The house has a strict layer order: a lower layer never imports a higher one, and no modules import in a circle.

Every import counts, including those inside functions (a lazy import is still a dependency).
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bsc_widgets"
# lowest first: model → store → services → analysis → charts → forms → reports → notebooks → CLI.
# One layer for each top-level module or package; everything inside a package shares it.
LAYERS = {
    "language": 0, "errors": 0, "ids": 0, "text": 0, "dates": 0, "clock": 0, "log": 0, "paths": 0, "kernels": 0, "catalogue": 0, "render": 0,
    "model": 1,
    "store": 2, "portable": 2, "sample": 2,
    "services": 3,
    "timeline": 4, "spc": 4, "measure_analysis": 4, "measure_data": 4, "network": 4, "charter": 4, "report_calendar": 4, "attention": 4,
    "dosage": 4, "equity": 4, "spread": 4, "effectiveness": 4, "framework_history": 4, "system_assessment": 4,
    "ideas": 4, "sustain": 4, "deidentified": 4,
    "charts": 5, "printing": 5, "worksheets": 5,
    "forms": 6,
    "reports": 7,
    "notebooks": 8, "mail": 8,
    "brotli_files": 9, "serve": 9, "voila_server": 9, "hub": 9, "cli": 9,
}


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
    (tmp_path / "ideas.py").write_text("def f():\n    from .spread import g\n")
    (tmp_path / "spread.py").write_text("from .ideas import f\n")
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
