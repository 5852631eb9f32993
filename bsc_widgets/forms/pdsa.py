"""Workbook 3, the PDSA planner and log: plan a test of one change idea, then Do, Study and Act; ramps."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from .. import services
from ..analysis.ideas import measures_for_idea, team_ideas
from ..analysis.news import thread
from ..base.language import N_, _
from ..charts.ramp import ramp_list_html, ramp_svg, stage_words
from ..model import AGE_GROUP_LABELS, DECISION_LABELS, ROLE_LABELS, Measure, PdsaCycle, ramps
from ..render import render
from ..reports.worksheets import pdsa_worksheet_html
from .comments import CommentThread, NewsNotice
from .fields import NOTHING, Field, on_pick, replace_options
from .files import FilesPanel
from .messages import guarded
from .page import WorkbookPage, heading, section
from .print_links import PrintLinks
from .recent_changes import RecentChanges
from .record_form import RecordForm, replace_form
from .sharing import FromOtherTeams, SharePanel
from .words import Words

NEW = "__new__"


def study_html(cycle: PdsaCycle) -> str:
    """Predictions beside results, as the Study step asks."""
    return render("forms/pdsa.html", "study", predictions=cycle.predictions, results=cycle.study_notes)


class PdsaPage(WorkbookPage):
    TITLE = "PDSA planner and log"

    def build_body(self):
        self.ideas = {i.id: i for i in team_ideas(self.store, self.team.id)}
        self.ramps_html = Words()
        self.picker = w.Dropdown(description=_("Open a cycle"), style={"description_width": "initial"},
                                 layout=w.Layout(width="min(40em, 100%)"))
        on_pick(self.picker, guarded(self.message)(lambda _: self._show_cycle()))
        self.next_button = w.Button(description=_("Plan the next cycle on this ramp"))
        self.next_button.on_click(guarded(self.message)(self._next_cycle))
        self.remove_button = w.Button(description=_("Remove this cycle"), layout=w.Layout(width="auto"))
        self.remove_button.on_click(guarded(self.message)(self._remove))
        self.cycle_area = w.VBox(layout=w.Layout(width="100%"))
        self.on_shared_area = w.VBox(layout=w.Layout(width="100%"))
        self.share_panel = SharePanel(self.store, self.actor, self.team, self.today, self.message)
        self.share_panel.share_button.on_click(lambda _b: self._show_threads(self.form.record))
        self.share_panel.take_back_button.on_click(lambda _b: self._show_threads(self.form.record))
        self.files = FilesPanel(self.store, self.actor, self.team, self.today, self.message,
                                on_removed=lambda removal: self.recent.say(_(
                                    "Removed %(what)s. “Undo” below puts it back.", what=removal.what())))
        self.with_faculty = CommentThread(self.store, self.actor, self.message, lambda: thread(
            self.store, self.today, pdsa_cycle_id=self.with_faculty.on.id), _("A question for faculty, or an answer"),
            _("No comments yet. Only our team and faculty see these."))
        self.on_shared = CommentThread(self.store, self.actor, self.message, lambda: thread(
            self.store, self.today, share_id=self.shared.id), _("An answer to another team"), _(
            "No other team has commented yet."))
        self.from_others = FromOtherTeams(self.store, self.actor, self.access, self.team, self.today, self.message)
        self.news = NewsNotice(self.store, self.access, self.team, self.today)
        self.print_links = PrintLinks(self.message)
        self.recent = RecentChanges(self.store, self.actor, self.team.id, ("pdsa_cycles", "team_files"),
                                    on_change=lambda: (self._refresh(), self._show_cycle()))
        self._refresh(select=self._latest_id())
        self._show_cycle()
        # the planner first: on a phone the page is one long column, and planning is what people come for
        return [self.news, section(_("Plan, do, study, act")), self.picker, self.cycle_area, self.recent,
                section(_("From other teams"), _("What other teams shared about the change idea of the cycle "
                                                 "shown above, newest first.")), self.from_others,
                section(_("On paper"), _("For a huddle with no device: IHI’s PDSA worksheet, blank or with this "
                                         "cycle filled in, ready to print.")), self.print_links,
                section(_("Our ramps"), _("Each change idea is tested in a series of cycles, each a little bigger: "
                                          "a ramp. Each step below is one cycle.")), self.ramps_html]

    def _latest_id(self) -> str:
        cycles = self.store.list(PdsaCycle, team_id=self.team.id)
        open_ = [c for c in cycles if not c.decision]
        pick = max(open_ or cycles, key=lambda c: c.start, default=None)
        return pick.id if pick else NEW

    def _refresh(self, select: str | None = None) -> None:
        self.cycles = self.store.list(PdsaCycle, team_id=self.team.id)
        blocks = []
        for ramp in ramps(self.cycles):
            idea = self.ideas.get(ramp.change_idea_id)
            title = idea.title if idea else ramp.change_idea_id
            blocks.append((title, ramp_svg(ramp, title), ramp_list_html(ramp)))
        self.ramps_html.value = render("forms/pdsa.html", "ramps", blocks=blocks)
        options = [(_("Plan a new cycle…"), NEW)]
        for ramp in ramps(self.cycles):
            idea = self.ideas.get(ramp.change_idea_id)
            for n, c in enumerate(ramp.cycles, start=1):
                options.append((_("%(idea)s — cycle %(n)s: %(title)s (%(stage)s)",
                                  idea=idea.title if idea else c.change_idea_id, n=n, title=c.title,
                                  stage=stage_words(c)), c.id))
        replace_options(self.picker, options, select if select is not None else self.picker.value)

    def _blank(self, idea_id: str | None = None, start: dt.date | None = None,
               measure_ids: list[str] | None = None) -> PdsaCycle:
        """A new cycle to plan, aimed where its idea's drivers point (or as given); its identifier comes from the
        store when it is first saved."""
        aimed = measure_ids if measure_ids is not None else measures_for_idea(self.store, idea_id) if idea_id else []
        return PdsaCycle.draft(id="new", team_id=self.team.id, change_idea_id=idea_id or "",
                               start=start or self.today, measure_ids=aimed or None)

    def _show_cycle(self, record: PdsaCycle | None = None) -> None:
        if record is None:
            record = next((c for c in self.cycles if c.id == self.picker.value), None) or self._blank()
        idea_choices = [(_("%(idea)s (our own idea)", idea=i.title) if i.team_id else i.title, i.id)
                        for i in self.ideas.values()]
        measures = [m for m in self.store.list(Measure) if m.is_current(self.today) or m.id in (record.measure_ids or [])]
        f = {name: Field(PdsaCycle, name, **kw) for name, kw in [
            ("change_idea_id", dict(kind="choice", choices=idea_choices)),
            ("measure_ids", dict(label=N_("Measures this test aims to move"), choices=[(m.name, m.id) for m in measures],
                                 help=_("Its charts mark this cycle, and their readings name it."),
                                 unchosen=_("Not chosen yet: this cycle is marked on every chart of ours until you "
                                            "choose."))),
            ("title", dict(placeholder=_("For example: Feeling-word cards in the toddler room"))),
            ("objective", dict(rows=2)),
            ("questions", dict(label=N_("Questions we want to answer"), rows=2)),
            ("predictions", dict(label=N_("Our predictions (what we think will happen)"), rows=2)),
            ("plan_who", dict(label=N_("Who will carry it out"), kind="text")),
            ("plan_what", dict(label=N_("What will be done"), kind="text")),
            ("plan_when", dict(label=N_("When"), kind="text")),
            ("plan_where", dict(label=N_("Where"), kind="text")),
            ("data_collection", dict(label=N_("Data-collection plan: what we will measure, how and when"), rows=2)),
            ("participant_roles", dict(label=N_("Who took part, by role"), choices=ROLE_LABELS)),
            ("scale", dict(label=N_("Scale of the test (for example: one classroom, one week)"))),
            ("age_groups", dict(label=N_("Children's ages in the test"), choices=AGE_GROUP_LABELS)),
            ("start", {}), ("end", dict(label=N_("End date (when the test is done)"))),
            ("do_notes", dict(label=N_("Do: what happened, and anything unexpected"), rows=3)),
            ("study_notes", dict(label=N_("Study: what the results show, against our predictions"), rows=3)),
            ("decision", dict(label=N_("Act: our decision"), choices=DECISION_LABELS)),
            ("next_steps", dict(label=N_("Act: the next cycle, or how we will keep the change"), rows=2)),
        ]}
        self.side_by_side = Words(study_html(record))

        head = heading

        layout = [head(_("Plan")), *(f[k] for k in ("change_idea_id", "measure_ids", "title", "objective", "questions", "predictions",
                                                   "plan_who", "plan_what", "plan_when", "plan_where",
                                                   "data_collection", "participant_roles", "scale", "age_groups",
                                                   "start", "end")),
                  head(_("Do")), f["do_notes"], head(_("Study")), f["study_notes"], self.side_by_side,
                  head(_("Act")), f["decision"], f["next_steps"]]
        self.form = replace_form(getattr(self, "form", None), RecordForm(
            self.store, record, list(f.values()), actor=self.actor, on_saved=self._saved, layout_children=layout,
            on_gone=self._gone))
        if not record.version:   # a new cycle is first aimed where its change idea's drivers point
            f["change_idea_id"].on_change(guarded(self.message)(lambda _change: self._aim_at_idea()))
        self.cycle_heading = Words(self._heading(record))
        self._offer_worksheets(self._blank(record.change_idea_id) if self.form.read_only else self.form.record)
        self._arrange(record)
        self._show_saved(record)

    def _arrange(self, record: PdsaCycle) -> None:
        saved = [] if not record.version else [
            self.share_panel, heading(_("Photos and files")), self.files, heading(_("Comments with faculty")),
            self.with_faculty, self.on_shared_area]
        self.cycle_area.children = [self.cycle_heading, self.form] + ([] if self.form.read_only else [
            w.HBox([self.next_button] + ([self.remove_button] if record.version else []),
                   layout=w.Layout(flex_flow="row wrap")), *saved])

    def _show_saved(self, record: PdsaCycle) -> None:
        """What a saved cycle carries below its form: sharing, its files, its comments; and what others shared."""
        self.share_panel.show(record.id if record.version else None)
        self.files.show(record)
        self._show_threads(record)
        self.from_others.show(record.change_idea_id or None)

    def _show_threads(self, record: PdsaCycle) -> None:
        self.with_faculty.show(record if record.version else None)
        share = self.share_panel.current()
        self.shared = share
        self.on_shared.show(share)
        self.on_shared_area.children = [heading(_("Comments from other teams")), self.on_shared] if share else []

    def _aim_at_idea(self) -> None:
        """The measures the chosen idea's drivers name, ticked for a cycle not yet saved (the team may change them)."""
        idea = self.form.fields["change_idea_id"].get()
        aimed = measures_for_idea(self.store, idea) if idea else []
        self.form.fields["measure_ids"].set(aimed or None)

    def _gone(self) -> None:
        """The cycle shown was removed by someone else: the list without it, nothing chosen, no buttons for it."""
        self._refresh(select=NOTHING)
        if getattr(self, "form", None) is not None and self.form.read_only:
            self.cycle_area.children = [self.cycle_heading, self.form]

    def _offer_worksheets(self, record: PdsaCycle) -> None:
        """The cycle's worksheet to print (once it is saved), and a blank one for the next cycle on paper."""
        team, store = self.team.id, self.store
        sheets = [(_("Blank PDSA worksheet"), f"pdsa-worksheet-{team}-blank",
                   lambda: pdsa_worksheet_html(store, team, idea_id=record.change_idea_id or None))]
        if record.version:
            sheets.insert(0, (_("This cycle’s worksheet"), f"pdsa-worksheet-{record.id}",
                              lambda: pdsa_worksheet_html(store, team, record.id)))
        self.print_links.show(sheets)

    def _remove(self, _button=None) -> None:
        """A cycle entered by mistake (or twice) taken out; "Undo" under it puts it back."""
        removal = services.remove(self.store, self.actor, self.form.record)
        self.recent.say(_("Removed %(what)s. “Undo” below puts it back.", what=removal.what()))
        self._refresh(select=self._latest_id())
        self._show_cycle()

    @staticmethod
    def _heading(record: PdsaCycle) -> str:
        return render("common.html", "heading", text=_("Cycle: %(title)s", title=record.title) if record.version else
                      _("Plan a new cycle"))

    def _saved(self, cycle: PdsaCycle) -> None:  # saving a cycle also marked its change idea as tested
        self.side_by_side.value = study_html(cycle)
        if self.share_panel not in self.cycle_area.children:     # first saved: what a saved cycle carries appears
            self._arrange(cycle)
        self._show_saved(cycle)
        self.cycle_heading.value = self._heading(cycle)
        self._refresh(select=cycle.id)

    def _next_cycle(self, _button=None) -> None:
        current = self.form.record
        if not current.version:
            self.message.show(_("Save this cycle first (it needs a change idea, a title, an objective and a start "
                                "date); then plan the next one."), "error")
            return
        start = (current.end or self.today) + dt.timedelta(days=1)
        blank = self._blank(current.change_idea_id, min(max(start, self.today), self.collab.last_day),
                            current.measure_ids)   # the ramp goes on aiming at the same measures
        replace_options(self.picker, list(self.picker.options), NEW)
        self._show_cycle(blank)
        self.form.fields["title"].input.focus()   # the person carries on typing where the new cycle starts
        self.message.show(_("A new cycle on the same change idea. Build on what you learned: %(learned)s",
                            learned=current.next_steps or current.study_notes or ""), "info")
