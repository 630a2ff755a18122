"""GET /api/corridors.geojson: filters, geodesic length, project counts and sources."""

import pytest
from pyproj import Geod

from tests.api.conftest import slugs

URL = "/api/corridors.geojson"


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"ewec", "sec", "nr9"}),
    ("kind=economic_corridor", {"ewec", "sec"}),
    ("kind=national_road,expressway", {"nr9"}),
    ("country=KHM", {"sec"}),
    ("country=lao", {"ewec", "nr9"}),
    ("theme=connectivity", {"ewec", "sec", "nr9"}),
    ("theme=environment", set()),
    ("pillar=ap2012-1", {"ewec", "sec", "nr9"}),
    ("document=mjc-strategy-2024", set()),
    ("q=SOUTHERN", {"sec"}),
    ("q=national road", {"ewec", "nr9"}),  # nr9 by name, ewec by its cited paragraph
    ("q=neak loeung", {"sec"}),  # text of the cited paragraph
    ("bbox=100,13,101,14", {"sec"}),
    ("kind=economic_corridor&country=LAO", {"ewec"}),
])
def test_corridor_filters(client, world, query, expected):
    assert slugs(client.get(f"{URL}?{query}")) == expected


def test_corridor_properties(client, world, django_assert_num_queries):
    with django_assert_num_queries(2):  # one statement, and the data version behind the ETag
        response = client.get(URL)
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["numberMatched"] == 3 and "crs" not in body
    features = {f["id"]: f for f in body["features"]}
    nr9 = features["nr9"]["properties"]
    assert features["nr9"]["geometry"]["type"] == "MultiLineString"
    assert {k: nr9[k] for k in ["slug", "name", "aliases", "kind", "parent", "countries", "start_name",
                                "end_name", "approx_length_km", "geometry_method", "url",
                                "projects_count"]} == {
        "slug": "nr9", "name": "National Road No. 9", "aliases": [], "kind": "national_road",
        "parent": "ewec", "countries": ["LAO"], "start_name": "National Road No. 9 start",
        "end_name": "National Road No. 9 end", "approx_length_km": 240.0,
        "geometry_method": "waypoints", "url": "/corridors/nr9/", "projects_count": 1,
    }
    assert nr9["sources"] == [{
        "anchor": "ap2012-1-02", "document": "action-plan-2012", "document_short": "AP2012", "year": 2012,
        "label": "2", "url": "/sources/action-plan-2012/#ap2012-1-02",
        "text": "Upgrading of National Road No. 9 on the East-West corridor.",
    }]
    assert features["ewec"]["properties"]["parent"] is None


def test_length_is_geodesic_kilometres(client, world):
    features = {f["id"]: f for f in client.get(URL).json()["features"]}
    for slug in ("ewec", "sec", "nr9"):
        coords = features[slug]["geometry"]["coordinates"][0]
        lons, lats = zip(*coords, strict=True)
        expected = Geod(ellps="WGS84").line_length(lons, lats) / 1000
        assert features[slug]["properties"]["length_km"] == pytest.approx(expected, abs=0.1)


def test_corridor_download_is_an_attachment(client, world):
    response = client.get(f"{URL}?kind=economic_corridor&download=1")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="geomekong-corridors-kind-economic_corridor-'
    )


@pytest.mark.parametrize(("query", "parameter"), [
    ("kind=river", "kind"),
    ("theme=nope", "theme"),
    ("pillar=nope", "pillar"),
    ("document=nope", "document"),
    ("country=LA", "country"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=10,0,0,5", "bbox"),
    ("q=" + "x" * 201, "q"),
])
def test_bad_corridor_parameters_give_400(client, world, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
