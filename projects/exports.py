"""What the exports of projects and corridors hold, and their file names.

The rows come from the same FeatureCollection the map API serves (one PostGIS statement), so an
export always holds what the API holds for the same filters: GeoJSON is passed on as text,
the other formats flatten its properties (lists joined, sources as their own table).
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import BinaryIO
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils.html import escape
from shapely.geometry import shape

from corridors.filters import CorridorFilters
from corridors.layers import CORRIDORS
from corridors.models import Corridor
from corridors.selectors import corridor_list
from geodata import export
from geodata.geojson import Layer, Written, write_collection
from geodata.models import Document
from geodata.query_params import FilterSet
from projects.filters import ProjectFilters
from projects.layers import PROJECTS
from projects.selectors import project_list
from projects.vocabularies import FundingType

FILE_PREFIX = "geomekong"
LABEL_MAX = 80


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
    kind: str
    title: str
    abstract: str
    filters: type[FilterSet]
    listing: Callable[..., QuerySet]
    layer: Layer
    columns: list[Column]
    extra: Callable[[dict], dict]  # labels the API does not carry
    empty_family: str


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
        "projects", "GeoMekong projects",
        "Projects of Japan–Mekong cooperation named in the source documents, each at its place with "
        "its location precision and the paragraphs that cite it.",
        ProjectFilters, project_list, PROJECTS, PROJECT_COLUMNS, _project_extra, "points",
    ),
    "corridors": Dataset(
        "corridors", "GeoMekong corridors",
        "Economic corridors and roads of the Mekong region named in the source documents, as lines, "
        "with the paragraphs that cite them.",
        CorridorFilters, corridor_list, CORRIDORS, CORRIDOR_COLUMNS, _corridor_extra, "lines",
    ),
}


def parse_filters(*, kind: str, query: Mapping[str, str]) -> FilterSet:
    """The dataset's filters from a query mapping; raises FilterError (-> HTTP 400)."""
    return DATASETS[kind].filters.from_query(query)


def filter_names(kind: str) -> list[str]:
    return [f.name for f in fields(DATASETS[kind].filters)]


# ---------------------------------------------------------------------------------------------
# File names


def export_label(filters: FilterSet) -> str:
    """What was filtered, for a file name: `connectivity-2012-2024`, `road_bridge-VNM`, `all`: each
    active parameter's part (Parameter.file_label), in declaration order."""
    query = filters.as_query()
    parts = [p.file_label(query) for p in filters.parameters if p.name in query]
    return _file_safe("-".join(part for part in parts if part)) or "all"


def _file_safe(text: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "._+" else "-" for ch in text)
    while "--" in safe:
        safe = safe.replace("--", "-")
    return safe.strip("-.")[:LABEL_MAX].rstrip("-.")


def file_name(*, kind: str, filters: FilterSet, fmt: str, now: datetime) -> str:
    """`geomekong-projects-connectivity-2012-2024-20261122.gpkg`."""
    return f"{FILE_PREFIX}-{kind}-{export_label(filters)}-{now:%Y%m%d}.{export.FORMATS[fmt].extension}"


# ---------------------------------------------------------------------------------------------
# Metadata


def document_lines() -> list[str]:
    return [
        f"{d.short}: {d.title} ({d.date_text}; {d.publisher or 'publisher not recorded'}) /sources/{d.slug}/"
        for d in Document.objects.order_by("year", "slug")
    ]


def api_url(*, kind: str, filters: FilterSet) -> str:
    query = urlencode(filters.as_query())
    return f"/api/{kind}.geojson" + (f"?{query}" if query else "")


def metadata(*, kind: str, filters: FilterSet, feature_count: int, now: datetime,
             site: str = "") -> export.Metadata:
    dataset = DATASETS[kind]
    return export.Metadata(
        title=dataset.title, abstract=dataset.abstract, generated_at=now, filters=filters.as_query(),
        feature_count=feature_count, documents=document_lines(),
        query_url=site.rstrip("/") + api_url(kind=kind, filters=filters), site=site,
    )


def _metadata_member(meta: export.Metadata) -> dict:
    return {
        "title": meta.title, "abstract": meta.abstract,
        "generated": meta.generated_at.isoformat(timespec="seconds"), "filters": dict(meta.filters),
        "query": meta.query_url, "site": meta.site or None, "documents": list(meta.documents),
        "license": meta.license,
    }


# ---------------------------------------------------------------------------------------------
# Export


def _written(dataset: Dataset, filters: FilterSet) -> Written:
    return write_collection(layer=dataset.layer, queryset=dataset.listing(filters=filters))


