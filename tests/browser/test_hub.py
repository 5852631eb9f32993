"""The multi-user deployment, end to end: a real ``bsc hub`` (JupyterHub, configurable-http-proxy, the
idle culler) with its own database and the workspace on PostgreSQL, and Chromium signing in through
the hub's own login form, as each permission role.
"""
import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from bsc_widgets.charts import plotly_js
from bsc_widgets.hub.run import proxy_command
from bsc_widgets.model import Account, AssessmentScore, Comment, Member, PdsaCycle, Share, ShareReview, TeamFile
from bsc_widgets.services import COMMAND_LINE
from bsc_widgets.services.accounts import accept_invitation, invite, member_account, remove_account
from bsc_widgets.store import Store
from bsc_widgets.store.schema import SAVES
from tests.browser.conftest import Traffic, _free_port
from tests.support import login, postgres_schema, proxy_in_front_of, stop, close_like_a_person

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.hub]
LOAD = 120_000  # ms: the first page of a person starts their server, then a kernel, on a loaded CI machine
PASSWORD = "a long enough password"
MEMBER = "sunrise-2@example.org"       # Marisol Vega, a teacher on Sunrise Head Start
OTHER = "sunrise-3@example.org"        # Kevin O'Neill, same team: invited in the browser, then ended
FACULTY = "marcus.bell@example.org"
LEADER = "jordan.whitfield@example.org"
ADVISOR = "renee.okafor@example.org"
LEAVING = "sunrise-4@example.org"      # Aisha Bello, Sunrise's family service worker, who leaves the team
MAPLE = "maple-2@example.org"          # Grace Kim, a teacher on Maple Street Early Head Start


def start_hub(tmp_path_factory, sample_folder_path, today, name: str, *flags: str, port: int | None = None,
              env: dict | None = None):
    """A real ``bsc hub`` on a fresh workspace and hub database (schemas ``name``…), and the people who have
    passwords: (the process, what the tests use)."""
    url = os.environ["BSC_TEST_POSTGRES_URL"]      # the markers saw to Chromium, PostgreSQL and the proxy
    workspace, hub_db = postgres_schema(url, f"{name}_workspace"), postgres_schema(url, f"{name}_itself")
    from bsc_widgets.portable import read_folder

    store = Store.open(workspace, create=True)
    store.load(read_folder(sample_folder_path))
    for username in (MEMBER, FACULTY, LEADER, ADVISOR, LEAVING, MAPLE):
        member = next((m for m in store.list(Member) if m.email == username), None)
        account = member_account(member) if member else store.get(Account, username)
        accept_invitation(store, invite(store, COMMAND_LINE, account).token, PASSWORD)
    port = port or _free_port()
    state = tmp_path_factory.mktemp("hub-state")
    log = state / "hub.log"
    env = dict(os.environ, BSC_TODAY=today, **(env or {}))
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "hub", "--db", workspace, "--hub-db", hub_db,
                                 "--port", str(port), "--state", str(state), *flags], stdout=fh,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.time() + 120
    while "JupyterHub is now running" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.time() > deadline:
            stop(proc)
            store.close()
            raise RuntimeError("the hub did not start:\n" + log.read_text(errors="replace")[-5000:])
        time.sleep(0.3)
    admin_link = re.search(r"(http://\S+/hub/invite/\S+)", log.read_text()).group(1)
    return proc, {"url": f"http://127.0.0.1:{port}", "port": port, "store": store, "log": log,
                  "admin_link": admin_link}


@pytest.fixture(scope="module")
def hub(tmp_path_factory, sample_folder_path, today):
    """The hub as a site behind a TLS proxy on this machine runs it: that proxy (loopback) is trusted."""
    proc, running = start_hub(tmp_path_factory, sample_folder_path, today, "bsc_hub", "--trusted-proxy", "127.0.0.1")
    yield running
    stop(proc, grace=40)
    running["store"].close()


@pytest.fixture(scope="module")
def sample_folder_path():
    return Path(__file__).resolve().parents[2] / "sample_data" / "collaborative"


@pytest.fixture
def person(browser, hub):
    """A fresh browser (its own cookies) for one person at a time."""
    contexts = []

    def open_as(username: str | None = None, password: str = PASSWORD):
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        if username:
            sign_in(page, hub, username, password)
        return page

    yield open_as
    for c in contexts:
        close_like_a_person(c)


