"""The datasets the site offers as files (/export/, manage.py export_geodata) and as OGC API
collections (/ogc/), described once: each with its layer (projects/layers.py, corridors/layers.py),
its filters, its titles and the flat columns of its files."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from corridors.filters import CorridorFilters
from corridors.layers import CORRIDORS
from corridors.models import Corridor
from corridors.selectors import corridor_list
from geodata.geojson import Layer
from geodata.query_params import FilterSet
from projects.filters import ProjectFilters
from projects.layers import PROJECTS
from projects.selectors import project_list
from projects.vocabularies import FundingType


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    short: str = ""  # Shapefile field name, when the name is longer than 10 characters


SOURCE_COLUMNS = [
    Column("source_count", "number of cited paragraphs", "src_count"),
    Column("source_anchors", "anchors of the cited paragraphs, oldest document first", "src_anchr"),
    Column("source_documents", "short labels of the citing documents (AP2012 ...)", "src_docs"),
    Column("source_urls", "links to the cited paragraphs (relative to the site)", "src_urls"),
    Column("sources_json", "the cited paragraphs as JSON: anchor, document, year, label, stage, url "
                           "and the quoted text (not in the Shapefile: see the sources table)"),
]

PROJECT_COLUMNS = [
    Column("slug", "stable identifier (the GeoJSON feature id)"),
    Column("name", "project name"),
    Column("aliases", "other names"),
    Column("countries", "ISO 3166-1 alpha-3 country codes"),
    Column("sector", "sector code"),
    Column("sector_label", "sector", "sector_lbl"),
    Column("status", "current status code (as of status_as_of)"),
    Column("status_label", "current status", "status_lbl"),
    Column("status_provenance", "stated in a cited source, or curated", "status_prv"),
    Column("status_note", "why: the source's words or the curators' reason", "status_nt"),
    Column("status_as_of", "the year the current status holds for", "status_yr"),
    Column("status_basis", "what the current status rests on: the stating paragraph's anchor, or the "
                           "public record a curator names", "status_bas"),
    Column("stated_stage", "stage code the latest paragraph that states a stage gives", "stated_stg"),
    Column("stated_stage_label", "stage as the sources state it (may differ from the current status)",
           "stated_lbl"),
    Column("stated_stage_year", "the year of that statement", "stated_yr"),
    Column("years", "named in: the years of the documents that name the project (not project dates)"),
    Column("years_provenance", "stated in a cited source, or curated", "years_prv"),
    Column("years_note", "why: the source's words or the curators' reason", "years_nt"),
    Column("milestone_years", "years of the dated events a cited paragraph states (signing, target ...)",
           "milest_yr"),
    Column("milestones", "those events: year, event and the stating paragraph's anchor", "milestones"),
    Column("funding_types", "funding type codes", "funding"),
    Column("funding_labels", "funding types", "fund_lbl"),
    Column("funding_provenance", "stated in a cited source, or curated", "fund_prv"),
    Column("funding_note", "why: the source's words or the curators' reason", "fund_nt"),
    Column("themes", "themes of the citing paragraphs' pillars"),
    Column("sector_theme", "theme of the project's sector (health: people, ict: digital ...)", "sector_thm"),
    Column("pillars", "pillars of the citing paragraphs"),
    Column("corridors", "corridors the project lies on"),
    Column("precision", "location precision code, 1 (exact site) to 6 (country)"),
    Column("precision_label", "location precision", "prec_lbl"),
    Column("location_note", "how the location was established", "loc_note"),
    Column("url", "detail page (relative to the site)"),
    *SOURCE_COLUMNS,
]

CORRIDOR_COLUMNS = [
    Column("slug", "stable identifier (the GeoJSON feature id)"),
    Column("name", "corridor name"),
    Column("aliases", "other names"),
    Column("kind", "kind code"),
    Column("kind_label", "kind", "kind_lbl"),
    Column("parent", "slug of the corridor this one is part of"),
    Column("countries", "ISO 3166-1 alpha-3 country codes"),
    Column("start_name", "where it starts", "start"),
    Column("end_name", "where it ends", "end"),
    Column("length_km", "geodesic length of the mapped line on the WGS 84 ellipsoid, km"),
    Column("approx_length_km", "documented approximate real length, km", "approx_km"),
    Column("geometry_method", "how the line was drawn (code)", "geom_meth"),
    Column("geometry_method_label", "how the line was drawn", "geom_m_lbl"),
    Column("themes", "themes of the citing paragraphs' pillars"),
    Column("pillars", "pillars of the citing paragraphs"),
    Column("url", "detail page (relative to the site)"),
    Column("projects_count", "number of projects on the corridor", "n_projects"),
    *SOURCE_COLUMNS,
]

LIST_PROPERTIES = {"aliases", "countries", "years", "milestone_years", "funding_types", "themes", "pillars",
                   "corridors"}


@dataclass(frozen=True)
class Dataset:
    """A dataset as the exports and the OGC API offer it (the map API's endpoints are its layer's)."""

    id: str
    title: str  # the OGC collection's title
    description: str  # the OGC collection's description
    file_title: str  # an export's title
    abstract: str  # an export's abstract
    layer: Layer
    filters: type[FilterSet]
    listing: Callable[..., QuerySet]
    temporal: bool  # projects carry years, so OGC's datetime selects them; corridors have no time
    columns: list[Column]  # an export's flat columns
    extra: Callable[[dict], dict]  # labels the API does not carry
    empty_family: str  # the layer an empty export is written to


def _project_extra(properties: dict) -> dict:
    labels = dict(FundingType.choices)
    milestones = [f"{m['year']}: {m['event']} ({m['anchor']})" for m in properties.get("milestones") or []]
    return {"funding_labels": [labels.get(code, code) for code in properties.get("funding_types", [])],
            "milestones": milestones}


def _corridor_extra(properties: dict) -> dict:
    labels = dict(Corridor.GeometryMethod.choices)
    method = properties.get("geometry_method")
    return {"geometry_method_label": labels.get(method, method)}


DATASETS = {
    "projects": Dataset(
        id="projects", title="Projects",
        description="Projects of Japan–Mekong cooperation named in the source documents, with their "
                    "location precision, years, funding and the source paragraphs that cite them.",
        file_title="GeoMekong projects",
        abstract="Projects of Japan–Mekong cooperation named in the source documents, each at its place "
                 "with its location precision and the paragraphs that cite it.",
        layer=PROJECTS, filters=ProjectFilters, listing=project_list, temporal=True,
        columns=PROJECT_COLUMNS, extra=_project_extra, empty_family="points",
    ),
    "corridors": Dataset(
        id="corridors", title="Corridors",
        description="Economic corridors and roads named in the source documents, as lines with their "
                    "geodesic length and the source paragraphs that cite them.",
        file_title="GeoMekong corridors",
        abstract="Economic corridors and roads of the Mekong region named in the source documents, as "
                 "lines, with the paragraphs that cite them.",
        layer=CORRIDORS, filters=CorridorFilters, listing=corridor_list, temporal=False,
        columns=CORRIDOR_COLUMNS, extra=_corridor_extra, empty_family="lines",
    ),
}
