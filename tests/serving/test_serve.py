"""`make serve` as deployed: gunicorn with DEBUG off, a generated SECRET_KEY, whitenoise's hashed and
compressed static files, pooled connections bounded under concurrency, the rate limit on."""

import http.client
import re
import shutil
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from tests.serving.clusters import DB_USER, PG_PORT
from tests.serving.live import HTTP_PORT, PROJECT_DIR, request, start_server

KEY_FILE = PROJECT_DIR / "var" / "secret_key"


@pytest.fixture(scope="module")
def served():
    # No SECRET_KEY and no key file: make serve must make one (the developer's key is put back after).
    kept = KEY_FILE.with_name("secret_key.kept")
    if KEY_FILE.exists():
        shutil.move(KEY_FILE, kept)
    server = None
    try:
        server = start_server(env={"SECRET_KEY": ""})
        yield server
    finally:
        if server:
            server.stop()
        if kept.exists():
            shutil.move(kept, KEY_FILE)


def test_a_secret_key_is_generated_once_and_said_so(served):
    assert "generated a new one into var/secret_key" in served.output()
    assert stat.S_IMODE(KEY_FILE.stat().st_mode) == 0o600
    assert len(KEY_FILE.read_text().strip()) >= 50


def test_debug_is_off_an_unknown_page_is_the_designed_page(served):
    reply = request("/no-such-page/")
    assert reply.status == 404
    html = reply.body.decode()
    assert "Page not found" in html and "URLconf" not in html and "Traceback" not in html
    assert reply.headers["server"].startswith("gunicorn")


def test_static_files_have_hashed_names_a_long_cache_and_compression(served):
    page = request("/").body.decode()
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
    assert css, "the map page links the hashed stylesheet"
    reply = request(css.group(1), headers={"Accept-Encoding": "br, gzip"})
    assert reply.status == 200
    assert reply.headers["content-encoding"] == "br"
    cache_control = reply.headers["cache-control"]
    assert "max-age=315360000" in cache_control and "immutable" in cache_control


def test_leaflet_marker_images_are_found_under_manifest_storage(served):
    page = request("/").body.decode()
    assert '<script id="force-img-path" type="application/json">"/static/leaflet/images/"</script>' in page
    assert request("/static/leaflet/images/marker-icon.png").status == 200


def test_head_sends_the_headers_of_get_without_a_body(served):
    conn = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=30)
    conn.request("HEAD", "/api/projects.geojson", headers={"Accept-Encoding": "gzip"})
    head = conn.getresponse()
    assert head.status == 200 and head.read() == b""
    conn.request("GET", "/api/projects.geojson", headers={"Accept-Encoding": "gzip"})
    get = conn.getresponse()
    body = get.read()
    conn.close()
    assert get.getheader("Content-Length") == str(len(body))
    # Django's gzip pads each response by up to 100 random bytes (against BREACH).
    assert abs(int(head.getheader("Content-Length")) - len(body)) <= 100
    assert head.getheader("Content-Encoding") == get.getheader("Content-Encoding") == "gzip"
    assert head.getheader("ETag") == get.getheader("ETag")


def _server_connections() -> int:
    with psycopg.connect(host="127.0.0.1", port=PG_PORT, user=DB_USER, dbname="postgres",
                         autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = 'geomekong' "
                         "AND backend_type = 'client backend' AND pid <> pg_backend_pid()").fetchone()[0]


def test_forty_clients_without_keep_alive_share_eight_pooled_connections(served):
    # The development server held a connection per HTTP connection and ran out ("too many clients").
    peak, done = [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _server_connections())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    urls = ["/api/facets", "/api/projects.geojson?country=VNM", "/healthz", "/api/corridors.geojson"] * 50
    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            statuses = list(pool.map(lambda url: request(url).status, urls))
    finally:
        done.set()
        sampler.join()
    assert statuses.count(200) == len(urls)
    assert 1 <= peak[0] <= 8  # 2 workers x a pool of 4


def test_the_rate_limit_is_on_by_default(served):
    # 600 requests a minute per address and worker: 2 workers answer at most 1,200 before a 429.
    conn = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=30)
    statuses = []
    for _ in range(1_300):
        conn.request("HEAD", "/api/openapi.json")
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
        if response.status == 429:
            retry_after = response.getheader("Retry-After")
            break
    conn.close()
    assert statuses[-1] == 429 and 400 <= len(statuses) <= 1_201  # (the other tests spent some)
    assert 1 <= int(retry_after) <= 60
