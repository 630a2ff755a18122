"""The map API's corridor endpoint: a thin view over corridors.filters and corridors.selectors."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from corridors.filters import CorridorFilters, FilterError
from corridors.selectors import corridor_geojson
from geodata.geojson import geojson_response
from geodata.parameters import DOWNLOAD
from geodata.query_params import raw


@require_GET
def corridors_geojson(request):
    try:
        filters = CorridorFilters.from_query(request.GET)
        download = DOWNLOAD.parse(raw(request.GET, "download"))
    except FilterError as error:
        return JsonResponse(error.as_json(), status=400)
    name = f"corridors-{filters.label()}" if download else None
    return geojson_response(corridor_geojson(filters=filters), download_name=name)
