"""House rules checked on the source: every write goes through the services; HTML is made only by templates."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bsc_widgets"
WRITES = {"save", "add", "delete", "save_many", "load", "transaction", "insert_many", "clear"}
STORE_NAMES = {"store", "tx", "stores"}  # what the house calls a Store or a Transaction
MAY_WRITE = {"store", "services"}        # the store itself, and the one layer every write goes through


def _receiver(node: ast.AST) -> str | None:
    """``store`` in ``store.save``, ``self.store.save`` or ``tx.save``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def writes_outside_services(root: Path = PACKAGE) -> list[str]:
    found = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] in MAY_WRITE or "migrations" in rel.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in WRITES and _receiver(node.value) in STORE_NAMES:
                found.append(f"{rel}:{node.lineno}: {_receiver(node.value)}.{node.attr}")
    return sorted(found)


def test_every_write_goes_through_the_services():
    assert writes_outside_services() == []


def test_the_write_check_sees_a_write(tmp_path):
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "page.py").write_text("def f(self):\n    self.store.save(x)\n    saver = store.add\n")
    assert writes_outside_services(tmp_path) == ["forms/page.py:2: store.save", "forms/page.py:3: store.add"]


# ---- HTML only from templates ------------------------------------------------------------------------

import re  # noqa: E402

TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>|<!doctype", re.I)
# plotly's own markup, not HTML: a line break inside a chart's hover text
ALLOWED = {("charts/spc_chart.py", "<br>"), ("base/text.py", "<br>")}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def html_in_code(root: Path = PACKAGE) -> list[str]:
    """String literals (f-strings included) that hold markup, anywhere but the templates."""
    found = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] == "render" or "migrations" in rel.parts:
            continue
        tree = ast.parse(path.read_text())
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                for m in TAG.finditer(node.value):
                    if (rel.as_posix(), m.group(0)) not in ALLOWED:
                        found.append(f"{rel}:{node.lineno}: {m.group(0)[:40]}")
    return sorted(found)


def test_no_module_builds_html_by_formatting_strings():
    assert html_in_code() == []


def test_the_html_check_sees_markup_in_an_f_string(tmp_path):
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "page.py").write_text('def f(name):\n    """Makes <b>bold</b> text."""\n'
                                                '    return f"<strong>{name}</strong>"\n')
    assert html_in_code(tmp_path) == ["forms/page.py:3: </strong>", "forms/page.py:3: <strong>"]


def test_nothing_is_marked_safe_by_hand():
    """No ``|safe`` or autoescape switched off in a template; ``Markup`` outside ``render`` only joins
    pieces templates already made (``Markup("").join``)."""
    templates = PACKAGE / "render" / "templates"
    for path in templates.rglob("*.html"):
        source = path.read_text()
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, path.name
    stray = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "render":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Markup" and not (
                    len(node.args) == 1 and isinstance(node.args[0], ast.Constant) and node.args[0].value == ""):
                stray.append(f"{rel}:{node.lineno}")
    assert stray == []


# ---- a report's failure is told by its type -------------------------------------------------------------

def test_report_failures_are_classified_by_type_not_wording():
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError
    from zmq.error import ZMQError

    from bsc_widgets.base.errors import KernelDidNotStart, ReportFailed, ReportTimedOut
    from bsc_widgets.reports.batch import failure

    assert type(failure(CellTimeoutError("slow"), 60)) is ReportTimedOut
    cell = PapermillExecutionError(0, 1, "sleep()", "CellTimeoutError", "no words about time here", [])
    assert type(failure(cell, 60)) is ReportTimedOut
    assert type(failure(ZMQError(98, "in use"), 60)) is KernelDidNotStart
    other = failure(ValueError("timed out, says the text, but it is a ValueError"), 60)
    assert type(other) is ReportFailed and other.message.startswith("ValueError:")


def test_the_licence_is_there_and_every_vendored_file_is_named_with_its_own():
    root = Path(__file__).resolve().parents[2]
    assert "BSD 3-Clause License" in (root / "LICENSE").read_text()
    notices = (root / "THIRD_PARTY_NOTICES.md").read_text()
    vendored = [p for p in root.rglob("vendor/*") if p.is_file() and ".venv" not in p.parts
                and "node_modules" not in p.parts and not p.name.endswith((".LICENSE", ".md"))]
    assert vendored
    for path in vendored:
        assert f"`{path.relative_to(root).as_posix()}`" in notices, f"{path} is not listed in THIRD_PARTY_NOTICES.md"
    for licence in re.findall(r"`([^`]+\.LICENSE)`", notices):
        assert (root / licence).is_file(), licence
