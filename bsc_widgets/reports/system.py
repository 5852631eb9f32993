"""The leaders' system assessment as an offline report: the matrix, the quadrants, the gap in words."""
from __future__ import annotations

import datetime as dt

from ..analysis.system_assessment import QUADRANTS, assess
from ..base.language import _
from ..charts.pd_matrix import offerings_key_html, pd_matrix_svg
from ..model import PdOffering
from ..render import render, stylesheet
from ..store import Store


def system_assessment_html(store: Store, today: dt.date | None = None) -> str:
    offerings = store.list(PdOffering)
    result = assess(offerings)
    quadrants = [dict(title=q.title, example=_(QUADRANTS[q.key][3]), offerings=len(q.offerings), reach=q.reach,
                      hours=q.hours, share=q.share) for q in result.quadrants.values()]
    return render("reports/collaborative.html", "system", style=stylesheet(), when=today, sentences=result.sentences,
                  matrix=pd_matrix_svg(offerings, result), key=offerings_key_html(offerings, result),
                  quadrants=quadrants)
