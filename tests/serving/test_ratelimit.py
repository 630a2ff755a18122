"""The per-client-IP rate limit: 429 with Retry-After past the limit, in the endpoint's format."""

from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.test import override_settings

from geomekong.middleware import ratelimit

pytestmark = pytest.mark.django_db
# The middle of a 60 s window: a slow machine's requests must not straddle a window's end (the
# count starts again there), which made these tests fail now and then under load.
MID_WINDOW = 1_800_000_030.0


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: MID_WINDOW))
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@override_settings(GEOMEKONG_RATE_LIMIT=(3, 60))
def test_past_the_limit_a_client_gets_429_with_retry_after(client):
    codes = [client.get("/api/facets").status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    response = client.get("/api/facets")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"].startswith("More than 3 requests in 60 s from your address")
    ogc = client.get("/ogc/collections")
    assert ogc.status_code == 429 and ogc.json()["code"] == "TooManyRequests"
    # Health probes are never limited.
    assert client.get("/healthz").status_code == 200


@override_settings(GEOMEKONG_RATE_LIMIT=(2, 60))
def test_each_address_has_its_own_count(client):
    for _ in range(2):
        client.get("/api/facets", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/facets", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/facets", REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(GEOMEKONG_RATE_LIMIT=(2, 60), GEOMEKONG_BEHIND_PROXY=True)
def test_behind_the_proxy_the_client_is_the_address_it_forwarded(client):
    # The proxy appends the real client; anything before it was sent by the client itself.
    for _ in range(2):
        client.get("/api/facets", headers={"X-Forwarded-For": "spoofed, 198.51.100.7"})
    assert client.get("/api/facets", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 429
    assert client.get("/api/facets", headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 200


@override_settings(GEOMEKONG_RATE_LIMIT=(0, 60))
def test_a_zero_limit_is_off(client):
    assert {client.get("/api/facets").status_code for _ in range(20)} == {200}
