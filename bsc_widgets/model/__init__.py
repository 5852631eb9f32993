"""The domain model: typed, validated records for every concept of a Breakthrough Series Collaborative."""
from .account import ACCESS_LABELS, Account
from .attendance import EVENT_KIND_LABELS, Attendance
from .base import RECORD_TYPES, Context, Record
from .collaborative import (
                            ATTENTION_REASONS,
                            DEFAULT_ASSESSMENT_SCALE,
                            NEEDS_ATTENTION,
                            PHASE_KIND_LABELS,
                            SIGNAL_RULE_LABELS,
                            SIGNAL_RULES,
                            AssessmentLevel,
                            Collaborative,
                            Phase,
)
from .caseload import CoachAssignment, caseloads
from .comments import Comment
from .readiness import TICKED_ITEMS, ReadinessTick
from .support import SUPPORT_KIND_LABELS, SUPPORT_MODE_LABELS, USUAL, SupportContact
from .dataset import ORDER, Dataset
from .equity import Grouping, Stratum, StratumObservation
from .events import Event, Sample
from .files import FILE_TYPE_LABELS, TeamFile
from .framework import (
                            MEASURE_BADGES,
                            MEASURE_KIND_LABELS,
                            MEASURE_TYPE_LABELS,
                            ChangeIdea,
                            Driver,
                            DriverLink,
                            Measure,
                            TeamChangeIdea,
                            current,
                            first_aimed,
)
from .history import FrameworkChange, Removal, wording
from .lessons import COLLABORATIVE, Lesson
from .marks import MARK_KIND_LABELS, MARK_KIND_SHORT, ChartMark
from .observation import Observation, next_period, period_label, period_start
from .pdsa import AGE_GROUP_LABELS, DECISION_LABELS, DECISION_WORDS, PdsaCycle, Ramp, aimed_at, ramps
from .report import SCORE_SOURCE_LABELS, AssessmentScore, MonthlyReport
from .sharing import SHARED_KIND_LABELS, SHARED_RECORDS, Share, ShareReview, shared_key
from .storyboard import SESSION_KINDS, Storyboard
from .system import PdOffering
from .team import (
                            PROGRAM_TYPE_LABELS,
                            ROLE_LABELS,
                            ROLE_PLURALS,
                            AffinityGroup,
                            Member,
                            Team,
                            on_roster,
)

__all__ = [
    "RECORD_TYPES", "ORDER", "Context", "Record", "Dataset",
    "Collaborative", "Phase", "AssessmentLevel", "DEFAULT_ASSESSMENT_SCALE", "PHASE_KIND_LABELS",
    "SIGNAL_RULES", "SIGNAL_RULE_LABELS", "ATTENTION_REASONS", "NEEDS_ATTENTION", "CoachAssignment", "caseloads",
    "SupportContact", "SUPPORT_KIND_LABELS", "SUPPORT_MODE_LABELS", "USUAL", "ReadinessTick", "TICKED_ITEMS",
    "Measure", "Driver", "current", "first_aimed", "ChangeIdea", "DriverLink", "TeamChangeIdea", "MEASURE_KIND_LABELS", "MEASURE_BADGES", "MEASURE_TYPE_LABELS",
    "Team", "Member", "on_roster", "AffinityGroup", "ROLE_LABELS", "ROLE_PLURALS", "PROGRAM_TYPE_LABELS",
    "PdsaCycle", "AGE_GROUP_LABELS", "Ramp", "ramps", "aimed_at", "Share", "ShareReview", "shared_key", "TeamFile", "FILE_TYPE_LABELS", "Comment", "Lesson", "COLLABORATIVE", "Storyboard", "SESSION_KINDS", "SHARED_KIND_LABELS", "SHARED_RECORDS", "DECISION_LABELS", "DECISION_WORDS",
    "Observation", "next_period", "period_start", "period_label", "Event", "Sample", "ChartMark", "MARK_KIND_LABELS", "MARK_KIND_SHORT",
    "MonthlyReport", "AssessmentScore", "SCORE_SOURCE_LABELS",
    "Attendance", "EVENT_KIND_LABELS",
    "Grouping", "Stratum", "StratumObservation", "FrameworkChange", "Removal", "wording", "PdOffering", "Account", "ACCESS_LABELS",
]
