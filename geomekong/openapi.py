"""The site's OpenAPI document at /api/openapi.json and /api/docs: the map API's operations
(projects.openapi) and the curation review queue's (curation.openapi), one document for clients."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curation.openapi import coverage_paths, proposal_paths
from geodata.tiles import MAX_ZOOM, MEDIA_TYPE
from projects.openapi import (
    Vocabulary,
    _error,
    _operation,
    corridor_filters,
    openapi_schema,
    operations,
    project_filters,
)


def tile_paths(vocabulary: Vocabulary) -> dict:
    """The vector tiles (geomekong/tiles.py), one path per layer: each takes its layer's filters."""

    def grid(name: str, description: str, maximum: int) -> dict:
        return {
            "name": name,
            "in": "path",
            "required": True,
            "description": description,
            "schema": {"type": "integer", "minimum": 0, "maximum": maximum},
            "example": 3 if name == "z" else 6,
        }

    tile = [
        grid("z", f"Zoom level, 0 to {MAX_ZOOM}.", MAX_ZOOM),
        grid("x", "Column, 0 to 2**z - 1 (a tile outside the grid is a 404).", 2**MAX_ZOOM - 1),
        grid("y", "Row from the north, 0 to 2**z - 1.", 2**MAX_ZOOM - 1),
    ]
    ok = {
        "description": "The tile: one layer named after the path's layer (empty when nothing lies in it).",
        "content": {MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
    layers = {
        "projects": (project_filters(vocabulary), "slug, name, sector, status, precision"),
        "corridors": (corridor_filters(vocabulary), "slug, name, kind"),
    }
    return {
        f"/tiles/{layer}/{{z}}/{{x}}/{{y}}.mvt": _operation(
            f"{layer}Tile",
            f"{layer.capitalize()} as Mapbox Vector Tiles",
            f"Web Mercator tiles (4096 units, 64-unit buffer) written by PostGIS; the features are the "
            f"rows /api/{layer}.geojson gives for the same filters, with the properties {properties}.",
            [*tile, *filters],
            {"200": ok, "404": _error("A tile outside the grid.")},
            [f"/tiles/{layer}/3/6/3.mvt"],
            "map",
        )
        for layer, (filters, properties) in layers.items()
    }


def site_openapi(vocabulary: Vocabulary | None = None) -> dict:
    vocabulary = vocabulary or Vocabulary.load()
    schema = openapi_schema(vocabulary)
    schema["paths"].update({**tile_paths(vocabulary), **proposal_paths(vocabulary), **coverage_paths()})
    return schema


@require_GET
def openapi_json(request):
    return JsonResponse(site_openapi(), json_dumps_params={"indent": 2})


@require_GET
def api_docs(request):
    schema = site_openapi()
    return render(request, "api/docs.html", {"info": schema["info"], "operations": operations(schema)})
