"""Signing in as people expect, through a real ``bsc hub`` on PostgreSQL and Chromium: the hub's pages are ours, in
the person's language, with none of JupyterHub's own chrome; a parent with no e-mail address signs in on her phone
from a printed card; a team member never meets a "Stop server" button, a token page or the admin page.
"""
import re
import time

import pytest
from playwright.sync_api import expect

from bsc_widgets.base.clock import today as clock_today
from bsc_widgets.reports.sign_in_cards import card_link
from bsc_widgets.services import COMMAND_LINE
from bsc_widgets.services.accounts import invite_team
from tests.browser.test_hub import (LOAD, MEMBER, choose_password, sample_folder_path,  # noqa: F401 - a fixture
                                    sign_in, start_hub)
from tests.support import close_like_a_person, stop

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.hub]
NUESTRA = "nuestra-casa-fcc"
PHONE = {"viewport": {"width": 390, "height": 760}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
JUPYTERHUB_CHROME = ("JupyterHub", "jpy-logo", "Token", "Stop Server", "Stop My Server", "Spawning server",
                     "Username", "Event log")


@pytest.fixture(scope="module")
def hub(tmp_path_factory, sample_folder_path, today):  # noqa: F811
    proc, running = start_hub(tmp_path_factory, sample_folder_path, today, "bsc_sign_in")
    yield running
    stop(proc, grace=40)
    running["store"].close()


@pytest.fixture
def visitor(browser):
    """A fresh browser for one visitor (their own cookies, language and screen), whose every page is kept."""
    contexts = []

    def open_as(locale="en-US", **screen):
        context = browser.new_context(locale=locale, **(screen or {"viewport": {"width": 1100, "height": 900}}))
        contexts.append(context)
        page = context.new_page()
        page.documents = []       # (address, status, body) of every page of the hub it was shown

        def keep(route):
            if route.request.resource_type != "document":
                return route.continue_()
            response = route.fetch(max_redirects=0)
            page.documents.append((route.request.url, response.status, response.text()))
            route.fulfill(response=response)

        page.route(re.compile(r"/hub/"), keep)
        return page

    yield open_as
    for c in contexts:
        close_like_a_person(c)


def seen(page) -> str:
    """Every page of the hub this visitor was shown, as sent."""
    return "\n".join(body for _url, status, body in page.documents if status != 302)


def test_the_hubs_pages_speak_the_browsers_language_and_are_ours(visitor, hub):
    page = visitor(locale="es-MX")
    page.goto(f"{hub['url']}/hub/login")
    expect(page.get_by_role("heading", name="Inicie sesión en sus cuadernos")).to_be_visible()
    expect(page.get_by_label("Correo electrónico")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "es"
    page.fill("#username_input", MEMBER)
    page.fill("#password_input", "not the password at all")
    page.click("#login_submit")
    expect(page.get_by_text("no coinciden")).to_be_visible()
    missing = page.goto(f"{hub['url']}/hub/no-such-page")
    assert missing.status == 404
    expect(page.get_by_role("heading", name="No hay ninguna página con esta dirección.")).to_be_visible()
    page.goto(f"{hub['url']}/hub/login")
    page.get_by_role("link", name="English").click()         # the switch, remembered for the browser
    expect(page.get_by_role("heading", name="Sign in to your workbooks")).to_be_visible()
    page.goto(f"{hub['url']}/hub/card")
    expect(page.get_by_role("heading", name="Type the code on your sign-in card")).to_be_visible()
    assert "Inicie sesión en sus cuadernos" in seen(page)          # what the visitor was shown, as sent
    for chrome in JUPYTERHUB_CHROME:
        assert chrome not in seen(page), chrome


def test_a_spanish_speaking_parent_signs_in_from_her_printed_card_on_her_phone(visitor, hub):
    """Guadalupe Núñez, a mother on Nuestra Casa's team, has no e-mail address; her phone is set to English. She
    points its camera at the card's QR code, chooses a password, and is on her team's page, in Spanish."""
    store = hub["store"]
    cards, _ = invite_team(store, COMMAND_LINE, NUESTRA, clock_today(), cards=True)
    guadalupe = next(c for c in cards if c.account.name == "Guadalupe Núñez")
    jorge = next(c for c in cards if c.account.name == "Jorge Castillo")
    link = card_link(hub["url"], guadalupe, "es")
    page = visitor(locale="en-US", **PHONE)
    page.goto(link)
    expect(page.get_by_role("heading", name="Elija su contraseña")).to_be_visible()
    expect(page.get_by_text("Usted inicia sesión como nuestra-5")).to_be_visible()
    page.fill("#password_input", "la contraseña de Guadalupe")
    page.fill("#again_input", "la contraseña de Guadalupe")
    began = time.perf_counter()
    page.click("#set_password")
    page.wait_for_url(re.compile(r"/user/nuestra-5/voila/render/00_home\.ipynb"), timeout=LOAD)
    expect(page.get_by_role("heading", name="Nuestra Casa Family Child Care Network")).to_be_visible(timeout=LOAD)
    expect(page.get_by_text("Su equipo", exact=False).first).to_be_visible(timeout=LOAD)
    print(f"card to her team's page: {time.perf_counter() - began:.1f} s")
    pending = [body for url, status, body in page.documents if "/spawn-pending/" in url and status == 200]
    assert all("Abriendo los cuadernos de su equipo…" in body for body in pending)
    for chrome in JUPYTERHUB_CHROME:
        assert chrome not in seen(page), chrome

    again = visitor(**PHONE)
    again.goto(link)
    expect(again.get_by_text("ya se usó")).to_be_visible()

    typed = visitor(locale="es-US", **PHONE)            # Jorge types his card's code instead
    typed.goto(f"{hub['url']}/hub/card")
    typed.fill("#code_input", "AAAA-BBBB-CCCC")
    typed.click("#card_submit")
    expect(typed.get_by_text("Ese código no abre nada")).to_be_visible()
    typed.fill("#code_input", jorge.code.lower().replace("-", " "))
    typed.click("#card_submit")
    expect(typed.get_by_role("heading", name="Elija su contraseña")).to_be_visible()
    expect(typed.get_by_text("nuestra-6")).to_be_visible()


def test_a_team_member_never_meets_stop_server_a_token_or_the_admin_page(visitor, hub):
    page = visitor()
    sign_in(page, hub, MEMBER)
    for path, status in (("hub/home", 200), ("hub/token", 404), ("hub/admin", 403), ("hub/metrics", 403)):
        response = page.goto(f"{hub['url']}/{path}")
        assert response.status == status, path
        assert "Traceback" not in page.content()
    expect(page.get_by_role("heading", name="This page is not open to your account.")).to_be_visible()
    for chrome in JUPYTERHUB_CHROME:
        assert chrome not in seen(page), chrome


def test_the_administrator_reads_the_hubs_metrics(visitor, hub):
    page = visitor()
    choose_password(page, hub["admin_link"], "the administrator's password")
    metrics = page.request.get(f"{hub['url']}/hub/metrics")
    assert metrics.status == 200 and "jupyterhub_" in metrics.text()
    page.goto(f"{hub['url']}/hub/home")
    expect(page.get_by_role("link", name="People’s servers")).to_be_visible()    # the admin's chrome, for the admin