def sign_in(page, hub, username, password=PASSWORD):
    page.goto(f"{hub['url']}/hub/login")
    page.fill("#username_input", username)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(re.compile(r"/voila/render/00_home\.ipynb"), timeout=LOAD)
    expect(page.get_by_text("Your team", exact=False).first).to_be_visible(timeout=LOAD)


def choose_password(page, link: str, password: str) -> None:
    """Open a one-time link (an invitation, a card's) and choose the password; signed in on the home page."""
    page.goto(link)
    page.fill("#password_input", password)
    page.fill("#again_input", password)
    page.click("#set_password")
    page.wait_for_url(re.compile(r"/voila/render/00_home\.ipynb"), timeout=LOAD)


def cannot_sign_in(page, hub, username, password=PASSWORD):
    """The hub's own login form refuses this person, with its right password."""
    page.goto(f"{hub['url']}/hub/login")
    page.fill("#username_input", username)
    page.fill("#password_input", password)
    page.click("#login_submit")
    expect(page.get_by_text("That e-mail address (or sign-in name) and password do not go together")).to_be_visible(
        timeout=LOAD)


def user_url(hub, username, page_path):
    return f"{hub['url']}/user/{username}/voila/render/{page_path}"


def refused(page, hub, username, page_path, words):
    page.goto(user_url(hub, username, page_path), wait_until="commit")
    expect(page.get_by_text(words).first).to_be_visible(timeout=LOAD)
    assert "Traceback" not in page.content()


def last_save(store, table, by, wait=30):
    """The newest save of ``table`` by that person, waited for (a save lands a moment after the field is left)."""
    deadline = time.time() + wait
    while True:
        with store.reading() as tx:
            row = tx.conn.execute(select(SAVES).where(SAVES.c.record_table == table, SAVES.c.by == by)
                                  .order_by(SAVES.c.id.desc()).limit(1)).first()
        if row is not None or time.time() > deadline:
            return row
        time.sleep(0.3)


def open_cycle(page, index: int) -> None:
    """Choose a cycle in the PDSA page's list and wait until its form is shown (text typed before then is not
    saved onto any cycle: it is handed to the new form, to copy)."""
    label = page.get_by_label("Open a cycle").locator("option").nth(index).inner_text()
    title = re.sub(r" \([^)]*\)$", "", " ".join(label.split()).split(": ", 1)[1])
    page.get_by_label("Open a cycle").select_option(index=index)
    expect(page.get_by_role("heading", name=f"Cycle: {title}")).to_be_visible(timeout=LOAD)


def open_cycle_titled(page, hub, username: str, title: str) -> None:
    """The PDSA page, with the cycle of that title open (waited for: the list fills in once the kernel answers)."""
    page.goto(user_url(hub, username, "03_pdsa.ipynb"), wait_until="commit")
    options = page.get_by_label("Open a cycle").locator("option")
    expect(options.filter(has_text=title)).to_have_count(1, timeout=LOAD)
    labels = [" ".join(t.split()) for t in options.all_text_contents()]
    open_cycle(page, next(i for i, label in enumerate(labels) if title in label))


def team_options(page) -> list[str]:
    return [t.replace("\xa0", " ") for t in page.get_by_label("Your team").locator("option").all_inner_texts()]


def test_a_team_member_sees_only_their_team_and_their_saves_carry_their_name(person, hub):
    page = person(MEMBER)
    assert team_options(page) == ["Choose your team…", "Sunrise Head Start"]
    expect(page.get_by_text("Coach dashboard")).to_have_count(0)  # no page of another role is offered
    refused(page, hub, MEMBER, "00_home.ipynb?team=maple-street-ehs", "This is not one of your teams")
    refused(page, hub, MEMBER, "01_charter.ipynb?team=maple-street-ehs", "This is not one of your teams")
    for other in ("coach_dashboard.ipynb", "collaborative_setup.ipynb", "equity.ipynb",
                  "leaders/system_assessment.ipynb"):
        refused(page, hub, MEMBER, other, "This page is not open to your account (team member)")
    assert "refused team 'maple-street-ehs' to 'sunrise-2@example.org'" in hub["log"].read_text(errors="replace")

    page.goto(user_url(hub, MEMBER, "03_pdsa.ipynb"), wait_until="commit")  # one team: no ?team= needed
    expect(page.get_by_role("heading", name="PDSA planner and log", exact=True)).to_be_visible(timeout=LOAD)
    open_cycle(page, 1)
    objective = page.get_by_label("Objective")
    objective.fill("Marisol's objective, saved through the hub")
    objective.press("Tab")
    last = last_save(hub["store"], "pdsa_cycles", "Marisol Vega")
    assert last is not None, "the PDSA was not saved, or not under the signed-in name"
    assert page.errors == []


