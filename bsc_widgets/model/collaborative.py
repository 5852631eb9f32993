"""The collaborative, its calendar, and the wording of its assessment scale."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from ..base.language import N_, Labels, _, day
from .base import NAME_LENGTH, TEXT_LENGTH, Record, RequiredText, Slug, optional, register

PhaseKind = Literal["pre_work", "learning_session", "action_period", "summative", "sustain"]
SignalRules = Literal["anhoej_ihi", "anhoej", "ihi", "mdc"]

SIGNAL_RULE_LABELS = Labels({
    "anhoej_ihi": N_("Anhøj and IHI rules together (default)"),
    "anhoej": N_("Anhøj rules: unusually long runs, too few crossings"),
    "ihi": N_("IHI rules: shift, trend, too many or too few runs"),
    "mdc": N_("Making Data Count (NHS): XmR charts for values, with its icons"),
})
SIGNAL_RULES = {"anhoej_ihi": ("anhoej", "ihi"), "anhoej": ("anhoej",), "ihi": ("ihi",), "mdc": ("anhoej", "mdc")}

# Why a coach turns to a team, most urgent first: the dashboard ranks teams by this order, the one place it is written.
ATTENTION_REASONS = Labels({
    "report_missing": N_("Report overdue"),
    "stalled": N_("Stalled: no new cycle"),
    "concern": N_("Signal of concern"),
    "unexplained_signal": N_("Signal without a PDSA"),
    "falling_score": N_("Self-assessment fell"),
    "no_data": N_("No data"),
    "no_study": N_("PDSA without Study"),
    "score_gap": N_("Score gap"),
})
AttentionReason = Literal["report_missing", "stalled", "concern", "unexplained_signal", "falling_score", "no_data",
                          "no_study", "score_gap"]
NEEDS_ATTENTION = ["report_missing", "stalled", "concern"]      # the reasons that flag a team, unless set-up says
DEFAULT_TA_TOPICS = "\n".join(("Collecting data", "Reading run charts", "Planning a PDSA cycle", "Engaging families",
                                "Leadership and staffing", "Spreading a change"))

PHASE_KIND_LABELS = Labels({
    "pre_work": N_("Pre-work"),
    "learning_session": N_("Learning session"),
    "action_period": N_("Action period"),
    "summative": N_("Summative session"),
    "sustain": N_("Sustain phase"),
})


@register
class Collaborative(Record):
    TABLE: ClassVar[str] = "collaborative"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("aim",)
    NOUN: ClassVar[str] = N_("collaborative")
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: Slug = Field(title=N_("Identifier"))
    name: RequiredText = Field(title=N_("Name"), max_length=NAME_LENGTH)
    topic: RequiredText = Field(title=N_("Topic"), max_length=NAME_LENGTH)
    aim: RequiredText = Field(title=N_("Aim"), max_length=TEXT_LENGTH)
    aim_es: optional(str) = Field(None, title=N_("Aim in Spanish"), max_length=TEXT_LENGTH)
    start: dt.date = Field(title=N_("Start date"))
    end: dt.date = Field(title=N_("End date"))
    sustain_until: optional(dt.date) = Field(
        None, title=N_("Sustain phase until (optional)"),
        description="After the summative session, teams keep entering data, cycles and reports until this day, "
                    "to show whether their gains hold.")
    data_from: optional(dt.date) = Field(
        None, title=N_("Baseline data from"),
        description="Earliest period teams may enter measure data for (baseline may predate pre-work).")
    report_due_day: int = Field(5, ge=1, le=28, title=N_("Monthly report due on day"),
                                description="Each month's report is due on this day of the following month.")
    suppress_below: int = Field(10, ge=1, le=1000, title=N_("Hide groups smaller than"),
                                description="In views by group, a group with fewer children or families than "
                                            "this is shown as suppressed, to protect their privacy.")
    signal_rules: SignalRules = Field("anhoej_ihi", title=N_("Rules for signals"),
                                      description="The rules every chart, reading, dashboard and report reads "
                                                  "signals by. Making Data Count draws values as XmR charts.")
    attention_reasons: Annotated[list[AttentionReason], AfterValidator(lambda r: list(dict.fromkeys(r)))] = Field(
        default_factory=lambda: list(NEEDS_ATTENTION), title=N_("Reasons that flag a team as needing attention"),
        description="The coach dashboard ranks every team by its most urgent reason; only these flag it.")
    stalled_weeks: int = Field(6, ge=2, le=26,
                               title=N_("Weeks without a new PDSA cycle before a team counts as stalled"))
    score_drop: float = Field(1.0, ge=0.5, le=4.0, multiple_of=0.5,
                              title=N_("Fall in a team’s self-assessment score that flags it"))
    ta_topics: str = Field(DEFAULT_TA_TOPICS, title=N_("Topics of technical assistance, one to a line"),
                           max_length=TEXT_LENGTH)

    @property
    def topics(self) -> list[str]:
        """The topics a coach picks from when logging technical assistance."""
        return [t.strip() for t in self.ta_topics.splitlines() if t.strip()]

    @model_validator(mode="after")
    def _dates(self):
        if self.end <= self.start:
            raise ValueError(_("The end date (%(end)s) must come after the start date (%(start)s)", end=day(self.end),
                               start=day(self.start)))
        if self.data_from and self.data_from > self.start:
            raise ValueError(_("Baseline data cannot start after the collaborative starts"))
        if self.sustain_until and self.sustain_until <= self.end:
            raise ValueError(_("The sustain phase (until %(day)s) must end after the collaborative’s end date "
                               "(%(end)s)", day=day(self.sustain_until), end=day(self.end)))
        return self

    @property
    def last_day(self) -> dt.date:
        """The last day teams may enter data, cycles and reports: the end, or the sustain phase's end."""
        return self.sustain_until or self.end

    def sustaining(self, on: dt.date) -> bool:
        """Whether ``on`` falls in the sustain phase, after the summative session."""
        return self.end < on <= self.last_day

    def earliest_data(self) -> dt.date:
        return self.data_from or self.start

    def in_reach(self, month: dt.date) -> bool:
        """Whether a month falls within the collaborative: from its baseline data to its end."""
        return self.earliest_data().replace(day=1) <= month <= self.last_day.replace(day=1)


