"""The OpenAPI 3.0 description of the OGC API at /ogc/api (conformance class oas30).

The property filters are the map API's parameter descriptions (projects.openapi), so both APIs
document the same values; bbox, datetime, limit and offset follow OGC API – Features Part 1.
"""

from projects.ogc.collections import COLLECTIONS
from projects.ogc.params import CRS84, DEFAULT_LIMIT, MAX_LIMIT
from projects.openapi import CORRIDOR_FILTERS, PROJECT_FILTERS

F = {"name": "f", "in": "query", "required": False, "description": "Response format (default: JSON, "
     "or HTML when the Accept header prefers text/html).",
     "schema": {"type": "string", "enum": ["json", "html"]}, "example": "json"}
LIMIT = {"name": "limit", "in": "query", "required": False, "style": "form", "explode": False,
         "description": f"Features per page; a larger value is lowered to {MAX_LIMIT}.",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
         "example": 50}
OFFSET = {"name": "offset", "in": "query", "required": False, "description": "Features to skip "
          "(the next/prev links carry it).", "schema": {"type": "integer", "minimum": 0, "default": 0},
          "example": 0}
BBOX = {"name": "bbox", "in": "query", "required": False, "style": "form", "explode": False,
        "description": "minLon,minLat,maxLon,maxLat in CRS84 (6 numbers with heights are accepted, the "
                       "heights ignored); features intersecting the box.",
        "schema": {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
        "example": "102,13,108,18"}
BBOX_CRS = {"name": "bbox-crs", "in": "query", "required": False, "description": "Only CRS84.",
            "schema": {"type": "string", "enum": [CRS84]}}
DATETIME = {"name": "datetime", "in": "query", "required": False, "style": "form", "explode": False,
            "description": "Projects with a year in this instant or interval (RFC 3339 date or date-time, "
                           "or a year): 2015, 2012-01-01/2016-12-31, ../2016, 2012/.. . Corridors have no "
                           "time: the parameter is checked and has no effect on them.",
            "schema": {"type": "string"}, "example": "2012-01-01/2016-12-31"}
FEATURE_ID = {"name": "featureId", "in": "path", "required": True, "description": "The feature's slug.",
              "schema": {"type": "string"}}

EXCEPTION = {"description": "An error: {\"code\": ..., \"description\": ...}.",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/exception"}}}}
FILTERS = {"projects": PROJECT_FILTERS, "corridors": CORRIDOR_FILTERS}


def _ok(description: str, media_type: str = "application/json") -> dict:
    return {"description": description, "content": {media_type: {"schema": {"type": "object"}},
                                                    "text/html": {"schema": {"type": "string"}}}}


def _get(operation_id: str, summary: str, parameters: list, responses: dict, examples: list[str],
         description: str = "") -> dict:
    return {"get": {"operationId": operation_id, "summary": summary, "description": description,
                    "tags": ["OGC API – Features"], "parameters": [*parameters, F],
                    "responses": {**responses, "400": EXCEPTION}, "x-example-urls": examples}}


def ogc_openapi(*, server: str) -> dict:
    """The document; `server` is the absolute URL of /ogc (paths are relative to it)."""
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
    for cid, collection in COLLECTIONS.items():
        filters = [p for p in FILTERS[cid] if p["name"] != "bbox"]
        paths[f"/collections/{cid}"] = _get(
            f"describe_{cid}", f"The {cid} collection", [],
            {"200": _ok("The collection: extent and links."), "404": EXCEPTION}, [f"/ogc/collections/{cid}"])
        paths[f"/collections/{cid}/items"] = _get(
            f"get_{cid}_items", f"{collection.title} (GeoJSON, paged)",
            [LIMIT, OFFSET, BBOX, BBOX_CRS, DATETIME, *filters],
            {"200": _ok("A page of features with numberMatched, numberReturned and next/prev links.",
                        "application/geo+json")},
            [f"/ogc/collections/{cid}/items?limit=10", f"/ogc/collections/{cid}/items?bbox=102,13,108,18"],
            "The property filters are the map API's: comma-separated values match any of them; "
            "unknown parameters are refused (400).",
        )
        paths[f"/collections/{cid}/items/{{featureId}}"] = _get(
            f"get_{cid}_feature", f"One of the {cid}", [FEATURE_ID],
            {"200": _ok("The feature.", "application/geo+json"), "404": EXCEPTION},
            [f"/ogc/collections/{cid}/items"],
        )
    return {
        "openapi": "3.0.3",
        "info": {"title": "GeoMekong OGC API – Features", "version": "1.0.0",
                 "description": "Projects and corridors of Japan–Mekong cooperation as OGC API – Features "
                                "(Part 1: Core, GeoJSON, HTML, OpenAPI 3.0)."},
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
