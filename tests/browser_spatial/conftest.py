"""Playwright on Debian's chromium for the spatial tools: the shared browser of tests/conftest.py.

A scenario is a function of (page, log) run in a fresh context.

The world: tests/browser's, a few more projects along the East-West corridor so an order by km mark
shows, and the real country outlines for the corridor profile.
"""

from types import SimpleNamespace

import pytest
from django.contrib.gis.geos import Point

from geodata.countries import read_countries, upsert_countries
from geodata.models import Provenance
from projects.models import Project
from tests.browser.world import build_world
from tests.conftest import SCREENSHOTS, PageLog, open_context, watch

# Made-up test sites beside the test corridor line (not facts about real projects).
SITES = {
    "test-site-mae-sot": (98.62, 16.78),
    "test-site-khon-kaen": (102.8, 16.52),
    "test-site-hue": (107.6, 16.5),
}


@pytest.fixture
def in_browser(browser):
    """in_browser(scenario) runs scenario(page, log) in a fresh 1440x900 browser context."""

    def run(scenario):
        log = PageLog()
        context = open_context(browser, log, viewport={"width": 1440, "height": 900})
        try:
            return scenario(watch(context.new_page(), log), log)
        finally:
            context.close()

    return run


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
