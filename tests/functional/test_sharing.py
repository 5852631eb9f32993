"""All teach, all learn: a team shares a PDSA cycle, the other teams read it on their pages, and nothing the team
did not share leaves it. Real pages (widgets) on a real store; the write check and the read gate are the real ones."""
import datetime as dt

import pytest

from bsc_widgets.analysis.sharing import shared_cycles
from bsc_widgets.base.errors import InvalidRecord, NotAllowed
from bsc_widgets.forms.driver_diagram import DriverDiagramPage
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.model import Share, ShareReview
from bsc_widgets.services import Actor
from bsc_widgets.services import sharing as services
from bsc_widgets.services.access import ROLES, access_of
from bsc_widgets.services.read_gate import may_see_shared
from tests import builders
from tests.support import walk, widget_text

TODAY = dt.date(2026, 11, 22)
A, B = "team-a", "team-b"
EMAIL = "rosa@team-a.example.org"


@pytest.fixture
def store(empty_store):
    """Two teams testing one idea. Team A has two cycles and a roster with names and e-mail addresses."""
    builders.collaborative(empty_store)
    builders.team(empty_store, A, name="Alder Head Start", program_type="head_start")
    builders.team(empty_store, B, name="Birch Family Child Care", program_type="family_child_care_network")
    builders.member(empty_store, A, id="a-rosa", name="Rosa Quintero", email=EMAIL, role="teacher")
    builders.member(empty_store, B, id="b-sam", name="Sam Okafor", email="sam@team-b.example.org")
    builders.idea(empty_store, "songs", title="Transition songs")
    builders.cycle(empty_store, A, "songs", id="a-shared", title="Songs at clean-up", scale="one room, one week",
                   plan_who="Rosa Quintero leads", participant_roles=["teacher", "family"],
                   age_groups=["toddlers", "preschool"],
                   study_notes="Clean-up took 4 minutes less.", decision="adapt", start=dt.date(2026, 3, 2),
                   end=dt.date(2026, 3, 9))
    builders.cycle(empty_store, A, "songs", id="a-private", title="Songs at nap time", start=dt.date(2026, 4, 6))
    builders.cycle(empty_store, B, "songs", id="b-own", title="Our first song", start=dt.date(2026, 4, 6))
    return empty_store


def pdsa_page(store, team, cycle=None, access=None):
    page = PdsaPage(store, store.team(team), TODAY, access)
    if cycle:
        page.picker.value = cycle
    return page


def shown_to_b(store) -> str:
    return pdsa_page(store, B, "b-own").from_others.cards.value


def test_nothing_leaves_a_team_until_it_shares_and_then_only_what_it_shared(store):
    assert "Songs at clean-up" not in shown_to_b(store)
    a = pdsa_page(store, A, "a-shared")
    assert "Only our team sees this cycle" in a.share_panel.state.value
    a.share_panel.share_button.click()
    assert "Shared with every team since 22 November 2026" in a.share_panel.state.value
    seen = shown_to_b(store)
    assert "Songs at clean-up" in seen and "Alder Head Start" in seen and "Head Start" in seen
    assert "Clean-up took 4 minutes less." in seen and "Adapt" in seen and "one room, one week" in seen
    assert "Teachers and family members" in seen and "cycle 1 of 2" in seen
    assert "Toddlers and preschoolers" in seen, "the children's ages it was tested with, a condition beside the scale"
    assert "Songs at nap time" not in seen, "a cycle the team did not share"
    assert "Rosa" not in seen and EMAIL not in seen, "no names or addresses unless the team chooses a contact"
    assert "Songs at clean-up" not in pdsa_page(store, A, "a-private").from_others.cards.value, "not from other teams"
    assert "Songs at clean-up" in widget_text(DriverDiagramPage(store, store.team(B), TODAY))

    a.share_panel.take_back_button.click()
    assert "Only our team sees this cycle" in a.share_panel.state.value
    assert "Songs at clean-up" not in shown_to_b(store)
    assert "Songs at clean-up" not in widget_text(DriverDiagramPage(store, store.team(B), TODAY))


def test_a_contact_is_shown_only_when_the_team_chooses_one_from_its_own_roster(store):
    a = pdsa_page(store, A, "a-shared")
    a.share_panel.contact.value = "a-rosa"
    a.share_panel.share_button.click()
    assert "Rosa Quintero" in shown_to_b(store) and f"mailto:{EMAIL}" in shown_to_b(store)

    # a forged widget message naming another team's member as the contact: refused, plainly, nothing changes
    a.share_panel.take_back_button.click()           # back to private, then share again with the forged contact
    before = store.list(Share)
    a.share_panel.contact.options = [*a.share_panel.contact.options, ("Sam", "b-sam")]
    a.share_panel.contact.value = "b-sam"
    a.share_panel.share_button.click()
    assert "The contact must be on this team’s roster" in a.message.value
    assert "Sam Okafor" not in shown_to_b(store) and store.list(Share) == before


