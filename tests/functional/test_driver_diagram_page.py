"""Workbook 2 (driver diagram) on a real store, and the diagram's readability at 5 / 15 / 40."""
import datetime as dt
import re
from html import escape

from bsc_widgets.charts.driver_diagram import CHAR_W, FONT, layout
from bsc_widgets.forms.driver_diagram import DriverDiagramPage
from bsc_widgets.model import ChangeIdea, Driver, DriverLink, TeamChangeIdea, current
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)


def open_page(store, team="sunrise-head-start"):
    return DriverDiagramPage(store, store.team(team), TODAY)


def test_diagram_draws_every_level_and_both_kinds_of_link(sample_store):
    page = open_page(sample_store)
    svg = page.diagram.value
    assert svg.count('class="bsc-node bsc-primary"') == len([d for d in sample_store.list(Driver)
                                                               if d.kind == "primary"])
    assert "bsc-link-strong" in svg and "bsc-link-weak" in svg and 'stroke-dasharray' in svg
    assert "✓ testing" in svg or "✓ adopted" in svg
    assert "Driver diagram as a list" in page.outline.value


def test_other_teams_local_ideas_are_not_shown(sample_store):
    others = [i for i in sample_store.list(ChangeIdea) if i.team_id and i.team_id != "sunrise-head-start"]
    assert others
    text = widget_text(open_page(sample_store))
    assert not any(i.title in text for i in others)


def test_ticking_an_idea_marks_it_and_unticking_unmarks(sample_store):
    page = open_page(sample_store)
    box = next(b for b in page.choices_box.children if not b.value)
    box.value = True
    title = box.description
    idea = next(i for i in sample_store.list(ChangeIdea) if i.title == title)
    assert sample_store.get(TeamChangeIdea, "sunrise-head-start", idea.id) is not None
    box = next(b for b in page.choices_box.children if b.description == title)
    box.value = False
    assert sample_store.get(TeamChangeIdea, "sunrise-head-start", idea.id) is None


def test_adding_a_local_idea_under_a_secondary_driver(sample_store):
    page = open_page(sample_store)
    page.new_title.input.value = "Calm-down corner <script>x</script>"
    page.new_driver.input.value = page.new_driver.choices[0][1]
    page.new_strength.input.value = "weak"
    page.add_button.click()
    idea = next(i for i in sample_store.list(ChangeIdea) if i.title.startswith("Calm-down corner"))
    assert idea.team_id == "sunrise-head-start"
    link = sample_store.get(DriverLink, idea.id, page.new_driver.choices[0][1])
    assert link.strength == "weak"
    assert "Calm-down corner &lt;script&gt;" in page.diagram.value and "<script>" not in page.diagram.value


def test_adding_without_title_says_so_and_adds_nothing(sample_store):
    page = open_page(sample_store)
    before = len(sample_store.list(ChangeIdea))
    page.add_button.click()
    assert "Give the change idea a title" in page.new_title.message.value
    assert len(sample_store.list(ChangeIdea)) == before


def test_readable_with_5_primary_15_secondary_and_40_ideas():
    drivers = [Driver(id=f"p{i}", kind="primary", title=f"Primary driver number {i} about relationships and "
                      "environments that support every child", position=i) for i in range(5)]
    drivers += [Driver(id=f"s{i}", kind="secondary", title=f"Secondary driver {i}: routines, coaching, family "
                       "partnership and data use in every classroom", position=i) for i in range(15)]
    ideas = [ChangeIdea(id=f"c{i}", title=f"Change idea {i}: a fairly long description of a practical test "
                        "a teacher could run next week", position=i) for i in range(40)]
    links = [DriverLink(source_id=f"s{i}", target_id=f"p{i % 5}") for i in range(15)]
    links += [DriverLink(source_id=f"s{i}", target_id=f"p{(i + 2) % 5}", strength="weak") for i in range(0, 15, 3)]
    links += [DriverLink(source_id=f"c{i}", target_id=f"s{i % 15}") for i in range(40)]
    links += [DriverLink(source_id=f"c{i}", target_id=f"s{(i + 7) % 15}", strength="weak") for i in range(0, 40, 4)]
    tags = {f"c{i}": "✓ testing" for i in range(0, 40, 3)}
    boxes, drawn, height = layout("By 2026, every child…", drivers, ideas, links, tags)
    assert len(drawn) == 5 + len(links)
    for col in ("primary", "secondary", "idea"):
        column = sorted((b for b in boxes if b.column == col), key=lambda b: b.y)
        for a, b in zip(column, column[1:]):
            assert a.y + a.h <= b.y, f"{col} boxes {a.id} and {b.id} overlap"
        for b in column:
            assert all(len(line) * CHAR_W <= b.w - 6 for line in b.lines), f"text overflows {b.id}"
            assert len(b.lines) >= 2, f"{b.id} is cut to one line: unreadable"
    assert FONT >= 12 and height < 2600
    assert not re.search(r"<script", str(boxes))


def test_on_a_phone_the_diagram_reads_top_to_bottom_with_every_link_said(sample_store):
    """The picture for a wide screen and paper, and the same diagram top to bottom for a phone: the aim, each
    primary driver with the secondary drivers linked to it and their ideas beneath, a weak link said in words."""
    page = open_page(sample_store)
    html = page.diagram.value
    wide, tall = html.split('class="bsc-dd-tall"')
    assert "<svg" in wide and "<svg" not in tall
    drivers = current(sample_store.list(Driver))
    primaries = [d for d in drivers if d.kind == "primary"]
    assert tall.count('class="bsc-dd-box bsc-dd-primary"') == len(primaries)
    for d in primaries:
        assert escape(d.title) in tall
    links = sample_store.list(DriverLink)
    secondaries_under_a_primary = [ln for ln in links if ln.target_id in {p.id for p in primaries}]
    assert tall.count('class="bsc-dd-box bsc-dd-secondary"') == len(secondaries_under_a_primary)
    assert tall.count("(weak link)") >= 1 and "bsc-dd-weak" in tall and "bsc-dd-testing" in tall
