"""The embeddable map: the map alone, framable by other sites, with a way to the full map."""

import pytest

from tests.browser.helpers import click_feature, marker_count, open_page

pytestmark = pytest.mark.browser


def test_embed_renders_the_filtered_map_and_the_full_map_link(page, page_log, live_server, world, screenshot):
    open_page(page, live_server, path="/embed/", query="sector=airport")
    assert marker_count(page) == 2
    link = page.locator("#gm-full-map-link")
    assert link.inner_text() == "View full map"
    assert link.get_attribute("href") == "/?sector=airport"
    assert page.locator("#gm-sidebar").count() == 0
    click_feature(page, "noi-bai-terminal-2")
    popup = page.locator(".leaflet-popup")
    popup.wait_for(state="visible")
    assert "Noi Bai International Airport Terminal 2" in popup.inner_text()
    screenshot(page, "embed")
    assert page_log.console_errors == []
    assert page_log.external_requests == []


@pytest.mark.django_db  # the pages read the data version for their ETag
def test_embed_may_be_framed_by_other_sites(client):
    """The site denies framing by default; the embed view is the exception."""
    assert "X-Frame-Options" in client.get("/").headers
    assert "X-Frame-Options" not in client.get("/embed/").headers
