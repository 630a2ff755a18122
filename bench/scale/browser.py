"""The map page in headless chromium (Playwright, Debian's chromium): time until usable, JS heap."""

import time

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"]


def measure_map_page(url: str, *, timeout_s: float) -> dict:
    """Usable = the map's own signal (`data-state="ready"` on the map element: data drawn, counts,
    list and chart rendered). Heap: used JS heap after that (CDP Runtime.getHeapUsage)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route(
            "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort()
        )
        session = page.context.new_cdp_session(page)
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        note = "ready"
        try:
            page.wait_for_selector('[data-state="ready"]', timeout=timeout_s * 1000)
        except PlaywrightTimeout:
            note = f"not ready after {timeout_s:.0f} s"
        usable = time.perf_counter() - start
        heap = session.send("Runtime.getHeapUsage")["usedSize"] / 1e6
        browser.close()
    return {"usable_s": usable, "heap_mb": heap, "note": note}
