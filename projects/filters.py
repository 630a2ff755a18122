"""The project filters of the map API, parsed once from the query string into a frozen value.

All filters are optional and AND-ed; a multi-valued one (comma-separated) is OR-ed within
itself. Unknown parameters are ignored so that other features' parameters (focus, download)
pass through. Adding a filter = one field here + its parser line + one function in selectors.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from corridors.spatial import DEFAULT_WITHIN_KM, check_corridor, parse_corridor, parse_km
from geodata import query_params as qp
from geodata.query_params import FilterError
from projects.vocabularies import SECTOR_THEMES, FundingType, Sector, Status

__all__ = ["FilterError", "ProjectFilters"]

YEAR_MIN, YEAR_MAX = 1950, 2100
PRECISION_MIN, PRECISION_MAX = 1, 6


@dataclass(frozen=True)
class ProjectFilters(qp.FilterSet):
    theme: tuple[str, ...] = ()
    sector_theme: tuple[str, ...] = ()  # the theme of the project's sector (vocabularies.SECTOR_THEMES)
    pillar: tuple[str, ...] = ()
    document: tuple[str, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    funding: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    precision_max: int | None = None
    q: str = ""
    bbox: tuple[float, float, float, float] | None = None
    near_corridor: str = ""  # with within_km (default 25): projects near that corridor
    within_km: float | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "ProjectFilters":
        """Parse a QueryDict (or any mapping); raises FilterError for the first bad parameter."""
        def get(name: str) -> str | None:
            return qp.raw(query, name)

        near_corridor = parse_corridor(get("near_corridor"))
        # Checked even without near_corridor: a bad value is an error wherever it appears.
        within_km = parse_km(get("within_km"), default=DEFAULT_WITHIN_KM)
        filters = cls(
            theme=qp.parse_slugs(get("theme"), parameter="theme"),
            sector_theme=qp.parse_codes(get("sector_theme"), parameter="sector_theme",
                                        allowed=sorted(set(SECTOR_THEMES.values()))),
            pillar=qp.parse_slugs(get("pillar"), parameter="pillar"),
            document=qp.parse_slugs(get("document"), parameter="document"),
            year_min=qp.parse_int(get("year_min"), parameter="year_min", minimum=YEAR_MIN, maximum=YEAR_MAX),
            year_max=qp.parse_int(get("year_max"), parameter="year_max", minimum=YEAR_MIN, maximum=YEAR_MAX),
            funding=qp.parse_codes(get("funding"), parameter="funding", allowed=FundingType.values),
            country=qp.parse_countries(get("country")),
            sector=qp.parse_codes(get("sector"), parameter="sector", allowed=Sector.values),
            status=qp.parse_codes(get("status"), parameter="status", allowed=Status.values),
            precision_max=qp.parse_int(get("precision_max"), parameter="precision_max",
                                       minimum=PRECISION_MIN, maximum=PRECISION_MAX),
            q=qp.parse_text(get("q")),
            bbox=qp.parse_bbox(get("bbox")),
            near_corridor=near_corridor,
            within_km=within_km if near_corridor else None,
        )
        qp.parse_range(filters.year_min, filters.year_max, parameter="year_min")
        # Last, and only when slugs are given: the checks that need the database.
        qp.check_known(theme=filters.theme, pillar=filters.pillar, document=filters.document,
                       country=filters.country)
        check_corridor(filters.near_corridor)
        return filters
