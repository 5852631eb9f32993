"""The templates are readable: djLint (as JupyterHub uses it) finds nothing, and no line runs on.

A long line is allowed only when it holds one sentence for the translators, which cannot be split without
changing the message in the catalogs."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [ROOT / "bsc_widgets" / "render" / "templates", ROOT / "bsc_widgets" / "hub" / "templates"]
LONGEST = 160
MESSAGE = re.compile(r"""(_|ngettext)\(["'][^"']{40,}["']""")


def _too_long(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.html")):
        in_trans = False
        for n, line in enumerate(path.read_text().splitlines(), 1):
            in_trans = in_trans or "{% trans" in line
            if len(line) > LONGEST and not MESSAGE.search(line) and not in_trans:
                found.append(f"{path.relative_to(folder)}:{n}: {len(line)} characters")
            in_trans = in_trans and "endtrans" not in line
    return found


def test_djlint_finds_nothing_in_the_templates():
    found = subprocess.run([sys.executable, "-m", "djlint", *map(str, TEMPLATES), "--lint",
                            "--configuration", str(ROOT / "pyproject.toml")],
                           capture_output=True, text=True, cwd=ROOT)
    assert found.returncode == 0, found.stdout[-3000:] + found.stderr[-2000:]


def test_no_template_line_runs_on():
    assert not [line for folder in TEMPLATES for line in _too_long(folder)]


def test_the_line_check_can_fail(tmp_path):
    (tmp_path / "t.html").write_text("{% macro m() %}\n" + "<p>" + "x" * 200 + "</p>\n{%- endmacro %}\n")
    assert _too_long(tmp_path) == ["t.html:2: 207 characters"]
