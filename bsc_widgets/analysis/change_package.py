"""The change package, kept as the collaborative runs: for every change idea, the evidence of what worked where.

How many teams tested it and how many cycles, each team's ramp and latest decision (the same counts as the spread
table, which it reads), the signals on the measures its cycles aimed at, the conditions where it was adopted and
where abandoned, the cycles teams shared about it, and the lessons learned. At the end it is handed to the state
and, as a framework with the evidence attached to each idea (``next_wave``), to the next collaborative.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..base.language import _, listing, n_
from ..model import (
    AGE_GROUP_LABELS,
    DECISION_WORDS,
    PROGRAM_TYPE_LABELS,
    AffinityGroup,
    AssessmentLevel,
    ChangeIdea,
    Collaborative,
    Dataset,
    Driver,
    DriverLink,
    Grouping,
    Lesson,
    Measure,
    PdsaCycle,
    Stratum,
    Team,
    current,
)
from ..model.base import NAME_LENGTH, TEXT_LENGTH
from ..store import Store
from .sharing import SharedItem, SharedStoryboard, shared_items
from .spread import IdeaSpread, LinkedSignal, spread

DECISIONS = ("adopt", "adapt", "abandon")


@dataclass
class Condition:
    """Where a team tested an idea: its kind of program, the scales of its cycles and the children's ages."""

    team: Team
    decision: str | None          # the team's latest decision (None while testing)
    cycles: int
    scales: list[str]
    ages: list[str] = field(default_factory=list)     # age groups (``AGE_GROUP_LABELS`` keys), as first tested

    def words(self) -> str:
        scale = listing(self.scales) if self.scales else _("scale not recorded")
        said = _("%(team)s (%(program)s): %(cycles)s; %(scale)s", team=self.team.name,
                 program=PROGRAM_TYPE_LABELS[self.team.program_type],
                 cycles=n_("%(n)s cycle", "%(n)s cycles", self.cycles), scale=scale)
        return said + ("; " + self.age_words() if self.ages else "")

    def age_words(self) -> str:
        return listing([AGE_GROUP_LABELS[a].lower() for a in self.ages])


@dataclass
class IdeaEvidence:
    idea: ChangeIdea
    conditions: list[Condition]                     # one per team that tested it, in the order they started
    signals: list[LinkedSignal] = field(default_factory=list)
    shared: list[SharedItem] = field(default_factory=list)    # cycles and files about it; storyboards of its teams

    @property
    def teams(self) -> int:
        return len(self.conditions)

    @property
    def cycles(self) -> int:
        return sum(c.cycles for c in self.conditions)

    def decided(self, decision: str | None) -> list[Condition]:
        return [c for c in self.conditions if c.decision == decision]

    def summary(self) -> str:
        """One paragraph, kept with the idea in the next collaborative's framework."""
        counts = [_counted(d, len(self.decided(d))) for d in DECISIONS if self.decided(d)]
        parts = [_("Tested by %(teams)s in %(cycles)s.", teams=n_("%(n)s team", "%(n)s teams", self.teams),
                   cycles=n_("%(n)s PDSA cycle", "%(n)s PDSA cycles", self.cycles))]
        if counts:
            parts.append(listing(counts).capitalize() + ".")
        worked = self.decided("adopt")
        if worked:
            parts.append(_("Adopted in: %(where)s.", where="; ".join(c.words() for c in worked)))
        dropped = self.decided("abandon")
        if dropped:
            parts.append(_("Abandoned in: %(where)s.", where="; ".join(c.words() for c in dropped)))
        return " ".join(parts)


def _counted(decision: str, n: int) -> str:
    if decision == "adopt":
        return n_("%(n)s team adopted it", "%(n)s teams adopted it", n)
    if decision == "adapt":
        return n_("%(n)s team adapted it", "%(n)s teams adapted it", n)
    return n_("%(n)s team abandoned it", "%(n)s teams abandoned it", n)


@dataclass
class ChangePackage:
    collaborative: Collaborative
    day: dt.date
    tested: list[IdeaEvidence]                      # most adopted first
    untested: list[ChangeIdea]
    lessons: list[tuple[str, Lesson]]               # (whose: a team's name, or the collaborative's), the team's first


