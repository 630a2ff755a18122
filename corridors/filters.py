"""The corridor filters of the map API: the project filters that make sense for a line, plus kind."""

from collections.abc import Mapping
from dataclasses import dataclass

from corridors.models import Corridor
from geodata import query_params as qp
from geodata.query_params import FilterError

__all__ = ["CorridorFilters", "FilterError"]


@dataclass(frozen=True)
class CorridorFilters(qp.FilterSet):
    theme: tuple[str, ...] = ()
    pillar: tuple[str, ...] = ()
    document: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    q: str = ""
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "CorridorFilters":
        """Parse a QueryDict (or any mapping); raises FilterError for the first bad parameter."""
        def get(name: str) -> str | None:
            return qp.raw(query, name)

        filters = cls(
            theme=qp.parse_slugs(get("theme"), parameter="theme"),
            pillar=qp.parse_slugs(get("pillar"), parameter="pillar"),
            document=qp.parse_slugs(get("document"), parameter="document"),
            country=qp.parse_countries(get("country")),
            kind=qp.parse_codes(get("kind"), parameter="kind", allowed=Corridor.Kind.values),
            q=qp.parse_text(get("q")),
            bbox=qp.parse_bbox(get("bbox")),
        )
        qp.check_known(theme=filters.theme, pillar=filters.pillar, document=filters.document,
                       country=filters.country)
        return filters
