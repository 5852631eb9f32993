"""A chart read aloud: one verdict, in a sentence a teacher, a parent or a director can act on.

The reading looks at the current part (phase) of one series, under the rules the collaborative
chose (Anhøj, IHI, both, or Making Data Count). One sentence leads, and it is one of: a signal of
improvement, of concern, or of change (for a measure with no better direction); no change yet; or
how many more points are needed before the rules can show a change. Only the chosen rules decide
it, so two rule sets never say different things on one chart. What each rule found goes under
"Why?" (``why``); what else a reader needs (the goal, a PDSA cycle running when a signal began,
points left out) goes in ``notes``. No sentence says what caused a change: a chart shows when.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..base.clock import add_months
from ..base.language import N_, Np_, _, day, n_
from ..model import DECISION_WORDS
from ..spc.columns import Columns
from ..spc.ihi import CONFIRMED, SHIFT, TREND
from ..spc.mdc import ASSURANCE_WORDS, SHORT, VARIATION_WORDS
from ..spc.signals import CHANGE, CONCERN, IMPROVEMENT, MDC_SIGNALS, SIGNALS, judge

MIN_ANY_SIGNAL = 6      # with 5 or fewer useful points no Anhøj signal is possible
MIN_DEPENDABLE = 10     # IHI and Anhøj: the rules are meant for 10 or more useful points
VERDICTS = SIGNALS + ("no_signal", "too_few")


@dataclass
class Cycle:
    """A PDSA cycle as the reading needs it (from the store, or typed by hand)."""

    title: str
    start: dt.date
    end: dt.date | None = None
    decision: str | None = None


@dataclass
class Reading:
    """``lead``: the one verdict sentence; ``notes``: shown under it; ``why``: each rule's finding.
    ``began`` and ``ended``: when the signal the lead names began (and, for one that spans a phase, ended)."""

    verdict: str                      # improvement, concern, change, no_signal, too_few
    lead: str
    why: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    began: pd.Timestamp | None = None
    ended: pd.Timestamp | None = None

    @property
    def sentences(self) -> list[str]:
        return [self.lead] + self.notes + self.why

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def noted(self, *notes: str) -> "Reading":
        """The same reading with more notes (data left out, the latest event)."""
        return Reading(self.verdict, self.lead, self.why, self.notes + list(notes), self.began, self.ended)


@dataclass
class _Signal:
    """One rule's signal: its verdict, when it began (a row), whether it holds at the latest point."""

    verdict: str
    began: int
    ongoing: bool
    ended: int | None = None       # for a signal over a whole phase (too few crossings, runs)
    until: int | None = None       # for one that is over (a trend that has stopped)


def _when(x, frequency: str | None) -> str:
    if isinstance(x, np.datetime64):
        x = pd.Timestamp(x)
    if isinstance(x, (pd.Timestamp, dt.date)):
        d = pd.Timestamp(x).date()
        if frequency == "events":          # a point is an event, on its day
            return day(d)
        return _("the week of %(day)s", day=day(d)) if frequency == "weekly" else day(d, "month")
    return _("point %(number)s", number=x)


def _fmt(v: float, percent: bool) -> str:
    if v is None or np.isnan(v):
        return "–"
    if percent:
        return f"{v:.0f}%"
    return f"{v:.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.3g}"


UNITS = {   # how a series' points are counted, by its frequency: "3 months", and "3 more months"
    "monthly": (Np_("%(n)s month", "%(n)s months"), Np_("%(n)s more month", "%(n)s more months")),
    "weekly": (Np_("%(n)s week", "%(n)s weeks"), Np_("%(n)s more week", "%(n)s more weeks")),
    "events": (Np_("%(n)s event", "%(n)s events"), Np_("%(n)s more event", "%(n)s more events")),
    None: (Np_("%(n)s point", "%(n)s points"), Np_("%(n)s more point", "%(n)s more points")),
}


def _count(n: int, frequency: str | None, more: bool = False) -> str:
    """"3 months", "1 week" (or "3 more months"): a count of the series' points in its own unit."""
    return n_(*UNITS.get(frequency, UNITS[None])[more], int(n))


