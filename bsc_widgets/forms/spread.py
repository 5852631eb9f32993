"""Spread: how change ideas move across the network, for the coach to present at a learning session.

First tested by which team and when, how many teams test and adopted each idea, and the signals
that came near a cycle on it; with a CSV export for slides and spreadsheets.
"""
from __future__ import annotations

import ipywidgets as w

from ..charts.tables import spread_html
from ..spread import spread, spread_csv, spread_sentences, team_names
from ..text import esc
from .download import download_link
from .page import CollaborativePage


class SpreadPage(CollaborativePage):
    TITLE = "Spread of change ideas"

    def build_body(self):
        spreads = spread(self.store, self.today)
        names = team_names(self.store)
        summary = "".join(f"<li>{esc(s)}</li>" for s in spread_sentences(spreads, names))
        self.csv = spread_csv(spreads, names)
        return [w.HTML(f"<ul class='bsc-reading bsc-page'>{summary}</ul>"),
                w.HTML(spread_html(spreads, names)),
                w.HTML("<p class='bsc-page'>" + download_link(self.csv, "spread-of-change-ideas.csv",
                                                              "Download the spread table (CSV)") + "</p>")]
