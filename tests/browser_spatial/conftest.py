"""Playwright on Debian's chromium for the spatial tools, in a thread of its own.

The launch, the offline routing and the console watch are those of tests/browser (imported). The
browser runs in a dedicated thread because the Playwright sync API allows one instance per thread
and tests/browser keeps its own open on the main thread for the whole session: with a thread each,
both folders run in one pytest session in any order. A scenario is a function of (page, log)
run in that thread; its assertion errors reach the test as usual.

The world: tests/browser's, a few more projects along the East-West corridor so an order by km mark
shows, and the real country outlines for the corridor profile.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.gis.geos import Point

from geodata.countries import read_countries, upsert_countries
from geodata.models import Provenance
from projects.models import Project
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, PageLog, _open_context, _watch
from tests.browser.world import build_world

# The main thread may hold tests/browser's Playwright loop; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Made-up test sites beside the test corridor line (not facts about real projects).
SITES = {
    "test-site-mae-sot": (98.62, 16.78),
    "test-site-khon-kaen": (102.8, 16.52),
    "test-site-hue": (107.6, 16.5),
}


class BrowserThread:
    """One chromium, started lazily and used only from one worker thread."""

    def __init__(self, playwright_api):
        self._api = playwright_api
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playwright-spatial")
        self._manager = self._playwright = self._browser = None

    def run(self, scenario, **context_options):
        return self._executor.submit(self._run, scenario, context_options).result()

    def _run(self, scenario, context_options):
        if self._browser is None:
            self._manager = self._api.sync_playwright()
            self._playwright = self._manager.__enter__()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        log = PageLog()
        context = _open_context(self._browser, log, **context_options)
        try:
            return scenario(_watch(context.new_page(), log), log)
        finally:
            context.close()

    def close(self):
        def stop():
            if self._browser is not None:
                self._browser.close()
                self._manager.__exit__(None, None, None)

        self._executor.submit(stop).result()
        self._executor.shutdown()


@pytest.fixture(scope="package")
def in_browser():
    """in_browser(scenario) runs scenario(page, log) in a fresh 1440x900 browser context."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    thread = BrowserThread(playwright_api)
    yield lambda scenario: thread.run(scenario, viewport={"width": 1440, "height": 900})
    thread.close()


@pytest.fixture
def screenshot_path():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return lambda name: str(SCREENSHOTS / f"{name}.png")


@pytest.fixture
def world(transactional_db):
    """live_server flushes tables after each test, so the data is built per test."""
    base = build_world()
    countries, problems = read_countries()
    assert not problems
    upsert_countries(rows=countries)  # the real outlines, for the profile's countries and crossings
    for slug, (lon, lat) in SITES.items():
        Project.objects.create(
            slug=slug, name=slug.replace("-", " ").title(), countries=["THA"], sector="road",
            status="unknown", status_provenance=Provenance.CURATED, years=[2016],
            years_provenance=Provenance.CURATED, funding_types=["unspecified"],
            funding_provenance=Provenance.CURATED, precision=1,
            location_note="Browser-test placement.", geom=Point(lon, lat, srid=4326),
        )
    return SimpleNamespace(**vars(base), sites=SITES)
