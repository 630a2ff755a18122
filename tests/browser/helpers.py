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
    page.evaluate("() => document.getElementById('gm-map').gmPage.basemapReady")


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
    point = page.evaluate("slug => document.getElementById('gm-map').gmPage.pagePointOf(slug)", slug)
    assert point, f"{slug} is not on the map"
    page.mouse.click(point["x"], point["y"])


def png_pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    """The RGB colour at (x, y) of an 8-bit, non-interlaced PNG (what chromium's screenshots are)."""
    import struct
    import zlib

    pos, chunks = 8, {}
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunks.setdefault(kind, []).append(png[pos + 8:pos + 8 + length])
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6), "RGB or RGBA only"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * bpp
    previous = bytearray(stride)
    for row in range(y + 1):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = line
    return tuple(previous[x * bpp:x * bpp + 3])
