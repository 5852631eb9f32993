"""Checks on a team's charter: does the aim say what, how much, for whom and by when; is the team cross-role.

These are prompts for a coaching conversation, not gates: an aim is saved whatever it
says, and the page names what seems to be missing in plain words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..base.language import N_, Labels, _
from ..model import ROLE_LABELS, ROLE_PLURALS, Member

# The roles a BSC team must bring together (staff beyond teachers are welcome, not required).
REQUIRED_ROLES = Labels({"administrator": N_("an administrator"), "teacher": N_("teaching staff"),
                         "family": N_("a family member")})

_WHAT = re.compile(r"\b(increase|decrease|reduce|improve|raise|lower|eliminate|grow|expand|boost|cut|"
                   r"achieve|reach|will (?:have|use|include|see|be)|more|fewer|zero|no more)\w*", re.I)
_HOW_MUCH = re.compile(r"\d|\b(zero|none|no more|all|every|half|double|twice|one|two|three|four|five|ten)\b",
                       re.I)
_FOR_WHOM = re.compile(r"\b(child\w*|famil\w*|parent\w*|teacher\w*|staff|classroom\w*|toddler\w*|infant\w*|"
                       r"preschool\w*|student\w*|educator\w*|caregiver\w*|provider\w*|program\w*|home\w*|"
                       r"room\w*|kid\w*|learner\w*|niñ\w*|famili\w*)\b", re.I)
_BY_WHEN = re.compile(r"\b(by|before|until|within|end of)\b.*?\b(19|20)\d\d\b|\b(january|february|march|april|may|"
                      r"june|july|august|september|october|november|december)\b\s+(19|20)\d\d|\b(19|20)\d\d\b",
                      re.I | re.S)

AIM_PARTS = {
    "what": (N_("What will improve"), N_("What will improve? Your aim does not seem to say what will change, for "
                                         "example “reduce send-homes”."), _WHAT),
    "how_much": (N_("How much"), N_("How much? Your aim does not seem to give a number or percentage, for example "
                                   "“by 50%” or “to zero”."), _HOW_MUCH),
    "for_whom": (N_("For whom"), N_("For whom? Your aim does not seem to name who benefits, for example “children in "
                                   "our toddler rooms”."), _FOR_WHOM),
    "by_when": (N_("By when"), N_("By when? Your aim does not seem to give a date, for example “by June 2026”."),
                _BY_WHEN),
}


@dataclass(frozen=True)
class AimCheck:
    present: dict[str, bool]

    @property
    def missing(self) -> list[str]:
        return [k for k, ok in self.present.items() if not ok]

    def sentences(self) -> list[str]:
        if not any(self.present.values()):
            return [_("Write your aim as one sentence: what will improve, how much, for whom, and by when.")]
        return [_(AIM_PARTS[k][1]) for k in self.missing]


def check_aim(text: str | None) -> AimCheck:
    text = text or ""
    return AimCheck({k: bool(rx.search(text)) for k, (*_words, rx) in AIM_PARTS.items()})


def missing_roles(members: list[Member]) -> list[str]:
    """The roles a cross-role team needs and does not have, in words ("a family member")."""
    present = Counter(m.role for m in members)
    return [words for role, words in REQUIRED_ROLES.items() if not present[role]]


def roles_sentence(members: list[Member]) -> str:
    counts = Counter(m.role for m in members)
    return ", ".join(f"{ROLE_PLURALS[r] if counts[r] > 1 else ROLE_LABELS[r]}: {counts[r]}"
                     for r in ROLE_LABELS if counts[r])
