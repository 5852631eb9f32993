"""Sign-in and permission roles on a real workspace: accounts, invitations, the one check every write goes
through, the pages each role is given, and who saved what. (The hub itself: tests/browser/test_hub.py.)
"""
import datetime as dt

import pytest

from bsc_widgets import notebooks
from bsc_widgets.base.clock import today as clock_today
from bsc_widgets.base.errors import ConflictError, InvalidRecord, NotAllowed, NotFound
from bsc_widgets.forms.equity import EquityPage
from bsc_widgets.forms.home import HomePage
from bsc_widgets.forms.invitations import AccountInvitations, TeamInvitations
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.forms.record_form import RecordForm
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.hub.throttle import Throttle
from bsc_widgets.model import (Account, AssessmentScore, FrameworkChange, Measure, Member, PdOffering, PdsaCycle,
                               Team)
from bsc_widgets.base.paths import workbooks_dir
from bsc_widgets.services import COMMAND_LINE, Actor, records
from bsc_widgets.services.access import ROLES, SCOPES, access_of
from bsc_widgets.services.accounts import (accept_invitation, change_role, first_admin, grantable, has_password,
                                           invite, invite_team, invited, member_account, new_link, remove_account,
                                           sign_in)
from bsc_widgets.store.schema import CREDENTIALS
from tests.support import walk

TODAY = dt.date(2026, 11, 22)
PASSWORD = "a long enough password"
SUNRISE, MAPLE = "sunrise-head-start", "maple-street-ehs"


def account(store, username, access="team_member", name=None):
    """An account with a password, made the way people get one: an invitation, then the link."""
    member = next((m for m in store.list(Member) if m.email == username), None)
    record = member_account(member) if member else (store.get(Account, username) or Account.build(
        username=username, name=name or username, access=access, email=username))
    accept_invitation(store, invite(store, COMMAND_LINE, record).token, PASSWORD)
    return access_of(store, username)


def test_every_role_is_a_set_of_known_scopes():
    assert set(ROLES) == {"team_member", "faculty", "advisor", "leader", "admin"}
    assert all(scopes <= set(SCOPES) for scopes in ROLES.values())
    assert ROLES["faculty"] < ROLES["advisor"] < ROLES["admin"]
    assert not ROLES["leader"] & {"own-teams", "all-teams", "faculty", "setup"}


def test_a_team_members_teams_come_from_the_rosters_and_leaving_them_ends_access(sample_store):
    marisol = account(sample_store, "sunrise-2@example.org")
    assert marisol.own_teams == {SUNRISE} and marisol.may_open(SUNRISE) and not marisol.may_open(MAPLE)
    assert sign_in(sample_store, "  SUNRISE-2@example.org ", PASSWORD) == marisol
    member = next(m for m in sample_store.list(Member) if m.email == "sunrise-2@example.org")
    records.save(sample_store, COMMAND_LINE, member.model_copy(update={"email": "marisol@elsewhere.org"}))
    assert not access_of(sample_store, "sunrise-2@example.org").active
    assert sign_in(sample_store, "sunrise-2@example.org", PASSWORD) is None
    cycle = sample_store.list(PdsaCycle, team_id=SUNRISE)[0]
    with pytest.raises(NotAllowed, match="no longer has access"):  # a page left open cannot save either
        records.save(sample_store, Actor.for_team(SUNRISE, access=marisol), cycle.model_copy(update={"objective": "x"}))


