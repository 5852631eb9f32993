"""The change package as one offline page (the faculty page shows it; ``bsc change-package`` writes it for the
state, with its PDF and the next collaborative's framework file).

Shared cycles, files and storyboards are named, by title and team, only where the reader may see them (the read gate's rule, given as
``sees_shared``); the state's offline copy names them and never shows their content or anyone's name.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from ..analysis.change_package import (
    ChangePackage,
    change_package,
    decision_words,
    lessons_learned,
)
from ..analysis.sharing import SharedItem
from ..analysis.spread import team_names
from ..base.language import _
from ..model import PROGRAM_TYPE_LABELS, SHARED_KIND_LABELS
from ..render import render, stylesheet
from ..store import Store


def change_package_html(store: Store, day: dt.date, sees_shared: Callable[[SharedItem], bool] = lambda s: True,
                        package: ChangePackage | None = None) -> str:
    package = package or change_package(store, day)
    names = team_names(store)
    ideas = []
    for e in package.tested:
        rows = [(c, PROGRAM_TYPE_LABELS[c.team.program_type], decision_words(c.decision)) for c in e.conditions]
        ideas.append((e, e.summary(), rows, [s.text(names) for s in e.signals],
                      [_("%(title)s (%(team)s, %(kind)s)", title=s.title, team=s.team.name,
                         kind=SHARED_KIND_LABELS[s.share.kind]) for s in e.shared if sees_shared(s)]))
    return render("reports/change_package.html", "package", style=stylesheet(), collab=package.collaborative,
                  day=day, ideas=ideas, untested=package.untested, lessons=package.lessons)


def lessons_html(store: Store, day: dt.date) -> str:
    """Each team's lessons learned and the collaborative's, for the final report."""
    return render("reports/change_package.html", "lessons_learned", lessons=lessons_learned(store.as_of(day)))


def write_change_package(store: Store, day: dt.date, out: Path, pdf: bool = True) -> list[Path]:
    """``bsc change-package``: the package as offline HTML (and PDF), and the next collaborative's framework file.
    Returns what was written; a PDF that cannot be printed is said, and the rest is kept."""
    from ..analysis.change_package import next_wave
    from ..portable import write_framework
    from .batch import page, write_whole
    from .printing import to_pdf

    out.mkdir(parents=True, exist_ok=True)
    package = change_package(store, day)
    html = out / "change-package.html"
    title = _("Change package: %(name)s", name=package.collaborative.name)
    write_whole(html, page(title, change_package_html(store, day, package=package)))
    written = [html, write_framework(next_wave(store, day), out / "framework.yaml")]
    if pdf:
        written.insert(1, to_pdf(html))
    return written
