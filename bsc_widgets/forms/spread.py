"""Spread: how change ideas move across the network, for the coach to present at a learning session.

First tested by which team and when, how many teams test and adopted each idea, and the signals
that came near a cycle on it; with a CSV export for slides and spreadsheets.
"""
from __future__ import annotations

from ..analysis.spread import spread, spread_csv, spread_sentences, team_names
from ..base.language import N_, _
from ..charts.tables import spread_html
from ..render import render
from .download import download_link
from .page import CollaborativePage
from .words import Words


class SpreadPage(CollaborativePage):
    TITLE = N_("Spread of change ideas")

    def build_body(self):
        spreads = spread(self.store, self.today)
        names = team_names(self.store)
        self.csv = spread_csv(spreads, names)
        return [Words(render("common.html", "sentences", items=spread_sentences(spreads, names), box=True)),
                Words(spread_html(spreads, names)),
                Words(render("common.html", "paragraph", kind="bsc-page", text=download_link(
                    self.csv, "spread-of-change-ideas.csv", _("Download the spread table (CSV)"))))]
