"""The map's overlays make room for each other (issue 15): at 1440x900, 1280x720 and 390x844 no
overlay rectangle intersects another or leaves the map, "Zoom to results" keeps every result clear
of the open overlays, and the "What's here?" popup fits in the free part of the map."""

import pytest

from tests.browser.helpers import open_page, wait_ready

pytestmark = pytest.mark.browser

OVERLAYS = [
    ".gm-toolbar > :not([hidden])", ".leaflet-control-zoom", "#gm-along", "#gm-legend",
    ".leaflet-control-layers", ".leaflet-control-scale", ".leaflet-control-attribution",
]


def rectangles(page) -> list[dict]:
    return page.evaluate("""selectors => selectors.flatMap(sel => [...document.querySelectorAll(sel)]
        .filter(el => el.offsetParent !== null)
        .map(el => { const r = el.getBoundingClientRect();
            return {name: sel + (el.id ? '#' + el.id : ''),
                    x: r.left, y: r.top, r: r.right, b: r.bottom}; }))""", OVERLAYS)


def map_rect(page) -> dict:
    return page.evaluate("""() => { const r = document.getElementById('gm-map').getBoundingClientRect();
        return {x: r.left, y: r.top, r: r.right, b: r.bottom}; }""")


def intersect(a, b) -> bool:
    return a["x"] < b["r"] and b["x"] < a["r"] and a["y"] < b["b"] and b["y"] < a["b"]


def assert_nothing_overlaps(page, state: str):
    rects, box = rectangles(page), map_rect(page)
    assert len(rects) >= 7, rects
    for i, a in enumerate(rects):
        inside = (box["x"] <= a["x"] and a["r"] <= box["r"] + 0.5
                  and box["y"] <= a["y"] and a["b"] <= box["b"] + 0.5)
        assert inside, (state, a, box)
        for b in rects[i + 1:]:
            assert not intersect(a, b), (state, a, b)


@pytest.mark.parametrize("name", ["desktop", "laptop", "phone"])
def test_no_overlay_covers_another(new_screen_page, live_server, world, name, screenshot):
    """With the Along list filled, then with the legend open, then with "What's here?" on."""
    page = new_screen_page(name)
    open_page(page, live_server, query="near_corridor=ewec&within_km=100")
    page.wait_for_function("() => document.getElementById('gm-map').dataset.alongState === 'ready'")
    assert page.locator("#gm-along .gm-along-item").count() >= 1
    assert_nothing_overlaps(page, "along open")
    if not page.locator("#gm-legend").evaluate("d => d.open"):  # open from the start on a tall screen
        page.click("#gm-legend > summary")
    page.wait_for_function("() => document.getElementById('gm-legend').open")
    page.wait_for_timeout(100)
    assert_nothing_overlaps(page, "legend open")
    # The legend names every corridor drawn, apart from the projects drawn as lines.
    corridors = page.locator(".gm-legend-corridors li").all_inner_texts()
    assert any("East-West Economic Corridor" in text for text in corridors), corridors
    assert page.locator(".gm-legend", has_text="Projects drawn as lines").count() == 1
    if name == "phone":  # a narrow map has room for one open box: opening the legend folded the list
        assert not page.locator("#gm-along").evaluate("d => d.open")
    page.click("#gm-whats-here")
    assert page.locator("#gm-whats-here-hint").is_visible()
    page.wait_for_timeout(200)  # the toolbar grew: the dock moves Leaflet's corners below it
    assert_nothing_overlaps(page, "what's here on")
    screenshot(page, f"map-overlays-{name}")
    assert page.log.console_errors == []


@pytest.mark.parametrize("name", ["desktop", "laptop"])
def test_zoom_to_results_keeps_results_clear_of_the_open_overlays(new_screen_page, live_server, world, name):
    page = new_screen_page(name)
    open_page(page, live_server)
    page.evaluate("() => { document.getElementById('gm-legend').open = true; }")
    page.wait_for_timeout(100)
    page.click("#gm-zoom-results")
    page.wait_for_timeout(600)  # the animated fit
    slugs = page.eval_on_selector_all("#gm-list .gm-result", "els => els.map(e => e.dataset.slug)")
    assert len(slugs) == 8
    overlays = rectangles(page)
    for slug in slugs:
        point = page.evaluate("slug => document.getElementById('gm-map').gmPage.pagePointOf(slug)", slug)
        dot = {"x": point["x"] - 4, "y": point["y"] - 4, "r": point["x"] + 4, "b": point["y"] + 4}
        assert intersect(dot, map_rect(page)), (slug, point)
        for rect in overlays:
            assert not intersect(dot, rect), (slug, point, rect)


@pytest.mark.parametrize("name", ["laptop", "phone"])
def test_whats_here_popup_fits_the_map(new_screen_page, live_server, world, name):
    page = new_screen_page(name)
    open_page(page, live_server)
    page.click("#gm-whats-here")
    point = page.evaluate("""() => { const map = document.getElementById('gm-map').gmPage.map;
        const p = map.latLngToContainerPoint([11.3, 105.3]);
        const r = map.getContainer().getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y}; }""")
    page.mouse.click(point["x"], point["y"])
    page.locator("#gm-here").wait_for()
    page.wait_for_timeout(400)  # the popup pans into view
    popup = page.locator(".leaflet-popup").bounding_box()
    toolbar = page.locator(".gm-toolbar").bounding_box()
    box = map_rect(page)
    assert popup["y"] >= toolbar["y"] + toolbar["height"], (popup, toolbar)
    assert popup["y"] + popup["height"] <= box["b"], (popup, box)
    assert box["x"] <= popup["x"] and popup["x"] + popup["width"] <= box["r"]
    wait_ready(page)
    assert page.log.console_errors == []
