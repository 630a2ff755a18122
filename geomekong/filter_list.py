"""GET /api/filters: the map's filter lists, read from the layers' declarations
(projects/filters.py, corridors/filters.py), so static/js/map/state.js copies no list."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from corridors.filters import PARAMETERS as CORRIDOR_PARAMETERS
from geodata.parameters import Parameter
from projects.filters import PARAMETERS as PROJECT_PARAMETERS


def describe(parameters: list[Parameter]) -> list[dict]:
    """Name, whether it takes a comma-separated list and its facet, in declaration order."""
    return [{"name": p.name, "multiple": p.multiple, "facet": p.facet} for p in parameters]


def filter_lists() -> dict:
    return {"projects": describe(PROJECT_PARAMETERS), "corridors": describe(CORRIDOR_PARAMETERS)}


@require_GET
def filter_list(request):
    return JsonResponse(filter_lists())