def test_the_one_check_asks_each_write_for_the_scope_it_needs(sample_store):
    member = account(sample_store, "sunrise-2@example.org")
    coach = account(sample_store, "marcus.bell@example.org")
    advisor = account(sample_store, "renee.okafor@example.org")
    leader = account(sample_store, "jordan.whitfield@example.org")
    faculty_score = next(s for s in sample_store.list(AssessmentScore, team_id=SUNRISE) if s.source == "faculty")
    changed = faculty_score.model_copy(update={"rationale": "new feedback"})
    with pytest.raises(NotAllowed, match="faculty score"):
        records.save(sample_store, Actor.for_team(SUNRISE, access=member), changed)
    with pytest.raises(NotAllowed):
        records.save(sample_store, Actor.for_team(SUNRISE, access=leader), changed)
    records.save(sample_store, Actor.for_team(SUNRISE, access=coach), changed)

    maple_cycle = sample_store.list(PdsaCycle, team_id=MAPLE)[0]
    with pytest.raises(NotAllowed):  # even with a page that claims to be Maple's
        records.save(sample_store, Actor.for_team(MAPLE, access=member), maple_cycle.model_copy(update={"objective": "x"}))
    measure = sample_store.list(Measure)[0]
    with pytest.raises(NotAllowed, match="set-up"):
        records.save(sample_store, Actor.collaborative(access=coach), measure.model_copy(update={"name": "Renamed"}))
    records.save(sample_store, Actor.collaborative(access=advisor), measure.model_copy(update={"name": "Renamed"}))
    offering = sample_store.list(PdOffering)[0]
    with pytest.raises(NotAllowed, match="system assessment"):
        records.save(sample_store, Actor.collaborative(access=coach), offering.model_copy(update={"hours": 3.0}))
    records.save(sample_store, Actor.collaborative(access=leader), offering.model_copy(update={"hours": 3.0}))
    with pytest.raises(NotAllowed):
        invite(sample_store, Actor.collaborative(access=coach), Account.build(
            username="new@example.org", name="New", access="admin"))
    assert sample_store.get(Account, "new@example.org") is None


def test_a_conflict_and_the_framework_history_name_the_person(sample_store):
    marisol = account(sample_store, "sunrise-2@example.org")
    advisor = account(sample_store, "renee.okafor@example.org")
    cycle = sample_store.list(PdsaCycle, team_id=SUNRISE)[0]
    records.save(sample_store, Actor.for_team(SUNRISE, access=marisol), cycle.model_copy(update={"objective": "hers"}))
    with pytest.raises(ConflictError, match=r"was changed by Marisol Vega at \d\d:\d\d after you opened it"):
        records.save(sample_store, COMMAND_LINE, cycle.model_copy(update={"objective": "mine"}))
    measure = next(m for m in sample_store.list(Measure) if m.id == "family-notes")
    records.save(sample_store, Actor.collaborative(access=advisor), measure.model_copy(update={"name": "Family notes home"}))
    change = [c for c in sample_store.list(FrameworkChange) if c.record_id == "family-notes"][-1]
    assert change.changed_by == "Dr. Renee Okafor"


def test_an_invitation_link_works_once_and_only_until_it_expires_or_is_replaced(sample_store):
    kevin = member_account(next(m for m in sample_store.list(Member) if m.email == "sunrise-3@example.org"))
    first = invite(sample_store, COMMAND_LINE, kevin)
    second = invite(sample_store, COMMAND_LINE, kevin)
    assert invited(sample_store, first.token) is None and invited(sample_store, second.token) == kevin.model_copy(
        update={"version": 1})
    with pytest.raises(InvalidRecord, match="at least 10"):
        accept_invitation(sample_store, second.token, "short")
    with pytest.raises(InvalidRecord, match="not your sign-in name"):
        accept_invitation(sample_store, second.token, "sunrise-3@example.org")
    accept_invitation(sample_store, second.token, PASSWORD)
    with pytest.raises(NotFound, match="has been used"):
        accept_invitation(sample_store, second.token, "another long password")
    assert sign_in(sample_store, "sunrise-3@example.org", PASSWORD) is not None
    assert sign_in(sample_store, "sunrise-3@example.org", "wrong password here") is None
    with pytest.raises(NotAllowed, match="already chosen a password"):
        invite(sample_store, COMMAND_LINE, kevin)      # a reset is an administrator's explicit action: new_link
    third = new_link(sample_store, COMMAND_LINE, kevin.username)
    with sample_store.transaction() as tx:  # a link that ran out
        tx.conn.execute(CREDENTIALS.update().values(invitation_expires=dt.datetime(2020, 1, 1)))
    assert invited(sample_store, third.token) is None
    with sample_store.reading() as tx:  # the workspace keeps no token and no password, only their hashes
        row = tx.conn.execute(CREDENTIALS.select().where(CREDENTIALS.c.username == kevin.username)).first()
    assert third.token not in str(tuple(row)) and PASSWORD not in str(tuple(row))
    assert row.password_hash.startswith("$argon2id$")
    remove_account(sample_store, COMMAND_LINE, kevin.username)
    assert sign_in(sample_store, "sunrise-3@example.org", PASSWORD) is None


