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
