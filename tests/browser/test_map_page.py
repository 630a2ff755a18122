"""The map page in a real browser: offline, filters in step with the API, URL state, panels."""

import pytest

from tests.browser.helpers import (
    api_number_matched,
    checked_values,
    click_feature,
    marker_count,
    open_page,
    params_of,
    query_of,
    wait_ready,
)

pytestmark = pytest.mark.browser


def choose_filters(page):
    """A pillar, a year range and a funding type, as a user would pick them."""
    page.check("#gm-opt-pillar-ap2012-1")
    wait_ready(page)
    page.fill("#gm-year-min", "2012")
    page.press("#gm-year-min", "Tab")
    wait_ready(page)
    page.fill("#gm-year-max", "2012")
    page.press("#gm-year-max", "Tab")
    wait_ready(page)
    page.check("#gm-opt-funding-grant_aid")
    wait_ready(page)


def test_page_loads_offline_with_no_console_errors(page, page_log, live_server, world, screenshot):
    """The map, basemap, corridors, legend and scale appear; nothing is requested beyond 127.0.0.1."""
    open_page(page, live_server)
    assert marker_count(page) == 8
    assert page.locator("#gm-count").inner_text() == "8 projects"
    page.wait_for_selector(".gm-country-label span", state="attached")
    assert page.locator(".gm-corridor-label", has_text="East-West Economic Corridor").count() == 1
    assert page.locator(".leaflet-control-scale").count() == 1
    assert page.locator(".gm-legend").count() == 1
    assert page.locator("#gm-chart svg rect").count() > 0
    screenshot(page, "map-page")
    assert page_log.console_errors == []
    assert page_log.external_requests == []


def test_markers_match_the_api_count_as_filters_are_chosen(page, page_log, live_server, world, screenshot):
    """After each choice the map shows exactly the projects the API matches for the URL's filters."""
    open_page(page, live_server)
    page.check("#gm-opt-pillar-ap2012-1")
    wait_ready(page)
    assert marker_count(page) == api_number_matched(page, live_server, query_of(page)) == 5

    choose_filters(page)
    assert params_of(page) == {
        "pillar": ["ap2012-1"], "funding": ["grant_aid"], "year_min": ["2012"], "year_max": ["2012"],
    }
    assert marker_count(page) == api_number_matched(page, live_server, query_of(page)) == 3
    assert page.locator("#gm-count").inner_text() == "3 projects"
    assert page.locator("#gm-list .gm-result").count() == 3
    assert page.locator(".gm-chart-legend li").all_inner_texts() == ["Grant aid"]
    # Facet counts leave out their own parameter: ODA loan still shows what it would add.
    assert page.locator("label[for=gm-opt-funding-oda_loan] .gm-count").inner_text() == "2"
    screenshot(page, "map-filtered")
    assert page_log.console_errors == []
    assert page_log.external_requests == []


def test_the_url_holds_the_filters_across_reload_copy_and_back(page, browser, live_server, world):
    """A reload or a copied link reopens the same view; Back restores the previous filters."""
    open_page(page, live_server)
    choose_filters(page)
    url = page.url

    page.reload()
    wait_ready(page)
    assert checked_values(page, "pillar") == ["ap2012-1"]
    assert checked_values(page, "funding") == ["grant_aid"]
    assert page.input_value("#gm-year-min") == "2012"
    assert marker_count(page) == 3

    other = browser.new_page()
    try:
        other.goto(url)
        wait_ready(other)
        assert checked_values(other, "funding") == ["grant_aid"]
        assert marker_count(other) == 3
    finally:
        other.close()

    page.go_back()  # before funding was chosen
    wait_ready(page)
    assert checked_values(page, "funding") == []
    assert checked_values(page, "pillar") == ["ap2012-1"]
    assert marker_count(page) == api_number_matched(page, live_server, query_of(page)) == 5
    page.go_forward()
    wait_ready(page)
    assert checked_values(page, "funding") == ["grant_aid"]
    assert marker_count(page) == 3