def test_a_page_of_one_team_cannot_share_take_back_or_review_as_another(store):
    b = Actor.for_team(B)
    with pytest.raises(NotAllowed):
        services.share(store, b, A, "cycle", "a-private", TODAY)
    with pytest.raises(InvalidRecord, match="only its own items"):    # B's page naming its own team, A's cycle
        services.share(store, b, B, "cycle", "a-private", TODAY)
    mine = services.share(store, Actor.for_team(A), A, "cycle", "a-shared", TODAY)
    with pytest.raises(NotAllowed):
        services.take_back(store, b, mine, TODAY)
    with pytest.raises(NotAllowed):
        services.review(store, Actor.for_team(A), mine.id, TODAY, hidden_reason=None, featured_for=None)
    assert store.get(Share, mine.id).live() and store.list(ShareReview) == []

    # a forged message on B's page: its share panel pointed at A's cycle
    page = pdsa_page(store, B, "b-own")
    page.share_panel.item_id = "a-private"
    page.share_panel.share_button.click()
    assert "A team can share only its own items" in page.message.value
    assert [s.item_id for s in store.list(Share)] == ["a-shared"]


def test_signed_in_a_team_member_cannot_review_and_faculty_can(store):
    for role in ROLES:
        builders.account(store, f"{role}@example.org", role)
    builders.member(store, A, name="Member", email="team_member@example.org")
    shared = services.share(store, Actor.for_team(A), A, "cycle", "a-shared", TODAY)
    member = Actor.collaborative(access=access_of(store, "team_member@example.org"))
    with pytest.raises(NotAllowed, match="cannot change faculty’s own records"):
        services.review(store, member, shared.id, TODAY, hidden_reason="Not ours to hide")
    faculty = Actor.collaborative(access=access_of(store, "faculty@example.org"))
    services.review(store, faculty, shared.id, TODAY, hidden_reason="It names a child.")
    assert "Songs at clean-up" not in shown_to_b(store)
    assert "Faculty hid this from other teams: It names a child." in pdsa_page(
        store, A, "a-shared").share_panel.state.value


@pytest.mark.parametrize("role,own,open_,sees", [
    ("team_member", True, False, True),      # its own team's, hidden too (with the reason)
    ("team_member", False, True, True),      # another team's, shared and not hidden
    ("team_member", False, False, False),    # another team's, hidden or taken back
    ("faculty", False, False, True),         # faculty review everything
    ("leader", False, True, False),          # leaders read the change package, not team items
    (None, False, False, True),              # bsc serve: the one person at the machine
])
def test_the_read_gate_on_shared_items(store, role, own, open_, sees):
    access = None
    if role:
        builders.account(store, f"{role}@example.org", role)
        if role == "team_member":
            builders.member(store, A, name="Member", email=f"{role}@example.org")
        access = access_of(store, f"{role}@example.org")
    assert may_see_shared(access, A if own else B, open_) is sees


def test_a_view_as_of_a_day_shows_what_was_shared_that_day(store):
    share = services.share(store, Actor.for_team(A), A, "cycle", "a-shared", dt.date(2026, 3, 10))
    services.take_back(store, Actor.for_team(A), share, dt.date(2026, 5, 1))
    titles = lambda day: [s.cycle.title for s in shared_cycles(store, day) if s.open_to_other_teams]  # noqa: E731
    assert titles(dt.date(2026, 3, 9)) == []                       # not shared yet
    assert titles(dt.date(2026, 4, 1)) == ["Songs at clean-up"]    # shared then
    assert titles(TODAY) == []                                     # taken back since


def test_faculty_hide_a_cycle_with_a_reason_feature_one_and_show_it_again(store):
    from bsc_widgets.forms.shared_review import SharedReviewPage
    from bsc_widgets.model import Phase

    store.save(Phase(id="ls2", kind="learning_session", number=2, name="Learning Session 2",
                     start=dt.date(2026, 12, 3), end=dt.date(2026, 12, 4)))
    services.share(store, Actor.for_team(A), A, "cycle", "a-shared", TODAY)
    page = SharedReviewPage(store, TODAY)

    def buttons(name):
        return [b for b in walk(page) if getattr(b, "description", None) == name]

    buttons("Hide from other teams")[0].click()                    # no reason: asked for one, nothing hidden
    assert "Write the reason first" in page.message.value and store.list(ShareReview) == []
    next(t for t in walk(page) if getattr(t, "description", "").startswith("Why it should not")).value = \
        "It names a child."
    buttons("Hide from other teams")[0].click()
    assert "Songs at clean-up" not in shown_to_b(store)
    assert "Hidden from other teams: It names a child." in widget_text(page)
    buttons("Feature it for Learning Session 2")[0].click()
    assert store.get(ShareReview, store.list(Share)[0].id).featured_for == "ls2"
    buttons("Show it again")[0].click()
    seen = shown_to_b(store)
    assert "Songs at clean-up" in seen and "Featured for a learning session" in seen
