"""The leaders' system assessment: a state's PD offerings on the brief's Professional Development Matrix.

The brief ("Conducting a system assessment") asks state and regional leaders to place their
offerings on the matrix and look at where the system is thin: "If offerings in Quadrants 3 and
4 are less robust than those in Quadrants 1 and 2, a BSC could be an effective strategy to
embed." Robustness is weighed here in participant-hours (reach × hours), the dose the system
actually delivers, with the number of offerings and people reached beside it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..base.language import N_, _, listing, n_, number
from ..model import PdOffering

# key: (name, what it engages, what it is for, examples from the brief)
QUADRANTS = {
    "Q1": (N_("Training"), N_("individuals"), N_("knowledge gain"), N_("coursework, workshops, training for credit")),
    "Q2": (N_("Individual coaching"), N_("individuals"), N_("transfer to practice"),
           N_("coaching and consultation; learning communities of people from different programs")),
    "Q3": (N_("Organizational coaching"), N_("whole programs or teams"), N_("transfer to practice"),
           N_("coaching teams within programs; learning communities within a program; the BSC")),
    "Q4": (N_("Collective organizational training"), N_("whole programs or teams"), N_("knowledge gain"),
           N_("in-service training for all (or groups of) staff who work together")),
}
THIN = 0.10   # a quadrant with less than this share of participant-hours is called thin


def _side(value: int) -> float:
    """0 on the first half of an axis, 1 on the second, 0.5 on the middle line."""
    return 0.0 if value < 50 else 1.0 if value > 50 else 0.5


def quadrant_weights(o: PdOffering) -> dict[str, float]:
    """How an offering's dose divides among the quadrants (an offering on a middle line counts half each)."""
    org, practice = _side(o.audience), _side(o.purpose)
    return {"Q1": (1 - org) * (1 - practice), "Q2": (1 - org) * practice, "Q3": org * practice,
            "Q4": org * (1 - practice)}


def quadrant_of(o: PdOffering) -> str:
    weights = quadrant_weights(o)
    return max(weights, key=lambda q: weights[q])


@dataclass
class Quadrant:
    key: str
    offerings: list[str] = field(default_factory=list)
    reach: float = 0.0
    hours: float = 0.0       # participant-hours a year
    share: float = 0.0       # of all participant-hours

    @property
    def name(self) -> str:
        return _(QUADRANTS[self.key][0])

    @property
    def title(self) -> str:
        return f"{self.key}: {self.name}"


@dataclass
class Assessment:
    quadrants: dict[str, Quadrant]
    total_hours: float
    total_reach: int
    sentences: list[str]

    def thin(self) -> list[Quadrant]:
        return [q for q in self.quadrants.values() if q.share < THIN]


def assess(offerings: list[PdOffering]) -> Assessment:
    quadrants = {k: Quadrant(k) for k in QUADRANTS}
    for o in offerings:
        for k, weight in quadrant_weights(o).items():
            if weight:
                q = quadrants[k]
                q.offerings.append(o.name)
                q.reach += o.reach * weight
                q.hours += o.reach * o.hours * weight
    total = sum(q.hours for q in quadrants.values())
    for q in quadrants.values():
        q.share = q.hours / total if total else 0.0
    result = Assessment(quadrants, total, sum(o.reach for o in offerings), [])
    result.sentences = _summary(result, offerings)
    return result


def _pct(x: float) -> str:
    return f"{number(round(x * 100))}%"


def _summary(a: Assessment, offerings: list[PdOffering]) -> list[str]:
    if not offerings or not a.total_hours:
        return [_("Enter your system’s PD offerings, with their reach and hours, and place each on the two axes "
                  "to see where your system is thin.")]
    q = a.quadrants
    out = [n_("%(n)s offering delivers about %(hours)s participant-hours a year: %(quadrants)s.",
              "%(n)s offerings deliver about %(hours)s participant-hours a year: %(quadrants)s.", len(offerings),
              hours=number(round(a.total_hours)), quadrants="; ".join(f"{x.title} {_pct(x.share)}" for x in q.values()))]
    individual = q["Q1"].share + q["Q2"].share
    organization = q["Q3"].share + q["Q4"].share
    thin = a.thin()
    if thin:
        named = [_("%(quadrant)s (%(share)s, no offering)", quadrant=x.title, share=_pct(x.share)) if not x.offerings
                 else f"{x.title} ({_pct(x.share)})" for x in thin]
        out.append(_("Thin: %(quadrants)s.", quadrants=listing(named)))
    if organization < individual:
        out.append(_("Offerings that engage whole programs or teams (Quadrants 3 and 4) are less robust than those "
                     "for individuals (Quadrants 1 and 2): %(organization)s of participant-hours against "
                     "%(individual)s. As the brief puts it, a BSC could be an effective strategy to embed.",
                     organization=_pct(organization), individual=_pct(individual)))
    else:
        out.append(_("Quadrants 3 and 4 already carry %(share)s of participant-hours; before adding a BSC, look at "
                     "whether these offerings reach the programs that need them.", share=_pct(organization)))
    knowledge = [o for o in offerings if quadrant_of(o) in ("Q1", "Q4")]
    if knowledge:
        biggest = max(knowledge, key=lambda o: o.reach * o.hours)
        out.append(_("A BSC sits in Quadrant 3 (organizational coaching): cross-role teams from each program apply "
                     "what they know in daily practice. It can follow a training the system already offers, for "
                     "example “%(offering)s”, to carry that knowledge into practice and program routines.",
                     offering=biggest.name))
    else:
        out.append(_("A BSC sits in Quadrant 3 (organizational coaching): cross-role teams from each program apply "
                     "what they know in daily practice."))
    return out
