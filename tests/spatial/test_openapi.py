"""The spatial endpoints are described in /api/openapi.json and on /api/docs."""

SPATIAL_PATHS = {
    "/api/corridors/{slug}/projects.geojson": {"slug", "within_km", "sector", "bbox", "download"},
    "/api/corridors/{slug}/profile": {"slug"},
    "/api/projects/{slug}/nearby": {"slug", "within_km", "limit"},
    "/api/near": {"lon", "lat", "within_km", "limit"},
}


def test_every_spatial_path_is_in_the_schema(client, db):
    schema = client.get("/api/openapi.json").json()
    for path, parameters in SPATIAL_PATHS.items():
        operation = schema["paths"][path]["get"]
        assert {p["name"] for p in operation["parameters"]} >= parameters
        assert operation["responses"]["200"]["description"]
    slug = schema["paths"]["/api/corridors/{slug}/profile"]["get"]["parameters"][0]
    assert slug["in"] == "path" and slug["required"] is True
    assert "404" in schema["paths"]["/api/projects/{slug}/nearby"]["get"]["responses"]
    filters = {p["name"] for p in schema["paths"]["/api/projects.geojson"]["get"]["parameters"]}
    assert {"near_corridor", "within_km"} <= filters
    facets = {p["name"] for p in schema["paths"]["/api/facets"]["get"]["parameters"]}
    assert {"near_corridor", "within_km"} <= facets


def test_the_docs_page_lists_them(client, db):
    html = client.get("/api/docs").content.decode()
    for path in SPATIAL_PATHS:
        assert f"<code>{path}</code>" in html
    assert 'href="/api/near?lon=104.75&amp;lat=16.59&amp;within_km=25"' in html
