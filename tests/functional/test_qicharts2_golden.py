"""qic() against qicharts2 0.8.1's own results (tests/fixtures/qicharts2, computed by R, not typed):
limits to 1e-9, runs columns exactly."""
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from bsc_widgets.spc import qic

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "qicharts2"
CASES = pd.read_csv(GOLDEN / "cases.csv", dtype=str, keep_default_na=False)
NUMERIC = ["y", "cl", "lcl", "ucl", "lcl.95", "ucl.95"]
EXACT = ["n.obs", "n.useful", "longest.run", "longest.run.max", "n.crossings", "n.crossings.min"]
FLAGS = ["runs.signal", "sigma.signal", "baseline", "include"]


def _ints(text):
    return [int(v) for v in text.split(";")] if text else None


def run_case(case) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = pd.read_csv(GOLDEN / f"{case.case}_input.csv")
    expected = pd.read_csv(GOLDEN / f"{case.case}_output.csv")
    x = data["x"]
    if "x_level" in data:
        levels = data.drop_duplicates("x").sort_values("x_level")["x"].tolist()
        x = pd.Categorical(x, categories=levels)
    elif not pd.api.types.is_numeric_dtype(x):
        x = pd.to_datetime(x)
    part = case.part
    part = data[part.split(":", 1)[1]] if part.startswith("column:") else _ints(part)
    facets = data[case.facets.lstrip("~").strip()] if case.facets else None
    result = qic(data["y"], x=x, n=data["n"] if "n" in data else None, chart=case.chart,
                 freeze=int(case.freeze) if case.freeze else None, part=part, exclude=_ints(case.exclude),
                 multiply=float(case.multiply), agg_fun=case.agg_fun, method=case.method,
                 cl=float(case.cl_fixed) if case.cl_fixed else None, y_neg=case.y_neg == "TRUE",
                 screened_mr=case.qic_screenedmr == "TRUE", facets=facets)
    return result, expected


def _key(frame, x_is_date):
    if x_is_date:
        x = pd.to_datetime(frame["x"]).dt.strftime("%Y-%m-%d")
    elif pd.api.types.is_numeric_dtype(frame["x"]):
        x = frame["x"].map(lambda v: f"{v:g}")
    else:
        x = frame["x"].astype(str)
    facet = frame["facet1"].astype(str) if "facet1" in frame else pd.Series("1", index=frame.index)
    return facet + "|" + x


@pytest.mark.parametrize("name", CASES["case"].tolist())
def test_golden_case(name):
    case = SimpleNamespace(**CASES.set_index("case").loc[name].to_dict(), case=name)
    result, expected = run_case(case)
    assert len(result) == len(expected)
    x_is_date = expected["x"].astype(str).str.match(r"\d{4}-\d\d-\d\d").all()
    result.index = _key(result, x_is_date)
    expected.index = _key(expected, x_is_date)
    result = result.loc[expected.index]
    for col in NUMERIC:
        ours = result[col.replace(".", "_")].to_numpy(dtype=float)
        theirs = expected[col].to_numpy(dtype=float)
        assert np.allclose(ours, theirs, rtol=1e-9, atol=1e-12, equal_nan=True), (
            col, np.flatnonzero(~np.isclose(ours, theirs, rtol=1e-9, atol=1e-12, equal_nan=True))[:5])
    for col in EXACT:
        ours = result[col.replace(".", "_")].to_numpy(dtype=float)
        theirs = expected[col].to_numpy(dtype=float)
        assert np.array_equal(ours, theirs, equal_nan=True), (col, ours[:5], theirs[:5])
    for col in FLAGS:
        assert (result[col.replace(".", "_")].to_numpy(dtype=bool) == expected[col].to_numpy(dtype=bool)).all(), col
    assert (result["part"].to_numpy() == expected["part"].to_numpy()).all()


def test_critical_values_match_qicharts2_for_n_1_to_500():
    from bsc_widgets.spc.critical import crossings_min, longest_run_max

    table = pd.read_csv(GOLDEN / "anhoej_critical_values_n1_500.csv")
    assert (longest_run_max(table["n"]) == table["longest.run.max"]).all()
    assert (crossings_min(table["n"]) == table["n.crossings.min"].abs()).all()


SUMMARIES = pd.read_csv(GOLDEN / "summaries.csv")


@pytest.mark.parametrize("name", sorted(SUMMARIES["case"].unique()))
def test_golden_summary(name):
    from bsc_widgets.spc import summary

    case = SimpleNamespace(**CASES.set_index("case").loc[name].to_dict(), case=name)
    ours = summary(run_case(case)[0])
    theirs = SUMMARIES[SUMMARIES["case"] == name].reset_index(drop=True)
    assert len(ours) == len(theirs)
    if "facet1" in ours:
        ours = ours.sort_values(["facet1", "part"], key=lambda c: c.astype(str)).reset_index(drop=True)
        theirs = theirs.sort_values(["facet1", "part"], key=lambda c: c.astype(str)).reset_index(drop=True)
    for col in ("n.obs", "n.useful", "longest.run", "longest.run.max", "n.crossings", "n.crossings.min",
                "runs.signal", "sigma.signal", "aLCL", "aLCL.95", "CL", "aUCL.95", "aUCL"):
        a = ours[col.replace(".", "_")].to_numpy(dtype=float)
        b = theirs[col].to_numpy(dtype=float)
        assert np.allclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True), (col, a, b)