def test_the_first_administrator_gets_a_link_until_they_have_a_password(sample_store):
    link = first_admin(sample_store, COMMAND_LINE)
    assert link.account.access == "admin" and not has_password(sample_store, "admin")
    assert first_admin(sample_store, COMMAND_LINE).token != link.token  # each start gives a fresh one
    accept_invitation(sample_store, first_admin(sample_store, COMMAND_LINE).token, PASSWORD)
    assert first_admin(sample_store, COMMAND_LINE) is None


def test_sign_in_is_throttled_per_name_and_forgiven_after_a_success():
    now = [0.0]
    throttle = Throttle(free=5, first_wait=30, longest=900, clock=lambda: now[0])
    for _ in range(5):
        assert throttle.wait("ana") == 0
        throttle.failed("ana")
    assert throttle.wait("ana") == 30
    throttle.failed("ana")
    assert throttle.wait("ana") == 60
    now[0] += 61
    assert throttle.wait("ana") == 0 and throttle.wait("someone else") == 0
    throttle.succeeded("ana")
    assert throttle.failures == {}


def test_pages_under_the_hub_show_each_role_only_its_own(sample_store, monkeypatch):
    member = account(sample_store, "sunrise-2@example.org")
    leader = account(sample_store, "jordan.whitfield@example.org")
    home = HomePage(sample_store, TODAY, None, None, workbooks_dir(), member)
    assert [v for _, v in home.picker.options] == ["", SUNRISE]
    assert "Coach dashboard" not in home.links.value
    assert "Signed in as Marisol Vega (team member)" in str(home.children[1].value)
    home.picker.value = SUNRISE
    assert "Coach dashboard" in HomePage(sample_store, TODAY, None, None, workbooks_dir()).links.value  # bsc serve

    report = MonthlyReportPage(sample_store, sample_store.team(SUNRISE), TODAY, member)
    assert report.faculty_score is None and report.faculty_toggle is None
    # a crafted message could only reach a form the page built: one built anyway, as the member, is refused
    score = next(s for s in sample_store.list(AssessmentScore, team_id=SUNRISE) if s.source == "faculty")
    form = RecordForm(sample_store, score, [], actor=report.actor)
    form.record = score.model_copy(update={"rationale": "crafted"})
    with pytest.raises(NotAllowed):
        records.save(sample_store, report.actor, form.record)
    assert sample_store.get(AssessmentScore, *score.key()) == score

    equity = EquityPage(sample_store, TODAY, leader)
    assert [v for _, v in equity.team.options] == [""]

    monkeypatch.setenv("JUPYTERHUB_USER", "jordan.whitfield@example.org")
    monkeypatch.setenv("QUERY_STRING", f"team={SUNRISE}")
    sight, problem = notebooks.open_page(sample_store, "00_home.ipynb", "", for_team=True)
    assert sight.team is None and "not one of your teams" in problem.message
    with pytest.raises(NotAllowed, match="not open to your account"):
        notebooks.open_page(sample_store, "collaborative_setup.ipynb")
    monkeypatch.setenv("JUPYTERHUB_USER", "nobody@example.org")
    with pytest.raises(NotAllowed, match="no longer has access"):
        notebooks.signed_in(sample_store)
    monkeypatch.setenv("JUPYTERHUB_USER", "sunrise-2@example.org")
    monkeypatch.setenv("QUERY_STRING", "")
    assert notebooks.choose_team(sample_store, "", notebooks.signed_in(sample_store))[0].id == SUNRISE  # the one


def test_the_set_up_page_under_the_hub_invites_people_by_their_own_links(sample_store, monkeypatch):
    monkeypatch.setenv("BSC_HUB_URL", "https://workbooks.example.org")
    advisor = account(sample_store, "renee.okafor@example.org")
    setup = SetupPage(sample_store, TODAY, advisor)
    assert setup.editor_name.layout.display == "none"
    teams = next(e for e in walk(setup) if type(e).__name__ == "RecordEditor" and e.model is Team)
    teams.picker.value = SUNRISE
    invitations = next(e for e in walk(setup) if isinstance(e, TeamInvitations))
    invitations._make()
    assert invitations.links.value.count("https://workbooks.example.org/hub/invite/") == 4  # one per e-mail address
    assert "Tamika Reed</strong>: no e-mail address on the roster" in invitations.links.value   # and said of the rest
    assert access_of(sample_store, "sunrise-1@example.org").own_teams == {SUNRISE}
    accounts = next(e for e in walk(setup) if isinstance(e, AccountInvitations))
    accounts.name.value, accounts.email.value, accounts.role.value = "Ana López", "Ana@Example.org", "faculty"
    accounts._invite()
    assert sample_store.get(Account, "ana@example.org").access == "faculty"
    accounts.accounts.value = "ana@example.org"
    accounts._end()
    assert sample_store.get(Account, "ana@example.org") is None


