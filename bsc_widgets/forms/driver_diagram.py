"""Workbook 2, the driver diagram: the shared change framework, the ideas this team tests, its own ideas."""
from __future__ import annotations

import ipywidgets as w

from ..analysis.ideas import team_diagram
from ..base.errors import InvalidRecord
from ..base.language import N_, Labels, _, n_
from ..charts.driver_diagram import driver_diagram_html, tree
from ..charts.ramp import stage_words
from ..model import ChangeIdea, Driver, DriverLink, PdsaCycle, current
from ..render import render
from ..services.pdsa import add_team_idea, set_testing
from .fields import Field
from .messages import MessageArea, guarded
from .page import WorkbookPage, section
from .sharing import FromOtherTeams
from .words import Words


def idea_status(cycles: list[PdsaCycle]) -> str:
    """Where a team is with one change idea, in words, from its PDSA cycles."""
    if not cycles:
        return _("no cycles yet")
    return n_("%(n)s cycle; latest: %(stage)s", "%(n)s cycles; latest: %(stage)s", len(cycles),
              stage=stage_words(cycles[-1]))


def outline_html(drivers: list[Driver], ideas: list[ChangeIdea], links: list[DriverLink], tags: dict[str, str]) -> str:
    """The same diagram as nested lists: for screen readers."""
    return render("forms/driver_diagram.html", "outline", primaries=[(p["title"], p["secondaries"])
                                                                     for p in tree(drivers, ideas, links, tags)])


class DriverDiagramPage(WorkbookPage):
    TITLE = "Driver diagram"

    def build_body(self):
        self.drivers = current(self.store.list(Driver))
        self.diagram = Words()
        self.outline = Words()
        self.choices_box = w.VBox(layout=w.Layout(width="100%"))
        self.cycles_table = Words()
        self.add_message = MessageArea()
        secondaries = [(d.title, d.id) for d in self.drivers if d.kind == "secondary"]
        self.new_title = Field(ChangeIdea, "title", label=N_("Our change idea"))
        self.new_description = Field(ChangeIdea, "description", label=N_("Description (optional)"), kind="long")
        self.new_driver = Field(DriverLink, "target_id", label=N_("Under which secondary driver"), kind="choice",
                                choices=secondaries)
        self.new_strength = Field(DriverLink, "strength", label=N_("How strongly it should move that driver"),
                                  choices=Labels({"strong": N_("Strongly (solid line)"),
                                                  "weak": N_("Somewhat (dotted line)")}))
        self.add_button = w.Button(description=_("Add our change idea"), button_style="primary")
        self.add_button.on_click(guarded(self.add_message)(self._add_idea))
        self._refresh()
        return [section(_("Our change framework"), _("Read it from left to right: the aim, the drivers that move it, "
                                                      "and the change ideas to test. Solid lines are strong links, "
                                                      "dotted lines weaker ones. Ideas your team is testing are "
                                                      "outlined in orange and marked in words.")),
                self.diagram, self.outline,
                section(_("Change ideas we are testing"), _("Tick the ideas your team is testing. Planning a PDSA "
                                                             "cycle on an idea ticks it for you.")), self.choices_box,
                section(_("Our change ideas and their PDSA cycles")), self.cycles_table,
                section(_("From other teams"), _("What other teams shared, newest first: the cycles they ran "
                                                 "(what they tried, where, and what they decided) and their photos "
                                                 "and files.")), self._from_others(),
                section(_("Add our own change idea"), _("A change idea of your own appears in your diagram only.")),
                self.new_title, self.new_description, self.new_driver, self.new_strength, self.add_button,
                self.add_message]

    def _from_others(self) -> FromOtherTeams:
        shown = FromOtherTeams(self.store, self.actor, self.access, self.team, self.today, self.message)
        shown.show(None)
        return shown

    def _refresh(self) -> None:
        plan = team_diagram(self.store, self.team.id)
        self.drivers, chosen, by_idea, tags, links = plan.drivers, plan.chosen, plan.cycles_by_idea, plan.tags, plan.links
        highlight, ideas_in_order = plan.in_play, plan.ideas
        svg = driver_diagram_html(plan.aim, self.drivers, ideas_in_order, links, tags, highlight)
        self.diagram.value = render("forms/driver_diagram.html", "diagram", svg=svg)
        self.outline.value = outline_html(self.drivers, ideas_in_order, links, tags)
        boxes = []
        for i in ideas_in_order:
            box = w.Checkbox(value=i.id in chosen, description=_("%(idea)s (our idea)", idea=i.title) if i.team_id else i.title,
                             indent=False, layout=w.Layout(width="auto"))
            box.observe(guarded(self.message)(lambda change, idea=i: self._toggle(idea, change["new"])), names="value")
            boxes.append(box)
        self.choices_box.children = boxes
        rows = []
        for i in ideas_in_order:
            if i.id not in highlight:
                continue
            mine = by_idea.get(i.id, [])
            listed = "; ".join(f"{c.title} ({stage_words(c)})" for c in mine) or "—"
            rows.append((i.title, idea_status(mine), listed))
        self.cycles_table.value = render("forms/driver_diagram.html", "cycles", rows=rows)

    def _toggle(self, idea: ChangeIdea, on: bool) -> None:
        set_testing(self.store, self.actor, self.team.id, idea.id, on)
        self.message.show(_("Saved: “%(idea)s” is one of the ideas we are testing.", idea=idea.title) if on else
                          _("Saved: “%(idea)s” is no longer one of the ideas we are testing.", idea=idea.title), "ok")
        self._refresh()

    def _add_idea(self, _button=None) -> None:
        title, target = self.new_title.get(), self.new_driver.get()
        self.new_title.show_problem(None if title else _("Give the change idea a title."))
        self.new_driver.show_problem(None if target else _("Choose the secondary driver it should move."))
        if not (title and target):
            self.add_message.show_error(_("The change idea was not added: see the fields above."))
            return
        try:
            idea = ChangeIdea.build(id="new", title=title, description=self.new_description.get(),
                                    team_id=self.team.id, position=1000 + len(self.store.list(ChangeIdea)))
            link = DriverLink.build(source_id="new", target_id=target, strength=self.new_strength.get() or "strong")
        except InvalidRecord as exc:
            self.add_message.show_error(exc)
            return
        add_team_idea(self.store, self.actor, idea, link)  # the idea, its link and its tick: all or nothing
        for f in (self.new_title, self.new_description):
            f.set(None)
        self.add_message.show(_("Added “%(idea)s” to your diagram, ticked as an idea you are testing.", idea=title), "ok")
        self._refresh()
