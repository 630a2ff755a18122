"""Reads of projects for the map API: the filtered queryset, its GeoJSON and its facet counts."""

from collections.abc import Callable

from django.db.models import Count, QuerySet

from geodata.countries import basemap_country_names
from geodata.db import read_connection
from geodata.geojson import write_collection
from geodata.models import Pillar, Theme
from geodata.precision import PRECISION_CODES
from projects.facet_snapshot import stored_facet_counts
from projects.filters import PARAMETERS, ProjectFilters
from projects.layers import PROJECTS
from projects.models import Project, ProjectMention
from projects.vocabularies import SECTOR_THEMES, FundingType, Sector, Status


def project_list(*, filters: ProjectFilters) -> QuerySet:
    """The projects matching all filters, by name: the one entry point for every output format."""
    return filters.apply(Project.objects.all()).order_by("name", "slug")


# ---------------------------------------------------------------------------------------------
# GeoJSON


def project_geojson(*, filters: ProjectFilters) -> str:
    """The matching projects as a GeoJSON FeatureCollection (text), in one SQL statement."""
    return write_collection(layer=PROJECTS, queryset=project_list(filters=filters)).text()


# ---------------------------------------------------------------------------------------------
# Facets: counts of matching projects per value. Each facet is counted without its own
# parameter (picking one sector still shows what the other sectors would give), the usual
# faceted-search choice; numberMatched and years_by_funding use every filter.

# The parameters each facet is counted without, from the declarations (projects/filters.py).
FACET_PARAMETERS = {
    facet: tuple(p.name for p in PARAMETERS if p.facet == facet)
    for facet in dict.fromkeys(p.facet for p in PARAMETERS if p.facet)
}


def _array_counts(qs: QuerySet, column: str) -> dict:
    """Projects per element of an array column (years, countries, funding_types).

    The filtered rows' arrays are unnested directly (no join back to the table), each value
    counted once per project.
    """
    rows_sql, params = qs.order_by().values(column).query.sql_with_params()
    sql = (f'SELECT v, count(*) FROM ({rows_sql}) AS sub, '
           f'LATERAL (SELECT DISTINCT unnest(sub."{column}")) AS u(v) GROUP BY v')
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def _cited_counts(qs: QuerySet, key: str) -> dict:
    """Projects of the queryset per pillar (or theme) of the paragraphs citing them, keyed by id.

    Counted from the few mention rows, which the planner joins to the filtered projects by
    primary key, rather than from every project; a paragraph outside any pillar (the 2007
    programme's "Three New Initiatives") counts for none.
    """
    mentions = ProjectMention.objects.filter(project__in=qs.order_by().values("pk"),
                                             **{f"{key}__isnull": False})
    return dict(mentions.values_list(key).annotate(n=Count("project", distinct=True)).order_by())


def _column_counts(qs: QuerySet, column: str) -> dict:
    return dict(qs.order_by().values_list(column).annotate(n=Count("pk")))


def _sector_theme_counts(sector_counts: dict) -> dict:
    counts: dict[str, int] = {}
    for sector, n in sector_counts.items():
        theme = SECTOR_THEMES.get(sector)
        if theme:
            counts[theme] = counts.get(theme, 0) + n
    return counts


def _facet(values, counts: dict) -> list[dict]:
    return [{"value": value, "label": label, "count": counts.get(value, 0)} for value, label in values]


# Each facet's counts over a queryset, keyed by value (themes and pillars by id).
FACET_COUNTERS: dict[str, Callable[[QuerySet], dict]] = {
    "theme": lambda qs: _cited_counts(qs, "paragraph__pillar__theme"),
    "sector_theme": lambda qs: _sector_theme_counts(_column_counts(qs, "sector")),
    "pillar": lambda qs: _cited_counts(qs, "paragraph__pillar"),
    "year": lambda qs: _array_counts(qs, "years"),
    "funding": lambda qs: _array_counts(qs, "funding_types"),
    "country": lambda qs: _array_counts(qs, "countries"),
    "sector": lambda qs: _column_counts(qs, "sector"),
    "status": lambda qs: _column_counts(qs, "status"),
    "precision": lambda qs: _column_counts(qs, "precision"),
}


