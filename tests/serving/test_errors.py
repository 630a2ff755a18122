"""Errors in the shape each part of the site speaks: JSON for /api/, OGC exceptions for /ogc/, the
designed page for HTML; no traceback anywhere; a lost database is 503, not 500."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

FAILING = override_settings(ROOT_URLCONF="tests.serving.urls")


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "Nothing here; the endpoints are described at /api/openapi.json."}


def test_a_path_segment_that_is_no_slug_is_json_404(client):
    response = client.get("/api/corridors/%27/profile")
    assert response.status_code == 404
    assert "error" in response.json()


def test_unknown_ogc_path_is_an_ogc_exception(client):
    response = client.get("/ogc/collections/projects/nothing/here")
    assert response.status_code == 404
    assert response.json()["code"] == "NotFound"
    assert "description" in response.json()


def test_unknown_page_is_the_designed_html_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "text/html" in response["Content-Type"]
    assert "Page not found" in html and 'href="/"' in html and "site-header" in html


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_a_write_method_on_the_api_is_json_405_with_allow(client, method):
    response = getattr(client, method)("/api/facets")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json() == {"error": f"{method.upper()} is not allowed here; allowed: GET, HEAD, OPTIONS"}


def test_ogc_405_is_an_ogc_exception(client):
    response = client.post("/ogc/collections")
    assert response.status_code == 405
    assert response.json()["code"] == "MethodNotAllowed"


@FAILING
@pytest.mark.parametrize(("path", "key"), [("/api/boom", "error"), ("/ogc/boom", "description")])
def test_a_bug_is_json_500_without_traceback(client, path, key):
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 500
    body = response.json()
    assert "went wrong" in body[key]
    assert "hunter2" not in response.content.decode() and "Traceback" not in response.content.decode()


@FAILING
def test_a_bug_on_a_page_is_the_designed_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Server error" in html and "hunter2" not in html and "Traceback" not in html


@FAILING
@pytest.mark.parametrize(("path", "json_body"), [("/api/lost-database", True), ("/lost-database/", False)])
def test_a_lost_database_is_503_with_retry_after(client, path, json_body):
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    if json_body:
        assert response.json() == {"error": "The database is unavailable; try again in a few seconds."}
    else:
        assert "Service unavailable" in response.content.decode()


def test_too_many_parameters_is_json_400(client):
    query = "&".join(f"p{i}=1" for i in range(101))
    response = client.get(f"/api/projects.geojson?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": "Too many query parameters: at most 100 are allowed."}


def test_a_thousand_parameters_is_json_400_not_django_500(client):
    response = client.get("/api/paragraphs?" + "&".join(["a=1"] * 1001))
    assert response.status_code == 400
    assert "Too many query parameters" in response.json()["error"]


def test_an_overlong_address_is_json_414(client):
    response = client.get("/api/projects.geojson?q=" + "x" * 5000)
    assert response.status_code == 414
    assert "longer than 4096" in response.json()["error"]


def test_an_oversized_body_is_json_413(client):
    response = client.generic("POST", "/api/facets", b"x" * 2_700_000, content_type="text/plain")
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


@pytest.mark.parametrize("path", ["/api/paragraphs/abc%00def", "/api/corridors/a%01b/profile",
                                  "/sources/x%7Fy/", "/ogc/collections/pro%0Ajects"])
def test_control_characters_in_the_path_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert response.json() == {"error": "The path contains a control character.", "parameter": "path"}


@pytest.mark.parametrize("query", ["q=a%00b", "unknown=%1b[31m", "theme=x%09y", "bad%00name=1", "q=%C2%85"])
def test_control_characters_in_any_parameter_are_400(client, query):
    response = client.get(f"/api/projects.geojson?{query}")
    assert response.status_code == 400
    assert "control character" in response.json()["error"]


@pytest.mark.parametrize("url", ["/api/projects.geojson?q=%FF%FE", "/ogc/collections?f=%C3%28"])
def test_parameters_that_are_not_utf8_are_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()


def test_a_path_that_is_not_utf8_is_json_404(client):
    response = client.get("/api/paragraphs/%C3%28")
    assert response.status_code == 404
    assert "error" in response.json()


def test_an_error_quotes_only_a_short_prefix_of_the_value(client):
    response = client.get("/api/projects.geojson?theme=" + "a" * 3000)
    assert response.status_code == 400
    assert len(response.content) < 300
    assert "(3000 characters)" in response.json()["error"]
