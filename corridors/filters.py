"""The corridor filters, declared once: the project filters that make sense for a line, plus kind
(/api/corridors.geojson, the corridor exports, tiles and OGC items)."""

from django.db.models import Exists, OuterRef, QuerySet

from corridors.models import Corridor, CorridorMention
from geodata.parameters import Codes, Parameter, check_known_slugs, cited_parameters, filter_set
from geodata.query_params import FilterError

__all__ = ["PARAMETERS", "CorridorFilters", "FilterError"]


def _mentions(**lookups) -> Exists:
    return Exists(CorridorMention.objects.filter(corridor=OuterRef("pk"), **lookups))


def by_kind(qs: QuerySet, f) -> QuerySet:
    return qs.filter(kind__in=f.kind) if f.kind else qs


SHARED = cited_parameters(mentions=_mentions, facets=False)

PARAMETERS: list[Parameter] = [
    SHARED["theme"],
    SHARED["pillar"],
    SHARED["document"],
    SHARED["country"],
    Codes(name="kind", values=lambda: Corridor.Kind.values, apply=by_kind, example="economic_corridor",
          description="Corridor kind(s)."),
    SHARED["q"],
    SHARED["bbox"],
]

CorridorFilters = filter_set("CorridorFilters", PARAMETERS, checks=[check_known_slugs], module=__name__)
