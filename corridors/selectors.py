"""Reads of corridors for the map API: the filtered queryset and its GeoJSON."""


from django.db.models import QuerySet

from corridors.filters import CorridorFilters
from corridors.layers import CORRIDORS
from corridors.models import Corridor
from geodata.geojson import write_collection


def corridor_list(*, filters: CorridorFilters) -> QuerySet:
    """The corridors matching all filters, by name."""
    return filters.apply(Corridor.objects.all()).order_by("name", "slug")


def corridor_geojson(*, filters: CorridorFilters) -> str:
    """The matching corridors as a GeoJSON FeatureCollection (text), in one SQL statement."""
    return write_collection(layer=CORRIDORS, queryset=corridor_list(filters=filters)).text()
