"""The map's Export menu offers every format for the current filters, and each link downloads."""

import pytest

from tests.browser.helpers import open_page
from tests.interop.conftest import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    build_world()


def test_export_menu_offers_every_format_with_the_filters(page, live_server, live_world):
    open_page(page, live_server, query="sector=sez_industrial")
    page.click("#gm-export-button")
    hrefs = {fmt: page.locator(f"#gm-export-menu a[data-format={fmt}]").get_attribute("href")
             for fmt in ("gpkg", "zip", "csv", "kml")}
    assert hrefs == {fmt: f"/export/projects.{fmt}?sector=sez_industrial" for fmt in hrefs}
    for fmt, href in hrefs.items():
        response = page.request.get(live_server.url + href)
        assert response.ok, fmt
        assert "geomekong-projects-sez_industrial-" in response.headers["content-disposition"]
