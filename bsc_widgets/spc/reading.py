"""A chart read aloud: plain sentences for teachers, parents and directors, never a false "stable".

The reading looks at the current part (phase) of one series. It says when the rules cannot
signal yet and how many more points are needed, tells improvement from concern by the
measure's direction, and names the PDSA cycle that came just before a signal.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..clock import add_months
from ..model import DECISION_WORDS
from .columns import Columns
from .ihi import CONFIRMED
from .mdc import ASSURANCE_WORDS, SHORT, VARIATION_WORDS

MIN_ANY_SIGNAL = 6      # with 5 or fewer useful points no Anhøj signal is possible
MIN_DEPENDABLE = 10     # IHI and Anhøj: the rules are meant for 10 or more useful points
UNIT_WORDS = {"monthly": ("month", "months"), "weekly": ("week", "weeks"), "events": ("event", "events")}


@dataclass
class Cycle:
    """A PDSA cycle as the reading needs it (from the store, or typed by hand)."""

    title: str
    start: dt.date
    end: dt.date | None = None
    decision: str | None = None


@dataclass
class Reading:
    verdict: str                      # improvement, concern, change, no_signal, too_few
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _when(x, frequency: str | None) -> str:
    if isinstance(x, np.datetime64):
        x = pd.Timestamp(x)
    if isinstance(x, (pd.Timestamp, dt.date)):
        d = pd.Timestamp(x)
        if frequency == "events":          # a point is an event, on its day
            return f"{d:%-d %B %Y}"
        return f"the week of {d:%-d %B %Y}" if frequency == "weekly" else f"{d:%B %Y}"
    return f"point {x}"


def _fmt(v: float, percent: bool) -> str:
    if v is None or np.isnan(v):
        return "–"
    if percent:
        return f"{v:.0f}%"
    return f"{v:.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.3g}"


def _count(n: int, frequency: str | None) -> str:
    one, many = UNIT_WORDS.get(frequency, ("point", "points"))
    return f"{n} {one if n == 1 else many}"


def _more(n: int, frequency: str | None) -> str:
    one, many = UNIT_WORDS.get(frequency, ("point", "points"))
    return f"{n} more {one if n == 1 else many}"


def _signal_run(cur: Columns, limit: float):
    """(first row, last row, side, length, is the latest run) of the latest run longer than `limit`,
    else of the longest run."""
    with np.errstate(invalid="ignore"):
        side = np.sign(cur.floats("y") - cur.floats("cl"))
    ok = cur["include"].astype(bool) & ~np.isnan(side) & (side != 0)
    idx = np.flatnonzero(ok)
    if not len(idx):
        return None
    s = side[idx]
    new = np.r_[True, s[1:] != s[:-1]]
    run = np.cumsum(new) - 1
    lengths = np.bincount(run)
    long = np.flatnonzero(lengths > limit)
    best = int(long[-1]) if len(long) else len(lengths) - 1 - int(np.argmax(lengths[::-1]))
    members = idx[run == best]
    return members[0], members[-1], int(s[run == best][0]), int(lengths[best]), best == len(lengths) - 1


def _began(cur: Columns, run) -> int:
    """The row where the change a long run shows began: the run's first point while it lasts, else the
    first point after it (the process has moved to the other side since)."""
    first, last, *_, latest = run
    return first if latest else min(last + 1, cur.rows - 1)


def _current_part(result) -> tuple[Columns, bool]:
    """The rows of the latest part (phase), and whether there are earlier ones."""
    cols = Columns.of(result)
    part = cols["part"]
    latest = part.max()
    return (cols if (part == latest).all() else cols.where(part == latest)), latest > 1


def signal_start(result) -> pd.Timestamp | None:
    """When the current phase's run signal began (as the reading dates it), if it has one."""
    if Columns.of(result).rows == 0:
        return None
    cur, _ = _current_part(result)
    limit = cur["longest_run_max"][0]
    if not bool(cur["runs_signal"][0]) or not cur["longest_run"][0] > limit:
        return None
    run = _signal_run(cur, limit)
    return None if run is None else pd.Timestamp(cur["x"][_began(cur, run)])


def _last_block_start(flags: np.ndarray, usable: np.ndarray) -> int | None:
    """Row where the last block of flagged rows starts (rows that are not usable do not split a block)."""
    rows = np.flatnonzero(usable)
    f = flags[rows]
    if not f.any():
        return None
    last = np.flatnonzero(f)[-1]
    start = last
    while start > 0 and f[start - 1]:
        start -= 1
    return int(rows[start])


NEAR_BEFORE, NEAR_AFTER = 3, 1     # months: the one meaning of "a PDSA cycle near a signal", used everywhere