def _more(n: int, frequency: str | None) -> str:
    return _count(n, frequency, more=True)


def _steps(y: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Each usable point's step from the usable point before it: 1 up, -1 down, 0 level (or the first)."""
    out = np.zeros(len(y))
    rows = np.flatnonzero(usable)
    out[rows[1:]] = np.sign(np.diff(y[rows]))
    return out


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


def _current_part(result) -> tuple[Columns, bool]:
    """The rows of the latest part (phase), and whether there are earlier ones."""
    cols = Columns.of(result)
    part = cols["part"]
    latest = part.max()
    return (cols if (part == latest).all() else cols.where(part == latest)), latest > 1


def _last_block(flags: np.ndarray, usable: np.ndarray, same: np.ndarray) -> tuple[int, int] | None:
    """(first row, last row) of the last block of flagged rows that agree on ``same`` (the side of the center
    line for a shift, the direction of the step for a trend); rows that are not usable do not split it."""
    rows = np.flatnonzero(usable)
    f, key = flags[rows], same[rows]
    if not f.any():
        return None
    last = np.flatnonzero(f)[-1]
    start = last
    while start > 0 and f[start - 1] and key[start - 1] in (key[last], 0):
        start -= 1
    return int(rows[start]), int(rows[last])


NEAR_BEFORE, NEAR_AFTER = 3, 1     # months: the one meaning of "a PDSA cycle near a signal", used everywhere


def near_signal(start: dt.date, end: dt.date | None, began: dt.date, ended: dt.date | None = None) -> bool:
    """Whether a cycle was running near a signal: at some time from the first of the month 3 months
    before the signal began to the end of the month after it (or after it ended, for a signal that
    spans a phase, such as too few crossings). A cycle still running counts from its start."""
    began = pd.Timestamp(began).date()
    ended = began if ended is None else pd.Timestamp(ended).date()
    return start < add_months(ended, NEAR_AFTER + 1) and (end or start) >= add_months(began, -NEAR_BEFORE)


def _cycle_before(cycles: list[Cycle], when) -> Cycle | None:
    """The cycle a reading mentions: near the signal, and started by the time it began."""
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
    return str(judge(side, direction))


def rule_set(result, rules=None) -> tuple[str, ...]:
    """The rules that decide a chart: those asked for, else those the result was analysed with."""
    if rules is not None:
        rules = tuple(rules)
        return tuple(r for r in rules if r != "mdc") if "mdc" in rules and "mdc_point_type" not in result else rules
    if "mdc_point_type" in result:
        return ("mdc",)
    return ("anhoej", "ihi") if "ihi_shift" in result else ("anhoej",)


class _Read:
    """The findings of one series under one rule set: its signals and the "Why?" sentences."""

    def __init__(self, cur: Columns, rules: tuple[str, ...], direction: str, percent: bool, frequency, phased: bool):
        self.cur, self.direction, self.percent, self.frequency = cur, direction, percent, frequency
        self.x, self.y = cur["x"], cur.floats("y")
        self.n = int(cur["n_useful"][0])
        self.cl = float(cur["cl"][-1])
        self.control = bool((~np.isnan(cur.floats("ucl"))).any())
        baseline = not cur["baseline"].all()
        self.center = (_("baseline center line") if baseline else _("center line")) if self.control else \
            (_("baseline median") if baseline else _("median"))
        self.since = _when(self.x[0], frequency) if phased else None
        self.include = cur["include"].astype(bool)
        self.signals: list[_Signal] = []
        self.why: list[str] = []
        self.mdc = "mdc" in rules
        if self.mdc:
            self._making_data_count()
        else:
            if "anhoej" in rules:
                self._anhoej()
            if "ihi" in rules:
                self._ihi()
            if self.control:
                self._limits()

    def at(self, row: int) -> str:
        return _when(self.x[row], self.frequency)

    def count(self, n: int) -> str:
        return _count(int(n), self.frequency)

    def value(self, v) -> str:
        return _fmt(v, self.percent)

    def _anhoej(self) -> None:
        c = self.cur
        lmax, longest = c["longest_run_max"][0], c["longest_run"][0]
        crossings, cmin = c["n_crossings"][0], c["n_crossings_min"][0]
        run = _signal_run(c, lmax)
        if bool(c["runs_signal"][0]) and run is not None and longest > lmax:
            first, last, side, length, latest = run
            final = int(np.flatnonzero(self.include & ~np.isnan(self.y))[-1])
            words = dict(count=self.count(length), center=self.center, value=self.value(self.cl),
                         start=self.at(first), end=self.at(last), limit=int(lmax))
            if latest and last == final:
                what = (_("The last %(count)s are all above the %(center)s of %(value)s: more than %(limit)s in a row "
                          "on one side is a signal (Anhøj rules).", **words) if side > 0 else
                        _("The last %(count)s are all below the %(center)s of %(value)s: more than %(limit)s in a row "
                          "on one side is a signal (Anhøj rules).", **words))
            elif latest:
                what = (_("Since %(start)s, every point off the %(center)s of %(value)s has been above it "
                          "(%(count)s): more than %(limit)s in a row on one side is a signal (Anhøj rules).", **words)
                        if side > 0 else
                        _("Since %(start)s, every point off the %(center)s of %(value)s has been below it "
                          "(%(count)s): more than %(limit)s in a row on one side is a signal (Anhøj rules).", **words))
            else:
                what = (_("From %(start)s to %(end)s, %(count)s in a row were above the %(center)s of %(value)s, and "
                          "later values are lower: more than %(limit)s in a row on one side is a signal (Anhøj "
                          "rules).", **words) if side > 0 else
                        _("From %(start)s to %(end)s, %(count)s in a row were below the %(center)s of %(value)s, and "
                          "later values are higher: more than %(limit)s in a row on one side is a signal (Anhøj "
                          "rules).", **words))
            self.why.append(what)
            self.signals.append(_Signal(_judge(side, self.direction), first, latest, until=None if latest else last))
        elif bool(c["runs_signal"][0]):
            self.why.append(n_("The line crosses the %(center)s only %(n)s time in %(count)s off it, where at "
                               "least %(least)s crossings are expected: the data stay on one side for long "
                               "stretches, a signal (Anhøj rules).",
                               "The line crosses the %(center)s only %(n)s times in %(count)s off it, where at "
                               "least %(least)s crossings are expected: the data stay on one side for long "
                               "stretches, a signal (Anhøj rules).", int(crossings),
                               center=self.center, count=self.count(self.n), least=int(cmin)))
            self.signals.append(_Signal(CHANGE, 0, True, ended=c.rows - 1))
        elif self.n >= MIN_ANY_SIGNAL:
            self.why.append(n_("No unusually long stretch on one side of the %(center)s (the longest is "
                               "%(longest)s; more than %(limit)s would be a signal), and the line crosses it %(n)s "
                               "time (fewer than %(least)s would be a signal) (Anhøj rules).",
                               "No unusually long stretch on one side of the %(center)s (the longest is "
                               "%(longest)s; more than %(limit)s would be a signal), and the line crosses it %(n)s "
                               "times (fewer than %(least)s would be a signal) (Anhøj rules).", int(crossings),
                               center=self.center, longest=self.count(longest), limit=int(lmax), least=int(cmin)))

    def _ihi(self) -> None:
        c = self.cur
        with np.errstate(invalid="ignore"):
            off_centre = self.include & (self.y != c.floats("cl")) & ~np.isnan(self.y)
        last_point = int(np.flatnonzero(self.include & ~np.isnan(self.y))[-1])
        last_off = int(np.flatnonzero(off_centre)[-1]) if off_centre.any() else last_point
        found = False
        with np.errstate(invalid="ignore"):
            side = np.nan_to_num(np.sign(self.y - c.floats("cl")))
        shift = _last_block(c["ihi_shift"].astype(bool), off_centre, side)
        if shift is not None:
            first, last = shift
            side = 1 if self.y[first] > c.floats("cl")[first] else -1
            latest = last == last_off
            words = dict(count=self.count(SHIFT), center=self.center, start=self.at(first), end=self.at(last))
            if side > 0:
                self.why.append(_("A shift: %(count)s or more in a row above the %(center)s, from %(start)s "
                                  "(IHI rules).", **words) if latest else
                                _("A shift: %(count)s or more in a row above the %(center)s, from %(start)s to "
                                  "%(end)s (IHI rules).", **words))
            else:
                self.why.append(_("A shift: %(count)s or more in a row below the %(center)s, from %(start)s "
                                  "(IHI rules).", **words) if latest else
                                _("A shift: %(count)s or more in a row below the %(center)s, from %(start)s to "
                                  "%(end)s (IHI rules).", **words))
            self.signals.append(_Signal(_judge(side, self.direction), first, latest, until=None if latest else last))
            found = True
        usable = self.include & ~np.isnan(self.y)
        trend = _last_block(c["ihi_trend"].astype(bool), usable, _steps(self.y, usable))
        if trend is not None:
            first, last = trend
            before = np.flatnonzero(usable[:first])
            if len(before) and c["ihi_trend"][before[-1]]:   # the point the first step leaves from
                first = int(before[-1])
            up = self.y[last] > self.y[first]
            words = dict(count=self.count(TREND), start=self.at(first), end=self.at(last))
            if up:
                self.why.append(_("A trend: %(count)s or more in a row all going up, from %(start)s (IHI rules).",
                                  **words) if last == last_point else
                                _("A trend: %(count)s or more in a row all going up, from %(start)s to %(end)s "
                                  "(IHI rules).", **words))
            else:
                self.why.append(_("A trend: %(count)s or more in a row all going down, from %(start)s (IHI rules).",
                                  **words) if last == last_point else
                                _("A trend: %(count)s or more in a row all going down, from %(start)s to %(end)s "
                                  "(IHI rules).", **words))
            self.signals.append(_Signal(_judge(1 if up else -1, self.direction), first, last == last_point,
                                        until=None if last == last_point else last))
            found = True
        runs, low, high = c["ihi_runs"][0], float(c["ihi_runs_low"][0]), float(c["ihi_runs_high"][0])
        words = dict(center=self.center, count=self.count(self.n), low=f"{low:.0f}", high=f"{high:.0f}")
        for flag, sentence in (("ihi_too_few_runs", N_("The data form %(n)s runs on either side of the %(center)s in "
                                                       "%(count)s, where fewer than %(low)s is unusual: the data stay "
                                                       "on one side for long stretches (IHI rules).")),
                               ("ihi_too_many_runs", N_("The data form %(n)s runs on either side of the %(center)s "
                                                        "in %(count)s, where more than %(high)s is unusual: the data "
                                                        "switch sides more often than chance would (IHI rules)."))):
            if c[flag][0]:
                self.why.append(_(sentence, n=int(runs), **words))
                if self.n not in CONFIRMED:
                    self.why.append(_("The runs table's limits for %(n)s points (%(low)s and %(high)s) are worked out "
                                      "from the statistics the table rests on; they have not been checked against the "
                                      "published table.", n=self.n, **words))
                self.signals.append(_Signal(CHANGE, 0, True, ended=c.rows - 1))
                found = True
        if not found and self.n >= MIN_ANY_SIGNAL:
            self.why.append(_("No shift, no trend, and a usual number of runs (IHI rules).") if not np.isnan(low) else
                            _("No shift and no trend (IHI rules). Their runs test needs 10 to 60 points off the "
                              "%(center)s, so it was not applied.", center=self.center))

    def _limits(self) -> None:
        c = self.cur
        flagged = c["sigma_signal"].astype(bool)
        if not flagged.any():
            self.why.append(_("No point is outside the control limits."))
            return
        high = self.y > c.floats("ucl")
        rows = np.flatnonzero(flagged)
        names = ", ".join(_("%(when)s (%(value)s days after the one before)", when=self.at(i),
                            value=self.value(self.y[i])) if self.frequency == "events" else
                          _("%(when)s (%(value)s)", when=self.at(i), value=self.value(self.y[i])) for i in rows)
        good = high[rows] if self.direction == "up" else ~high[rows] if self.direction == "down" else None
        if good is not None and good.all():
            sentence = n_("%(n)s point outside the control limits, unusually good: %(points)s.",
                          "%(n)s points outside the control limits, unusually good: %(points)s.", len(rows),
                          points=names)
        elif good is not None and not good.any():
            sentence = n_("%(n)s point outside the control limits, unusually poor: %(points)s.",
                          "%(n)s points outside the control limits, unusually poor: %(points)s.", len(rows),
                          points=names)
        else:
            sentence = n_("%(n)s point outside the control limits: %(points)s.",
                          "%(n)s points outside the control limits: %(points)s.", len(rows), points=names)
        self.why.append(sentence)
        last = int(rows[-1])
        self.signals.append(_Signal(_judge(1 if high[last] else -1, self.direction), last,
                                    last == int(np.flatnonzero(self.include & ~np.isnan(self.y))[-1])))

    def _making_data_count(self) -> None:
        c = self.cur
        latest = c["mdc_variation"][-1]
        self.why.append(_("By Making Data Count, the latest point shows %(variation)s.",
                          variation=_(VARIATION_WORDS[latest])))
        special = c["mdc_point_type"] != "common_cause"
        earlier = special & (np.arange(c.rows) < c.rows - 1)
        if latest != "common_cause":
            first = c.rows - 1
            while first > 0 and c["mdc_point_type"][first - 1] == c["mdc_point_type"][-1]:
                first -= 1
            verdict = MDC_SIGNALS[latest]
            self.signals.append(_Signal(verdict, first, True))
        elif earlier.any():
            self.why.append(_("Earlier special-cause points: %(points)s; the latest point is back within everyday "
                              "variation.", points=", ".join(self.at(i) for i in np.flatnonzero(earlier))))
        if c["mdc_provisional"][-1]:
            self.why.append(_("These limits rest on %(n)s points, fewer than the %(needed)s Making Data Count asks "
                              "for, so they are provisional: read them with care, and expect them to move.",
                              n=c.rows, needed=SHORT))
        assurance = c["mdc_assurance"][-1]
        if assurance:
            self.why.append(_(ASSURANCE_WORDS[assurance]))

    def lead(self) -> _Signal | None:
        """The signal the reading leads with: one with a direction (better or worse) over one without, then one
        that holds at the latest point, then the most recent."""
        if not self.signals:
            return None
        return max(self.signals, key=lambda s: (s.verdict != CHANGE, s.ongoing, s.began))


def read_chart(result: pd.DataFrame, name: str | None = None, direction: str = "neutral",
               percent: bool = False, frequency: str | None = None, cycles: list[Cycle] | None = None,
               goal: float | None = None, rules=None) -> Reading:
    """Plain-language reading of one analysed series (a ``qic()`` result for one team and measure, as a
    frame or as ``Columns``), under ``rules`` (by default, the rules it was analysed with)."""
    name = _("This measure") if name is None else name
    if Columns.of(result).rows == 0:
        return Reading("too_few", _("%(measure)s: there is no data yet.", measure=name))
    cur, phased = _current_part(result)
    found = _Read(cur, rule_set(result, rules), direction, percent, frequency, phased)
    signal = found.lead()
    notes: list[str] = []
    began = ended = None
    if signal is not None:
        verdict = signal.verdict
        began = pd.Timestamp(cur["x"][signal.began]) if _is_time(cur["x"][signal.began]) else None
        last = signal.ended if signal.ended is not None else signal.until
        ended = pd.Timestamp(cur["x"][last]) if last is not None and began is not None else None
        lead = _signal_lead(verdict, name, found, signal)
        cycle = _cycle_before(cycles or [], cur["x"][signal.began]) if signal.ended is None else None
        if cycle:
            notes.append(_("A PDSA cycle was running when it began: ‘%(cycle)s’ (%(decision)s). The chart shows when "
                           "a change came, not what caused it.", cycle=cycle.title,
                           decision=_(DECISION_WORDS[cycle.decision]) if cycle.decision else _("under way")))
    elif found.n < MIN_ANY_SIGNAL and not found.mdc:
        verdict = "too_few"
        more = MIN_ANY_SIGNAL - found.n
        lead = n_("%(measure)s: %(more)s is needed before the rules can show a change.",
                  "%(measure)s: %(more)s are needed before the rules can show a change.", more,
                  measure=name, more=_more(more, frequency))
        words = dict(count=_count(found.n, frequency), center=found.center, since=found.since,
                     least=MIN_ANY_SIGNAL, dependable=MIN_DEPENDABLE)
        found.why.insert(0, n_("There is %(count)s off the %(center)s; a change can show from %(least)s, and the "
                               "reading is dependable from %(dependable)s. This does not mean nothing has changed.",
                               "There are %(count)s off the %(center)s; a change can show from %(least)s, and the "
                               "reading is dependable from %(dependable)s. This does not mean nothing has changed.",
                               found.n, **words) if found.since is None else
                            n_("There is %(count)s off the %(center)s since %(since)s; a change can show from "
                               "%(least)s, and the reading is dependable from %(dependable)s. This does not mean "
                               "nothing has changed.",
                               "There are %(count)s off the %(center)s since %(since)s; a change can show from "
                               "%(least)s, and the reading is dependable from %(dependable)s. This does not mean "
                               "nothing has changed.", found.n, **words))
    elif found.n < MIN_DEPENDABLE and not found.mdc:
        verdict = "too_few"
        more = MIN_DEPENDABLE - found.n
        words = dict(measure=name, more=_more(more, frequency), since=found.since)
        lead = (n_("%(measure)s: no change yet, but %(more)s is needed for a dependable reading.",
                   "%(measure)s: no change yet, but %(more)s are needed for a dependable reading.", more, **words)
                if found.since is None else
                n_("%(measure)s: no change yet since %(since)s, but %(more)s is needed for a dependable reading.",
                   "%(measure)s: no change yet since %(since)s, but %(more)s are needed for a dependable reading.",
                   more, **words))
    else:
        verdict = "no_signal"
        lead = (_("%(measure)s: no change yet: the data vary as before.", measure=name) if found.since is None else
                _("%(measure)s: no change yet since %(since)s: the data vary as before.", measure=name,
                  since=found.since))
    if goal is not None and not np.isnan(goal):
        last_y = found.y[~np.isnan(found.y)]
        if len(last_y):
            met = last_y[-1] >= goal if direction != "down" else last_y[-1] <= goal
            words = dict(latest=found.value(last_y[-1]), goal=found.value(goal))
            notes.append(_("The latest value, %(latest)s, meets the goal of %(goal)s.", **words) if met else
                         _("The latest value, %(latest)s, has not yet met the goal of %(goal)s.", **words))
    return Reading(verdict, lead, found.why, notes, began, ended)


LEADS = {   # the verdict sentence for a signal: over a whole phase, from a time, or from a time to another
    (IMPROVEMENT, "phase"): N_("%(measure)s: a signal of improvement since %(since)s."),
    (CONCERN, "phase"): N_("%(measure)s: a signal of concern since %(since)s."),
    (CHANGE, "phase"): N_("%(measure)s: a signal of change since %(since)s."),
    (IMPROVEMENT, "whole"): N_("%(measure)s: a signal of improvement."),
    (CONCERN, "whole"): N_("%(measure)s: a signal of concern."),
    (CHANGE, "whole"): N_("%(measure)s: a signal of change."),
    (IMPROVEMENT, "from"): N_("%(measure)s: a signal of improvement, from %(start)s."),
    (CONCERN, "from"): N_("%(measure)s: a signal of concern, from %(start)s."),
    (CHANGE, "from"): N_("%(measure)s: a signal of change, from %(start)s."),
    (IMPROVEMENT, "span"): N_("%(measure)s: a signal of improvement, from %(start)s to %(end)s."),
    (CONCERN, "span"): N_("%(measure)s: a signal of concern, from %(start)s to %(end)s."),
    (CHANGE, "span"): N_("%(measure)s: a signal of change, from %(start)s to %(end)s."),
}


def _signal_lead(verdict: str, name: str, found: _Read, signal: _Signal) -> str:
    if signal.ended is not None:
        shape = "whole" if found.since is None else "phase"
    else:
        shape = "from" if signal.until is None else "span"
    return _(LEADS[verdict, shape], measure=name, since=found.since,
             start=found.at(signal.began), end=found.at(signal.until) if signal.until is not None else None)


def _is_time(x) -> bool:
    return isinstance(x, (pd.Timestamp, dt.date, np.datetime64))