def geojson_export(*, kind: str, filters: FilterSet, now: datetime, site: str = "") -> str:
    """The API's FeatureCollection with a `metadata` foreign member (the features are not parsed)."""
    written = _written(DATASETS[kind], filters)
    meta = metadata(kind=kind, filters=filters, feature_count=written.count, now=now, site=site)
    return written.text({"metadata": _metadata_member(meta)})


def _flat(dataset: Dataset, properties: dict) -> dict:
    sources = properties.get("sources", [])
    values = {**properties, **dataset.extra(properties)}
    row = {}
    for column in dataset.columns:
        value = values.get(column.name)
        row[column.name] = export.joined(value) if isinstance(value, list) else value
    row.update(
        source_count=len(sources),
        source_anchors=export.joined(s["anchor"] for s in sources),
        source_documents=export.joined(dict.fromkeys(s["document_short"] for s in sources)),
        source_urls=export.joined(s["url"] for s in sources),
        sources_json=export.as_json_text(sources),
    )
    return row


def _status_text(properties: dict) -> str | None:
    """"status as of 2015: Completed (as stated in 2012: implementation)" for a project."""
    if not properties.get("status_label"):
        return None
    text = f"status as of {properties['status_as_of']}: " if properties.get("status_as_of") else ""
    text += properties["status_label"]
    if properties.get("stated_stage_label"):
        text += f" (as stated in {properties['stated_stage_year']}: {properties['stated_stage_label']})"
    return text


def _balloon(properties: dict, *, site: str) -> str:
    """The KML placemark's description: the essentials and the cited paragraphs, linked."""
    base = site.rstrip("/")
    facts = [properties.get("sector_label"), _status_text(properties),
             *(properties.get(k) for k in ("kind_label", "precision_label"))]
    if properties.get("years"):
        facts.append(f"named in {export.joined(properties['years'])}")
    lines = [f"<p>{escape(' · '.join(str(f) for f in facts if f))}</p>"]
    if properties.get("location_note"):
        lines.append(f"<p>{escape(properties['location_note'])}</p>")
    lines.append(f'<p><a href="{escape(base + properties["url"])}">Details on GeoMekong</a></p>')
    items = "".join(
        f'<li><a href="{escape(base + s["url"])}">{escape(s["document_short"])} '
        f"{escape(s['label'] or s['anchor'])}</a>: {escape(s['text'])}</li>"
        for s in properties.get("sources", [])
    )
    if items:
        lines.append(f"<p>Sources:</p><ul>{items}</ul>")
    return "".join(lines)


def table(*, kind: str, collection: dict, site: str = "") -> export.Table:
    """The flat table of a FeatureCollection of the dataset (already parsed)."""
    dataset = DATASETS[kind]
    features = collection["features"]
    source_rows = [
        {kind[:-1]: f["id"], **s}
        for f in features for s in f["properties"].get("sources", [])
    ]
    return export.Table(
        name=kind,
        rows=[_flat(dataset, f["properties"]) for f in features],
        geometries=[shape(f["geometry"]) for f in features],
        columns=[c.name for c in dataset.columns],
        descriptions={c.name: c.description for c in dataset.columns},
        short_names={c.name: c.short for c in dataset.columns if c.short},
        long_columns=("sources_json",),
        related={f"{kind[:-1]}_sources": source_rows},
        empty_family=dataset.empty_family,
        balloons=[_balloon(f["properties"], site=site) for f in features],
    )


def open_file_export(*, kind: str, filters: FilterSet, fmt: str, now: datetime, site: str = "") -> BinaryIO:
    """A gpkg/zip/csv/kml export, open for reading (its temporary directory is already gone)."""
    collection = json.loads(_written(DATASETS[kind], filters).text())
    meta = metadata(kind=kind, filters=filters, feature_count=len(collection["features"]), now=now, site=site)
    basename = file_name(kind=kind, filters=filters, fmt=fmt, now=now).rsplit(".", 1)[0]
    return export.open_export(table(kind=kind, collection=collection, site=site), meta,
                              fmt=fmt, basename=basename)


def sidecar_text(*, kind: str, filters: FilterSet, now: datetime, site: str = "") -> str:
    """The metadata of an export as README text with the field list (the CSV's companion)."""
    dataset = DATASETS[kind]
    count = dataset.listing(filters=filters).count()
    meta = metadata(kind=kind, filters=filters, feature_count=count, now=now, site=site)
    fields_text = "\n".join(f"{c.name:<22}  {c.description}" for c in dataset.columns)
    return export.metadata_text(meta, sections=[
        ("Fields", "Lists are joined with '; '. The CSV adds WKT (the geometry) and lon/lat "
                   "(a point on the geometry).\n" + fields_text),
    ])