def test_a_team_member_gets_no_lab_terminals_kernels_or_contents(person, hub):
    page = person(MEMBER)
    for path in ("api/kernels", "api/contents", "api/contents/00_home.ipynb", "api/sessions", "api/kernelspecs",
                 "terminals/", "api/terminals", "lab", "tree", "files/00_home.ipynb", "voila/tree",
                 "voila/tree/leaders", "voila/api/contents", "voila/render/README.md"):
        response = page.request.get(f"{hub['url']}/user/{MEMBER}/{path}")
        assert response.status in (403, 404), (path, response.status)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    started = page.request.post(f"{hub['url']}/user/{MEMBER}/api/kernels", headers={"X-XSRFToken": token})
    assert started.status in (403, 404, 405)


# From inside a team member's own page: ask the kernel for every widget, then send every one of them
# a crafted value and a click, and send code to run. Nothing may reach the faculty score.
CRAFTED = """async () => {
  const kernel = [...document.querySelectorAll('script')].map(s => s.textContent)
      .map(t => (t.match(/"kernelId": ?"([0-9a-f-]+)"/) || [])[1]).find(Boolean);
  const base = location.pathname.split('/voila/')[0];
  const ws = new WebSocket(`ws://${location.host}${base}/api/kernels/${kernel}/channels`);
  await new Promise(r => ws.onopen = r);
  const header = t => ({msg_id: crypto.randomUUID(), msg_type: t, username: 'x', session: 'crafted',
                        date: new Date().toISOString(), version: '5.3'});
  const send = (t, content) => ws.send(JSON.stringify({header: header(t), parent_header: {}, metadata: {},
                                                       content, channel: 'shell', buffers: []}));
  const comms = await new Promise(r => { ws.onmessage = e => { const m = JSON.parse(e.data);
      if (m.msg_type === 'comm_info_reply') r(Object.keys(m.content.comms)); };
      send('comm_info_request', {target_name: 'jupyter.widget'}); });
  send('execute_request', {code: "import datetime\\nfrom bsc_widgets.model import AssessmentScore\\n" +
       "from bsc_widgets.store import Store\\ns = Store.open()\\n" +
       "x = s.get(AssessmentScore, 'sunrise-head-start', datetime.date(2026, 10, 1), 'faculty')\\n" +
       "s.save(x.model_copy(update={'rationale': 'crafted'}))", silent: false});
  for (const id of comms) {
    for (const value of [true, 0.5, 'crafted', 1])
      send('comm_msg', {comm_id: id, data: {method: 'update', state: {value: value, index: 1}, buffer_paths: []}});
    send('comm_msg', {comm_id: id, data: {method: 'custom', content: {event: 'click'}}});
  }
  await new Promise(r => setTimeout(r, 6000));
  ws.close();
  return comms.length;
}"""


