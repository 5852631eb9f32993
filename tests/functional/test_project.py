"""Project conventions that keep a fresh clone working."""
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str) and _name(d) not in ("python", "pip")]
    assert {_name(d) for d in conda} == {_name(d) for d in project["dependencies"]}
    pins = {_name(d): d.replace(" ", "") for d in project["dependencies"]}
    for dep in conda:
        assert dep.replace(" ", "") == pins[_name(dep)], f"version range differs for {dep}"


def test_notebooks_are_committed_without_outputs():
    notebooks = [p for p in ROOT.glob("**/*.ipynb")
                 if not any(part.startswith(".") or part in ("reports", "workspace", "build") for part in p.parts)]
    assert notebooks, "no notebooks found"
    dirty = []
    for path in notebooks:
        nb = json.loads(path.read_text())
        if any(c.get("outputs") or c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"):
            dirty.append(str(path.relative_to(ROOT)))
    assert not dirty, f"strip outputs from: {dirty}"


def test_workbooks_are_thin_and_parameterized():
    for path in (ROOT / "workbooks").glob("*.ipynb"):
        nb = json.loads(path.read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"].get("tags", []), f"{path.name}: first cell must be parameters"
        assert sum(len("".join(c["source"]).splitlines()) for c in code[1:]) <= 15, f"{path.name} is not thin"


def test_sample_data_is_what_the_generator_makes():
    result = subprocess.run([sys.executable, str(ROOT / "sample_data" / "generate.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_readme_starts_with_the_two_commands():
    top = (ROOT / "README.md").read_text().split("\n## ")[0]
    assert "make run" in top and "make test" in top


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_command_has_help():
    for command in ("", "init", "import", "export", "serve", "reports"):
        result = subprocess.run([sys.executable, "-m", "bsc_widgets.cli", *command.split(), "--help"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "Usage:" in result.stdout, command


def test_the_wheel_carries_template_migrations_and_sample(tmp_path):
    import zipfile

    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    names = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    for needed in ("bsc_widgets/share/jupyter/voila/templates/bsc/index.html.j2",
                   "bsc_widgets/store/migrations/env.py",
                   "bsc_widgets/store/migrations/versions/0001_initial_schema.py",
                   "bsc_widgets/_sample/framework.yaml", "bsc_widgets/_templates/team_report.ipynb",
                   "bsc_widgets/_templates/collaborative_report.ipynb"):
        assert needed in names, needed