def near_signal(start: dt.date, end: dt.date | None, began: dt.date, ended: dt.date | None = None) -> bool:
    """Whether a cycle was running near a signal: at some time from the first of the month 3 months
    before the signal began to the end of the month after it (or after it ended, for a signal that
    spans a phase, such as too few crossings). A cycle still running counts from its start."""
    began = pd.Timestamp(began).date()
    ended = began if ended is None else pd.Timestamp(ended).date()
    return start < add_months(ended, NEAR_AFTER + 1) and (end or start) >= add_months(began, -NEAR_BEFORE)


def _cycle_before(cycles: list[Cycle], when) -> Cycle | None:
    """The cycle the reading names: near the signal, and started by the time it began."""
    if isinstance(when, np.datetime64):
        when = pd.Timestamp(when)
    if not cycles or not isinstance(when, (pd.Timestamp, dt.date)):
        return None
    when = pd.Timestamp(when).date()
    candidates = [c for c in cycles if c.start <= when and near_signal(c.start, c.end, when)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: ((c.decision in ("adopt", "adapt")), c.end or c.start))


def _judge(side: int, direction: str) -> str:
    if direction == "neutral":
        return "change"
    return "improvement" if (side > 0) == (direction == "up") else "concern"


def read_chart(result: pd.DataFrame, name: str = "This measure", direction: str = "neutral",
               percent: bool = False, frequency: str | None = None, cycles: list[Cycle] | None = None,
               goal: float | None = None) -> Reading:
    """Plain-language reading of one analysed series (a ``qic()`` result for one team and measure, as a
    frame or as ``Columns``)."""
    if Columns.of(result).rows == 0:
        return Reading("too_few", [f"{name}: there is no data yet."])
    cur, phased = _current_part(result)
    x, y = cur["x"], cur.floats("y")
    n = int(cur["n_useful"][0])
    cl = float(cur["cl"][-1])
    centre = "centre line" if (~np.isnan(cur.floats("ucl"))).any() else "median"
    if not cur["baseline"].all():
        centre = f"baseline {centre}"
    phase = f" since {_when(x[0], frequency)}" if phased else ""
    out: list[str] = []
    verdict = "no_signal"

    run = _signal_run(cur, cur["longest_run_max"][0])
    runs_signal = bool(cur["runs_signal"][0])
    longest, lmax = cur["longest_run"][0], cur["longest_run_max"][0]
    crossings, cmin = cur["n_crossings"][0], cur["n_crossings_min"][0]
    if runs_signal and run is not None and longest > lmax:
        first, last, side, length, latest = run
        where = "above" if side > 0 else "below"
        started = _when(x[first], frequency)
        final = int(np.flatnonzero(cur["include"].astype(bool) & ~np.isnan(y))[-1])
        if latest:
            verdict = _judge(side, direction)
            lead = (f"The last {_count(length, frequency)} are all {where} the {centre} of {_fmt(cl, percent)}"
                    if last == final else
                    f"Since {started}, every point off the {centre} of {_fmt(cl, percent)} has been {where} it "
                    f"({_count(length, frequency)})")
            since = f"that started in {started}"
            cycle = _cycle_before(cycles or [], x[_began(cur, run)])
        else:   # a long run in the past: the process has since moved to the other side
            verdict = _judge(-side, direction)
            ended = _when(x[last], frequency)
            lead = (f"{_count(length, frequency).capitalize()} in a row, from {started} to {ended}, were {where} the "
                    f"{centre} of {_fmt(cl, percent)}, and later values are {'lower' if side > 0 else 'higher'}")
            since = f"since {ended}"
            cycle = _cycle_before(cycles or [], x[_began(cur, run)])
        kind = {"improvement": "a signal of improvement", "concern": "a signal of concern",
                "change": "a signal of change"}[verdict]
        after = ""
        if cycle:
            verb = DECISION_WORDS[cycle.decision] if cycle.decision else "tested"
            after = f", after the cycle ‘{cycle.title}’ was {verb}"
        out.append(f"{lead}: {kind} {since}{after}.")
    elif runs_signal:
        verdict = "change"
        out.append(f"The line crosses the {centre} only {int(crossings)} times{phase} (at least {int(cmin)} are "
                   f"expected for {n} useful points): the data stay on one side for long stretches, a signal of "
                   "change.")

    flagged = cur["sigma_signal"].astype(bool)
    if flagged.any():
        high = y[flagged] > cur.floats("ucl")[flagged]
        good = high if direction == "up" else ~high if direction == "down" else None
        after = " days after the one before" if frequency == "events" else ""
        names = ", ".join(f"{_when(when, frequency)} ({_fmt(v, percent)}{after})"
                          for when, v in zip(x[flagged], y[flagged]))
        quality = "" if good is None else (", unusually good" if good.all() else ", unusually poor"
                                           if not good.any() else "")
        count = int(flagged.sum())
        out.append(f"{count} point{'s' if count > 1 else ''} fall{'s' if count == 1 else ''} outside "
                   f"the control limits{quality}: {names}.")
        if verdict == "no_signal":
            verdict = "change" if good is None else ("improvement" if good.all() else "concern")

    if n < MIN_ANY_SIGNAL:
        more = MIN_ANY_SIGNAL - n
        out.append(f"With only {n} useful point{'s' if n != 1 else ''}{phase} (points not on the {centre}), the "
                   f"run-chart rules cannot signal yet: {_more(more, frequency)} {'is' if more == 1 else 'are'} "
                   f"needed before any signal is possible, and {_more(MIN_DEPENDABLE - n, frequency)} for a "
                   "dependable reading. This does not mean nothing has changed.")
        if verdict == "no_signal":
            verdict = "too_few"
    elif verdict == "no_signal" and n < MIN_DEPENDABLE:
        verdict = "too_few"
        out.append(f"No signal yet{phase}, but with only {n} useful points the chart cannot show that the process is "
                   f"stable either: {_more(MIN_DEPENDABLE - n, frequency)} are needed for a dependable reading.")
    elif verdict == "no_signal":
        out.append(f"No signal of change{phase}: the longest run is {int(longest)} points (more than {int(lmax)} would "
                   f"signal) and the line crosses the {centre} {int(crossings)} times (fewer than {int(cmin)} would "
                   f"signal). The variation looks like everyday variation around the {centre} of {_fmt(cl, percent)}.")

    out += _rule_notes(cur, frequency, direction)
    if goal is not None and not np.isnan(goal):
        last_y = y[~np.isnan(y)]
        if len(last_y):
            met = last_y[-1] >= goal if direction != "down" else last_y[-1] <= goal
            out.append(f"The latest value, {_fmt(last_y[-1], percent)}, {'meets' if met else 'has not yet met'} "
                       f"the goal of {_fmt(goal, percent)}.")
    return Reading(verdict, [f"{name}: {out[0]}"] + out[1:] if out else [name])


