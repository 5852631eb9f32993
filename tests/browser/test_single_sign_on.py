"""Single sign-on (``bsc hub --sso oidc``) end to end: a real OpenID Connect provider on loopback (npm's
``oidc-provider``, started here), a real ``bsc hub`` on PostgreSQL, and Chromium signing in through the provider.
A known address lands on its teams with its role; an address the collaborative never invited gets the "ask your
coach" page and no account; an address the provider did not verify is refused; the password form still works.
"""
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bsc_widgets.model import Account
from tests.browser.conftest import _free_port
from tests.browser.test_hub import LOAD, MEMBER, sample_folder_path, sign_in, start_hub  # noqa: F401 - a fixture
from tests.support import close_like_a_person, stop

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.hub]
PROVIDER = Path(__file__).resolve().parents[1] / "oidc" / "provider.mjs"
PEOPLE = {   # the provider's accounts: its sign-in form takes the key as the login, and any password
    "marcus": {"email": "Marcus.Bell@example.org", "email_verified": True, "name": "Marcus Bell"},
    "marisol": {"email": MEMBER, "email_verified": True, "name": "Marisol Vega"},
    "stranger": {"email": "someone.else@example.org", "email_verified": True, "name": "Someone Else"},
    "unverified": {"email": "renee.okafor@example.org", "email_verified": False, "name": "Not Renée"},
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory, sample_folder_path, today):  # noqa: F811
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing: make test installs Node.js and the project's npm packages")
        pytest.skip("node is missing")
    port, provider_port = _free_port(), _free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    with open(log, "w") as fh:
        provider = subprocess.Popen([node, str(PROVIDER), str(provider_port),
                                     f"http://127.0.0.1:{port}/hub/oauth_callback"], stdout=fh,
                                    stderr=subprocess.STDOUT, env=dict(os.environ, OIDC_PEOPLE=json.dumps(PEOPLE)),
                                    start_new_session=True)
    deadline = time.time() + 60
    while "listening" not in log.read_text(errors="replace"):
        if provider.poll() is not None or time.time() > deadline:
            stop(provider)
            raise RuntimeError("the OpenID Connect provider did not start:\n" + log.read_text(errors="replace"))
        time.sleep(0.2)
    settings = {"BSC_SSO_ISSUER": f"http://127.0.0.1:{provider_port}", "BSC_SSO_CLIENT_ID": "bsc-workbooks",
                "BSC_SSO_CLIENT_SECRET": "a client secret for the tests", "BSC_SSO_NAME": "State ID"}
    try:
        proc, running = start_hub(tmp_path_factory, sample_folder_path, today, "bsc_sso", "--sso", "oidc", port=port,
                                  env=settings)
    except Exception:
        stop(provider)
        raise
    yield running
    stop(proc, grace=40)
    stop(provider)
    running["store"].close()


@pytest.fixture
def person(browser, hub):
    contexts = []

    def open_as(locale="en-US"):
        context = browser.new_context(locale=locale, viewport={"width": 1000, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_as
    for c in contexts:
        close_like_a_person(c)


def through_the_provider(page, hub, login: str) -> None:
    page.goto(f"{hub['url']}/hub/login")
    page.get_by_role("link", name="Sign in with State ID").click()
    page.fill("input[name=login]", login)           # the provider's own sign-in page
    page.fill("input[name=password]", "whatever the provider asks")
    page.locator("button[type=submit]").first.click()


def test_a_known_address_lands_on_its_teams_with_its_role(person, hub):
    page = person()
    through_the_provider(page, hub, "marcus")
    page.wait_for_url(re.compile(r"/user/marcus\.bell@example\.org/voila/render/00_home\.ipynb"), timeout=LOAD)
    expect(page.get_by_text("Coach dashboard").first).to_be_visible(timeout=LOAD)   # faculty, as his account says

    member = person()
    through_the_provider(member, hub, "marisol")
    member.wait_for_url(re.compile(r"/voila/render/00_home\.ipynb"), timeout=LOAD)
    expect(member.get_by_role("heading", name="Sunrise Head Start")).to_be_visible(timeout=LOAD)
    expect(member.get_by_text("Coach dashboard")).to_have_count(0)


def test_an_unknown_address_is_asked_to_get_an_invitation_and_gets_no_account(person, hub):
    page = person(locale="es-MX")
    page.goto(f"{hub['url']}/hub/login")
    page.get_by_role("link", name="Iniciar sesión con State ID").click()
    page.fill("input[name=login]", "stranger")
    page.fill("input[name=password]", "anything")
    page.locator("button[type=submit]").first.click()
    expect(page.get_by_text("Pida a su coach o asesor/a de mejora una invitación")).to_be_visible(timeout=LOAD)
    assert hub["store"].get(Account, "someone.else@example.org") is None
    assert "Traceback" not in page.content()


def test_an_address_the_provider_did_not_verify_is_refused(person, hub):
    page = person()
    through_the_provider(page, hub, "unverified")
    expect(page.get_by_text("did not confirm your e-mail address")).to_be_visible(timeout=LOAD)
    expect(page.get_by_role("heading", name="You are not signed in")).to_be_visible()


def test_the_password_form_still_works_beside_the_provider(person, hub):
    page = person()
    sign_in(page, hub, MEMBER)
    expect(page.get_by_role("heading", name="Sunrise Head Start")).to_be_visible(timeout=LOAD)
