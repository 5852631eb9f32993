"""What a page sends before a person sees it: one message per widget model, in one burst.

Every model is made in the kernel, sent to the browser and built there, which a phone feels. A kernel's
output channel also keeps only so many unread messages by default (ZeroMQ's 1,000): the set-up page once
sent 1,800 and was blank when the server read them late (see ``bsc_widgets/base/kernels.py``, which raises the
cap). Text, help and messages share one layout and style (``forms/words.py``), so no page comes near it.
"""
import datetime as dt

import ipywidgets as w

from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.driver_diagram import DriverDiagramPage
from bsc_widgets.forms.home import HomePage
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.forms.words import Words

TODAY = dt.date(2026, 11, 22)
TEAM = "sunrise-head-start"


def models(widget: w.Widget) -> set[int]:
    """Every widget model a page sends: its widgets, and each one's layout, style and other widget values."""
    seen: dict[int, w.Widget] = {}
    stack = [widget]
    while stack:
        wdg = stack.pop()
        if id(wdg) in seen:
            continue
        seen[id(wdg)] = wdg
        for value in wdg.trait_values().values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, w.Widget):
                    stack.append(item)
    return set(seen)


def test_no_page_sends_more_models_than_a_kernel_keeps_unread_by_default(sample_store):
    team = sample_store.team(TEAM)
    pages = {"home": HomePage(sample_store, TODAY, team), "set-up": SetupPage(sample_store, TODAY)}
    for page_class in (CharterPage, DriverDiagramPage, PdsaPage, MeasuresPage, MonthlyReportPage):
        pages[page_class.__name__] = page_class(sample_store, team, TODAY)
    counts = {name: len(models(page)) for name, page in pages.items()}
    assert counts["set-up"] < 800, counts                      # was 1,452
    assert max(v for k, v in counts.items() if k != "set-up") < 200, counts   # the PDSA page was 285


def test_text_and_fields_share_one_layout_and_style(sample_store):
    page = PdsaPage(sample_store, sample_store.team(TEAM), TODAY)
    stack, words = [page], []
    while stack:
        wdg = stack.pop()
        words += [wdg] if isinstance(wdg, Words) else []
        stack.extend(getattr(wdg, "children", ()) or ())
    assert len(words) > 20
    assert len({id(x.layout) for x in words}) == 1 and len({id(x.style) for x in words}) == 1


def test_reports_run_by_papermill_keep_every_message_of_a_burst():
    """papermill's client reads a page's burst with the server's backlog, not ZeroMQ's 1,000 (``reports.batch``)."""
    import zmq

    from bsc_widgets.base.kernels import BACKLOG, AllMessagesClient, AllMessagesKernels

    client = AllMessagesKernels().client()
    try:
        assert isinstance(client, AllMessagesClient)
        assert client.context.getsockopt(zmq.RCVHWM) == BACKLOG
    finally:
        client.context.term()