def change_package(store: Store, day: dt.date) -> ChangePackage:
    """The package as of ``day``: nothing dated after it."""
    store = store.as_of(day)
    spreads = {s.idea.id: s for s in spread(store, day)}
    teams = {t.id: t for t in store.list(Team)}
    cycles = store.list(PdsaCycle)
    shared = [s for s in shared_items(store, day) if s.open_to_other_teams]
    tested = [_evidence(s, teams, cycles, shared) for s in spreads.values()]
    tested.sort(key=lambda e: (-len(e.decided("adopt")), -e.teams, e.idea.position, e.idea.title))
    untested = [i for i in current(store.list(ChangeIdea), day) if i.team_id is None and i.id not in spreads]
    return ChangePackage(store.collaborative(), day, tested, untested, lessons_learned(store))


def lessons_learned(store: Store) -> list[tuple[str, Lesson]]:
    """Each team's lessons learned, then the collaborative's, with whose they are."""
    teams = {t.id: t.name for t in store.list(Team)}
    lessons = sorted(store.list(Lesson), key=lambda lesson: (lesson.team_id is None, teams.get(lesson.team_id, "")))
    return [(_("The collaborative") if lesson.team_id is None else teams[lesson.team_id], lesson)
            for lesson in lessons if lesson.team_id is None or lesson.team_id in teams]


def _evidence(s: IdeaSpread, teams: dict[str, Team], cycles: list[PdsaCycle],
              shared: list[SharedItem]) -> IdeaEvidence:
    conditions = []
    for team_id in s.testing:
        mine = [c for c in cycles if c.team_id == team_id and c.change_idea_id == s.idea.id]
        mine.sort(key=lambda c: c.start)
        scales = list(dict.fromkeys(c.scale for c in mine if c.scale))
        ages = list(dict.fromkeys(a for c in mine for a in c.age_groups))
        conditions.append(Condition(teams[team_id], s.decisions[team_id], len(mine), scales, ages))
    shows = [x for x in shared if x.idea_id == s.idea.id or isinstance(x, SharedStoryboard) and x.team.id in s.testing]
    return IdeaEvidence(s.idea, conditions, s.signals, shows)


def decision_words(decision: str | None) -> str:
    return _(DECISION_WORDS[decision]) if decision else _("still testing")


def next_wave(store: Store, day: dt.date) -> Dataset:
    """The framework the next collaborative starts from: the measures, drivers and links, the collaborative's
    current ideas, and the ideas a team made its own and adopted (now the collaborative's), each with what this
    collaborative found. Teams, their data and the calendar stay behind."""
    package = change_package(store, day)
    store = store.as_of(day)
    found = {e.idea.id: e.summary() for e in package.tested}
    adopted_local = {e.idea.id for e in package.tested if e.idea.team_id and e.decided("adopt")}
    ideas = [i for i in current(store.list(ChangeIdea), day) if i.team_id is None or i.id in adopted_local]
    out = Dataset()
    collab = store.collaborative()
    out.add(collab.model_copy(update={"name": _("%(name)s: next collaborative", name=collab.name)[:NAME_LENGTH]}))
    for model in (AssessmentLevel, AffinityGroup, Grouping, Stratum):
        for record in store.list(model):
            out.add(record)
    measures = current(store.list(Measure), day)
    kept = {m.id for m in measures}
    for m in measures:
        out.add(m)
    drivers = current(store.list(Driver), day)
    for d in drivers:
        out.add(d.model_copy(update={"measure_ids": [m for m in d.measure_ids if m in kept]}))
    for i in ideas:
        earlier = " ".join(x for x in (i.evidence, found.get(i.id)) if x)
        out.add(i.model_copy(update={"team_id": None, "evidence": earlier[:TEXT_LENGTH] or None}))
    nodes = {d.id for d in drivers} | {i.id for i in ideas}
    for link in store.list(DriverLink):
        if link.source_id in nodes and link.target_id in nodes:
            out.add(link)
    return out
