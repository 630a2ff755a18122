"""The OpenAPI 3.0 description of the GeoMekong API, served at /api/openapi.json and /api/docs.

Built from the same vocabularies the filters validate against, so enums cannot drift.
/api/paragraphs belongs to the sources pages; it is described here so one document covers all.
"""

from dataclasses import dataclass

from corridors.filters import PARAMETERS as CORRIDOR_PARAMETERS
from corridors.models import Corridor
from geodata.models import Document, Pillar, Theme
from geodata.parameters import DOWNLOAD, EMPTY_NOTE, NO_CONTROL, one_of, openapi_parameter
from geodata.query_params import known_countries
from projects.filters import ALONG_KM, NEAR_KM
from projects.filters import PARAMETERS as PROJECT_PARAMETERS

__all__ = ["EMPTY_NOTE", "SLUG_PATTERN", "Vocabulary", "corridor_filters", "openapi_schema",
           "project_filters"]

SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
ANCHOR_PATTERN = "^[a-z0-9][a-z0-9._-]*$"


@dataclass(frozen=True)
class Vocabulary:
    """The values the database knows today: the schema's enums are exactly what the filters accept."""

    themes: list[str]
    pillars: list[str]
    documents: list[str]
    countries: list[str]
    corridors: list[str]

    @classmethod
    def load(cls) -> "Vocabulary":
        from geodata.models import Country

        countries = sorted(set(known_countries()) | set(Country.objects.values_list("iso_a3", flat=True)))
        return cls(
            themes=sorted(Theme.objects.values_list("slug", flat=True)),
            pillars=sorted(Pillar.objects.values_list("slug", flat=True)),
            documents=sorted(Document.objects.values_list("slug", flat=True)),
            countries=countries,
            corridors=sorted(Corridor.objects.values_list("slug", flat=True)),
        )


def _text(name: str, description: str, max_length: int, example: str) -> dict:
    return openapi_parameter(name, f"{description} At most {max_length} characters; no control characters.",
                  {"type": "string", "maxLength": max_length, "pattern": NO_CONTROL}, example)


def _integer(name: str, description: str, minimum: int, maximum: int, example: int,
             default: int | None = None) -> dict:
    schema = {"type": "integer", "minimum": minimum, "maximum": maximum}
    if default is not None:
        schema["default"] = default
    return openapi_parameter(name, f"{description} Plain ASCII digits.", schema, example)


LIMIT_NEAR = _integer("limit", "At most this many corridors and this many projects.", 1, 200, 20)


def project_filters(vocabulary: Vocabulary) -> list[dict]:
    """The project filters (projects/filters.py), each describing exactly what it accepts."""
    return [parameter.openapi(vocabulary) for parameter in PROJECT_PARAMETERS]


def corridor_filters(vocabulary: Vocabulary) -> list[dict]:
    """The corridor filters (corridors/filters.py)."""
    return [parameter.openapi(vocabulary) for parameter in CORRIDOR_PARAMETERS]


FILTER_LIST = {"type": "array", "items": {"type": "object", "required": ["name", "multiple", "facet"],
                                          "properties": {"name": {"type": "string"},
                                                         "multiple": {"type": "boolean"},
                                                         "facet": {"type": "string", "nullable": True}}}}
ERROR_REF = {"$ref": "#/components/schemas/Error"}


def _error(description: str, example: dict | None = None) -> dict:
    content = {"schema": ERROR_REF}
    if example:
        content["example"] = example
    return {"description": description, "content": {"application/json": content}}


# Every GET answers these as JSON (geomekong/errors.py), whatever the endpoint.
COMMON_RESPONSES = {
    "304": {"description": "Not modified: the If-None-Match / If-Modified-Since of the request still "
                           "holds (the data version has not changed)."},
    "400": _error("A parameter or path segment is invalid (malformed, out of range, unknown value, "
                  "control characters, min > max, more than 100 parameters).",
                  {"error": "unknown value 'roads'; expected one of: road, ...", "parameter": "sector"}),
    "414": _error("The address is longer than the server accepts."),
    "429": _error("Too many requests from this address; see the Retry-After header."),
    "500": _error("A fault on the server (logged; no traceback is sent)."),
    "503": _error("The database is unavailable; see the Retry-After header."),
}
RESPONSE_REFS = {code: {"$ref": f"#/components/responses/E{code}"} for code in COMMON_RESPONSES}


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
        "parameters": parameters, "responses": {**RESPONSE_REFS, **responses}, "x-example-urls": examples,
    }}


