"""The project filters, declared once: each parameter of /api/projects.geojson (and of the facets,
the exports, the OGC items, the tiles and the along-corridor list) with its parsing, its query,
its OpenAPI description, its facet and its part of an export's file name.

All filters are optional and AND-ed; a multi-valued one (comma-separated) is OR-ed within
itself. Unknown parameters are ignored by the map API so that other features' parameters
(focus, download) pass through. Adding a filter = one parameter object in PARAMETERS
(docs/architecture.md).
"""

from dataclasses import replace

from django.db.models import Exists, OuterRef, QuerySet

from corridors.spatial import (
    DEFAULT_WITHIN_KM,
    MAX_KM,
    MIN_KM,
    check_corridor,
    parse_corridor,
    within_corridor,
)
from geodata import query_params as qp
from geodata.parameters import (
    Codes,
    Integer,
    Number,
    Parameter,
    check_known_slugs,
    cited_parameters,
    filter_set,
    one_of,
    openapi_parameter,
)
from geodata.precision import PRECISION_CODES
from geodata.query_params import FilterError
from projects.models import ProjectMention
from projects.vocabularies import SECTOR_THEMES, FundingType, Sector, Status, sectors_of_themes

__all__ = ["FilterError", "PARAMETERS", "ProjectFilters"]

YEAR_MIN, YEAR_MAX = 1950, 2100
PRECISION_MIN, PRECISION_MAX = 1, 6


def _mentions(**lookups) -> Exists:
    return Exists(ProjectMention.objects.filter(project=OuterRef("pk"), **lookups))


def by_sector_theme(qs: QuerySet, f) -> QuerySet:
    return qs.filter(sector__in=sectors_of_themes(f.sector_theme)) if f.sector_theme else qs


def by_years(qs: QuerySet, f) -> QuerySet:
    """A project matches when any of its years lies in the range."""
    if f.year_min is None and f.year_max is None:
        return qs
    # Years are bounded (YEAR_MIN..YEAR_MAX), so "any year in range" is an overlap with at most
    # 151 values: plain ORM that stays correct when the queryset is nested as a subquery.
    low = f.year_min if f.year_min is not None else YEAR_MIN
    high = f.year_max if f.year_max is not None else YEAR_MAX
    return qs.filter(years__overlap=list(range(low, high + 1)))


def by_funding(qs: QuerySet, f) -> QuerySet:
    return qs.filter(funding_types__overlap=list(f.funding)) if f.funding else qs


def by_sector(qs: QuerySet, f) -> QuerySet:
    return qs.filter(sector__in=f.sector) if f.sector else qs


def by_status(qs: QuerySet, f) -> QuerySet:
    return qs.filter(status__in=f.status) if f.status else qs


def by_precision(qs: QuerySet, f) -> QuerySet:
    return qs.filter(precision__lte=f.precision_max) if f.precision_max is not None else qs


def by_near_corridor(qs: QuerySet, f) -> QuerySet:
    """Within within_km (geodesic) of the corridor; uses the (geom::geography) GiST index."""
    return qs.filter(within_corridor(slug=f.near_corridor, km=f.within_km)) if f.near_corridor else qs


def _years_label(query) -> str | None:
    low, high = query.get("year_min"), query.get("year_max")
    if low and high:
        return low if low == high else f"{low}-{high}"
    return f"from-{low}" if low else f"to-{high}"


class Years(Integer):
    """year_min and year_max: one part `2012-2024` (or `from-2015`, `to-2016`) in a file name."""

    def file_label(self, query):
        if self.name == "year_max" and "year_min" in query:
            return None  # one part for both bounds
        return _years_label(query)


class CorridorSlug(Parameter):
    """One corridor slug (case-insensitive); whether it exists is checked after parsing."""

    def parse(self, raw):
        return parse_corridor(raw, parameter=self.name)

    def schema(self, vocabulary):
        return one_of(vocabulary.corridors)

    def file_label(self, query):
        return f"near-{query[self.name]}"


