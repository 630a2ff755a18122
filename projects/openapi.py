"""The OpenAPI 3.0 description of the GeoMekong API, served at /api/openapi.json and /api/docs.

Built from the same vocabularies the filters validate against, so enums cannot drift.
/api/paragraphs belongs to the sources pages; it is described here so one document covers all.
"""

from corridors.models import Corridor
from geodata.precision import PRECISION_CODES
from projects.filters import PRECISION_MAX, PRECISION_MIN, YEAR_MAX, YEAR_MIN
from projects.vocabularies import FundingType, Sector, Status

LIST_NOTE = "Comma-separated; a feature matches when it matches any of the values."


def _param(name: str, description: str, schema: dict, example: object | None = None) -> dict:
    param = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if example is not None:
        param["example"] = example
    return param


def _codes(name: str, description: str, values: list[str], example: str) -> dict:
    return _param(name, f"{description} {LIST_NOTE} One of: {', '.join(values)}.",
                  {"type": "string"}, example)


THEME = _param("theme", f"Theme slug(s): features cited by a paragraph whose pillar maps to the theme. "
               f"{LIST_NOTE}", {"type": "string"}, "connectivity")
PILLAR = _param("pillar", f"Pillar slug(s), e.g. ap2012-1, mjc2024-a. {LIST_NOTE}",
                {"type": "string"}, "ap2012-1")
DOCUMENT = _param("document", f"Document slug(s): features cited by the document. {LIST_NOTE}",
                  {"type": "string"}, "tokyo-strategy-2012-action-plan")
YEAR_MIN_P = _param("year_min", "Projects with any year at or after this one.",
                    {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}, 2012)
YEAR_MAX_P = _param("year_max", "Projects with any year at or before this one (not before year_min).",
                    {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}, 2020)
FUNDING = _codes("funding", "Funding type code(s).", FundingType.values, "oda_loan")
COUNTRY = _param("country", f"ISO 3166-1 alpha-3 country code(s). {LIST_NOTE}", {"type": "string"}, "VNM")
SECTOR = _codes("sector", "Sector code(s).", Sector.values, "road,bridge")
STATUS = _codes("status", "Status code(s).", Status.values, "completed")
PRECISION = _param(
    "precision_max",
    "Only locations at least this precise: "
    + "; ".join(f"{code} {label}" for code, label in PRECISION_CODES.items()) + ".",
    {"type": "integer", "minimum": PRECISION_MIN, "maximum": PRECISION_MAX}, 3,
)
Q = _param("q", "Case-insensitive text in the name, aliases, description or cited paragraphs' text.",
           {"type": "string", "maxLength": 200}, "bridge")
BBOX = _param("bbox", "minLon,minLat,maxLon,maxLat in WGS84 degrees; features intersecting the box.",
              {"type": "string"}, "102,13,108,18")
KIND = _codes("kind", "Corridor kind(s).", Corridor.Kind.values, "economic_corridor")
DOWNLOAD = _param("download", "1: send as an attachment named "
                  "geomekong-<layer>-<filters>-<YYYYMMDD>.geojson.", {"type": "string", "enum": ["1"]}, "1")

# Spatial queries (projects/api_spatial.py): geodesic km on the WGS84 ellipsoid.
WITHIN_KM_SCHEMA = {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 500}
NEAR_CORRIDOR = _param("near_corridor", "Corridor slug: only projects within within_km of that corridor "
                       "(geodesic distance; an unknown slug gives 400).", {"type": "string"}, "ewec")
WITHIN_KM = _param("within_km", "Distance in km, more than 0 and at most 500 "
                   "(default 25 with near_corridor).", WITHIN_KM_SCHEMA, 25)
LIMIT_NEAR = _param("limit", "At most this many corridors and this many projects.",
                    {"type": "integer", "minimum": 1, "maximum": 200}, 20)

PARAGRAPH_FIELDS = ("anchor", "document", "label", "section", "pillar", "theme", "text", "snippet", "url")
PROJECT_FILTERS = [THEME, PILLAR, DOCUMENT, YEAR_MIN_P, YEAR_MAX_P, FUNDING, COUNTRY, SECTOR, STATUS,
                   PRECISION, Q, BBOX, NEAR_CORRIDOR, WITHIN_KM]
CORRIDOR_FILTERS = [THEME, PILLAR, DOCUMENT, COUNTRY, Q, BBOX, KIND]

BAD_REQUEST = {
    "description": "A parameter is invalid (unknown value, malformed number or bbox, min > max).",
    "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"},
        "example": {"error": "unknown value 'roads'; expected one of: road, ...", "parameter": "sector"},
    }},
}


