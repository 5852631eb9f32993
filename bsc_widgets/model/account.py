"""A person's account for signing in, and the permission role it holds.

The permission role (what the account may open and change) is not a member's role on a team
(administrator, teacher, staff, family): a teacher signs in as a team member, a coach as faculty.
A team member's teams are not stored here but read from the rosters, by e-mail address, at every
request, so that taking someone off a roster ends their access at once.
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..base.language import N_, Labels, _
from .base import NAME_LENGTH, Record, RequiredText, optional, register

Access = Literal["team_member", "faculty", "advisor", "leader", "admin"]
ACCESS_LABELS = Labels({
    "team_member": N_("Team member"),
    "faculty": N_("Faculty or coach"),
    "advisor": N_("Improvement advisor"),
    "leader": N_("State or regional leader"),
    "admin": N_("Administrator of the site"),
})
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._%+@-]{0,253}$"


@register
class Account(Record):
    TABLE: ClassVar[str] = "accounts"
    NOUN: ClassVar[str] = N_("account")
    KEY: ClassVar[tuple[str, ...]] = ("username",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("name",)

    username: str = Field(title=N_("Sign-in name"), max_length=254, pattern=USERNAME_PATTERN)
    name: RequiredText = Field(title=N_("Name"), max_length=NAME_LENGTH)
    access: Access = Field(title=N_("Permission role"))
    email: optional(str) = Field(None, title=N_("Email"), max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    def describe(self) -> str:
        return _("the account of %(name)s", name=self.name)

    @property
    def by_card(self) -> bool:
        """A member's account without an e-mail address: its sign-in name is their roster identifier, on a card."""
        return self.access == "team_member" and "@" not in self.username
