"""A state's professional-development offerings, placed on the brief's PD Matrix (the leaders' system assessment).

Two axes, each a continuum from 0 to 100: whom the offering engages (0 individuals, 100
whole organizations or teams) and what it is for (0 knowledge gain, 100 transfer to
practice). An offering may sit between quadrants; 50 is the middle line.
"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..base.language import N_
from .base import NAME_LENGTH, TEXT_LENGTH, Record, RequiredText, Slug, optional, register


@register
class PdOffering(Record):
    TABLE: ClassVar[str] = "pd_offerings"
    NOUN: ClassVar[str] = N_("PD offering")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("name",)

    id: Slug = Field(title=N_("Identifier"))
    name: RequiredText = Field(title=N_("Offering"), max_length=NAME_LENGTH)
    funding_stream: optional(str) = Field(None, title=N_("Funding stream"), max_length=NAME_LENGTH)
    reach: int = Field(0, ge=0, le=10_000_000, title=N_("Reach (people a year)"))
    hours: float = Field(0, ge=0, le=10_000, title=N_("Hours per participant"))
    audience: int = Field(0, ge=0, le=100, title=N_("Engages (0 individuals – 100 whole organizations)"))
    purpose: int = Field(0, ge=0, le=100, title=N_("Aims at (0 knowledge gain – 100 transfer to practice)"))
    notes: optional(str) = Field(None, title=N_("Notes"), max_length=TEXT_LENGTH)

    def describe(self) -> str:
        return f"offering “{self.name}”"

    def new_id_base(self) -> str:
        return self.name
