"""The home workbook's widgets against a real sample workspace (no kernel, no browser)."""
import datetime as dt

from bsc_widgets.forms.home import HomePage
from bsc_widgets.notebooks import choose_team, home, query_param
from bsc_widgets.base.paths import workbooks_dir

TODAY = dt.date(2026, 11, 22)


def page(store, team=None, problem=None):
    return HomePage(store, TODAY, team, problem, workbooks_dir())


def text(p: HomePage) -> str:
    return " ".join(getattr(c, "value", "") or "" for c in p.children if isinstance(getattr(c, "value", ""), str))


def test_shows_collaborative_aim_and_where_we_are(sample_store):
    html = text(page(sample_store))
    assert "Growing Together" in html and "Our aim" in html
    assert "We are in Action Period 4 (day 93 of 101)" in html
    assert "we are here" in html


def test_team_from_query_string_wins_over_parameter(sample_store, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "team=hearth-fcc&x=1")
    assert query_param("team") == "hearth-fcc"
    team, problem = choose_team(sample_store, "sunrise-head-start")
    assert team.id == "hearth-fcc" and problem is None
    monkeypatch.delenv("QUERY_STRING")
    assert choose_team(sample_store, "sunrise-head-start")[0].id == "sunrise-head-start"


def test_malicious_team_is_a_message_escaped_on_the_page(sample_store, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "team=%3Cscript%3Ealert(1)%3C/script%3E")
    team, problem = choose_team(sample_store, "")
    assert team is None
    p = page(sample_store, team, problem)
    html = p.message.value
    assert 'role="alert"' in html and "&lt;script&gt;" in html and "<script>" not in html
    assert "Choose your team from the list below" in html


def test_picking_a_team_updates_panel_and_links(sample_store):
    p = page(sample_store)
    assert "Choose your team" in p.team_panel.value
    p.picker.value = "riverbend-prek"
    assert "Riverbend School District Pre-K" in p.team_panel.value
    assert "Joined on 12 February 2026, after the collaborative began." in p.team_panel.value
    assert "00_home.ipynb?team=riverbend-prek" in p.links.value
    p.picker.value = "hearth-fcc"
    assert "Hearth Family Child Care Network" in p.team_panel.value and "riverbend" not in p.links.value


def test_a_forged_picker_value_is_refused(sample_store):
    p = page(sample_store)
    p.picker.options = list(p.picker.options) + [("x", "../../etc")]  # what a crafted comm message could do
    p.picker.value = "../../etc"
    assert "is not a team identifier" in p.message.value
    assert "Choose your team" in p.team_panel.value


def test_missing_roles_are_named(sample_store):
    from bsc_widgets.model import Member
    for m in sample_store.list(Member, team_id="hearth-fcc"):
        if m.role == "family":
            sample_store.save(m.model_copy(update={"role": "staff"}))
    p = page(sample_store, sample_store.team("hearth-fcc"))
    assert "This team does not yet have a family member" in p.team_panel.value
    assert "Staffs" not in p.team_panel.value and "Staff: " in p.team_panel.value
    # the same rule as the charter: staff beyond teachers are welcome, not required
    full = page(sample_store, sample_store.team("sunrise-head-start"))
    assert "does not yet have" not in full.team_panel.value


def test_notebook_entry_point_never_raises(tmp_path, monkeypatch):
    monkeypatch.setenv("BSC_DB", str(tmp_path / "missing" / "bsc.sqlite"))
    shown = home()
    assert "There is no workspace at" in shown.value and "bsc init --sample" in shown.value


def test_an_unexpected_failure_is_a_sentence_on_the_page_and_a_traceback_in_the_server_log(capfd):
    from bsc_widgets import notebooks

    def broken():
        raise RuntimeError("secret internals")
    shown = notebooks.show(broken)
    assert "Something went wrong" in shown.value and "secret internals" not in shown.value
    out, err = capfd.readouterr()
    assert "secret internals" not in out


def test_a_failing_callback_says_so_on_the_page(sample_store):
    p = page(sample_store)
    with sample_store.transaction() as tx:          # a real fault: the members table is gone
        tx.conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for table in ("attendance", "comments", "share_reviews", "shares", "members"):   # the members table, and what needs it
            tx.conn.exec_driver_sql(f"DROP TABLE {table}")
    p.picker.value = "hearth-fcc"
    assert "Something went wrong" in p.message.value
