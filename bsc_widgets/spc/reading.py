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


def _signal_run(cur: pd.DataFrame, limit: float):
    """(first row, last row, side, length, is the latest run) of the latest run longer than `limit`,
    else of the longest run."""
    with np.errstate(invalid="ignore"):
        side = np.sign(cur["y"].to_numpy(dtype=float) - cur["cl"].to_numpy(dtype=float))
    ok = cur["include"].to_numpy() & ~np.isnan(side) & (side != 0)
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


def _began(cur: pd.DataFrame, run) -> int:
    """The row where the change a long run shows began: the run's first point while it lasts, else the
    first point after it (the process has moved to the other side since)."""
    first, last, *_, latest = run
    return first if latest else min(last + 1, len(cur) - 1)


def signal_start(result: pd.DataFrame) -> pd.Timestamp | None:
    """When the current phase's run signal began (as the reading dates it), if it has one."""
    if result.empty:
        return None
    cur = result[result["part"] == result["part"].max()].reset_index(drop=True)
    limit = cur["longest_run_max"].iloc[0]
    if not bool(cur["runs_signal"].iloc[0]) or not cur["longest_run"].iloc[0] > limit:
        return None
    run = _signal_run(cur, limit)
    return None if run is None else pd.Timestamp(cur["x"].iloc[_began(cur, run)])


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
    """Plain-language reading of one analysed series (a ``qic()`` result for one team and measure)."""
    if result.empty:
        return Reading("too_few", [f"{name}: there is no data yet."])
    cur = result[result["part"] == result["part"].max()].reset_index(drop=True)
    n = int(cur["n_useful"].iloc[0])
    cl = float(cur["cl"].iloc[-1])
    centre = "centre line" if cur["ucl"].notna().any() else "median"
    if not cur["baseline"].all():
        centre = f"baseline {centre}"
    phase = f" since {_when(cur['x'].iloc[0], frequency)}" if result["part"].max() > 1 else ""
    out: list[str] = []
    verdict = "no_signal"

    run = _signal_run(cur, cur["longest_run_max"].iloc[0])
    runs_signal = bool(cur["runs_signal"].iloc[0])
    longest, lmax = cur["longest_run"].iloc[0], cur["longest_run_max"].iloc[0]
    crossings, cmin = cur["n_crossings"].iloc[0], cur["n_crossings_min"].iloc[0]
    if runs_signal and run is not None and longest > lmax:
        first, last, side, length, latest = run
        where = "above" if side > 0 else "below"
        started = _when(cur["x"].iloc[first], frequency)
        final = int(np.flatnonzero(cur["include"].to_numpy() & cur["y"].notna().to_numpy())[-1])
        if latest:
            verdict = _judge(side, direction)
            lead = (f"The last {_count(length, frequency)} are all {where} the {centre} of {_fmt(cl, percent)}"
                    if last == final else
                    f"Since {started}, every point off the {centre} of {_fmt(cl, percent)} has been {where} it "
                    f"({_count(length, frequency)})")
            since = f"that started in {started}"
            cycle = _cycle_before(cycles or [], cur["x"].iloc[_began(cur, run)])
        else:   # a long run in the past: the process has since moved to the other side
            verdict = _judge(-side, direction)
            ended = _when(cur["x"].iloc[last], frequency)
            lead = (f"{_count(length, frequency).capitalize()} in a row, from {started} to {ended}, were {where} the "
                    f"{centre} of {_fmt(cl, percent)}, and later values are {'lower' if side > 0 else 'higher'}")
            since = f"since {ended}"
            cycle = _cycle_before(cycles or [], cur["x"].iloc[_began(cur, run)])
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

    sigma = cur[cur["sigma_signal"]]
    if len(sigma):
        high = sigma["y"] > sigma["ucl"]
        good = high if direction == "up" else ~high if direction == "down" else None
        after = " days after the one before" if frequency == "events" else ""
        names = ", ".join(f"{_when(x, frequency)} ({_fmt(v, percent)}{after})" for x, v in zip(sigma["x"], sigma["y"]))
        quality = "" if good is None else (", unusually good" if good.all() else ", unusually poor"
                                           if not good.any() else "")
        out.append(f"{len(sigma)} point{'s' if len(sigma) > 1 else ''} fall{'s' if len(sigma) == 1 else ''} outside "
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
        last_y = cur["y"].dropna()
        if len(last_y):
            met = last_y.iloc[-1] >= goal if direction != "down" else last_y.iloc[-1] <= goal
            out.append(f"The latest value, {_fmt(last_y.iloc[-1], percent)}, {'meets' if met else 'has not yet met'} "
                       f"the goal of {_fmt(goal, percent)}.")
    return Reading(verdict, [f"{name}: {out[0]}"] + out[1:] if out else [name])


def _rule_notes(cur: pd.DataFrame, frequency, direction) -> list[str]:
    notes = []
    if "ihi_shift" in cur:
        found = []
        with np.errstate(invalid="ignore"):
            off_centre = cur["include"].to_numpy() & (cur["y"] != cur["cl"]).to_numpy() & cur["y"].notna().to_numpy()
        shift = _last_block_start(cur["ihi_shift"].to_numpy(), off_centre)
        trend = _last_block_start(cur["ihi_trend"].to_numpy(), cur["include"].to_numpy() & cur["y"].notna().to_numpy())
        if shift is not None:
            found.append(f"a shift (6 or more points on one side of the median) from {_when(cur['x'].iloc[shift], frequency)}")
        if trend is not None:
            found.append(f"a trend (5 or more points rising or falling) from {_when(cur['x'].iloc[trend], frequency)}")
        if cur["ihi_too_few_runs"].iloc[0]:
            found.append(f"too few runs ({int(cur['ihi_runs'].iloc[0])})")
        if cur["ihi_too_many_runs"].iloc[0]:
            found.append(f"too many runs ({int(cur['ihi_runs'].iloc[0])})")
        n_useful = int(cur["n_useful"].iloc[0])
        if found:
            notes.append("By the IHI rules: " + "; ".join(found) + ".")
            if (cur["ihi_too_few_runs"].iloc[0] or cur["ihi_too_many_runs"].iloc[0]) and n_useful not in CONFIRMED:
                notes.append(f"The runs table's limits for {n_useful} useful points "
                             f"({int(cur['ihi_runs_low'].iloc[0])} and {int(cur['ihi_runs_high'].iloc[0])}) are "
                             "worked out from the statistics the table rests on; they have not been checked "
                             "against the published table.")
        elif np.isnan(cur["ihi_runs_low"].iloc[0]):
            notes.append("The IHI runs test needs 10 to 60 useful points, so it was not applied.")
    if "mdc_point_type" in cur:
        notes.append(f"By Making Data Count, the latest point shows {VARIATION_WORDS[cur['mdc_variation'].iloc[-1]]}.")
        if cur["mdc_provisional"].iloc[-1]:
            notes.append(f"These limits rest on {len(cur)} points, fewer than the {SHORT} Making Data Count asks "
                         "for, so they are provisional: read them with care, and expect them to move.")
        assurance = cur["mdc_assurance"].iloc[-1]
        if assurance:
            notes.append(ASSURANCE_WORDS[assurance])
    return notes