def _geojson(description: str) -> dict:
    return {"description": description, "content": {"application/geo+json": {
        "schema": {"$ref": "#/components/schemas/FeatureCollection"}}}}


def _json(description: str, schema: dict | None = None) -> dict:
    content = {"application/json": {"schema": schema or {"type": "object"}}}
    return {"description": description, "content": content}


def _operation(operation_id: str, summary: str, description: str, parameters: list, responses: dict,
               examples: list[str], tag: str) -> dict:
    return {"get": {
        "operationId": operation_id, "summary": summary, "description": description, "tags": [tag],
        "parameters": parameters, "responses": responses, "x-example-urls": examples,
    }}


def _slug(description: str, example: str) -> dict:
    return {"name": "slug", "in": "path", "required": True, "description": description,
            "schema": {"type": "string"}, "example": example}


def _spatial_paths() -> dict:
    """The distance queries; chainage = km along the corridor from its start (see corridors/spatial.py)."""
    not_found = _json("Unknown corridor or project slug: {\"error\", \"parameter\": \"slug\"}.",
                      {"$ref": "#/components/schemas/Error"})
    km = {**WITHIN_KM, "description": "Distance in km, more than 0 and at most 500 (default 50)."}
    along = [_slug("Corridor slug.", "ewec"),
             {**WITHIN_KM, "description": "Distance in km, more than 0 and at most 500 (default 25)."},
             *[p for p in PROJECT_FILTERS if p["name"] not in ("near_corridor", "within_km")], DOWNLOAD]
    return {
        "/api/corridors/{slug}/projects.geojson": _operation(
            "listProjectsAlongCorridor", "Projects along a corridor, ordered by chainage",
            "The projects within within_km of the corridor (geodesic, WGS84) that match every project "
            "filter, ordered by position along the corridor. Each feature adds distance_km (shortest "
            "distance to the corridor), chainage_km (distance along the corridor from its start to the "
            "nearest point) and part (route part; a corridor that is a network of several parts measures "
            "each part from its own first point). The collection adds `corridor` (slug, name, start_name, "
            "end_name, length_km, part_count, chainage_from, within_km) and `buffer`, a polygon of the "
            "band for display (approximate; membership uses the geodesic distance).",
            along,
            {"200": _geojson("The projects along the corridor."), "400": BAD_REQUEST, "404": not_found},
            ["/api/corridors/ewec/projects.geojson?within_km=25",
             "/api/corridors/ewec/projects.geojson?within_km=50&sector=bridge,road"],
            "map",
        ),
        "/api/corridors/{slug}/profile": _operation(
            "corridorProfile", "A corridor's length by country, border crossings and nearby projects",
            "Geodesic total length; length inside each country outline (outside_countries_km is what "
            "lies in none, e.g. a border river); border crossings with chainage and position; counts of "
            "projects within 10, 25 and 50 km by country and by sector; and those projects with "
            "distance_km and chainage_km (for a strip diagram).",
            [_slug("Corridor slug.", "ewec")],
            {"200": _json("The profile."), "404": not_found},
            ["/api/corridors/ewec/profile"],
            "map",
        ),
        "/api/projects/{slug}/nearby": _operation(
            "projectNearby", "Projects and corridors near a project",
            "Other projects within within_km of the project's geometry, nearest first, with distance_km "
            "(between the nearest points of the two geometries), and the corridors passing within "
            "within_km with distance_km and the chainage of the nearest point.",
            [_slug("Project slug.", "neak-loeung-bridge"), km, LIMIT_NEAR],
            {"200": _json("Nearby projects and corridors."), "400": BAD_REQUEST, "404": not_found},
            ["/api/projects/neak-loeung-bridge/nearby?within_km=50"],
            "map",
        ),
        "/api/near": _operation(
            "near", "What is near a point",
            "Corridors within within_km of the point (nearest first, with distance_km and chainage_km) "
            "and projects within within_km (nearest first, with distance_km).",
            [_param("lon", "Longitude, -180..180 (WGS84).",
                    {"type": "number", "minimum": -180, "maximum": 180}, 104.75) | {"required": True},
             _param("lat", "Latitude, -90..90 (WGS84).",
                    {"type": "number", "minimum": -90, "maximum": 90}, 16.59) | {"required": True},
             km, LIMIT_NEAR],
            {"200": _json("Nearby corridors and projects."), "400": BAD_REQUEST},
            ["/api/near?lon=104.75&lat=16.59&within_km=25"],
            "map",
        ),
    }