def _rule_notes(cur: Columns, frequency, direction) -> list[str]:
    notes = []
    first = {k: v[0] for k, v in cur.items()}
    if "ihi_shift" in cur:
        found = []
        y, include = cur.floats("y"), cur["include"].astype(bool)
        with np.errstate(invalid="ignore"):
            off_centre = include & (y != cur.floats("cl")) & ~np.isnan(y)
        shift = _last_block_start(cur["ihi_shift"].astype(bool), off_centre)
        trend = _last_block_start(cur["ihi_trend"].astype(bool), include & ~np.isnan(y))
        if shift is not None:
            found.append(f"a shift (6 or more points on one side of the median) from {_when(cur['x'][shift], frequency)}")
        if trend is not None:
            found.append(f"a trend (5 or more points rising or falling) from {_when(cur['x'][trend], frequency)}")
        if first["ihi_too_few_runs"]:
            found.append(f"too few runs ({int(first['ihi_runs'])})")
        if first["ihi_too_many_runs"]:
            found.append(f"too many runs ({int(first['ihi_runs'])})")
        n_useful = int(first["n_useful"])
        if found:
            notes.append("By the IHI rules: " + "; ".join(found) + ".")
            if (first["ihi_too_few_runs"] or first["ihi_too_many_runs"]) and n_useful not in CONFIRMED:
                notes.append(f"The runs table's limits for {n_useful} useful points "
                             f"({int(first['ihi_runs_low'])} and {int(first['ihi_runs_high'])}) are "
                             "worked out from the statistics the table rests on; they have not been checked "
                             "against the published table.")
        elif np.isnan(float(first["ihi_runs_low"])):
            notes.append("The IHI runs test needs 10 to 60 useful points, so it was not applied.")
    if "mdc_point_type" in cur:
        notes.append(f"By Making Data Count, the latest point shows {VARIATION_WORDS[cur['mdc_variation'][-1]]}.")
        if cur["mdc_provisional"][-1]:
            notes.append(f"These limits rest on {cur.rows} points, fewer than the {SHORT} Making Data Count asks "
                         "for, so they are provisional: read them with care, and expect them to move.")
        assurance = cur["mdc_assurance"][-1]
        if assurance:
            notes.append(ASSURANCE_WORDS[assurance])
    return notes
