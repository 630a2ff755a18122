"""Shared browser fixtures: Playwright (sync API) on Debian's chromium against pytest-django's
live server, one browser for the whole run (a second sync Playwright cannot start in the same
thread, so every test package uses this one).

Every request that leaves 127.0.0.1 is aborted and recorded, and every console error or
uncaught page error is recorded, so each test can assert the page is offline-clean.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that by default.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SCREENSHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser():
    # A missing browser fails (it does not skip): `make test` installs chromium, and a skip would
    # hide a broken set-up.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is not installed: run `make system-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_context(browser, log: PageLog, **options):
    context = browser.new_context(**options)

    def guard(route):
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            log.external_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


def watch(page, log: PageLog):
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: log.console_errors.append(f"page error: {error}"))
    return page


@pytest.fixture
def page_log():
    return PageLog()


@pytest.fixture
def page(browser, page_log):
    context = open_context(browser, page_log, viewport={"width": 1440, "height": 900})
    yield watch(context.new_page(), page_log)
    context.close()


@pytest.fixture
def phone_page(browser, page_log):
    context = open_context(browser, page_log, viewport={"width": 390, "height": 800}, is_mobile=True,
                            has_touch=True, device_scale_factor=2)
    yield watch(context.new_page(), page_log)
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take