def _interop_paths() -> dict:
    """/export/ (files for GIS tools) and the OGC API – Features at /ogc/ (documented at /ogc/api)."""
    formats = ["geojson", "gpkg", "zip", "csv", "kml", "txt"]
    fmt = {"name": "format", "in": "path", "required": True, "schema": {"type": "string", "enum": formats},
           "description": "geojson (RFC 7946, with a metadata member), gpkg (one layer per geometry type, "
                          "plus sources and metadata tables), zip (Shapefiles per geometry type, README.txt "
                          "with the field names, sources CSV), csv (WKT + lon/lat, UTF-8), kml, or txt (the "
                          "metadata sidecar of the same selection)."}
    files = {"200": {"description": "The file, as an attachment named geomekong-<dataset>-<filters>-"
                                    "<YYYYMMDD>.<format>.", "content": {"application/octet-stream": {
                                        "schema": {"type": "string", "format": "binary"}}}},
             "400": BAD_REQUEST, "404": _json("Unknown dataset or format.")}
    return {
        "/export/projects.{format}": _operation(
            "exportProjects", "Projects as a file for GIS tools",
            "The projects /api/projects.geojson gives for the same filters. Every format keeps the "
            "source anchors and URLs and labels next to codes. Also: manage.py export_geodata.",
            [fmt, *PROJECT_FILTERS], files,
            ["/export/projects.gpkg?theme=connectivity&year_min=2012", "/export/projects.zip",
             "/export/projects.csv?sector=road", "/export/projects.txt?sector=road"], "map",
        ),
        "/export/corridors.{format}": _operation(
            "exportCorridors", "Corridors as a file for GIS tools",
            "The corridors /api/corridors.geojson gives for the same filters.",
            [fmt, *CORRIDOR_FILTERS], files, ["/export/corridors.gpkg", "/export/corridors.kml"], "map",
        ),
        "/ogc/": _operation(
            "ogcLandingPage", "OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0)",
            "Landing page of the standard API for GIS clients (QGIS, GDAL OAPIF:): /ogc/conformance, "
            "/ogc/collections/{projects,corridors}/items with limit, offset, bbox, datetime and the map "
            "filters. Its own OpenAPI document is /ogc/api.",
            [], {"200": _json("Landing page with links.")}, ["/ogc/", "/ogc/api?f=html"], "map",
        ),
    }


