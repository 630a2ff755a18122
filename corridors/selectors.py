"""Reads of corridors for the map API: the filtered queryset and its GeoJSON."""

from collections.abc import Callable

from django.contrib.gis.geos import Polygon
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from corridors.filters import CorridorFilters
from corridors.models import Corridor, CorridorMention
from geodata.geojson import (
    Sql,
    feature_collection,
    json_object,
    label_of,
    source_list,
    table_name,
    theme_and_pillar_lists,
)
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


def corridor_properties() -> Sql:
    mentions = table_name(CorridorMention)
    themes, pillars = theme_and_pillar_lists(mention_table=mentions, owner_column="corridor_id")
    # Projects point at corridors; their link table is reached through the reverse relation so
    # this app never imports the projects app.
    project_link = Corridor._meta.get_field("projects").through
    return json_object([
        ("slug", "t.slug"),
        ("name", "t.name"),
        ("aliases", "to_json(t.aliases)"),
        ("kind", "t.kind"),
        ("kind_label", label_of("t.kind", Corridor.Kind.choices)),
        ("parent", f"(SELECT c.slug FROM {table_name(Corridor)} c WHERE c.id = t.parent_id)"),
        ("countries", "to_json(t.countries)"),
        ("start_name", "t.start_name"),
        ("end_name", "t.end_name"),
        # Geodesic length on the WGS84 ellipsoid, not degrees.
        ("length_km", "round((ST_Length(t.geom::geography) / 1000)::numeric, 1)"),
        ("approx_length_km", "t.approx_length_km"),
        ("geometry_method", "t.geometry_method"),
        ("themes", themes),
        ("pillars", pillars),
        ("url", "'/corridors/' || t.slug || '/'"),
        ("projects_count",
         f"(SELECT count(*) FROM {table_name(project_link)} pc WHERE pc.corridor_id = t.id)"),
        ("sources", source_list(mention_table=mentions, owner_column="corridor_id", with_stage=False)),
    ])


def corridor_geojson(*, filters: CorridorFilters) -> str:
    """The matching corridors as a GeoJSON FeatureCollection (text), in one SQL statement."""
    return feature_collection(
        queryset=corridor_list(filters=filters), properties=corridor_properties(),
        ordering=("name", "slug"),
    )
