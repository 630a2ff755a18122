"""HTTP as clients and caches expect it: HEAD, OPTIONS, CORS, ETag/Last-Modified with 304,
Cache-Control, gzip and Vary."""

import gzip
import json

import pytest

from projects.models import Project
from tests.serving.factories import make_project

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/projects.geojson", "/api/corridors.geojson", "/api/facets", "/api/paragraphs",
             "/api/openapi.json", "/ogc/", "/ogc/collections", "/ogc/collections/projects/items",
             "/", "/sources/", "/export/projects.csv"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_head_answers_like_get_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head["ETag"] == get["ETag"]


@pytest.mark.parametrize("url", ["/api/facets", "/ogc/collections", "/", "/sources/"])
def test_options_lists_the_allowed_methods(client, url):
    response = client.options(url)
    assert response.status_code == 204
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


@pytest.mark.parametrize("url", ["/api/projects.geojson", "/ogc/collections", "/export/projects.geojson"])
def test_cors_lets_any_origin_read(client, url):
    response = client.get(url, headers={"Origin": "https://maps.example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Origin" in response["Vary"]


def test_cors_preflight_allows_reading_only(client):
    response = client.options("/api/projects.geojson", headers={
        "Origin": "https://maps.example.org", "Access-Control-Request-Method": "GET"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_send_no_cors_headers(client):
    response = client.get("/", headers={"Origin": "https://maps.example.org"})
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("url", ENDPOINTS)
def test_if_none_match_gives_304_until_the_data_changes(client, url):
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('W/"')
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    make_project()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_if_modified_since_gives_304(client):
    first = client.get("/api/projects.geojson")
    assert client.get("/api/projects.geojson",
                      headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    assert client.get("/api/projects.geojson",
                      headers={"If-Modified-Since": "Thu, 01 Jan 2015 00:00:00 GMT"}).status_code == 200


@pytest.mark.parametrize("write", ["save", "update", "bulk_create", "delete"])
def test_every_kind_of_write_changes_the_etag(client, write):
    project = make_project()
    etag = client.get("/api/projects.geojson")["ETag"]
    if write == "save":
        project.name = "Renamed"
        project.save()
    elif write == "update":
        Project.objects.filter(pk=project.pk).update(name="Renamed")
    elif write == "bulk_create":
        Project.objects.bulk_create([Project(**{**{f.attname: getattr(project, f.attname)
                                                   for f in Project._meta.concrete_fields},
                                                "id": None, "slug": "other-port"})])
    else:
        Project.objects.filter(pk=project.pk).delete()
    assert client.get("/api/projects.geojson")["ETag"] != etag


def test_ogc_etag_and_vary_follow_accept(client):
    as_json = client.get("/ogc/collections", headers={"Accept": "application/json"})
    as_html = client.get("/ogc/collections", headers={"Accept": "text/html"})
    assert "text/html" in as_html["Content-Type"] and "json" in as_json["Content-Type"]
    assert as_json["ETag"] != as_html["ETag"]
    assert "Accept" in as_json["Vary"] and "Accept" in as_html["Vary"]


@pytest.mark.parametrize(("url", "cache_control"), [
    ("/api/projects.geojson", "public, max-age=60"),
    ("/ogc/collections", "public, max-age=60"),
    ("/export/projects.csv", "public, max-age=60"),
    ("/", "public, max-age=0, must-revalidate"),
    ("/healthz", "no-store"),
])
def test_cache_control_by_kind_of_resource(client, url, cache_control):
    assert client.get(url)["Cache-Control"] == cache_control


def test_healthz_is_never_conditional(client):
    response = client.get("/healthz")
    assert "ETag" not in response


@pytest.mark.parametrize("url", ["/api/projects.geojson", "/api/facets", "/export/projects.csv",
                                 "/ogc/collections/projects/items"])
def test_json_geojson_and_csv_are_gzipped_for_clients_that_accept_it(client, url):
    make_project()
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    body = b"".join(zipped.streaming_content) if zipped.streaming else zipped.content
    expected = b"".join(plain.streaming_content) if plain.streaming else plain.content
    if url.startswith("/export/"):
        assert gzip.decompress(body).splitlines()[0] == expected.splitlines()[0]
    else:
        # (the OGC page carries its time stamp, so compare what does not move)
        key = "type" if "geojson" in url or "items" in url else "numberMatched"
        assert json.loads(gzip.decompress(body))[key] == json.loads(expected)[key]
