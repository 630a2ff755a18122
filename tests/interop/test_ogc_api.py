"""OGC API – Features Part 1 at /ogc/: the resources, paging, filters, formats and errors."""

import json

import pytest

from projects.models import Project

ITEMS = "/ogc/collections/projects/items"
CONFORMANCE = {
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
}


def _rels(document) -> dict[str, str]:
    return {(link["rel"], link["type"]): link["href"] for link in document["links"]}


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [f["id"] for f in json.loads(response.content)["features"]]


def test_landing_page_links_the_api_conformance_and_data(db, client):
    response = client.get("/ogc/")
    assert response["Content-Type"] == "application/json"
    rels = _rels(response.json())
    assert rels[("service-desc", "application/vnd.oai.openapi+json;version=3.0")] == "http://testserver/ogc/api"
    assert rels[("conformance", "application/json")] == "http://testserver/ogc/conformance"
    assert rels[("data", "application/json")] == "http://testserver/ogc/collections"
    assert ("alternate", "text/html") in rels and ("service-doc", "text/html") in rels


def test_conformance_declares_core_geojson_html_and_oas30(db, client):
    assert set(client.get("/ogc/conformance").json()["conformsTo"]) == CONFORMANCE


def test_openapi_document_has_the_right_type_and_every_path(world, client):
    response = client.get("/ogc/api")
    assert response["Content-Type"] == "application/vnd.oai.openapi+json;version=3.0"
    schema = response.json()
    assert schema["openapi"].startswith("3.0.")
    assert {"/", "/conformance", "/api", "/collections", "/collections/projects/items",
            "/collections/corridors/items/{featureId}"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/collections/projects/items"]["get"]["parameters"]}
    assert {"limit", "offset", "bbox", "datetime", "sector", "theme", "year_min", "f"} <= names
    page = client.get("/ogc/api?f=html").content.decode()
    assert "<h2><code>GET /ogc/collections/projects/items</code></h2>" in page


def test_collections_describe_extent_and_item_links(world, client):
    collections = {c["id"]: c for c in client.get("/ogc/collections").json()["collections"]}
    assert set(collections) == {"projects", "corridors"}
    projects = collections["projects"]
    assert projects["itemType"] == "feature"
    assert projects["extent"]["spatial"]["bbox"] == [[96.22, 11.987654, 106.5, 16.7]]
    assert projects["extent"]["temporal"]["interval"] == [["2012-01-01T00:00:00Z", "2024-12-31T23:59:59Z"]]
    assert "temporal" not in collections["corridors"]["extent"]
    assert _rels(projects)[("items", "application/geo+json")] == "http://testserver/ogc/collections/projects/items"
    assert client.get("/ogc/collections/corridors").json()["id"] == "corridors"


def test_items_page_with_counts_and_next_prev_links(many_projects, client):
    response = client.get(f"{ITEMS}?limit=100&offset=100&sector=road")
    assert response["Content-Type"] == "application/geo+json"
    page = json.loads(response.content)
    assert (page["numberMatched"], page["numberReturned"], len(page["features"])) == (250, 100, 100)
    assert page["features"][0]["id"] == "generated-100"  # by name
    rels = _rels(page)
    assert rels[("next", "application/geo+json")] == f"http://testserver{ITEMS}?limit=100&offset=200&sector=road"
    assert rels[("prev", "application/geo+json")] == f"http://testserver{ITEMS}?limit=100&offset=0&sector=road"
    last = json.loads(client.get(f"{ITEMS}?limit=100&offset=200").content)
    assert last["numberReturned"] == 50 and "next" not in {link["rel"] for link in last["links"]}


def test_paging_returns_every_feature_once(many_projects, client):
    seen, url = [], f"{ITEMS}?limit=70"
    while url:
        page = json.loads(client.get(url).content)
        seen += [f["id"] for f in page["features"]]
        url = next((link["href"] for link in page["links"] if link["rel"] == "next"), None)
    assert len(seen) == len(set(seen)) == Project.objects.count() == 250


def test_default_limit_is_100_and_a_larger_limit_is_lowered_to_10000(many_projects, client):
    assert json.loads(client.get(ITEMS).content)["numberReturned"] == 100
    page = json.loads(client.get(f"{ITEMS}?limit=50000").content)
    assert page["numberReturned"] == 250
    assert client.get(f"{ITEMS}?limit=0").status_code == 400


@pytest.mark.parametrize("datetime, expected", [
    ("2012", {"neak-loeung-bridge", "national-road-9"}),
    ("2013-06-01", {"mekong-flood-warning"}),
    ("2012-01-01/2013-12-31", {"neak-loeung-bridge", "national-road-9", "mekong-flood-warning"}),
    ("../2012", {"neak-loeung-bridge", "national-road-9"}),
    ("2024-01-01T00:00:00Z/..", {"thilawa-sez", "dawei-sez"}),
])
def test_datetime_matches_project_years(world, client, datetime, expected):
    assert set(_ids(client.get(ITEMS, {"datetime": datetime}))) == expected


def test_datetime_and_year_filters_combine(world, client):
    assert set(_ids(client.get(ITEMS, {"datetime": "2012/2015", "year_min": "2014"}))) == {
        "neak-loeung-bridge", "thilawa-sez"}
    assert _ids(client.get(ITEMS, {"datetime": "2024", "year_max": "2013"})) == []


def test_bbox_and_property_filters(world, client):
    assert set(_ids(client.get(ITEMS, {"bbox": "95,13,100,18"}))) == {"thilawa-sez", "dawei-sez"}
    assert set(_ids(client.get(ITEMS, {"bbox": "95,13,0,100,18,1000"}))) == {"thilawa-sez", "dawei-sez"}
    assert _ids(client.get(ITEMS, {"sector": "bridge", "country": "KHM"})) == ["neak-loeung-bridge"]
    assert _ids(client.get("/ogc/collections/corridors/items", {"kind": "national_road"})) == ["nr9"]


def test_one_feature_by_id_with_links(world, client):
    response = client.get(f"{ITEMS}/thilawa-sez")
    assert response["Content-Type"] == "application/geo+json"
    feature = response.json()
    assert feature["type"] == "Feature" and feature["id"] == "thilawa-sez"
    assert feature["properties"]["sources"][0]["anchor"] == "mjc2024-20"
    assert _rels(feature)[("collection", "application/json")] == "http://testserver/ogc/collections/projects"


@pytest.mark.parametrize("url, status, code", [
    ("/ogc/collections/bridges", 404, "NotFound"),
    ("/ogc/collections/bridges/items", 404, "NotFound"),
    (f"{ITEMS}/no-such-project", 404, "NotFound"),
    (f"{ITEMS}?limit=abc", 400, "InvalidParameterValue"),
    (f"{ITEMS}?offset=-1", 400, "InvalidParameterValue"),
    (f"{ITEMS}?bbox=1,2,3", 400, "InvalidParameterValue"),
    (f"{ITEMS}?bbox=10,10,5,5", 400, "InvalidParameterValue"),
    (f"{ITEMS}?bbox-crs=EPSG:3857&bbox=1,2,3,4", 400, "InvalidParameterValue"),
    (f"{ITEMS}?datetime=yesterday", 400, "InvalidParameterValue"),
    (f"{ITEMS}?datetime=2016/2012", 400, "InvalidParameterValue"),
    (f"{ITEMS}?sector=roads", 400, "InvalidParameterValue"),
    (f"{ITEMS}?colour=red", 400, "InvalidParameter"),
    (f"{ITEMS}?f=%20", 400, "InvalidParameterValue"),  # spaces alone are a value, and not a format
    (f"{ITEMS}?limit=%20", 400, "InvalidParameterValue"),
    ("/ogc/collections/corridors/items?sector=road", 400, "InvalidParameter"),
    ("/ogc/?f=xml", 400, "InvalidParameterValue"),
])
def test_errors_in_the_standards_shape(world, client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["description"]


def test_browsers_get_html_and_f_decides(world, client):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get(ITEMS, HTTP_ACCEPT=browser)
    assert page["Content-Type"].startswith("text/html")
    text = page.content.decode()
    assert "Thilawa Special Economic Zone" in text and "Features 1–6 of 6" in text
    assert client.get(f"{ITEMS}?f=json", HTTP_ACCEPT=browser)["Content-Type"] == "application/geo+json"
    assert client.get(f"{ITEMS}?f=html")["Content-Type"].startswith("text/html")
    item = client.get(f"{ITEMS}/thilawa-sez?f=html").content.decode()
    assert "Industrial estates such as Thilawa" in item and 'href="/projects/thilawa-sez/"' in item
    for url in ("/ogc/", "/ogc/conformance", "/ogc/collections", "/ogc/collections/projects"):
        assert client.get(url, HTTP_ACCEPT=browser)["Content-Type"].startswith("text/html"), url
