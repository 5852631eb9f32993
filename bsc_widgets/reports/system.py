"""The leaders' system assessment as an offline report: the matrix, the quadrants, the gap in words."""
from __future__ import annotations

import datetime as dt

from ..charts.pd_matrix import offerings_key_html, pd_matrix_svg
from ..model import PdOffering
from ..store import Store
from ..system_assessment import QUADRANTS, assess
from ..text import esc
from .page import section, wrap


def system_assessment_html(store: Store, today: dt.date | None = None) -> str:
    offerings = store.list(PdOffering)
    result = assess(offerings)
    rows = "".join(f"<tr><th scope='row'>{esc(q.title)}</th><td>{esc(QUADRANTS[q.key][3])}</td>"
                   f"<td>{len(q.offerings)}</td><td>{q.reach:,.0f}</td><td>{q.hours:,.0f}</td>"
                   f"<td>{q.share * 100:.0f}%</td></tr>" for q in result.quadrants.values())
    quadrants = ("<div class='bsc-scroll'><table aria-label='Quadrants'><thead><tr><th>Quadrant</th><th>For example"
                 "</th><th>Offerings</th><th>Reach a year</th><th>Participant-hours</th><th>Share</th></tr></thead>"
                 f"<tbody>{rows}</tbody></table></div>")
    when = f" ({today:%-d %B %Y})" if today else ""
    return wrap(f"<h1>System assessment: the Professional Development Matrix{esc(when)}</h1>"
                + section("What the matrix shows", "<ul class='bsc-reading'>"
                          + "".join(f"<li>{esc(s)}</li>" for s in result.sentences) + "</ul>")
                + section("The matrix", f"<div class='bsc-scroll'>{pd_matrix_svg(offerings, result)}</div>"
                          + offerings_key_html(offerings, result))
                + section("The four quadrants", quadrants))