def test_a_coach_sees_every_team_and_scores_it_but_a_crafted_message_from_a_member_cannot(person, hub):
    store = hub["store"]
    before = store.get(AssessmentScore, "sunrise-head-start", dt.date(2026, 10, 1), "faculty")
    member = person(MEMBER)
    member.goto(user_url(hub, MEMBER, "05_monthly_report.ipynb"), wait_until="commit")
    expect(member.get_by_role("heading", name="Monthly report", exact=True)).to_be_visible(timeout=LOAD)
    expect(member.get_by_text("I am faculty")).to_have_count(0)
    assert member.evaluate(CRAFTED) > 10
    after = store.get(AssessmentScore, "sunrise-head-start", dt.date(2026, 10, 1), "faculty")
    assert after == before, "a team member's crafted messages changed the faculty score"

    coach = person(FACULTY)
    assert len(team_options(coach)) == 1 + len(store.teams())
    expect(coach.get_by_text("Coach dashboard")).to_be_visible()
    coach.goto(user_url(hub, FACULTY, "05_monthly_report.ipynb?team=maple-street-ehs"), wait_until="commit")
    expect(coach.get_by_role("heading", name="Monthly report", exact=True)).to_be_visible(timeout=LOAD)
    coach.get_by_role("button", name="I am faculty: edit this score").click()
    coach.get_by_label("Score (faculty)").select_option(index=3)
    rationale = coach.get_by_label("Faculty feedback to the team")
    rationale.fill("Feedback from Marcus, through the hub")
    rationale.press("Tab")
    last = last_save(store, "assessment_scores", "Marcus Bell")
    assert last is not None and last.record_key.startswith("maple-street-ehs/")
    refused(coach, hub, FACULTY, "collaborative_setup.ipynb", "not open to your account (faculty or coach)")


def test_a_leader_sees_the_system_and_the_network_never_a_teams_roster(person, hub):
    page = person(LEADER)
    assert team_options(page) == ["Choose your team…"]
    page.goto(user_url(hub, LEADER, "leaders/system_assessment.ipynb"), wait_until="commit")
    expect(page.get_by_role("heading", name=re.compile("System assessment"))).to_be_visible(timeout=LOAD)
    page.goto(user_url(hub, LEADER, "equity.ipynb"), wait_until="commit")
    expect(page.get_by_role("heading", name="Equity: measures by group", exact=True)).to_be_visible(timeout=LOAD)
    options = page.get_by_label("Team", exact=True).locator("option").all_inner_texts()
    assert [t.replace("\xa0", " ") for t in options] == ["All teams (the network)"]
    refused(page, hub, LEADER, "01_charter.ipynb?team=sunrise-head-start", "not open to your account")
    refused(page, hub, LEADER, "participation.ipynb", "not open to your account")


SHARED = "Two positive notes home a week, two teachers"      # a Sunrise cycle the sample keeps to the team
UNSHARED = "Notes in home language through the family app"   # another, never shared


def test_a_team_shares_a_cycle_another_team_reads_it_and_nothing_else_leaves_the_team(person, hub):
    store = hub["store"]
    sunrise = person(MEMBER)
    open_cycle_titled(sunrise, hub, MEMBER, SHARED)
    expect(sunrise.get_by_text("Only our team sees this cycle")).to_be_visible(timeout=LOAD)
    sunrise.get_by_role("button", name="Share this cycle with other teams").click()
    expect(sunrise.get_by_text("Shared with every team since")).to_be_visible(timeout=LOAD)

    maple = person(MAPLE)
    maple.goto(user_url(hub, MAPLE, "02_driver_diagram.ipynb"), wait_until="commit")
    expect(maple.get_by_text(SHARED).first).to_be_visible(timeout=LOAD)
    seen = maple.inner_text("body")
    assert UNSHARED not in seen and "Marisol Vega" not in seen and MEMBER not in seen
    ours = sorted((x.id, x.withdrawn_on) for x in store.list(Share, team_id="sunrise-head-start"))
    maple.goto(user_url(hub, MAPLE, "03_pdsa.ipynb"), wait_until="commit")   # every widget of Maple's page, forged
    expect(maple.get_by_role("heading", name="PDSA planner and log", exact=True)).to_be_visible(timeout=LOAD)
    assert maple.evaluate(CRAFTED) > 10
    assert sorted((x.id, x.withdrawn_on) for x in store.list(Share, team_id="sunrise-head-start")) == ours
    assert [r.share_id for r in store.list(ShareReview)] == ["share-lincoln-incident-review-2",
                                                              "share-sunrise-visual-schedules-3"]

    sunrise.get_by_role("button", name="Take it back").click()
    expect(sunrise.get_by_text("Taken back: only our team sees this cycle now.")).to_be_visible(timeout=LOAD)
    maple.goto(user_url(hub, MAPLE, "02_driver_diagram.ipynb"), wait_until="commit")
    expect(maple.get_by_role("heading", name="From other teams")).to_be_visible(timeout=LOAD)
    expect(maple.get_by_text(SHARED)).to_have_count(0)

    leader = person(LEADER)
    leader.goto(user_url(hub, LEADER, "change_package.ipynb"), wait_until="commit")
    expect(leader.get_by_role("heading", name="Change ideas teams tested")).to_be_visible(timeout=LOAD)
    assert "(Sunrise Head Start)" not in leader.inner_text("body"), "a leader reads no team's shared cycle"
    refused(leader, hub, LEADER, "shared_by_teams.ipynb", "not open to your account")