class Km(Number):
    """A distance in km (MIN_KM..MAX_KM) with a default."""

    def openapi(self, vocabulary):
        return openapi_parameter(
            self.name, f"{self.description} Distance in km, from {MIN_KM:g} to {MAX_KM:g} (default "
            f"{self.fallback:g}); plain decimal notation or an exponent (2.5e1).",
            self.schema(vocabulary), self.example)

    def file_label(self, query):
        return f"{float(query[self.name]):g}km"


def within_km(description: str, default: float) -> Km:
    """within_km as the near and along endpoints take it (their own default)."""
    return Km(name="within_km", description=description, fallback=default, example=int(default),
              minimum=MIN_KM, maximum=MAX_KM, what="a number of kilometres")


SHARED = cited_parameters(mentions=_mentions, facets=True)

PARAMETERS: list[Parameter] = [
    SHARED["theme"],
    Codes(name="sector_theme", values=lambda: sorted(set(SECTOR_THEMES.values())), apply=by_sector_theme,
          facet="sector_theme", example="people", self_naming=False,
          description="Theme slug(s) of the project's sector (road, bridge, port, airport, railway, power, "
                      "urban: connectivity; water, irrigation, disaster: environment; ict: digital; "
                      "sez_industrial: industry; health: people; 'other' has none), beside the pillar "
                      "themes of theme."),
    SHARED["pillar"],
    SHARED["document"],
    Years(name="year_min", minimum=YEAR_MIN, maximum=YEAR_MAX, apply=by_years, facet="year", example=2012,
          description="Projects named in a document of this year or later (a project's years are the years "
                      "of the documents citing it, not project dates)."),
    Years(name="year_max", minimum=YEAR_MIN, maximum=YEAR_MAX, facet="year", example=2020,
          description="Projects named in a document of this year or earlier; not before year_min (400)."),
    Codes(name="funding", values=lambda: FundingType.values, apply=by_funding, facet="funding",
          example="oda_loan", description="Funding type code(s)."),
    SHARED["country"],
    Codes(name="sector", values=lambda: Sector.values, apply=by_sector, facet="sector", example="road,bridge",
          description="Sector code(s)."),
    Codes(name="status", values=lambda: Status.values, apply=by_status, facet="status", example="completed",
          description="Status code(s)."),
    Integer(name="precision_max", minimum=PRECISION_MIN, maximum=PRECISION_MAX, apply=by_precision,
            facet="precision", example=3, file_name=lambda value: f"precision-max{value}",
            description="Only locations at least this precise: "
                        + "; ".join(f"{code} {label}" for code, label in PRECISION_CODES.items()) + "."),
    SHARED["q"],
    SHARED["bbox"],
    CorridorSlug(name="near_corridor", default="", annotation=str, apply=by_near_corridor, example="ewec",
                 description="Corridor slug (case-insensitive): only projects within within_km of that "
                             "corridor (geodesic distance)."),
    within_km("Checked whether or not near_corridor is given; used with it.", DEFAULT_WITHIN_KM),
]


def _checks(filters):
    """After parsing: within_km counts only with near_corridor (a bad value is an error wherever
    it appears), year_min <= year_max, then the checks that need the database."""
    if not filters.near_corridor:
        filters = replace(filters, within_km=None)
    qp.parse_range(filters.year_min, filters.year_max, parameter="year_min")
    check_known_slugs(filters)
    check_corridor(filters.near_corridor)
    return filters


# within_km of the along-corridor list (its own band) and of the near endpoints (a radius).
DEFAULT_NEAR_KM = 50.0
ALONG_KM = within_km("Band around the corridor.", DEFAULT_WITHIN_KM)
NEAR_KM = within_km("The radius.", DEFAULT_NEAR_KM)

ProjectFilters = filter_set("ProjectFilters", PARAMETERS, checks=[_checks], module=__name__)
