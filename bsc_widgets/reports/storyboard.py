"""A team's storyboard as one printable page: a poster in letter, tabloid or A3 (``bsc print storyboard``), or the
same board without charts, for the page where faculty read every team's before a session."""
from __future__ import annotations

from pathlib import Path

from ..analysis.storyboard import StoryboardDraft, sessions, storyboard, storyboards
from ..base.errors import BscError
from ..base.language import _, first_known, speaking
from ..charts.mdc_icons import icons_html
from ..charts.print_chart import run_chart_svg
from ..charts.ramp import ramp_list_html, ramp_svg, stage_words
from ..model import ChangeIdea, Phase
from ..render import render, stylesheet
from ..store import Store

SIZES = {"letter": "letter", "tabloid": "11in 17in", "a3": "A3"}     # CSS page sizes


def storyboard_body(store: Store, board: StoryboardDraft, charts: bool = True) -> str:
    titles = {i.id: i.title for i in store.list(ChangeIdea)}
    measures = [(a.measure.name, run_chart_svg(a.result, a.measure.name, a.measure.multiplier == 100)
                 if charts and not a.result.empty else "", a.reading.lead, icons_html(a.result))
                for a in board.analyses]
    return render("reports/storyboard.html", "board", b=board, measures=measures,
                  cycles=[(c, titles.get(c.change_idea_id, c.change_idea_id), stage_words(c)) for c in board.cycles],
                  ramps=[(titles.get(r.change_idea_id, r.change_idea_id),
                          ramp_svg(r, titles.get(r.change_idea_id, "")) if charts else "", ramp_list_html(r))
                         for r in board.ramps])


def storyboard_html(store: Store, team_id: str, session_id: str, size: str = "letter", lang: str = "") -> str:
    """The poster, in the team's language unless ``lang`` chooses another."""
    team = store.team(team_id)
    with speaking(first_known(lang, team.language)):
        translated = store.translated()
        board = storyboard(translated, team_id, session_id)
        return poster_html(board, storyboard_body(translated, board), size)


def poster_html(board: StoryboardDraft, body: str, size: str) -> str:
    """The board's body on a poster page of ``size`` (a key of ``SIZES``)."""
    return render("reports/storyboard.html", "poster", style=stylesheet(), size=SIZES[size],
                  title=_("%(team)s: storyboard for %(session)s", team=board.team.name, session=board.session.name),
                  bodies=[body])


def every_poster_html(store: Store, session_id: str, size: str = "letter", lang: str = "") -> str:
    """Every team's poster for a session, one to a page, in one file: what faculty print the night before (each
    measure analysed once for all teams)."""
    with speaking(first_known(lang, "en")):
        translated = store.translated()
        session = translated.require(Phase, session_id)
        teams = [t.id for t in translated.teams() if t.joined <= session.start]
        bodies = [storyboard_body(translated, b) for b in storyboards(translated, session_id, teams)]
        return render("reports/storyboard.html", "poster", style=stylesheet(), size=SIZES[size], bodies=bodies,
                      title=_("Every team’s storyboard for %(session)s", session=session.name))


def session_by_number(store: Store, number: int) -> str:
    """``--session N``: the Nth learning session (the summative session after the last)."""
    found = sessions(store)
    if not 1 <= number <= len(found):
        raise BscError(_("There is no session %(n)s: this collaborative has %(count)s (learning sessions, then the "
                         "summative session).", n=number, count=len(found)))
    return found[number - 1].id


def write_storyboard(store: Store, team_id: str | None, number: int, folder: Path, size: str, pdf: bool,
                     lang: str | None = None) -> list[Path]:
    """``bsc print storyboard``: the poster as HTML, and as PDF too; without a team, every team's, one to a page."""
    from .printing import to_pdf

    session = session_by_number(store, number)
    folder.mkdir(parents=True, exist_ok=True)
    if team_id is None:
        page = folder / f"storyboards-{session}-{size}.html"
        page.write_text(every_poster_html(store, session, size, lang or ""), encoding="utf-8")
    else:
        page = folder / f"storyboard-{store.team(team_id).id}-{session}-{size}.html"
        page.write_text(storyboard_html(store, team_id, session, size, lang or ""), encoding="utf-8")
    return [page, to_pdf(page, timeout=600)] if pdf else [page]


