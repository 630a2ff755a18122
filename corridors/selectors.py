"""Reads of corridors for the map API: the filtered queryset and its GeoJSON."""

from collections.abc import Callable

from django.contrib.gis.geos import Polygon
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from corridors.filters import CorridorFilters
from corridors.layers import CORRIDORS
from corridors.models import Corridor, CorridorMention
from geodata.geojson import write_collection
from geodata.query_params import joined

CorridorFilter = Callable[[QuerySet, CorridorFilters], QuerySet]


def _mentions(**lookups) -> Exists:
    return Exists(CorridorMention.objects.filter(corridor=OuterRef("pk"), **lookups))


def by_theme(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(_mentions(paragraph__pillar__theme__slug__in=f.theme)) if f.theme else qs


def by_pillar(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(_mentions(paragraph__pillar__slug__in=f.pillar)) if f.pillar else qs


def by_document(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(_mentions(paragraph__document__slug__in=f.document)) if f.document else qs


def by_country(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(countries__overlap=list(f.country)) if f.country else qs


def by_kind(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(kind__in=f.kind) if f.kind else qs


def by_text(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    """Case-insensitive substring of the name, an alias, the description or a cited paragraph."""
    if not f.q:
        return qs
    return qs.alias(aliases_text=joined(F("aliases"))).filter(
        Q(name__icontains=f.q) | Q(description__icontains=f.q) | Q(aliases_text__icontains=f.q)
        | Q(_mentions(paragraph__text__icontains=f.q))
    )


def by_bbox(qs: QuerySet, f: CorridorFilters) -> QuerySet:
    return qs.filter(geom__intersects=Polygon.from_bbox(f.bbox)) if f.bbox is not None else qs


CORRIDOR_FILTERS: list[CorridorFilter] = [
    by_theme, by_pillar, by_document, by_country, by_kind, by_text, by_bbox,
]


def corridor_list(*, filters: CorridorFilters) -> QuerySet:
    """The corridors matching all filters, by name."""
    qs = Corridor.objects.all()
    for apply in CORRIDOR_FILTERS:
        qs = apply(qs, filters)
    return qs.order_by("name", "slug")


def corridor_geojson(*, filters: CorridorFilters) -> str:
    """The matching corridors as a GeoJSON FeatureCollection (text), in one SQL statement."""
    return write_collection(layer=CORRIDORS, queryset=corridor_list(filters=filters)).text()
