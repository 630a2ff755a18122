"""GET /tiles/{layer}/{z}/{x}/{y}.mvt: vector tiles of the projects and corridors, with the same
filters as their GeoJSON endpoints (?sector=road&country=LAO ...), for maps of any size."""

from dataclasses import dataclass

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from corridors.filters import CorridorFilters
from corridors.selectors import corridor_list
from geodata.query_params import FilterError
from geodata.tiles import MEDIA_TYPE, in_grid, vector_tile
from projects.filters import ProjectFilters
from projects.selectors import project_list


@dataclass(frozen=True)
class TileLayer:
    filters: type
    rows: object  # filters -> queryset
    columns: tuple[str, ...]


LAYERS = {
    "projects": TileLayer(
        ProjectFilters, lambda f: project_list(filters=f), ("slug", "name", "sector", "status", "precision")
    ),
    "corridors": TileLayer(CorridorFilters, lambda f: corridor_list(filters=f), ("slug", "name", "kind")),
}


@require_safe
def tile(request, layer: str, z: int, x: int, y: int):
    found = LAYERS.get(layer)
    if found is None:
        return JsonResponse(
            {
                "error": f"no tile layer {layer[:40]!r}; the layers are: {', '.join(LAYERS)}",
                "parameter": "layer",
            },
            status=404,
        )
    if not in_grid(z, x, y):
        return JsonResponse(
            {"error": f"no tile {z}/{x}/{y}: x and y must be below 2**z, z at most 20", "parameter": "z"},
            status=404,
        )
    try:
        filters = found.filters.from_query(request.GET)
    except FilterError as error:
        return JsonResponse(error.as_json(), status=400)
    data = vector_tile(queryset=found.rows(filters), layer=layer, columns=found.columns, z=z, x=x, y=y)
    return HttpResponse(data, content_type=MEDIA_TYPE)
