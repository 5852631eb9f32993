"""Equity views: a measure shown by group (home language, race/ethnicity), small groups suppressed.

Children's privacy comes first, so suppression is decided here, once, before anything is drawn,
tabled or exported: the views below carry no number for a suppressed cell at all.

- A group smaller than the collaborative's threshold (``suppress_below``, 10 by default) in a
  period is suppressed (primary suppression).
- A team's overall figure is shown elsewhere, and so is the network's total for each group; a
  single hidden cell could then be worked out by subtraction. So whenever exactly one cell of a
  team's period (across groups), or of a group's period (across teams), is hidden, the next
  smallest is hidden too (complementary suppression), until no single hidden cell is left.
- A suppressed cell is shown as "suppressed", never as zero or as a gap without explanation.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..base.errors import BscError
from ..base.language import N_, _, n_, number
from ..model import Grouping, Measure, Stratum, StratumObservation, period_label
from ..portable.cells import csv_text
from ..spc import qic
from ..store import Store
from .measure_analysis import chart_and_rules, run_engine
from .measure_data import chart_direction
from .reading import Reading, read_chart

SUPPRESSED = N_("suppressed")     # as the export writes it; shown in the page's language


def suppression(cells: pd.DataFrame, threshold: int, margins: list[list[str]]) -> pd.Series:
    """Which cells to hide: small ones, then complements so no single hidden cell can be derived."""
    den = cells["denominator"].to_numpy(dtype=float)
    hidden = den < threshold
    groups = [list(cells.groupby(keys if len(keys) > 1 else keys[0], sort=False).indices.values())
              for keys in margins]            # positions of each margin's cells, in row order
    changed = True
    while changed:
        changed = False
        for margin in groups:
            for rows in margin:
                h = hidden[rows]
                if int(h.sum()) == 1 and len(rows) > 1:
                    shown = rows[~h]
                    hidden[shown[np.argmin(den[shown])]] = True
                    changed = True
    return pd.Series(hidden, index=cells.index)


@dataclass
class GroupView:
    """A measure by group, for one team or the whole network, with suppressed cells already emptied."""

    measure: Measure
    grouping: Grouping
    strata: list[Stratum]
    threshold: int
    table: pd.DataFrame                 # period, stratum_id, group, numerator, denominator, value, suppressed
    result: pd.DataFrame                # the engine's result per group (facet1 = stratum id), shown cells only
    readings: dict[str, Reading]
    gap: pd.DataFrame                   # period, gap, high, low: where at least two groups are shown
    gap_reading: Reading | None = None
    sentences: list[str] = field(default_factory=list)
    rules: tuple[str, ...] = ("anhoej",)  # the collaborative's rules: they read each group and colour its points

    @property
    def percent(self) -> bool:
        return self.measure.multiplier == 100

    def csv(self) -> str:
        """The view as a spreadsheet: suppressed cells say so and carry no number."""
        return csv_text(["period", "group", "numerator", "denominator",
                         f"value{' (%)' if self.percent else ''}", "status"],
                        [[r.period.date(), r.group, None, None, None, SUPPRESSED] if r.suppressed else
                         [r.period.date(), r.group, r.numerator, r.denominator, round(r.value, 1), "shown"]
                         for r in self.table.itertuples()])


def stratified_measures(store: Store) -> list[Measure]:
    return [m for m in store.list(Measure) if m.stratified_by]


def _cells(store: Store, measure: Measure, threshold: int, damaged: list | None = None) -> pd.DataFrame:
    rows = [(o.team_id, pd.Timestamp(o.period), o.stratum_id, o.numerator, o.denominator)
            for o in store.list(StratumObservation, measure_id=measure.id, damaged=damaged)]
    cells = pd.DataFrame(rows, columns=["team", "period", "stratum_id", "numerator", "denominator"])
    if cells.empty:
        return cells.assign(suppressed=pd.Series(dtype=bool))
    cells["suppressed"] = suppression(cells, threshold, [["team", "period"], ["stratum_id", "period"]])
    return cells


def group_view(store: Store, measure_id: str, team_id: str | None = None) -> GroupView:
    """``measure_id`` by group for ``team_id``, or summed over the network when it is None."""
    measure = store.require(Measure, measure_id)
    if not measure.stratified_by:
        raise BscError(_("“%(measure)s” is not shown by group.", measure=measure.name))
    collab = store.collaborative()
    threshold = collab.suppress_below if collab else 10
    grouping = store.require(Grouping, measure.stratified_by)
    strata = store.list(Stratum, grouping_id=grouping.id)
    labels = {s.id: s.label for s in strata}
    damaged: list = []
    cells = _cells(store, measure, threshold, damaged)
    if team_id is not None:
        team_id = store.team(team_id).id
        damaged = [d for d in damaged if d.key[0] == team_id]
        cells = cells[cells["team"] == team_id]
    elif not cells.empty:  # the network: sum every team's cells, then suppress the sums
        cells = cells.groupby(["period", "stratum_id"], as_index=False)[["numerator", "denominator"]].sum()
        cells["suppressed"] = suppression(cells, threshold, [["period"]])
    table = _table(cells, labels, [s.id for s in strata], measure.multiplier)
    view = GroupView(measure, grouping, strata, threshold, table, pd.DataFrame(), {}, pd.DataFrame())
    _analyse(view, *chart_and_rules(store, measure, "run"))
    if damaged:  # named by period and group only: a damaged count is still a count not to show
        which = "; ".join(f"{labels.get(d.key[3], d.key[3])}, {period_label(d.key[2], measure.frequency)}"
                          for d in damaged[:6])
        view.sentences.append(n_("%(n)s group figure is damaged in the workspace and left out: %(which)s. The team "
                                 "can enter it again in its measures workbook.",
                                 "%(n)s group figures are damaged in the workspace and left out: %(which)s. The "
                                 "team can enter them again in its measures workbook.", len(damaged), which=which))
    return view


def _table(cells: pd.DataFrame, labels: dict[str, str], order: list[str], multiplier: float) -> pd.DataFrame:
    """Only shown cells keep their numbers: from here on a suppressed count does not exist."""
    columns = ["period", "stratum_id", "group", "numerator", "denominator", "value", "suppressed"]
    if cells.empty:
        return pd.DataFrame(columns=columns)
    hidden = cells["suppressed"].to_numpy(bool)
    table = pd.DataFrame({
        "period": cells["period"].to_numpy(), "stratum_id": cells["stratum_id"].to_numpy(),
        "group": [labels.get(s, s) for s in cells["stratum_id"]],
        "numerator": np.where(hidden, np.nan, cells["numerator"].to_numpy(float)),
        "denominator": np.where(hidden, np.nan, cells["denominator"].to_numpy(float)),
        "suppressed": hidden})
    table["value"] = table["numerator"] / table["denominator"] * multiplier
    rank = {s: i for i, s in enumerate(order)}
    table = table.sort_values(["period", "stratum_id"], key=lambda c: c.map(rank) if c.name == "stratum_id" else c)
    return table[columns].reset_index(drop=True)


def _analyse(view: GroupView, chart: str, rules: tuple) -> None:
    m, table = view.measure, view.table
    view.rules = rules
    shown = table[~table["suppressed"].astype(bool)]
    view.sentences.append(_("Groups with fewer than %(n)s families or children in a period are suppressed to protect "
                            "privacy, and so is the next smallest group when only one would be hidden, so no "
                            "hidden figure can be worked out from a total.", n=view.threshold))
    if shown.empty:
        view.sentences.append(_("No group can be shown yet.") if not table.empty else _("No data by group yet."))
        return
    frame = pd.DataFrame({"team": shown["stratum_id"], "x": shown["period"], "y": shown["numerator"],
                          "n": shown["denominator"], "numerator": shown["numerator"],
                          "denominator": shown["denominator"], "value": np.nan})
    view.result = run_engine(frame, m, chart, rules)
    labels = {s.id: s.label for s in view.strata}
    for sid, group in view.result.groupby("facet1", sort=False):
        reading = read_chart(group.drop(columns=["facet1", "facet2"]).reset_index(drop=True),
                             labels.get(sid, sid), chart_direction(m, chart), view.percent, m.frequency, rules=rules)
        view.readings[sid] = reading
    latest = table[table["period"] == table["period"].max()]
    unit_sign = "%" if view.percent else ""
    parts = [f"{r.group} {_(SUPPRESSED)}" if r.suppressed else f"{r.group} {number(round(r.value))}{unit_sign}"
             for r in latest.itertuples()]
    view.sentences.append(_("Latest (%(period)s): %(groups)s.", period=period_label(latest['period'].iloc[0].date(),
                                                                                  m.frequency), groups=", ".join(parts)))
    for sid in [s.id for s in view.strata if s.id in view.readings]:
        first = view.readings[sid].sentences[:1]
        if first:
            view.sentences.append(first[0] if first[0].startswith(labels[sid]) else f"{labels[sid]}: {first[0]}")
    _gap(view, shown)


def _gap(view: GroupView, shown: pd.DataFrame) -> None:
    """The distance between the highest and lowest shown group, period by period, and its run chart."""
    rows = []
    for period, g in shown.groupby("period", sort=True):
        if len(g) >= 2:
            hi, lo = g.loc[g["value"].idxmax()], g.loc[g["value"].idxmin()]
            rows.append((period, hi["value"] - lo["value"], hi["group"], lo["group"]))
    view.gap = pd.DataFrame(rows, columns=["period", "gap", "high", "low"])
    if len(view.gap) < 2:
        view.sentences.append(_("The gap between groups needs at least two groups shown in the same period."))
        return
    result = qic(view.gap["gap"], x=view.gap["period"], chart="run", direction="down")
    view.gap_reading = read_chart(result, _("The gap between groups"), "down", False, view.measure.frequency)
    k = min(8, len(view.gap) // 2) or 1
    early, late = view.gap["gap"].head(k).mean(), view.gap["gap"].tail(k).mean()
    values = dict(early=number(round(early)), late=number(round(late)), k=k)
    view.sentences.append(
        _("The gap between the highest and lowest group averaged %(early)s points over the first %(k)s periods with "
          "two groups shown and %(late)s points over the last %(k)s.", **values) if view.percent else
        _("The gap between the highest and lowest group averaged %(early)s over the first %(k)s periods with two "
          "groups shown and %(late)s over the last %(k)s.", **values))
    view.sentences += view.gap_reading.sentences[:1]