def gps_photo(path: Path) -> Path:
    """A phone's photo of the room's schedule, with the place it was taken."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
    Image.new("RGB", (1600, 1200), (60, 140, 90)).save(path, "JPEG", exif=exif.tobytes())
    return path


def test_a_team_shares_a_photo_and_its_storyboard_another_comments_and_the_team_is_told(person, hub, tmp_path):
    store = hub["store"]
    sunrise = person(MEMBER)
    open_cycle_titled(sunrise, hub, MEMBER, SHARED)
    with sunrise.expect_file_chooser() as chooser:          # the phone's picker: the photo as the camera wrote it
        sunrise.get_by_role("button", name=re.compile("Choose a photo or PDF")).click()
    chooser.value.set_files(gps_photo(tmp_path / "IMG_3310.jpg"))
    sunrise.get_by_label("What it shows").fill("Song cards by the door")
    sunrise.get_by_label("What it shows").blur()
    sunrise.get_by_role("button", name="Add the file").click()
    expect(sunrise.get_by_text("Added “Song cards by the door”")).to_be_visible(timeout=LOAD)
    sunrise.get_by_role("button", name="Share this file with other teams").click()
    expect(sunrise.get_by_text("Shared: every team in the collaborative can now see this file.")).to_be_visible(
        timeout=LOAD)
    [photo] = [f for f in store.list(TeamFile) if f.title == "Song cards by the door"]
    assert b"Exif" not in store.contents([photo.sha256])[photo.sha256], "the photo's position did not leave the phone"
    sunrise.goto(user_url(hub, MEMBER, "06_storyboard.ipynb"), wait_until="commit")
    sunrise.get_by_role("button", name="Share this storyboard with other teams").click(timeout=LOAD)
    expect(sunrise.get_by_text("Shared: every team in the collaborative can now read this storyboard.")).to_be_visible(
        timeout=LOAD)

    maple = person(MAPLE)
    maple.goto(user_url(hub, MAPLE, "02_driver_diagram.ipynb"), wait_until="commit")
    expect(maple.get_by_role("img", name="Song cards by the door")).to_be_visible(timeout=LOAD)
    assert "Marisol Vega" not in maple.inner_text("body") and MEMBER not in maple.content()
    maple.get_by_label("Comment on").select_option(label="Sunrise Head Start: Song cards by the door")
    maple.get_by_label("Add a comment").fill("Do the children touch the cards, or only the teachers?")
    maple.get_by_label("Add a comment").blur()
    maple.get_by_role("button", name="Post the comment").click()
    expect(maple.get_by_text("Do the children touch the cards").first).to_be_visible(timeout=LOAD)
    maple.goto(user_url(hub, MAPLE, "06_storyboard.ipynb"), wait_until="commit")
    expect(maple.get_by_role("article", name="Shared by Sunrise Head Start")).to_be_visible(timeout=LOAD)

    sunrise.goto(user_url(hub, MEMBER, "03_pdsa.ipynb"), wait_until="commit")
    notice = sunrise.get_by_role("status", name="New for you")
    expect(notice).to_contain_text(re.compile(r"\d+ new comments?"), timeout=LOAD)
    expect(notice).to_contain_text("Do the children touch the cards")
    written = [c for c in store.list(Comment) if c.text.startswith("Do the children")]
    assert [(c.team_id, c.author) for c in written] == [("maple-street-ehs", MAPLE)]

    # a forged message from every widget of Maple's page: nothing is shared, taken back or said as Sunrise
    ours = sorted((x.id, x.withdrawn_on) for x in store.list(Share, team_id="sunrise-head-start"))
    said = [c for c in store.list(Comment) if c.team_id == "sunrise-head-start"]
    maple.goto(user_url(hub, MAPLE, "03_pdsa.ipynb"), wait_until="commit")
    expect(maple.get_by_role("heading", name="PDSA planner and log", exact=True)).to_be_visible(timeout=LOAD)
    assert maple.evaluate(CRAFTED) > 10
    assert sorted((x.id, x.withdrawn_on) for x in store.list(Share, team_id="sunrise-head-start")) == ours
    assert [c for c in store.list(Comment) if c.team_id == "sunrise-head-start"] == said

    open_cycle_titled(sunrise, hub, MEMBER, SHARED)
    sunrise.get_by_role("button", name="Take it back").last.click(timeout=LOAD)
    expect(sunrise.get_by_text("Taken back: only our team sees this file now.")).to_be_visible(timeout=LOAD)
    maple.goto(user_url(hub, MAPLE, "02_driver_diagram.ipynb"), wait_until="commit")
    expect(maple.get_by_role("heading", name="From other teams")).to_be_visible(timeout=LOAD)
    expect(maple.get_by_role("img", name="Song cards by the door")).to_have_count(0)


def test_an_invited_member_sets_a_password_and_an_ended_account_is_refused_at_its_next_request(person, hub):
    store = hub["store"]
    kevin = next(m for m in store.list(Member) if m.email == OTHER)
    link = hub["url"] + invite(store, COMMAND_LINE, member_account(kevin)).path()
    page = person()
    page.goto(link)
    page.fill("#password_input", "short")
    page.fill("#again_input", "short")
    page.click("#set_password")
    expect(page.get_by_text("at least 10 characters")).to_be_visible()
    page.fill("#password_input", PASSWORD)
    page.fill("#again_input", PASSWORD)
    page.click("#set_password")
    page.wait_for_url(re.compile(r"/voila/render/00_home\.ipynb"), timeout=LOAD)
    expect(page.get_by_role("heading", name="Sunrise Head Start")).to_be_visible(timeout=LOAD)

    again = person()
    again.goto(link)
    expect(again.get_by_text("This link or card has been used")).to_be_visible()

    remove_account(store, COMMAND_LINE, OTHER)
    page.reload(wait_until="commit")
    expect(page.get_by_text("Your account no longer has access").first).to_be_visible(timeout=LOAD)
    cannot_sign_in(person(), hub, OTHER)


def test_the_first_admin_link_works_once_and_sign_in_is_throttled(person, hub):
    page = person()
    choose_password(page, hub["admin_link"], "the administrator's password")
    expect(page.get_by_text("Collaborative set-up").first).to_be_visible(timeout=LOAD)

    intruder = person()
    for _ in range(6):
        intruder.goto(f"{hub['url']}/hub/login")
        intruder.fill("#username_input", LEADER)
        intruder.fill("#password_input", "guessing")
        intruder.click("#login_submit")
    expect(intruder.get_by_text("Too many sign-in attempts")).to_be_visible(timeout=LOAD)


def test_hub_pages_are_light_and_a_closed_page_frees_its_kernel(person, hub):
    """As under `bsc serve`: compressed files, plotly.js fetched only to draw a chart and kept for good, and
    the unload of a closed page shuts its kernel down instead of leaving it to the idle cull."""
    page = person(MEMBER)
    traffic = Traffic(page)
    sent = traffic.responses
    page.goto(user_url(hub, MEMBER, "04_measures.ipynb"), wait_until="commit")
    page.wait_for_function("() => document.querySelector('.js-plotly-plot .main-svg')", timeout=LOAD)
    assert traffic.websockets_compressed()
    plotly = [r for r in sent if "plotly" in r.url]
    assert [r.url.split("/voila/")[1] for r in plotly] == [f"bsc/{plotly_js.bundle()[1]}"]
    assert plotly[0].headers["content-encoding"] in ("gzip", "br") and "immutable" in plotly[0].headers["cache-control"]
    hashed = [r for r in sent if "/voila/labextensions/" in r.url and r.status == 200
              and re.search(r"\.[0-9a-f]{16,}\.js$", r.url.split("?")[0])]
    assert hashed and all("immutable" in r.headers.get("cache-control", "") for r in hashed)
    voila = [r for r in sent if "/voila/static/" in r.url]
    assert voila and all("/voila/static/v" in r.url and "immutable" in r.headers["cache-control"] for r in voila)
    kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    page.close(run_before_unload=True)
    deadline = time.time() + 20
    while f"Kernel shutdown: {kernel}" not in hub["log"].read_text(errors="replace") and time.time() < deadline:
        time.sleep(0.3)
    assert f"Kernel shutdown: {kernel}" in hub["log"].read_text(errors="replace"), "the closed page kept its kernel"


# ---- issue "Trust": nobody beyond their role as of today, whatever they or a teammate type ------------------

def test_no_page_outside_the_product_and_no_token_page_for_a_team_member(person, hub):
    """Case 13: Voilà's file tree (which linked a stylesheet on a CDN) and JupyterHub's API-token page are not
    there for a team member; a plain page of ours says so, with nothing from the internet."""
    page = person(MEMBER)
    for path in (f"user/{MEMBER}/voila/tree", "hub/token"):
        response = page.goto(f"{hub['url']}/{path}")
        assert response.status == 404, path
        assert "cdn." not in page.content() and "Traceback" not in page.content()
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    made = page.request.post(f"{hub['url']}/hub/api/users/{MEMBER}/tokens", headers={"X-XSRFToken": token},
                             data={"note": "mine"})
    assert made.status == 403, "a team member made an API token"


def test_a_member_who_left_yesterday_can_do_nothing_today_even_from_a_page_left_open(person, hub):
    """Case 9: Aisha's membership ends (the charter's Remove keeps the row and sets "left the team on"). The page
    she had open saves nothing, a reload is refused, and she cannot sign in again."""
    store = hub["store"]
    aisha = next(m for m in store.list(Member) if m.email == LEAVING)
    page = person(LEAVING)
    page.goto(user_url(hub, LEAVING, "03_pdsa.ipynb"), wait_until="commit")
    expect(page.get_by_role("heading", name="PDSA planner and log", exact=True)).to_be_visible(timeout=LOAD)
    open_cycle(page, 1)
    cycles = {c.id: c for c in store.list(PdsaCycle, team_id="sunrise-head-start")}
    from bsc_widgets.services import records

    records.save(store, COMMAND_LINE, aisha.model_copy(update={"left_on": dt.date(2026, 11, 21)}))   # yesterday
    try:
        objective = page.get_by_label("Objective")
        objective.fill("Typed after she left the team")
        objective.press("Tab")
        expect(page.get_by_text("Your account no longer has access").first).to_be_visible(timeout=LOAD)
        assert {c.id: c for c in store.list(PdsaCycle, team_id="sunrise-head-start")} == cycles
        page.reload(wait_until="commit")
        expect(page.get_by_text("no longer has access").first).to_be_visible(timeout=LOAD)
        cannot_sign_in(person(), hub, LEAVING)
    finally:
        records.save(store, COMMAND_LINE, store.get(Member, aisha.id).model_copy(update={"left_on": None}))


def test_a_teammate_who_types_a_coachs_address_demotes_nobody(person, hub):
    """Case 10: Marisol adds the coach's address to her own team's roster; the advisor makes the team's sign-in
    links. The coach's account is left alone, the advisor is told which and why, and the coach keeps the
    dashboard."""
    store = hub["store"]
    member = person(MEMBER)
    member.goto(user_url(hub, MEMBER, "01_charter.ipynb"), wait_until="commit")
    name = member.get_by_label("Name (required)", exact=True)
    expect(name).to_be_visible(timeout=LOAD)
    name.fill("Coach typed by a teammate")
    name.press("Tab")
    email = member.get_by_label("Email (optional)")
    email.fill(FACULTY)
    email.press("Tab")
    member.get_by_role("button", name="Add member").click()
    expect(member.get_by_label("Team roster")).to_contain_text("Coach typed by a teammate", timeout=LOAD)
    typed = next(m for m in store.list(Member, team_id="sunrise-head-start") if m.name == "Coach typed by a teammate")
    try:
        advisor = person(ADVISOR)
        advisor.goto(user_url(hub, ADVISOR, "collaborative_setup.ipynb"), wait_until="commit")
        picker = advisor.get_by_label("Edit or add a team")
        expect(picker).to_be_visible(timeout=LOAD)
        picker.select_option(label="Sunrise Head Start")
        advisor.get_by_role("button", name="Make sign-in links for this team").click()
        expect(advisor.get_by_text("this address belongs to the account of Marcus Bell (faculty or coach)")
               ).to_be_visible(timeout=LOAD)
        assert store.get(Account, FACULTY).access == "faculty" and store.get(Account, FACULTY).name == "Marcus Bell"
        coach = person(FACULTY)
        expect(coach.get_by_text("Coach dashboard")).to_be_visible(timeout=LOAD)

        roles = advisor.get_by_label("Permission role").locator("option").all_inner_texts()    # case 11
        assert "Administrator of the site" not in [" ".join(r.split()) for r in roles]
        advisor.get_by_label("Name", exact=True).fill("Marcus Bell")
        advisor.get_by_label("Email", exact=True).fill(FACULTY)
        advisor.get_by_label("Permission role").select_option(label="State or regional leader")
        advisor.get_by_role("button", name="Invite").click()
        expect(advisor.get_by_text("already has an account, as faculty or coach; it was not changed")
               ).to_be_visible(timeout=LOAD)
        expect(advisor.get_by_role("button", name="Make a new sign-in link")).to_have_count(0)
        assert store.get(Account, FACULTY).access == "faculty"
        assert sign_in_works(hub, FACULTY)
    finally:
        from bsc_widgets.services import records

        records.remove(store, COMMAND_LINE, store.get(Member, typed.id))


def sign_in_works(hub, username: str) -> bool:
    return login(hub["port"], username, PASSWORD) == 302


@pytest.fixture
def front_proxy(hub):
    with proxy_in_front_of(hub["port"], proxy_command()) as port:
        yield port


def _flood(port: int, source: str, n: int) -> list[int]:
    """``n`` failed sign-ins with made-up names from one address, 20 at a time."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(20) as pool:
        return list(pool.map(lambda i: login(port, f"made-up-{i}@example.org", "a guessed password", source),
                             range(n)))


