"""Waiting on the map page: it marks #gm-map with data-state="ready" after each refresh."""

from urllib.parse import parse_qs, urlsplit


def wait_ready(page):
    page.wait_for_function(
        "() => document.getElementById('gm-map')?.dataset.state === 'ready'"
        " && !document.querySelector('.gm-app').hasAttribute('aria-busy')"
    )


def open_page(page, live_server, path: str = "/", query: str = ""):
    page.goto(f"{live_server.url}{path}{'?' + query if query else ''}")
    wait_ready(page)
    # The offline basemap is part of "loaded".
    page.evaluate("() => window.geomekong.basemapReady")


def marker_count(page) -> int:
    return int(page.get_attribute("#gm-map", "data-marker-count"))


def query_of(page) -> str:
    return urlsplit(page.url).query


def params_of(page) -> dict[str, list[str]]:
    return {key: values[0].split(",") for key, values in parse_qs(query_of(page)).items()}


def api_number_matched(page, live_server, query: str) -> int:
    response = page.request.get(f"{live_server.url}/api/projects.geojson?{query}")
    assert response.ok, response.text()
    return response.json()["numberMatched"]


def checked_values(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"input[name={name}]:checked", "els => els.map(e => e.value)")


def click_feature(page, slug: str):
    """Markers are drawn on a canvas: click the pixel where the feature is."""
    point = page.evaluate("slug => window.geomekong.pagePointOf(slug)", slug)
    assert point, f"{slug} is not on the map"
    page.mouse.click(point["x"], point["y"])
