"""GET /api/openapi.json describes every endpoint; GET /api/docs shows it to people."""

import pytest

PATHS = ["/api/projects.geojson", "/api/corridors.geojson", "/api/facets", "/api/paragraphs",
         "/api/openapi.json", "/api/docs", "/healthz"]


@pytest.fixture
def schema(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def _parameters(schema, path):
    return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}


def test_it_is_an_openapi_3_document_with_every_path(schema):
    assert schema["openapi"].startswith("3.0.")
    assert schema["info"]["title"] and schema["info"]["version"]
    assert set(PATHS) <= set(schema["paths"])
    for path in PATHS:
        operation = schema["paths"][path]["get"]
        assert operation["operationId"] and operation["responses"]["200"]["description"]
        for parameter in operation["parameters"]:
            assert parameter["in"] == "query" and "schema" in parameter


def test_every_filter_is_documented(schema):
    assert _parameters(schema, "/api/projects.geojson") >= {
        "theme", "pillar", "document", "year_min", "year_max", "funding", "country", "sector",
        "status", "precision_max", "q", "bbox", "download",
    }
    assert _parameters(schema, "/api/corridors.geojson") >= {"theme", "pillar", "document", "country", "q",
                                                             "bbox", "kind"}
    assert _parameters(schema, "/api/paragraphs") == {"q", "document", "pillar", "theme", "limit", "offset"}
    assert "400" in schema["paths"]["/api/facets"]["get"]["responses"]


def test_every_ref_resolves(schema):
    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(schema):
        target = schema
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        assert isinstance(target, dict)


def test_docs_page_lists_paths_parameters_and_examples(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    for path in PATHS:
        assert f"<code>{path}</code>" in html
    assert "<code>precision_max</code>" in html
    assert 'href="/api/projects.geojson?sector=road,bridge&amp;country=VNM"' in html
    assert "cdn" not in html.lower() and "<script" not in html
