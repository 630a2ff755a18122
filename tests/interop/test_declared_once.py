"""Each parameter is declared once (projects/filters.py, corridors/filters.py): the OpenAPI
documents of the map API, the exports and the OGC items, the OGC queryables and the map's filter
list (/api/filters) are generated from the declarations and equal to what the endpoints accept;
every documented query parameter given a malformed value answers 400 naming it."""

from dataclasses import fields

import pytest

from corridors.filters import PARAMETERS as CORRIDOR_PARAMETERS
from corridors.filters import CorridorFilters
from projects.filters import PARAMETERS as PROJECT_PARAMETERS
from projects.filters import ProjectFilters
from projects.ogc.params import STANDARD

PROJECTS = [p.name for p in PROJECT_PARAMETERS]
CORRIDORS = [p.name for p in CORRIDOR_PARAMETERS]


@pytest.fixture
def api(client, world):
    return client.get("/api/openapi.json").json()


@pytest.fixture
def ogc(client, world):
    return client.get("/ogc/api").json()


def _query(document: dict, path: str) -> dict[str, dict]:
    return {p["name"]: p for p in document["paths"][path]["get"]["parameters"] if p["in"] == "query"}


def test_the_filters_value_has_a_field_per_declared_parameter():
    assert [f.name for f in fields(ProjectFilters)] == PROJECTS
    assert [f.name for f in fields(CorridorFilters)] == CORRIDORS
    assert len(set(PROJECTS)) == len(PROJECTS)


def test_the_documents_list_exactly_the_declared_parameters(api, ogc):
    assert set(_query(api, "/api/projects.geojson")) == {*PROJECTS, "download"}
    assert set(_query(api, "/api/facets")) == set(PROJECTS)
    assert set(_query(api, "/export/projects.{format}")) == set(PROJECTS)
    assert set(_query(api, "/api/corridors.geojson")) == {*CORRIDORS, "download"}
    assert set(_query(api, "/export/corridors.{format}")) == set(CORRIDORS)
    along = set(PROJECTS) - {"near_corridor"} | {"download"}
    assert set(_query(api, "/api/corridors/{slug}/projects.geojson")) == along
    assert set(_query(ogc, "/collections/projects/items")) == {*PROJECTS, *STANDARD}
    assert set(_query(ogc, "/collections/corridors/items")) == {*CORRIDORS, *STANDARD}


def test_the_queryables_are_the_declared_property_filters(client, world):
    for cid, names in (("projects", PROJECTS), ("corridors", CORRIDORS)):
        response = client.get(f"/ogc/collections/{cid}/queryables")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/schema+json"
        assert set(response.json()["properties"]) == set(names) - {"bbox"}


def test_the_map_reads_its_filter_list_from_the_declarations(client, world):
    body = client.get("/api/filters").json()
    assert [p["name"] for p in body["projects"]] == PROJECTS
    assert [p["name"] for p in body["corridors"]] == CORRIDORS
    multiple = {p["name"] for p in body["projects"] if p["multiple"]}
    assert multiple == {p.name for p in PROJECT_PARAMETERS if p.multiple} >= {"theme", "sector", "country"}
    facets = client.get("/api/facets").json()["facets"]
    assert {p["facet"] for p in body["projects"] if p["facet"]} == set(facets)


def malformed(parameter: dict) -> str:
    """A value the parameter's schema refuses."""
    schema = parameter["schema"]
    if schema.get("type") == "array":
        return ","  # an empty value in a comma-separated list; not four numbers for a bbox
    if schema.get("type") in ("integer", "number"):
        return "ten"
    if "enum" in schema:
        return "not-a-known-value"
    if "maxLength" in schema:
        return "x" * (schema["maxLength"] + 1)
    return "%"  # a pattern that wants a date, a year or an interval


MAP_API = ["/api/projects.geojson", "/api/facets", "/export/projects.{format}", "/api/corridors.geojson",
           "/export/corridors.{format}", "/api/corridors/{slug}/projects.geojson"]


@pytest.mark.parametrize("path", MAP_API)
def test_every_documented_parameter_refuses_a_malformed_value_naming_it(client, api, path):
    url = path.replace("{format}", "geojson").replace("{slug}", "ewec")
    for name, parameter in _query(api, path).items():
        response = client.get(url, {name: malformed(parameter)})
        assert response.status_code == 400, (name, response.content)
        assert response.json()["parameter"] == name, response.json()


@pytest.mark.parametrize("cid", ["projects", "corridors"])
def test_every_documented_ogc_parameter_refuses_a_malformed_value_naming_it(client, ogc, cid):
    for name, parameter in _query(ogc, f"/collections/{cid}/items").items():
        response = client.get(f"/ogc/collections/{cid}/items", {name: malformed(parameter)})
        assert response.status_code == 400, (name, response.content)
        assert response.json()["description"].startswith(f"{name}: "), response.json()


def test_an_undeclared_parameter_is_refused_by_the_ogc_items(client, world):
    response = client.get("/ogc/collections/projects/items", {"sectors": "road"})
    assert response.status_code == 400 and "sectors" in response.json()["description"]