# ---- issue "Trust": nobody above their role as of today, whatever a teammate types -----------------------------

def test_a_member_who_left_yesterday_opens_and_saves_nothing_of_the_team_today(sample_store):
    """Case 9: the charter's Remove ends a membership instead of deleting the row; access follows the roster as of
    today, on every path (pages, saves, sign-in), whatever the old row says."""
    marisol = account(sample_store, "sunrise-2@example.org")
    page_actor = Actor.for_team(SUNRISE, access=marisol)          # a page she opened while still a member
    member = next(m for m in sample_store.list(Member) if m.email == "sunrise-2@example.org")
    today = clock_today()
    records.save(sample_store, COMMAND_LINE, member.model_copy(update={"left_on": today - dt.timedelta(days=1)}))
    assert sample_store.get(Member, member.id).email == "sunrise-2@example.org"   # the row is kept
    now = access_of(sample_store, "sunrise-2@example.org")
    assert now.own_teams == frozenset() and not now.active
    assert sign_in(sample_store, "sunrise-2@example.org", PASSWORD) is None
    cycle = sample_store.list(PdsaCycle, team_id=SUNRISE)[0]
    with pytest.raises(NotAllowed, match="no longer has access"):
        records.save(sample_store, page_actor, cycle.model_copy(update={"objective": "saved after leaving"}))
    assert sample_store.get(PdsaCycle, cycle.id) == cycle
    records.save(sample_store, COMMAND_LINE, sample_store.get(Member, member.id).model_copy(
        update={"left_on": None, "joined_on": today + dt.timedelta(days=3)}))
    assert not access_of(sample_store, "sunrise-2@example.org").active          # not a member until she joins
    records.save(sample_store, COMMAND_LINE, sample_store.get(Member, member.id).model_copy(
        update={"joined_on": today}))
    assert access_of(sample_store, "sunrise-2@example.org").own_teams == {SUNRISE}


def test_a_teammate_who_types_a_coachs_address_changes_no_account(sample_store):
    """Case 10: a team adds the coach's, the advisor's and another team's member's addresses to its roster; the
    advisor makes the team's links: those accounts are left alone, and the advisor is told which and why."""
    coach = account(sample_store, "marcus.bell@example.org")
    account(sample_store, "maple-1@example.org")
    advisor = account(sample_store, "renee.okafor@example.org")
    team_actor = Actor.for_team(SUNRISE)
    for name, email in (("Coach typed by the team", "Marcus.Bell@example.org"),
                        ("Advisor typed by the team", "renee.okafor@example.org"),
                        ("Someone from Maple", "maple-1@example.org")):
        records.add(sample_store, team_actor, Member.build(id="new", team_id=SUNRISE, name=name, role="family",
                                                           email=email))
    made, left = invite_team(sample_store, Actor.collaborative(access=advisor), SUNRISE, clock_today())
    why = {x.member.name: x.why for x in left}
    assert "account of Marcus Bell (faculty or coach), which a team’s roster does not change" in \
        why["Coach typed by the team"]
    assert "improvement advisor" in why["Advisor typed by the team"]
    assert "already signs in as a member of Maple Street Early Head Start" in why["Someone from Maple"]
    assert "no e-mail address" in why["Tamika Reed"]
    assert {i.account.username for i in made} == {"sunrise-1@example.org", "sunrise-2@example.org",
                                                  "sunrise-3@example.org", "sunrise-4@example.org"}
    assert sample_store.get(Account, "marcus.bell@example.org").access == "faculty"
    assert sample_store.get(Account, "marcus.bell@example.org").name == "Marcus Bell"
    assert access_of(sample_store, "marcus.bell@example.org") == coach
    assert sample_store.get(Account, "renee.okafor@example.org").access == "advisor"
    assert sign_in(sample_store, "marcus.bell@example.org", PASSWORD) == coach      # no link replaced his password


