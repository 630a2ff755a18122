"""The browser tests' world: fixture data built per test (see tests/conftest.py for the browser)."""

import pytest

from tests.browser.world import build_world
from tests.conftest import PageLog, open_context, watch

# The two screens every layout test runs on (issue 15): a laptop and a phone.
SCREENS = {"desktop": (1440, 900), "phone": (390, 844)}
# A smaller laptop, for the tests of what overlays cover.
LAPTOP = {"laptop": (1280, 720)}


@pytest.fixture
def world(transactional_db):
    """live_server flushes tables after each test, so the data is built per test."""
    return build_world()


@pytest.fixture
def new_screen_page(browser):
    """new_screen_page(name) opens a page at SCREENS[name] (touch on the phone) with its own
    page.log; page.screen_name is the name. Closed after the test."""
    contexts = []

    def make(name: str):
        width, height = {**SCREENS, **LAPTOP}[name]
        phone = name == "phone"
        log = PageLog()
        context = open_context(browser, log, viewport={"width": width, "height": height},
                               is_mobile=phone, has_touch=phone, device_scale_factor=2 if phone else 1)
        contexts.append(context)
        page = watch(context.new_page(), log)
        page.log, page.screen_name = log, name
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(params=list(SCREENS))
def screen(request, new_screen_page):
    """The test runs once per screen of SCREENS."""
    return new_screen_page(request.param)