def _slug(description: str, example: str, values: list[str] | None = None) -> dict:
    schema = one_of(values) if values is not None else {"type": "string", "pattern": SLUG_PATTERN,
                                                         "maxLength": 200}
    return {"name": "slug", "in": "path", "required": True, "description": description,
            "schema": schema, "example": example}


def _not_found(what: str) -> dict:
    return _error(f"Unknown {what}: {{\"error\", \"parameter\"}}.")


def _spatial_paths(vocabulary: Vocabulary) -> dict:
    """The distance queries; chainage = km along the corridor from its start (see corridors/spatial.py)."""
    corridor = _slug("Corridor slug.", "ewec", vocabulary.corridors)
    filters = [p for p in project_filters(vocabulary) if p["name"] not in ("near_corridor", "within_km")]
    along = [corridor, ALONG_KM.openapi(vocabulary), *filters, DOWNLOAD.openapi(vocabulary)]
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
            {"200": _geojson("The projects along the corridor."), "404": _not_found("corridor")},
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
            [corridor],
            {"200": _json("The profile."), "404": _not_found("corridor")},
            ["/api/corridors/ewec/profile"],
            "map",
        ),
        "/api/projects/{slug}/nearby": _operation(
            "projectNearby", "Projects and corridors near a project",
            "Other projects within within_km of the project's geometry, nearest first, with distance_km "
            "(between the nearest points of the two geometries), and the corridors passing within "
            "within_km with distance_km and the chainage of the nearest point.",
            [_slug("Project slug.", "neak-loeung-bridge"), NEAR_KM.openapi(vocabulary), LIMIT_NEAR],
            {"200": _json("Nearby projects and corridors."), "404": _not_found("project")},
            ["/api/projects/neak-loeung-bridge/nearby?within_km=50"],
            "map",
        ),
        "/api/near": _operation(
            "near", "What is near a point",
            "Corridors within within_km of the point (nearest first, with distance_km and chainage_km) "
            "and projects within within_km (nearest first, with distance_km).",
            [openapi_parameter("lon", "Longitude, -180..180 (WGS84).",
                    {"type": "number", "minimum": -180, "maximum": 180}, 104.75) | {
                        "required": True, "allowEmptyValue": False},
             openapi_parameter("lat", "Latitude, -90..90 (WGS84).",
                    {"type": "number", "minimum": -90, "maximum": 90}, 16.59) | {
                        "required": True, "allowEmptyValue": False},
             NEAR_KM.openapi(vocabulary), LIMIT_NEAR],
            {"200": _json("Nearby corridors and projects.")},
            ["/api/near?lon=104.75&lat=16.59&within_km=25"],
            "map",
        ),
    }


def export_formats() -> dict[str, str]:
    """Each export format with the media type it is sent as (the txt sidecar is plain text)."""
    from geodata.file_formats import FORMATS

    return {**{name: fmt.content_type.split(";")[0] for name, fmt in FORMATS.items()}, "txt": "text/plain"}


def _interop_paths(vocabulary: Vocabulary) -> dict:
    """/export/ (files for GIS tools) and the OGC API – Features at /ogc/ (documented at /ogc/api)."""
    formats = export_formats()
    fmt = {"name": "format", "in": "path", "required": True,
           "schema": {"type": "string", "enum": list(formats)},
           "description": "geojson (RFC 7946, with a metadata member), gpkg (one layer per geometry type, "
                          "plus sources and metadata tables), zip (Shapefiles per geometry type, README.txt "
                          "with the field names, sources CSV), csv (WKT + lon/lat, UTF-8), kml, or txt (the "
                          "metadata sidecar of the same selection)."}
    files = {"200": {"description": "The file, as an attachment named geomekong-<dataset>-<filters>-"
                                    "<YYYYMMDD>.<format>, in the media type of its format.",
                     "content": {media: {"schema": {"$ref": "#/components/schemas/FeatureCollection"}
                                         if media == "application/geo+json"
                                         else {"type": "string", "format": "binary"}}
                                 for media in dict.fromkeys(formats.values())}},
             "404": _error("Unknown dataset or format.")}
    return {
        "/export/projects.{format}": _operation(
            "exportProjects", "Projects as a file for GIS tools",
            "The projects /api/projects.geojson gives for the same filters. Every format keeps the "
            "source anchors and URLs and labels next to codes. Also: manage.py export_geodata.",
            [fmt, *project_filters(vocabulary)], files,
            ["/export/projects.gpkg?theme=connectivity&year_min=2012", "/export/projects.zip",
             "/export/projects.csv?sector=road", "/export/projects.txt?sector=road"], "map",
        ),
        "/export/corridors.{format}": _operation(
            "exportCorridors", "Corridors as a file for GIS tools",
            "The corridors /api/corridors.geojson gives for the same filters.",
            [fmt, *corridor_filters(vocabulary)], files,
            ["/export/corridors.gpkg", "/export/corridors.kml"], "map",
        ),
        "/ogc/": _operation(
            "ogcLandingPage", "OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0)",
            "Landing page of the standard API for GIS clients (QGIS, GDAL OAPIF:): /ogc/conformance, "
            "/ogc/collections/{projects,corridors}/items with limit, offset, bbox, datetime and the map "
            "filters. Its own OpenAPI document is /ogc/api. HTML when the Accept header prefers it.",
            [], {"200": {"description": "Landing page with links.", "content": {
                "application/json": {"schema": {"type": "object"}},
                "text/html": {"schema": {"type": "string"}}}}},
            ["/ogc/", "/ogc/api?f=html"], "map",
        ),
    }


