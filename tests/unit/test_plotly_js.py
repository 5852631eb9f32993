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


def test_a_chart_is_drawn_with_no_word_smaller_than_the_body_text():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    fig.update_layout(font_size=12, title=dict(text="t", font=dict(size=11)),
                      annotations=[dict(text="LS1", font=dict(size=11)), dict(text="goal", font=dict(size=20))])
    drawn = plotly_js.readable(fig)
    assert drawn.layout.font.size == plotly_js.BODY_TEXT == 16
    assert [a.font.size for a in drawn.layout.annotations] == [16, 20] and drawn.layout.title.font.size == 16
    assert fig.layout.font.size == 12, "the figure itself is left as it was"
    with pytest.raises(ValueError, match="heatmap"):
        plotly_js.readable(go.Figure(go.Heatmap(z=[[1]])))


def test_a_report_carries_the_basic_bundle_packed_and_offline():
    import base64
    import gzip

    text = gzip.decompress(base64.b64decode(plotly_js.packed())).decode()
    assert text == plotly_js.offline_text() and "cdn.plot.ly" not in text
    assert len(plotly_js.packed()) < 600_000 and plotly_js.packed() == plotly_js.packed.__wrapped__()
