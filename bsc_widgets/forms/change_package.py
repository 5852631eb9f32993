"""The change package page, kept as the collaborative runs: every tested idea with its evidence, for faculty,
advisors and state leaders; faculty write the collaborative's lessons learned here.

Shared cycles are named only to those the read gate lets see them (not to leaders). ``bsc change-package``
writes the same package offline for the state, with the next collaborative's framework file.
"""
from __future__ import annotations

from ..base.language import N_, _
from ..reports.change_package import change_package_html
from ..services.read_gate import may_see_section, may_see_shared
from .lessons import lessons_form
from .page import CollaborativePage, section
from .words import Words


class ChangePackagePage(CollaborativePage):
    TITLE = N_("Change package")

    def build_body(self):
        shown = Words(change_package_html(self.store, self.today, lambda s: may_see_shared(
            self.access, s.team.id, s.open_to_other_teams)))
        parts = [shown]
        if may_see_section(self.access, "collaborative_lessons"):
            parts += [section(_("The collaborative’s lessons learned"), _(
                "Written by faculty and the improvement advisor at the end; teams write their own in the monthly "
                "report workbook.")), lessons_form(self.store, self.actor, None)]
        return parts
