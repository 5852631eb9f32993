"""The house has a clear layer order; a lower layer never imports a higher one."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bsc_widgets"
# lowest first: model → store → analysis → charts → forms → notebooks/reports → CLI
LAYERS = {
    "errors": 0, "ids": 0, "text": 0, "model": 0,
    "store": 1, "portable": 1, "sample": 1,
    "timeline": 2, "spc": 2, "study": 2, "charter": 2, "reporting": 2, "attention": 2, "dosage": 2,
    "equity": 2, "spread": 2, "effectiveness": 2, "framework_history": 2, "system_assessment": 2, "register": 2,
    "charts": 3,
    "forms": 4,
    "workbook": 5, "reports": 5,
    "serve": 6, "cli": 6,
}


def _layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    rel = path.relative_to(PACKAGE).with_suffix("")
    pkg_parts = list(rel.parts[:-1]) if rel.name != "__init__" else list(rel.parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = pkg_parts[: len(pkg_parts) - (node.level - 1)] if node.level > 1 else pkg_parts
            target = ".".join(base + ([node.module] if node.module else []))
            if target:
                yield target
            else:
                yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bsc_widgets."):
            yield node.module.removeprefix("bsc_widgets.")
        elif isinstance(node, ast.Import):
            yield from (a.name.removeprefix("bsc_widgets.") for a in node.names if a.name.startswith("bsc_widgets."))


def test_every_module_has_a_layer():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    assert tops - {"__init__"} <= set(LAYERS), f"give these a layer: {tops - set(LAYERS) - {'__init__'}}"


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("__init__.py",) or "migrations" in rel.parts:
            continue
        own = _layer(rel.parts[0].removesuffix(".py"))
        for target in _imports(path):
            top = target.split(".")[0]
            if top in LAYERS and _layer(top) > own:
                wrong.append(f"{rel} imports {target}")
    assert not wrong, wrong
