"""The spatial tools on the map page, in a real browser: along a corridor, what's here, the profile."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


def open_page(page, live_server, query: str = ""):
    page.goto(f"{live_server.url}/{'?' + query if query else ''}")
    page.wait_for_function("() => document.getElementById('gm-map')?.dataset.state === 'ready'")


def wait_along(page):
    page.wait_for_function("() => document.getElementById('gm-map').dataset.alongState === 'ready'")


def params_of(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def along_items(page) -> list[tuple[str, float]]:
    return page.eval_on_selector_all(
        "#gm-along-list .gm-along-item", "els => els.map(e => [e.dataset.slug, Number(e.dataset.chainage)])")


def test_choosing_a_corridor_lists_projects_by_km_mark_and_the_url_keeps_it(
        in_browser, live_server, world, screenshot_path):
    def scenario(page, log):
        open_page(page, live_server)
        page.wait_for_selector("#gm-along-corridor option[value=ewec]", state="attached")
        assert page.locator("#gm-along-clear").is_hidden()
        page.select_option("#gm-along-corridor", "ewec")
        wait_along(page)

        assert params_of(page)["near_corridor"] == ["ewec"] and params_of(page)["within_km"] == ["25"]
        items = along_items(page)
        chainages = [km for _, km in items]
        assert chainages == sorted(chainages)
        assert [slug for slug, _ in items if slug.startswith("test-site")] == [
            "test-site-mae-sot", "test-site-khon-kaen", "test-site-hue"]
        api = page.request.get(f"{live_server.url}/api/corridors/ewec/projects.geojson?within_km=25").json()
        assert [slug for slug, _ in items] == [f["id"] for f in api["features"]]
        # The map itself shows the same band: the main layer is filtered too.
        page.wait_for_function(
            f"() => document.getElementById('gm-map').gmPage.markerCount() === {len(items)}")
        assert page.locator(".gm-along-km").first.inner_text().startswith("km ")
        assert "from Mawlamyine" in page.locator("#gm-along-summary").inner_text()
        assert page.locator(".leaflet-gm-along-band-pane path").count() == 1  # the band is drawn
        page.screenshot(path=screenshot_path("map-along-corridor"))

        # Reload: the URL restores the control, the band and the list.
        page.reload()
        wait_along(page)
        assert page.input_value("#gm-along-corridor") == "ewec"
        assert along_items(page) == items

        # A wider band, then clear.
        page.select_option("#gm-along-km", "100")
        page.wait_for_function("() => new URLSearchParams(location.search).get('within_km') === '100'")
        page.wait_for_function("() => document.getElementById('gm-map').dataset.alongKm === '100'")
        wait_along(page)
        assert len(along_items(page)) >= len(items)
        page.click("#gm-along-clear")
        page.wait_for_function("() => !new URLSearchParams(location.search).has('near_corridor')")
        page.wait_for_function("() => document.getElementById('gm-map').dataset.alongState === 'off'")
        assert along_items(page) == []
        assert page.locator("#gm-along-clear").is_hidden()
        assert log.console_errors == [] and log.external_requests == []

    in_browser(scenario)


def test_other_filters_narrow_the_band(in_browser, live_server, world):
    def scenario(page, log):
        open_page(page, live_server, "near_corridor=ewec&within_km=25&sector=road")
        wait_along(page)
        slugs = [slug for slug, _ in along_items(page)]
        assert slugs and all(slug.startswith("test-site") or slug == "national-road-9" for slug in slugs)

    in_browser(scenario)


def test_whats_here_names_the_nearest_corridor(in_browser, live_server, world):
    def scenario(page, log):
        open_page(page, live_server)
        page.click("#gm-whats-here")
        point = page.evaluate("""() => {
            const map = document.getElementById('gm-map').gmPage.map;
            const p = map.latLngToContainerPoint([16.6, 103.5]);
            const r = map.getContainer().getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y};
        }""")
        page.mouse.click(point["x"], point["y"])
        here = page.locator("#gm-here")
        here.wait_for()
        assert "East-West Economic Corridor" in here.inner_text()
        assert "at km" in here.inner_text() and "from Mawlamyine" in here.inner_text()
        assert log.console_errors == []

    in_browser(scenario)


def test_the_corridor_panel_shows_its_profile_and_strip(in_browser, live_server, world, screenshot_path):
    def scenario(page, log):
        open_page(page, live_server, "focus=ewec")
        page.locator("#gm-detail .gm-profile svg.gm-strip").wait_for()
        assert page.locator(".gm-strip-project").count() >= 3
        text = page.locator("#gm-detail .gm-profile").inner_text()
        assert "Projects nearby" in text and "Border crossings" in text
        # The real country outlines are loaded: the test line crosses from Myanmar to Thailand first.
        assert "Myanmar → Thailand" in text
        page.locator("#gm-detail .gm-profile").scroll_into_view_if_needed()
        page.screenshot(path=screenshot_path("map-corridor-profile"))
        page.click("#gm-profile-along")
        wait_along(page)
        assert params_of(page)["near_corridor"] == ["ewec"]
        assert log.console_errors == []

    in_browser(scenario)