PARAGRAPH_FIELDS = ("anchor", "document", "label", "section", "pillar", "theme", "text", "snippet", "url")


def _paragraph_schema() -> dict:
    nullable_text = {"type": "string", "nullable": True}
    return {"type": "object", "required": list(PARAGRAPH_FIELDS),
            "properties": {
                "anchor": {"type": "string"}, "document": {"type": "string"}, "label": {"type": "string"},
                "section": {"type": "string"},
                "pillar": {**nullable_text, "description": "null for paragraphs outside any pillar."},
                "theme": {**nullable_text, "description": "The pillar's theme; null without a pillar."},
                "text": {"type": "string"}, "snippet": {"type": "string"}, "url": {"type": "string"}}}


def _paragraph_paths(vocabulary: Vocabulary) -> dict:
    from geodata.api import MAX_LIMIT, MAX_OFFSET, MAX_QUERY_LENGTH

    return {
        "/api/paragraphs": _operation(
            "listParagraphs", "Search the source paragraphs",
            "Paragraphs of the source documents with their anchor, document, pillar and theme: "
            "ranked by relevance when q is given (full-text, web-search syntax), else in "
            "document order.",
            [
                _text("q", "Full-text search (English stemming; \"quoted phrases\", -exclusions).",
                      MAX_QUERY_LENGTH, "bridge"),
                openapi_parameter("document", "Document slug.", one_of(vocabulary.documents),
                                  "mjc-strategy-2024"),
                openapi_parameter("pillar", "Pillar slug.", one_of(vocabulary.pillars), "ap2012-1"),
                openapi_parameter("theme", "Theme slug.", one_of(vocabulary.themes), "connectivity"),
                _integer("limit", "Page size.", 1, MAX_LIMIT, 20, default=50),
                _integer("offset", "Number of results to skip.", 0, MAX_OFFSET, 0, default=0),
            ],
            {"200": _json("A page of paragraphs.", {"type": "object", "required": ["count", "results"],
                                                    "properties": {
                "count": {"type": "integer"},
                "results": {"type": "array", "items": _paragraph_schema()},
            }})},
            ["/api/paragraphs?q=bridge&limit=20", "/api/paragraphs?document=mjc-strategy-2024"],
            "sources",
        ),
        "/api/paragraphs/{anchor}": _operation(
            "getParagraph", "One source paragraph",
            "The paragraph with this anchor (e.g. ap2012-1.1-07, mjc2024-10); 404 when unknown.",
            [{"name": "anchor", "in": "path", "required": True, "description": "Paragraph anchor.",
              "schema": {"type": "string", "pattern": ANCHOR_PATTERN, "maxLength": 200},
              "example": "ap2012-1.1-07"}],
            {"200": _json("The paragraph.", _paragraph_schema()), "404": _not_found("anchor")},
            ["/api/paragraphs/ap2012-1.1-07"],
            "sources",
        ),
    }