def test_team_links_refresh_only_a_member_of_this_team_who_has_no_password_yet(sample_store):
    account(sample_store, "sunrise-2@example.org")                        # Marisol has chosen a password
    kevin = invite(sample_store, COMMAND_LINE, member_account(
        next(m for m in sample_store.list(Member) if m.email == "sunrise-3@example.org")))   # Kevin has not
    made, left = invite_team(sample_store, COMMAND_LINE, SUNRISE, clock_today())
    assert "sunrise-3@example.org" in {i.account.username for i in made}
    assert invited(sample_store, kevin.token) is None                     # his newer link replaced the lost one
    assert "already chosen a password" in next(x.why for x in left if x.member.email == "sunrise-2@example.org")
    assert sign_in(sample_store, "sunrise-2@example.org", PASSWORD) is not None


def test_nobody_grants_more_than_they_hold_and_a_reset_is_an_administrators(sample_store):
    """Case 11: an advisor is offered roles up to their own; cannot make an administrator, change an existing
    account's role, reset a password, or end an account above them. An administrator can, on purpose, logged."""
    advisor = account(sample_store, "renee.okafor@example.org")
    coach = account(sample_store, "marcus.bell@example.org")
    admin = account(sample_store, "site.admin@example.org", access="admin", name="Site Admin")
    assert grantable(advisor) == ["team_member", "faculty", "advisor", "leader"]
    assert grantable(coach) == ["team_member", "faculty"] and grantable(admin)[-1] == "admin"
    as_advisor = Actor.collaborative(access=advisor)
    with pytest.raises(NotAllowed, match="nobody grants more than they hold"):
        invite(sample_store, as_advisor, Account.build(username="boss@example.org", name="Boss", access="admin"))
    with pytest.raises(NotAllowed, match="already has an account, as faculty or coach"):
        invite(sample_store, as_advisor, Account.build(username="marcus.bell@example.org", name="Marcus", access="leader"))
    with pytest.raises(NotAllowed, match="already chosen a password"):
        invite(sample_store, as_advisor, Account.build(username="marcus.bell@example.org", name="Marcus Bell",
                                                       access="faculty"))
    with pytest.raises(NotAllowed, match="administrator’s action"):
        new_link(sample_store, as_advisor, "marcus.bell@example.org")
    with pytest.raises(NotAllowed, match="administrator’s action"):
        change_role(sample_store, as_advisor, "marcus.bell@example.org", "advisor")
    with pytest.raises(NotAllowed):
        remove_account(sample_store, as_advisor, "site.admin@example.org")
    assert sign_in(sample_store, "marcus.bell@example.org", PASSWORD) == coach
    assert sample_store.get(Account, "boss@example.org") is None

    as_admin = Actor.collaborative(access=admin)
    assert change_role(sample_store, as_admin, "marcus.bell@example.org", "advisor").access == "advisor"
    link = new_link(sample_store, as_admin, "marcus.bell@example.org")
    assert invited(sample_store, link.token).username == "marcus.bell@example.org"
    with sample_store.reading() as tx:
        from sqlalchemy import select

        from bsc_widgets.store.schema import SAVES
        logged = tx.conn.execute(select(SAVES.c.by, SAVES.c.action).where(
            SAVES.c.record_table == "accounts", SAVES.c.record_key == "marcus.bell@example.org")).all()
    assert ("Site Admin", "saved") in logged and ("Site Admin", "new sign-in link") in logged


def test_the_accounts_form_offers_only_roles_at_or_below_ones_own(sample_store, monkeypatch):
    monkeypatch.setenv("BSC_HUB_URL", "https://workbooks.example.org")
    advisor = account(sample_store, "renee.okafor@example.org")
    form = AccountInvitations(sample_store, lambda: Actor.collaborative(access=advisor), "https://x.example.org")
    assert [v for _, v in form.role.options] == ["faculty", "advisor", "leader"]
    assert not hasattr(form, "new_role")                     # no role change or reset for an advisor
    form.name.value, form.email.value = "Ana López", "ana@example.org"
    form.role._trait_values["value"] = "admin"               # a crafted message: the service refuses it
    form.invite_button.click()
    assert "nobody grants more than they hold" in form.message.value
    assert sample_store.get(Account, "ana@example.org") is None
    admin = account(sample_store, "site.admin@example.org", access="admin", name="Site Admin")
    form = AccountInvitations(sample_store, lambda: Actor.collaborative(access=admin), "https://x.example.org")
    assert "admin" in [v for _, v in form.role.options]
    form.accounts.value = "marcus.bell@example.org"
    form._new_link()
    assert "Whoever opens this link chooses the password of Marcus Bell" in form.links.value
    assert "mailto:marcus.bell@example.org" in form.links.value
