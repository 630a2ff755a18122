"""The map page is exactly the window on a laptop and a phone: it never scrolls as a whole, and
the basemap draws the same whatever order its files arrive in, with no edge in any allowed view."""

import json
import re
from pathlib import Path

import pytest

from tests.browser.helpers import open_page, png_pixel, wait_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BASEMAP_JS = ROOT / "static" / "js" / "map" / "basemap.js"


def document_metrics(page) -> dict:
    return page.evaluate("""() => ({
        scrollY: window.scrollY, scrollX: window.scrollX, height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth, innerHeight: window.innerHeight,
        innerWidth: window.innerWidth})""")


def assert_window_sized(page):
    m = document_metrics(page)
    assert (m["scrollY"], m["scrollX"]) == (0, 0), m
    assert (m["height"], m["width"]) == (m["innerHeight"], m["innerWidth"]), m


def settle(page):
    """Two animation frames: a scroll the wheel caused has been applied by then."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_the_page_never_scrolls_as_a_whole(screen, live_server, world, screenshot):
    """Wheel over the sidebar past its end and scrollIntoView on the last filter: only the sidebar moves."""
    page = screen
    open_page(page, live_server)
    if page.screen_name == "phone":
        page.click("#gm-drawer-toggle")
        page.wait_for_function(
            "() => getComputedStyle(document.getElementById('gm-sidebar')).visibility === 'visible'")
    assert_window_sized(page)
    box = page.locator("#gm-sidebar").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(15):
        page.mouse.wheel(0, 400)
    # The sidebar reaches its end (it scrolls inside itself) ...
    page.wait_for_function("""() => { const s = document.getElementById('gm-sidebar');
        return s.scrollTop > 0 && Math.abs(s.scrollTop + s.clientHeight - s.scrollHeight) <= 1; }""")
    for _ in range(5):  # ... and more wheel past the end does not move the page.
        page.mouse.wheel(0, 400)
    settle(page)
    assert_window_sized(page)
    page.evaluate("() => [...document.querySelectorAll('#gm-filter-form input, #gm-filter-form select')]"
                  ".at(-1).scrollIntoView()")
    settle(page)
    assert_window_sized(page)
    screenshot(page, f"map-sidebar-scrolled-{page.screen_name}")
    assert page.log.console_errors == []


# ----- the basemap

HIDE_ALL_BUT_BASEMAP = """
.leaflet-gm-data-pane, .leaflet-gm-labels-pane, .leaflet-gm-highlight-pane, .leaflet-gm-along-band-pane,
.leaflet-control-container, .leaflet-tooltip-pane { visibility: hidden !important; }
"""


def mekong_point() -> list[float]:
    """A vertex of the Mekong in Cambodia, away from any border line."""
    rivers = json.loads((ROOT / "geodata/data/basedata/rivers.geojson").read_text())
    lines = [f["geometry"] for f in rivers["features"] if f["properties"]["name_en"] == "Mekong"]
    vertices = [pt for g in lines for line in (g["coordinates"] if g["type"] == "MultiLineString"
                                                else [g["coordinates"]]) for pt in line]
    return min(vertices, key=lambda pt: (pt[0] - 105.98) ** 2 + (pt[1] - 12.9) ** 2)


def load_basemap_in_order(page, live_server, *, held: set[str]):
    """Open the map with the basemap files in `held` answered only once the others are drawn."""
    waiting = []

    def route(r):
        layer = r.request.url.rsplit("/", 1)[-1].removesuffix(".geojson")
        if layer in held:
            waiting.append(r)
        else:
            r.continue_()

    page.route("**/basemap/*.geojson", route)
    page.goto(live_server.url + "/")
    wait_ready(page)
    others = sorted({"countries", "lakes", "rivers", "places"} - held)
    page.wait_for_function(
        "names => names.every(n => (document.getElementById('gm-map').dataset.basemapDrawn || '').split(' ')"
        ".includes(n))", arg=others)
    while len(waiting) < len(held):  # the held requests reach the route handler
        page.wait_for_timeout(20)
    drawn_before = page.get_attribute("#gm-map", "data-basemap-drawn").split()
    for r in waiting:
        r.continue_()
    page.evaluate("() => document.getElementById('gm-map').gmPage.basemapReady")
    order = page.get_attribute("#gm-map", "data-basemap-drawn").split()
    assert order[: len(drawn_before)] == drawn_before and set(order[len(drawn_before):]) == held
    return order


def basemap_pixels(page):
    """The map with only the basemap showing, as PNG bytes, and the colour under the Mekong."""
    page.add_style_tag(content=HIDE_ALL_BUT_BASEMAP)
    settle(page)
    lon, lat = mekong_point()
    point = page.evaluate("ll => document.getElementById('gm-map').gmPage.map.latLngToContainerPoint(ll)",
                          [lat, lon])
    png = page.locator("#gm-map").screenshot()
    scale = 2 if page.screen_name == "phone" else 1  # device pixels per CSS pixel
    rgb = png_pixel(png, round(point["x"] * scale), round(point["y"] * scale))
    return png, rgb


def test_rivers_are_drawn_above_the_land_whatever_order_the_files_arrive(
        new_screen_page, live_server, world, screenshot):
    """Land last, land first, land last again: the same picture, the Mekong blue above the land."""
    pictures = []
    for held in ({"countries"}, {"lakes", "rivers"}, {"countries"}):
        page = new_screen_page("desktop")
        order = load_basemap_in_order(page, live_server, held=held)
        png, (r, g, b) = basemap_pixels(page)
        assert b > r + 60 and b > g + 20, f"not river blue under the Mekong ({r}, {g}, {b}) in order {order}"
        pictures.append(png)
        assert page.log.console_errors == []
    screenshot(page, "basemap-only")
    assert pictures[0] == pictures[1] == pictures[2]


def view_bounds() -> tuple[float, float, float, float]:
    """BASEMAP_BOUNDS of basemap.js (the view's limit) as (west, south, east, north)."""
    text = BASEMAP_JS.read_text()
    (s, w), (n, e) = json.loads(re.search(r"BASEMAP_BOUNDS = (\[\[.*?\]\])", text).group(1))
    return w, s, e, n


def data_bounds() -> tuple[float, float, float, float]:
    """WIDE of the build script: the box countries_wide.geojson is cut to."""
    text = (ROOT / "geodata/data/build/build_wide_countries.py").read_text()
    return tuple(float(v) for v in re.search(r"WIDE = box\(([^)]*)\)", text).group(1).split(","))


def test_the_land_layer_reaches_past_the_view_bounds():
    """countries_wide.geojson is cut at WIDE, which holds BASEMAP_BOUNDS with a margin."""
    data = json.loads((ROOT / "geodata/data/basedata/countries_wide.geojson").read_text())
    xs, ys = [], []
    for f in data["features"]:
        polygons = f["geometry"]["coordinates"]
        for polygon in polygons if f["geometry"]["type"] == "MultiPolygon" else [polygons]:
            xs += [p[0] for p in polygon[0]]
            ys += [p[1] for p in polygon[0]]
    west, south, east, north = data_bounds()
    # Land reaches the cut where it crosses it (India west, China north), never beyond.
    assert min(xs) == west and max(ys) == north
    assert max(xs) <= east and min(ys) >= south
    v_west, v_south, v_east, v_north = view_bounds()
    assert west < v_west and south < v_south and v_east < east and v_north < north


def test_no_allowed_view_goes_beyond_the_basemap(screen, live_server, world, screenshot):
    """Zoomed out as far as the map allows and panned to every corner, the view stays inside the data."""
    page = screen
    open_page(page, live_server)
    west, south, east, north = data_bounds()
    for corner in ([north + 20, west - 20], [north + 20, east + 20], [south - 20, west - 20],
                   [south - 20, east + 20], [15, 102]):
        view = page.evaluate("""corner => { const m = document.getElementById('gm-map').gmPage.map;
            m.setView(corner, 0, {animate: false});
            const b = m.getBounds();
            return {zoom: m.getZoom(), min: m.getMinZoom(), w: b.getWest(), s: b.getSouth(), e: b.getEast(),
                    n: b.getNorth()}; }""", corner)
        assert view["zoom"] == view["min"] > 3
        assert view["w"] > west and view["e"] < east and view["s"] > south and view["n"] < north, view
    screenshot(page, f"map-zoomed-out-{page.screen_name}")