def openapi_schema() -> dict:
    """The OpenAPI 3.0.3 document (a fresh dict each call: callers may change it)."""
    facet_value = {"type": "object", "properties": {
        "value": {}, "label": {"type": "string"}, "count": {"type": "integer"}}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "GeoMekong API",
            "version": "1.0.0",
            "description": (
                "Projects and corridors of Japan–Mekong cooperation, each linked to the source "
                "paragraphs that mention it. Filters are optional and combined with AND; unknown "
                "parameters are ignored; an invalid value gives HTTP 400 with "
                '{"error": ..., "parameter": ...}.'
            ),
        },
        "tags": [{"name": "map"}, {"name": "sources"}, {"name": "service"}],
        "paths": {
            "/api/projects.geojson": _operation(
                "listProjects", "Projects as a GeoJSON FeatureCollection",
                "RFC 7946 FeatureCollection (coordinates to 6 decimals) with numberMatched and the "
                "bbox of the result. Feature id = project slug; properties include sources, the "
                "quoted paragraphs, oldest first.",
                [*PROJECT_FILTERS, DOWNLOAD],
                {"200": _geojson("The matching projects."), "400": BAD_REQUEST},
                ["/api/projects.geojson?sector=road,bridge&country=VNM",
                 "/api/projects.geojson?theme=connectivity&year_min=2012&year_max=2016",
                 "/api/projects.geojson?bbox=102,13,108,18&download=1"],
                "map",
            ),
            "/api/corridors.geojson": _operation(
                "listCorridors", "Corridors as a GeoJSON FeatureCollection",
                "Corridor lines with geodesic length_km (computed on the WGS84 ellipsoid), the "
                "documented approx_length_km, projects_count and sources.",
                [*CORRIDOR_FILTERS, DOWNLOAD],
                {"200": _geojson("The matching corridors."), "400": BAD_REQUEST},
                ["/api/corridors.geojson?kind=economic_corridor", "/api/corridors.geojson?country=LAO"],
                "map",
            ),
            "/api/facets": _operation(
                "projectFacets", "Counts of matching projects per filter value",
                "Takes the same filters as /api/projects.geojson. Every known value of each facet is "
                "listed, with count 0 where nothing matches. Each facet is counted without its own "
                "parameter (year ignores year_min/year_max, precision ignores precision_max), so "
                "picking one sector still shows what the other sectors would give; numberMatched "
                "and years_by_funding use every filter.",
                PROJECT_FILTERS,
                {"200": _json("Facet counts.", {"type": "object", "properties": {
                    "numberMatched": {"type": "integer"},
                    "facets": {"type": "object", "additionalProperties": {
                        "type": "array", "items": facet_value}},
                    "years_by_funding": {"type": "array", "items": {"type": "object", "properties": {
                        "year": {"type": "integer"},
                        "funding": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
                }}), "400": BAD_REQUEST},
                ["/api/facets", "/api/facets?sector=road"],
                "map",
            ),
            **_spatial_paths(),
            "/api/paragraphs": _operation(
                "listParagraphs", "Search the source paragraphs",
                "Paragraphs of the source documents with their anchor, document, pillar and theme: "
                "ranked by relevance when q is given (full-text, web-search syntax), else in "
                "document order. An unknown document, pillar or theme gives 400.",
                [
                    _param("q", "Full-text search (English stemming; \"quoted phrases\", -exclusions).",
                           {"type": "string", "maxLength": 500}, "bridge"),
                    _param("document", "Document slug.", {"type": "string"}, "mjc-strategy-2024"),
                    _param("pillar", "Pillar slug.", {"type": "string"}, "ap2012-1"),
                    _param("theme", "Theme slug.", {"type": "string"}, "connectivity"),
                    _param("limit", "Page size.", {"type": "integer", "minimum": 1, "maximum": 1000,
                                                   "default": 50}, 20),
                    _param("offset", "Number of results to skip.",
                           {"type": "integer", "minimum": 0, "default": 0}, 0),
                ],
                {"200": _json("A page of paragraphs.", {"type": "object", "properties": {
                    "count": {"type": "integer"},
                    "results": {"type": "array", "items": {"type": "object", "properties": {
                        name: {"type": "string"} for name in PARAGRAPH_FIELDS}}},
                }}), "400": BAD_REQUEST},
                ["/api/paragraphs?q=bridge&limit=20", "/api/paragraphs?document=mjc-strategy-2024"],
                "sources",
            ),
            "/api/paragraphs/{anchor}": _operation(
                "getParagraph", "One source paragraph",
                "The paragraph with this anchor (e.g. ap2012-1.1-07, mjc2024-10); 404 when unknown.",
                [{"name": "anchor", "in": "path", "required": True, "description": "Paragraph anchor.",
                  "schema": {"type": "string"}, "example": "ap2012-1.1-07"}],
                {"200": _json("The paragraph.", {"type": "object", "properties": {
                    name: {"type": "string"} for name in PARAGRAPH_FIELDS}}),
                 "404": _json("Unknown anchor: {\"error\", \"parameter\": \"anchor\"}.",
                              {"$ref": "#/components/schemas/Error"})},
                ["/api/paragraphs/ap2012-1.1-07"],
                "sources",
            ),
            **_interop_paths(),
            "/api/openapi.json": _operation(
                "openapi", "This OpenAPI document", "", [],
                {"200": _json("OpenAPI 3.0 document.")}, ["/api/openapi.json"], "service",
            ),
            "/api/docs": _operation(
                "apiDocs", "This API described for people", "", [],
                {"200": {"description": "HTML page.",
                         "content": {"text/html": {"schema": {"type": "string"}}}}},
                ["/api/docs"], "service",
            ),
            "/healthz": _operation(
                "health", "Is the server up and can it reach PostGIS?", "", [],
                {"200": _json("Healthy: database and PostGIS version."),
                 "503": _json("The database is unreachable.")},
                ["/healthz"], "service",
            ),
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error", "parameter"], "properties": {
                "error": {"type": "string"}, "parameter": {"type": "string"}}},
            "FeatureCollection": {"type": "object", "required": ["type", "features", "numberMatched"],
                                  "properties": {
                "type": {"type": "string", "enum": ["FeatureCollection"]},
                "numberMatched": {"type": "integer"},
                "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
                "features": {"type": "array", "items": {"type": "object", "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "string"},
                    "geometry": {"type": "object"},
                    "properties": {"type": "object"},
                }}},
            }},
        }},
    }


def operations(schema: dict) -> list[dict]:
    """The operations as a flat list for the HTML page (templates cannot index by '$ref' or 'get')."""
    return [
        {"path": path, "method": method.upper(), "examples": operation["x-example-urls"], **operation}
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