def unfiltered_facet_counts() -> dict:
    """Every facet counted over all projects, with numberMatched and years by funding (what
    projects/facet_snapshot.py stores)."""
    everything = project_list(filters=ProjectFilters())
    return {
        "facets": {name: count(everything) for name, count in FACET_COUNTERS.items()},
        "numberMatched": everything.count(),
        "years_by_funding": _years_by_funding(everything),
    }


def project_facets(*, filters: ProjectFilters) -> dict:
    """numberMatched, every facet's values with counts (zero included) and years by funding.

    A facet whose counting filters are all empty (every facet when nothing is filtered) takes
    the stored unfiltered counts when they are fresh, and counts live otherwise.
    """
    stored = stored_facet_counts()
    if stored is not None and set(stored["facets"]) != set(FACET_COUNTERS):
        stored = None  # stored before a facet was added (a schema change fires no trigger): count live
    unfiltered = filters == ProjectFilters()

    def counts(facet: str) -> dict:
        others = filters.without(*FACET_PARAMETERS[facet])
        if stored is not None and others == ProjectFilters():
            return stored["facets"][facet]
        return FACET_COUNTERS[facet](project_list(filters=others))

    def all_values(facet: str) -> dict:
        if stored is not None:
            return stored["facets"][facet]
        return FACET_COUNTERS[facet](Project.objects.all())

    themes = list(Theme.objects.all())
    theme_counts = counts("theme")
    sector_theme_counts = counts("sector_theme")
    pillar_counts = counts("pillar")
    pillars = Pillar.objects.select_related("document").order_by("document__year", "order", "slug")

    year_counts = counts("year")
    known_years = sorted(set(all_values("year")) | set(year_counts))
    country_counts = counts("country")
    known_countries = sorted(set(all_values("country")) | set(country_counts))
    names = basemap_country_names()

    return {
        "numberMatched": stored["numberMatched"] if stored is not None and unfiltered
        else project_list(filters=filters).count(),
        "facets": {
            "theme": [{"value": t.slug, "label": t.name, "count": theme_counts.get(t.pk, 0)}
                      for t in themes],
            "sector_theme": [{"value": t.slug, "label": t.name, "count": sector_theme_counts.get(t.slug, 0)}
                             for t in themes if t.slug in set(SECTOR_THEMES.values())],
            "pillar": [
                {"value": p.slug, "label": p.name, "document": p.document.slug,
                 "document_short": p.document.short, "count": pillar_counts.get(p.pk, 0)}
                for p in pillars
            ],
            "year": [{"value": y, "count": year_counts.get(y, 0)} for y in known_years],
            "funding": _facet(FundingType.choices, counts("funding")),
            "country": _facet([(c, names.get(c, c)) for c in known_countries], country_counts),
            "sector": _facet(Sector.choices, counts("sector")),
            "status": _facet(Status.choices, counts("status")),
            "precision": _facet(PRECISION_CODES.items(), counts("precision")),
        },
        "years_by_funding": stored["years_by_funding"] if stored is not None and unfiltered
        else _years_by_funding(project_list(filters=filters)),
    }


def _years_by_funding(qs: QuerySet) -> list[dict]:
    """Matching projects per year and funding type, for the stacked timeline."""
    rows_sql, params = qs.order_by().values("years", "funding_types").query.sql_with_params()
    sql = (f"SELECT y, f, count(*) FROM ({rows_sql}) AS sub, "
           f'LATERAL (SELECT DISTINCT unnest(sub."years")) AS ys(y), '
           f'LATERAL (SELECT DISTINCT unnest(sub."funding_types")) AS fs(f) GROUP BY y, f ORDER BY y, f')
    by_year: dict[int, dict[str, int]] = {}
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        for year, funding, count in cursor.fetchall():
            by_year.setdefault(year, {})[funding] = count
    return [{"year": year, "funding": funding} for year, funding in by_year.items()]