def openapi_schema(vocabulary: Vocabulary | None = None) -> dict:
    """The OpenAPI 3.0.3 document (a fresh dict each call: callers may change it)."""
    vocabulary = vocabulary or Vocabulary.load()
    facet_value = {"type": "object", "properties": {
        "value": {}, "label": {"type": "string"}, "count": {"type": "integer"}}}
    html = {"description": "HTML page.", "content": {"text/html": {"schema": {"type": "string"}}}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "GeoMekong API",
            "version": "1.0.0",
            "description": (
                "Projects and corridors of Japan–Mekong cooperation, each linked to the source "
                "paragraphs that mention it. Filters are optional and combined with AND; unknown "
                "parameters are ignored; an invalid value gives HTTP 400 with "
                '{"error": ..., "parameter": ...}. Every error is JSON; methods other than GET, HEAD '
                "and OPTIONS answer 405 with an Allow header."
            ),
        },
        "tags": [{"name": "map"}, {"name": "sources"}, {"name": "service"}],
        "paths": {
            "/api/projects.geojson": _operation(
                "listProjects", "Projects as a GeoJSON FeatureCollection",
                "RFC 7946 FeatureCollection (coordinates to 6 decimals) with numberMatched and the "
                "bbox of the result. Feature id = project slug; properties include sources, the "
                "quoted paragraphs, oldest first.",
                [*project_filters(vocabulary), DOWNLOAD.openapi(vocabulary)],
                {"200": _geojson("The matching projects.")},
                ["/api/projects.geojson?sector=road,bridge&country=VNM",
                 "/api/projects.geojson?theme=connectivity&year_min=2012&year_max=2016",
                 "/api/projects.geojson?bbox=102,13,108,18&download=1"],
                "map",
            ),
            "/api/corridors.geojson": _operation(
                "listCorridors", "Corridors as a GeoJSON FeatureCollection",
                "Corridor lines with geodesic length_km (computed on the WGS84 ellipsoid), the "
                "documented approx_length_km, projects_count and sources.",
                [*corridor_filters(vocabulary), DOWNLOAD.openapi(vocabulary)],
                {"200": _geojson("The matching corridors.")},
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
                project_filters(vocabulary),
                {"200": _json("Facet counts.", {"type": "object", "properties": {
                    "numberMatched": {"type": "integer"},
                    "facets": {"type": "object", "additionalProperties": {
                        "type": "array", "items": facet_value}},
                    "years_by_funding": {"type": "array", "items": {"type": "object", "properties": {
                        "year": {"type": "integer"},
                        "funding": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
                }})},
                ["/api/facets", "/api/facets?sector=road"],
                "map",
            ),
            "/api/filters": _operation(
                "filterList", "The map's filters",
                "Every filter parameter of /api/projects.geojson and /api/corridors.geojson as declared on "
                "the server (projects/filters.py, corridors/filters.py), in the order the map writes them "
                "into its address: name, whether it takes a comma-separated list, and the /api/facets facet "
                "it is counted in.",
                [],
                {"200": _json("The filter lists.", {"type": "object", "required": ["projects", "corridors"],
                                                    "properties": {
                    "projects": FILTER_LIST, "corridors": FILTER_LIST}})},
                ["/api/filters"],
                "map",
            ),
            **_spatial_paths(vocabulary),
            **_paragraph_paths(vocabulary),
            **_interop_paths(vocabulary),
            "/api/openapi.json": _operation(
                "openapi", "This OpenAPI document", "", [],
                {"200": _json("OpenAPI 3.0 document.")}, ["/api/openapi.json"], "service",
            ),
            "/api/docs": _operation("apiDocs", "This API described for people", "", [], {"200": html},
                                    ["/api/docs"], "service"),
            "/healthz": _operation(
                "health", "Is the server up and can it reach PostGIS?", "", [],
                {"200": _json("Healthy: database and PostGIS version."),
                 "503": _json("The database is unreachable.")},
                ["/healthz"], "service",
            ),
        },
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {
                    "error": {"type": "string"},
                    "parameter": {"type": "string", "description": "The parameter to blame, if one is."}}},
                "FeatureCollection": {"type": "object", "required": ["type", "features", "numberMatched"],
                                      "properties": {
                    "type": {"type": "string", "enum": ["FeatureCollection"]},
                    "numberMatched": {"type": "integer"},
                    "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
                    "features": {"type": "array", "items": {"type": "object",
                                                            "required": ["type", "geometry", "properties"],
                                                            "properties": {
                        "type": {"type": "string", "enum": ["Feature"]},
                        "id": {"type": "string"},
                        "geometry": {"type": "object", "nullable": True},
                        "properties": {"type": "object"},
                    }}},
                }},
            },
            "responses": {f"E{code}": response for code, response in COMMON_RESPONSES.items()},
        },
    }


def operations(schema: dict) -> list[dict]:
    """The operations as a flat list for the HTML page (templates cannot index by '$ref' or 'get')."""
    return [
        {"path": path, "method": method.upper(), "examples": operation["x-example-urls"], **operation}
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
