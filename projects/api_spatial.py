"""The spatial endpoints of the map API: thin views over projects.spatial.

Bad input answers 400 {"error", "parameter"}; an unknown corridor or project in the path, 404
{"error", "parameter"} in the same shape.
"""

from collections.abc import Mapping

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from corridors.models import Corridor
from geodata.geojson import geojson_response
from geodata.query_params import FilterError, parse_int, parse_number, raw, shown
from projects.api import wants_download
from projects.filters import ALONG_KM, NEAR_KM, ProjectFilters
from projects.models import Project
from projects.spatial import (
    corridor_profile,
    near_point,
    near_project,
    projects_along_corridor,
)

DEFAULT_LIMIT, MAX_LIMIT = 20, 200


def _error(error: FilterError, status: int = 400) -> JsonResponse:
    return JsonResponse(error.as_json(), status=status)


def _not_found(kind: str, slug: str) -> JsonResponse:
    return _error(FilterError("slug", f"unknown {kind} {shown(slug)}"), status=404)


def _coordinate(query: Mapping[str, str], name: str, *, limit: float) -> float:
    value = raw(query, name)
    if value is None:
        raise FilterError(name, "is required")
    return parse_number(value, parameter=name, minimum=-limit, maximum=limit)


def _limit(query: Mapping[str, str]) -> int:
    value = parse_int(raw(query, "limit"), parameter="limit", minimum=1, maximum=MAX_LIMIT)
    return DEFAULT_LIMIT if value is None else value


@require_GET
def corridor_projects_geojson(request, slug: str):
    """Projects within within_km of the corridor (plus every project filter), ordered by chainage."""
    corridor = Corridor.objects.filter(slug=slug).first()
    if corridor is None:
        return _not_found("corridor", slug)
    try:
        km = ALONG_KM.parse(raw(request.GET, "within_km"))
        # near_corridor comes from the path: a near_corridor parameter would only contradict it.
        query = request.GET.copy()
        query.pop("near_corridor", None)
        filters = ProjectFilters.from_query(query)
        download = wants_download(request)
    except FilterError as error:
        return _error(error)
    name = f"{slug}-within-{km:g}km-projects-{filters.label()}" if download else None
    return geojson_response(projects_along_corridor(corridor=corridor, filters=filters, km=km),
                            download_name=name)


@require_GET
def corridor_profile_json(request, slug: str):
    corridor = Corridor.objects.filter(slug=slug).first()
    if corridor is None:
        return _not_found("corridor", slug)
    return JsonResponse(corridor_profile(corridor=corridor))


@require_GET
def project_nearby(request, slug: str):
    project = Project.objects.filter(slug=slug).first()
    if project is None:
        return _not_found("project", slug)
    try:
        km = NEAR_KM.parse(raw(request.GET, "within_km"))
        limit = _limit(request.GET)
    except FilterError as error:
        return _error(error)
    return JsonResponse(near_project(project=project, km=km, limit=limit))


@require_GET
def near(request):
    try:
        lon = _coordinate(request.GET, "lon", limit=180)
        lat = _coordinate(request.GET, "lat", limit=90)
        km = NEAR_KM.parse(raw(request.GET, "within_km"))
        limit = _limit(request.GET)
    except FilterError as error:
        return _error(error)
    return JsonResponse(near_point(lon=lon, lat=lat, km=km, limit=limit))