def test_clicking_a_marker_shows_its_source_quote(page, page_log, live_server, world, screenshot):
    """The panel quotes the paragraph, says which facts are curated, and links to the reader."""
    open_page(page, live_server)
    click_feature(page, "vientiane-airport-expansion")
    panel = page.locator("#gm-detail")
    panel.wait_for(state="visible")
    assert panel.locator("h2").inner_text() == "Expansion of Vientiane International Airport"
    assert world.quotes["airport"] in panel.locator("blockquote").inner_text()
    link = panel.locator(".gm-cite a")
    assert link.get_attribute("href") == "/sources/tokyo-strategy-2012-action-plan/#ap2012-1.1-04"
    assert panel.locator(".gm-prov-curated").count() == 1  # funding is curated in the test world
    assert panel.locator("a.gm-button").get_attribute("href") == "/projects/vientiane-airport-expansion/"
    assert params_of(page)["focus"] == ["vientiane-airport-expansion"]
    screenshot(page, "map-detail")
    assert page_log.console_errors == []


def test_focus_parameter_opens_the_panel(page, live_server, world):
    """/?focus=<slug> opens the map on that feature with its panel open, for projects and corridors."""
    open_page(page, live_server, query="focus=neak-loeung-bridge")
    panel = page.locator("#gm-detail")
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Neak Loeung Bridge"
    assert world.quotes["bridge"] in panel.inner_text()
    # zooms in, animated
    page.wait_for_function("() => document.getElementById('gm-map').gmPage.map.getZoom() >= 9")

    open_page(page, live_server, query="focus=ewec")
    assert panel.locator("h2").inner_text() == "East-West Economic Corridor"
    assert "Mawlamyine – Da Nang" in panel.inner_text()


def test_list_items_focus_their_feature_from_the_keyboard(page, live_server, world, screenshot):
    """Tab to a list item, press Enter: the panel opens on that project and the URL records it."""
    open_page(page, live_server)
    page.click("#gm-tab-results")
    page.select_option("#gm-sort", "year")
    first = page.locator("#gm-list .gm-result").first
    assert first.locator(".gm-result-meta").inner_text().endswith("2012")
    first.focus()
    page.keyboard.press("Enter")
    name = first.locator(".gm-result-name").inner_text()
    assert page.locator("#gm-detail h2").inner_text() == name
    assert page.evaluate("() => document.activeElement.id") == "gm-detail-title"
    screenshot(page, "map-list")
    page.keyboard.press("Escape")
    assert not page.locator("#gm-detail").is_visible()
    assert "focus" not in params_of(page)


def test_export_and_share_carry_the_current_filters(page, live_server, world, screenshot):
    """The export menu downloads the filtered GeoJSON export (with its metadata); the share dialog
    offers link and iframe."""
    open_page(page, live_server, query="sector=airport")
    page.click("#gm-export-button")
    item = page.locator("#gm-export-menu a[data-format=geojson]")
    assert item.is_visible()
    href = item.get_attribute("href")
    assert href == "/export/projects.geojson?sector=airport"
    response = page.request.get(live_server.url + href)
    assert "attachment" in response.headers["content-disposition"]
    assert response.json()["numberMatched"] == 2
    assert response.json()["metadata"]["filters"] == {"sector": "airport"}
    page.keyboard.press("Escape")

    page.click("#gm-share-button")
    assert page.input_value("#gm-share-link") == f"{live_server.url}/?sector=airport"
    snippet = page.input_value("#gm-share-snippet")
    assert f'src="{live_server.url}/embed/?sector=airport"' in snippet
    screenshot(page, "map-share-dialog")
    page.click("#gm-share-close")