@register
class Phase(Record):
    """One stretch of the calendar: pre-work, a learning session, an action period, the summative session."""

    TABLE: ClassVar[str] = "phases"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("name",)
    NOUN: ClassVar[str] = N_("calendar phase")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("start",)
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")

    id: Slug = Field(title=N_("Identifier"))
    kind: PhaseKind = Field(title=N_("Kind of phase"))
    number: int | None = Field(None, ge=1, le=20, title=N_("Number"))
    name: RequiredText = Field(title=N_("Name"), max_length=120)
    name_es: optional(str) = Field(None, title=N_("Name in Spanish"), max_length=120)
    start: dt.date = Field(title=N_("Start date"))
    end: dt.date = Field(title=N_("End date"))

    @model_validator(mode="after")
    def _dates(self):
        if self.end < self.start:
            raise ValueError(_("%(phase)s ends (%(end)s) before it starts (%(start)s)", phase=self.name,
                               end=day(self.end), start=day(self.start)))
        return self

    def describe(self) -> str:
        return self.name

    def new_id_base(self) -> str:
        return self.name

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@register
class AssessmentLevel(Record):
    """One level of the Assessment Scale for Collaboratives, worded per collaborative."""

    TABLE: ClassVar[str] = "assessment_levels"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("label", "definition")
    NOUN: ClassVar[str] = N_("assessment-scale level")
    KEY: ClassVar[tuple[str, ...]] = ("score",)

    score: float = Field(title=N_("Score"), ge=0.5, le=5.0, multiple_of=0.5)
    label: RequiredText = Field(title=N_("Label"), max_length=120)
    definition: RequiredText = Field(title=N_("Definition"), max_length=TEXT_LENGTH)
    label_es: optional(str) = Field(None, title=N_("Label in Spanish"), max_length=120)
    definition_es: optional(str) = Field(None, title=N_("Definition in Spanish"), max_length=TEXT_LENGTH)


# IHI's levels, with definitions paraphrased; each collaborative may reword them.
DEFAULT_ASSESSMENT_SCALE = [   # score, label, definition; and the same in Spanish
    (1.0, "Forming team", "Team formed and charter in place; aim set; baseline measurement begun.",
     "Equipo en formación", "Equipo formado y acta del equipo lista; objetivo definido; medición de referencia iniciada."),
    (1.5, "Planning for the project has begun", "Team meets regularly; resources, first focus and meeting schedule organized.",
     "La planificación del proyecto ha comenzado", "El equipo se reúne con regularidad; recursos, primer enfoque y calendario de reuniones organizados."),
    (2.0, "Activity, but no changes", "Learning cycles begun: planning, measurement, baseline data, studying current routines.",
     "Actividad, pero sin cambios", "Ciclos de aprendizaje iniciados: planificación, medición, datos de referencia, estudio de las rutinas actuales."),
    (2.5, "Changes tested, but no improvement", "PDSA cycles under way; most goals have a measure shown on a run chart with its goal.",
     "Cambios probados, pero sin mejora", "Ciclos PDSA en marcha; la mayoría de las metas tienen una medida en una gráfica de serie temporal con su meta."),
    (3.0, "Modest improvement", "Some change ideas tested successfully; small-scale adoption; early signs of improvement.",
     "Mejora modesta", "Algunas ideas de cambio probadas con éxito; adopción a pequeña escala; primeras señales de mejora."),
    (3.5, "Improvement", "Testing and adoption continue; measures keep moving towards the goals.",
     "Mejora", "Siguen las pruebas y la adopción; las medidas siguen avanzando hacia las metas."),
    (4.0, "Significant improvement", "Expected results reached in several areas; spread throughout the program begun; at least half the goals met.",
     "Mejora significativa", "Resultados esperados alcanzados en varias áreas; difusión en todo el programa iniciada; al menos la mitad de las metas cumplidas."),
    (4.5, "Sustainable improvement", "Key measures show the improvement is holding over time.",
     "Mejora sostenible", "Las medidas clave muestran que la mejora se mantiene con el tiempo."),
    (5.0, "Outstanding sustainable results", "All goals met; changes are part of policy, hiring and daily routines.",
     "Resultados sostenibles sobresalientes", "Todas las metas cumplidas; los cambios forman parte de las políticas, la contratación y las rutinas diarias."),
]
