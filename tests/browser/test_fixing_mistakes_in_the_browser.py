"""A team fixing its own mistakes and taking its own data, in a real Chromium against a real Voilà: a period
removed and put back from "Recently removed", a member who took part leaving the team, and the team's .xlsx."""
import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect

from bsc_widgets.model import ROLE_LABELS, Attendance, Member, Observation
from bsc_widgets.store import Store
from tests.browser.test_workbooks import LOAD, SAVE, clean, open_workbook

pytestmark = pytest.mark.browser
TEAM = "maple-street-ehs"


def test_a_mistaken_period_is_removed_and_undone(page, server):
    store = Store.open(str(server["db"]), read_only=True)
    before = store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 10, 1))
    assert before is not None
    entered = f"October 2026 — {before.numerator:g} of {before.denominator:g}"
    open_workbook(page, server, "04_measures", TEAM)
    period = page.get_by_label("Period", exact=True)
    period.select_option(label=entered)
    expect(page.get_by_label(re.compile("^Numerator"))).to_have_value(f"{before.numerator:g}", timeout=SAVE)
    page.get_by_role("button", name="Remove this period’s numbers").click()
    expect(page.get_by_role("status").filter(has_text="Removed the numbers for October 2026")).to_be_visible(
        timeout=SAVE)
    expect(period).to_contain_text("October 2026 — no data yet", timeout=SAVE)
    assert store.get(Observation, TEAM, "positive-feedback", before.period) is None
    recent = page.locator(".bsc-recent")
    expect(recent.get_by_text("Recently removed")).to_be_visible()
    recent.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status").filter(has_text="Put back: the numbers for October 2026")).to_be_visible(
        timeout=SAVE)
    expect(period).to_contain_text(entered, timeout=SAVE)
    assert store.get(Observation, TEAM, "positive-feedback", before.period).numerator == before.numerator
    clean(page)


def test_a_member_who_took_part_leaves_the_team(page, server):
    store = Store.open(str(server["db"]), read_only=True)
    attended = {a.member_id for a in store.list(Attendance)}
    member = next(m for m in store.list(Member, team_id=TEAM) if m.id in attended and m.left_on is None)
    open_workbook(page, server, "01_charter", TEAM)
    page.get_by_label("Edit or add a member").select_option(label=f"{member.name} ({ROLE_LABELS[member.role]})")
    expect(page.get_by_label("Name (required)", exact=True)).to_have_value(member.name, timeout=SAVE)
    page.get_by_role("button", name="Remove this member from the team").click()
    expect(page.get_by_role("status").filter(has_text="so they stay in its records")).to_be_visible(timeout=SAVE)
    expect(page.get_by_label("Team roster")).not_to_contain_text(member.name, timeout=SAVE)
    expect(page.get_by_text(re.compile(r"\d+ members? ha(s|ve) left the team"))).to_be_visible()
    assert store.get(Member, member.id).left_on is not None
    assert store.list(Attendance, member_id=member.id)          # what they attended stays true
    clean(page)


def test_a_team_downloads_its_own_data(page, server, tmp_path):
    from openpyxl import load_workbook

    page.goto(f"{server['url']}/voila/render/00_home.ipynb?team=hearth-fcc&lang=en", wait_until="commit")
    page.get_by_role("button", name="Download our data (.xlsx)").click(timeout=LOAD)
    link = page.get_by_role("link", name=re.compile(r"Save .*’s data \(\.xlsx\)"))
    with page.expect_download() as got:
        link.click(timeout=SAVE)
    assert got.value.suggested_filename == "hearth-fcc-data.xlsx"
    book = load_workbook(io.BytesIO(open(got.value.path(), "rb").read()))
    assert "Measure data" in book.sheetnames
    text = "\n".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value)
    store = Store.open(str(server["db"]), read_only=True)
    others = [m.name for m in store.list(Member) if m.team_id != "hearth-fcc"]
    assert [name for name in others if name in text] == []
    clean(page)
