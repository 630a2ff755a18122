"""The OpenAPI 3.0 description of the OGC API at /ogc/api (conformance class oas30).

The property filters are the map API's parameter descriptions (projects.openapi), so both APIs
document the same values; bbox, datetime, limit and offset follow OGC API – Features Part 1.
"""

from projects.datasets import DATASETS
from projects.ogc.params import CRS84, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from projects.openapi import (
    EMPTY_NOTE,
    SLUG_PATTERN,
    Vocabulary,
    corridor_filters,
    project_filters,
)

F = {"name": "f", "in": "query", "required": False, "allowEmptyValue": True,
     "description": "Response format, case-insensitive: json (or geojson) or html (default: JSON, or HTML "
                    f"when the Accept header prefers text/html). {EMPTY_NOTE}",
     "schema": {"type": "string", "enum": ["json", "geojson", "html"]}, "example": "json"}
LIMIT = {"name": "limit", "in": "query", "required": False, "allowEmptyValue": True,
         "description": f"Features per page; a larger value is served as {MAX_LIMIT} (the standard asks "
                        f"for that, not an error). {EMPTY_NOTE}",
         "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1, "default": DEFAULT_LIMIT},
         "example": 50}
OFFSET = {"name": "offset", "in": "query", "required": False, "allowEmptyValue": True,
          "description": f"Features to skip (the next/prev links carry it). {EMPTY_NOTE}",
          "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}, "example": 0}
BBOX = {"name": "bbox", "in": "query", "required": False, "style": "form", "explode": False,
        "allowEmptyValue": True,
        "description": "minLon,minLat,maxLon,maxLat in CRS84 (longitudes -180..180, latitudes -90..90, the "
                       "minimum corner south-west of the maximum corner; 6 numbers with heights are "
                       f"accepted, the heights ignored); features intersecting the box. {EMPTY_NOTE}",
        "schema": {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"},
                   "oneOf": [{"maxItems": 4}, {"minItems": 6}]},
        "example": "102,13,108,18"}
BBOX_CRS = {"name": "bbox-crs", "in": "query", "required": False, "allowEmptyValue": True,
            "description": f"Only CRS84. {EMPTY_NOTE}", "schema": {"type": "string", "enum": [CRS84]}}
# RFC 3339 dates and date-times (real calendar dates: 2015-02-31 is a 400), a bare year, open ends.
_DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = ("[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?"
         "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")
_INSTANT = f"([0-9]{{4}}|{_DATE}({_TIME})?)"
DATETIME_PATTERN = f"^({_INSTANT}|({_INSTANT}|\\.\\.)?/({_INSTANT}|\\.\\.)?)$"
DATETIME = {"name": "datetime", "in": "query", "required": False, "allowEmptyValue": True,
            "description": "Projects named in a document of a year in this instant or interval (the years of "
                           "the documents citing a project, not project dates; RFC 3339 date or date-time, "
                           "or a year): 2015, 2012-01-01/2016-12-31, ../2016, 2012/.. ; an interval may not "
                           "end before it starts. Corridors have no time: the parameter is checked and has "
                           f"no effect on them. {EMPTY_NOTE}",
            "schema": {"type": "string", "pattern": DATETIME_PATTERN}, "example": "2012-01-01/2016-12-31"}


def _feature_id(values: list[str] | None, example: str) -> dict:
    """A corridor is one of a few known slugs; a project any slug (a million of them)."""
    schema = {"type": "string", "enum": values} if values else {
        "type": "string", "pattern": SLUG_PATTERN, "maxLength": 200}
    return {"name": "featureId", "in": "path", "required": True, "description": "The feature's slug.",
            "schema": schema, "example": example}


def _exception(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/exception"}}}}


# Every operation answers these in the standard's exception shape (geomekong/errors.py).
ERRORS = {
    "304": {"description": "Not modified (If-None-Match / If-Modified-Since still hold)."},
    "400": _exception("An invalid or unknown parameter, or a control character in the path."),
    "414": _exception("The address is too long."),
    "429": _exception("Too many requests from this address; see Retry-After."),
    "500": _exception("A fault on the server (logged)."),
    "503": _exception("The database is unavailable; see Retry-After."),
}


def _ok(description: str, media_type: str = "application/json") -> dict:
    return {"description": description, "content": {media_type: {"schema": {"type": "object"}},
                                                    "text/html": {"schema": {"type": "string"}}}}


def _get(operation_id: str, summary: str, parameters: list, responses: dict, examples: list[str],
         description: str = "") -> dict:
    return {"get": {"operationId": operation_id, "summary": summary, "description": description,
                    "tags": ["OGC API – Features"], "parameters": [*parameters, F],
                    "responses": {**ERRORS, **responses}, "x-example-urls": examples}}


def ogc_openapi(*, server: str, vocabulary: Vocabulary | None = None) -> dict:
    """The document; `server` is the absolute URL of /ogc (paths are relative to it)."""
    vocabulary = vocabulary or Vocabulary.load()
    filters = {"projects": project_filters(vocabulary), "corridors": corridor_filters(vocabulary)}
    feature_ids = {"corridors": _feature_id(vocabulary.corridors, "ewec"),
                   "projects": _feature_id(None, "neak-loeung-bridge")}
    paths = {
        "/": _get("getLandingPage", "Landing page", [], {"200": _ok("Links to the API.")}, ["/ogc/"]),
        "/conformance": _get("getConformance", "Conformance classes implemented", [],
                             {"200": _ok("The conformance classes.")}, ["/ogc/conformance"]),
        "/api": _get("getApi", "This OpenAPI document", [],
                     {"200": _ok("OpenAPI 3.0.", "application/vnd.oai.openapi+json;version=3.0")},
                     ["/ogc/api", "/ogc/api?f=html"]),
        "/collections": _get("getCollections", "The feature collections", [],
                             {"200": _ok("The collections.")}, ["/ogc/collections"]),
    }
    for cid, collection in DATASETS.items():
        properties = [p for p in filters[cid] if p["name"] != "bbox"]
        paths[f"/collections/{cid}"] = _get(
            f"describe_{cid}", f"The {cid} collection", [],
            {"200": _ok("The collection: extent and links.")}, [f"/ogc/collections/{cid}"])
        paths[f"/collections/{cid}/items"] = _get(
            f"get_{cid}_items", f"{collection.title} (GeoJSON, paged)",
            [LIMIT, OFFSET, BBOX, BBOX_CRS, DATETIME, *properties],
            {"200": _ok("A page of features with numberMatched, numberReturned and next/prev links.",
                        "application/geo+json")},
            [f"/ogc/collections/{cid}/items?limit=10", f"/ogc/collections/{cid}/items?bbox=102,13,108,18"],
            "The property filters are the map API's: comma-separated values match any of them; "
            "unknown parameters are refused (400).",
        )
        paths[f"/collections/{cid}/queryables"] = _get(
            f"get_{cid}_queryables", f"The filter parameters of the {cid} items", [],
            {"200": _ok("A JSON Schema: a property per filter parameter the items take (bbox and "
                        "datetime aside).", "application/schema+json")},
            [f"/ogc/collections/{cid}/queryables"])
        paths[f"/collections/{cid}/items/{{featureId}}"] = _get(
            f"get_{cid}_feature", f"One of the {cid}", [feature_ids[cid]],
            {"200": _ok("The feature.", "application/geo+json"), "404": _exception("No such feature.")},
            [f"/ogc/collections/{cid}/items"],
        )
    return {
        "openapi": "3.0.3",
        "info": {"title": "GeoMekong OGC API – Features", "version": "1.0.0",
                 "description": "Projects and corridors of Japan–Mekong cooperation as OGC API – Features "
                                "(Part 1: Core, GeoJSON, HTML, OpenAPI 3.0). Methods other than GET, HEAD "
                                "and OPTIONS answer 405 with an Allow header."},
        "servers": [{"url": server}],
        "paths": paths,
        "components": {"schemas": {"exception": {
            "type": "object", "required": ["code"],
            "properties": {"code": {"type": "string"}, "description": {"type": "string"}},
        }}},
    }


def operations(schema: dict) -> list[dict]:
    """Flat list for the HTML page."""
    return [
        {"path": "/ogc" + path, "method": method.upper(), "examples": op["x-example-urls"], **op}
        for path, item in schema["paths"].items() for method, op in item.items()
    ]