def test_one_visitor_behind_a_trusted_proxy_cannot_lock_out_everyone(hub, front_proxy, person):
    """Case 12: 200 failed sign-ins from one address behind the site's proxy lock out that address only: a good
    sign-in from another address behind the same proxy goes through at once, in Chromium through the hub's own
    form too. (The stranger is played from 127.0.0.5, which a browser cannot choose, by posting that form.)"""
    answers = _flood(front_proxy, "127.0.0.5", 200)
    assert answers.count(403) >= 50 and 429 in answers            # refused, then throttled after 50
    assert login(front_proxy, MEMBER, PASSWORD, "127.0.0.5") == 429   # that visitor is locked out
    assert login(front_proxy, MEMBER, PASSWORD, "127.0.0.6") == 302   # another visitor is not
    sign_in(person(), {"url": f"http://127.0.0.1:{front_proxy}"}, MEMBER)   # a teacher's browser, behind the proxy
    assert "sign-in throttled for 'sunrise-2@example.org' from 127.0.0.5" in hub["log"].read_text(errors="replace")


@pytest.fixture(scope="module")
def untrusting_hub(tmp_path_factory, sample_folder_path, today):
    """A hub started without --trusted-proxy: behind a proxy, every visitor shares its address."""
    proc, running = start_hub(tmp_path_factory, sample_folder_path, today, "bsc_hub_untrusting")
    yield running
    stop(proc, grace=40)
    running["store"].close()


def test_without_a_trusted_proxy_failures_slow_the_shared_address_down_but_never_lock_it(untrusting_hub):
    """Case 12, without --trusted-proxy: the hub sees the proxy's address for everyone. Failures from it slow its
    sign-ins down instead of locking the whole collaborative out; the per-name limit still protects each account."""
    with proxy_in_front_of(untrusting_hub["port"], proxy_command()) as port:
        answers = _flood(port, "127.0.0.5", 80)
        assert answers.count(403) == 80                            # each refused, none throttled
        assert login(port, MEMBER, PASSWORD, "127.0.0.6") == 302
        assert login(port, MEMBER, PASSWORD, "127.0.0.5") == 302
        for _ in range(5):
            login(port, FACULTY, "a guessed password", "127.0.0.7")
        assert login(port, FACULTY, PASSWORD, "127.0.0.8") == 429    # that name, from anywhere
