"""The map API's project endpoints: thin views over projects.filters and projects.selectors."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from geodata.geojson import geojson_response
from geodata.parameters import DOWNLOAD
from geodata.query_params import raw
from projects.filters import FilterError, ProjectFilters
from projects.selectors import project_facets, project_geojson


def bad_request(error: FilterError) -> JsonResponse:
    return JsonResponse(error.as_json(), status=400)


def wants_download(request) -> bool:
    """download=1 asks for an attachment; raises FilterError for a value that is not a yes or a no."""
    return DOWNLOAD.parse(raw(request.GET, "download"))


@require_GET
def projects_geojson(request):
    try:
        filters = ProjectFilters.from_query(request.GET)
        download = wants_download(request)
    except FilterError as error:
        return bad_request(error)
    name = f"projects-{filters.label()}" if download else None
    return geojson_response(project_geojson(filters=filters), download_name=name)


@require_GET
def facets(request):
    try:
        filters = ProjectFilters.from_query(request.GET)
    except FilterError as error:
        return bad_request(error)
    return JsonResponse(project_facets(filters=filters))