def test_bad_filter_in_the_url_shows_the_api_error_not_a_broken_page(page, page_log, live_server, world):
    """A hand-edited URL with min > max gets the API's message next to the filters."""
    page.goto(f"{live_server.url}/?year_min=2020&year_max=2010")
    page.wait_for_function("() => document.getElementById('gm-map')?.dataset.state === 'error'")
    assert page.locator("#gm-filter-error").is_visible()
    assert page.get_attribute("#gm-year-min", "aria-invalid") == "true"
    # The browser logs the 400 response itself; nothing else may fail.
    assert [e for e in page_log.console_errors if "400" not in e] == []


def test_phone_layout_puts_filters_in_a_drawer(phone_page, page_log, live_server, world, screenshot):
    """On a phone the filters are a drawer opened from the map; the details are a bottom sheet."""
    open_page(phone_page, live_server)
    assert not phone_page.locator("#gm-opt-sector-road").is_visible()
    phone_page.click("#gm-drawer-toggle")
    phone_page.wait_for_timeout(300)  # the drawer slides in
    assert phone_page.locator("#gm-opt-sector-road").is_visible()
    screenshot(phone_page, "map-phone-drawer")
    phone_page.click("#gm-drawer-close")
    phone_page.wait_for_timeout(300)
    phone_page.evaluate("() => document.getElementById('gm-map').gmPage.select('noi-bai-terminal-2')")
    assert phone_page.locator("#gm-detail").is_visible()
    screenshot(phone_page, "map-phone-detail")
    assert page_log.console_errors == []


def test_openstreetmap_is_an_optional_layer_with_attribution(page, page_log, live_server, world):
    """Tiles are requested only once the user picks the OpenStreetMap base layer."""
    open_page(page, live_server)
    assert page_log.external_requests == []
    page.hover(".leaflet-control-layers")
    page.get_by_label("OpenStreetMap (online)").check()
    page.wait_for_function("() => document.querySelector('.leaflet-tile') !== null")
    assert any(url.startswith("https://tile.openstreetmap.org/") for url in page_log.external_requests)
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()


def test_an_invalid_year_range_empties_the_results_and_keeps_the_url_valid(
        screen, live_server, world, screenshot):
    """2030 to 2016: no marker, list or count of the earlier state stays; the message is next to the
    year fields and in view; the address still holds the last valid filters."""
    page = screen
    open_page(page, live_server, query="sector=airport")
    assert marker_count(page) == 2
    valid = query_of(page)
    if page.screen_name == "phone":
        page.click("#gm-drawer-toggle")
    page.fill("#gm-year-min", "2030")
    page.press("#gm-year-min", "Tab")
    wait_ready(page)
    page.fill("#gm-year-max", "2016")
    page.press("#gm-year-max", "Tab")
    page.wait_for_function("() => document.getElementById('gm-map').dataset.state === 'error'")
    assert marker_count(page) == 0
    assert page.evaluate("() => document.getElementById('gm-map').gmPage.markerCount()") == 0
    assert page.locator("#gm-count").inner_text() == "No results"
    assert page.locator("#gm-list .gm-result").count() == 0
    error = page.locator("#gm-filter-error")
    assert error.is_visible()
    assert error.inner_text() == "Named in: the minimum (2030) is greater than the maximum (2016)"
    # Next to the field: right after the year fieldset, and inside the visible part of the sidebar.
    after_years = page.evaluate("() => document.querySelector('.gm-years').nextElementSibling.id")
    assert after_years == "gm-filter-error"
    box, sidebar = error.bounding_box(), page.locator("#gm-sidebar").bounding_box()
    assert sidebar["y"] <= box["y"] and box["y"] + box["height"] <= sidebar["y"] + sidebar["height"]
    assert query_of(page) == "sector=airport&year_min=2030"  # the last state the server accepted
    screenshot(page, f"map-invalid-years-{page.screen_name}")
    # Fixing it brings the results back.
    page.fill("#gm-year-max", "2031")
    page.press("#gm-year-max", "Tab")
    wait_ready(page)
    assert not error.is_visible()
    assert query_of(page) == "sector=airport&year_min=2030&year_max=2031"
    assert valid == "sector=airport"
    assert [e for e in page.log.console_errors if "400" not in e] == []
