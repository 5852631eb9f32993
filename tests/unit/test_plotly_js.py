"""Which plotly.js the pages load: the basic bundle where npm put it (or the image points to it), else the full one."""
import pytest

from bsc_widgets.charts import plotly_js


@pytest.fixture
def fresh_bundle():
    plotly_js.bundle.cache_clear()
    yield plotly_js.bundle
    plotly_js.bundle.cache_clear()


def test_the_basic_bundle_is_served_by_its_content(fresh_bundle, monkeypatch):
    monkeypatch.delenv("BSC_PLOTLY_JS", raising=False)
    path, name = fresh_bundle()
    assert path == plotly_js.BASIC, "make install puts plotly's basic bundle in node_modules"
    assert name.startswith("plotly.") and name.endswith(".js") and len(name) == len("plotly.") + 16 + 3


def test_a_bundle_named_by_the_environment_wins_and_a_missing_one_falls_back(fresh_bundle, monkeypatch, tmp_path):
    mine = tmp_path / "plotly-basic.min.js"
    mine.write_text("/* plotly */")
    monkeypatch.setenv("BSC_PLOTLY_JS", str(mine))
    first = fresh_bundle()
    assert first[0] == mine
    mine.write_text("/* another plotly */")
    fresh_bundle.cache_clear()
    assert fresh_bundle()[1] != first[1], "the name follows the content, so browsers never keep a stale copy"
    monkeypatch.setenv("BSC_PLOTLY_JS", str(tmp_path / "missing.js"))
    fresh_bundle.cache_clear()
    assert fresh_bundle()[0] == plotly_js.FULL


def test_a_trace_the_basic_bundle_cannot_draw_is_refused():
    plotly_js.check_traces({"scatter", "bar"})
    with pytest.raises(ValueError, match="heatmap"):
        plotly_js.check_traces({"scatter", "heatmap"})
