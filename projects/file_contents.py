"""What goes in an export file of a dataset (projects/datasets.py): its rows, metadata and file name;
geodata/file_formats.py writes the formats.

The rows come from the same FeatureCollection the map API serves (one PostGIS statement), so an
export always holds what the API holds for the same filters: GeoJSON is passed on as text,
the other formats flatten its properties (lists joined, sources as their own table).
"""

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import BinaryIO
from urllib.parse import urlencode

from django.utils.html import escape
from shapely.geometry import shape

from geodata import file_formats
from geodata.geojson import Written, write_collection
from geodata.models import Document
from geodata.query_params import FilterSet
from projects.datasets import DATASETS, Dataset

FILE_PREFIX = "geomekong"
LABEL_MAX = 80


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
    return f"{FILE_PREFIX}-{kind}-{export_label(filters)}-{now:%Y%m%d}.{file_formats.FORMATS[fmt].extension}"


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
             site: str = "") -> file_formats.Metadata:
    dataset = DATASETS[kind]
    return file_formats.Metadata(
        title=dataset.file_title, abstract=dataset.abstract, generated_at=now, filters=filters.as_query(),
        feature_count=feature_count, documents=document_lines(),
        query_url=site.rstrip("/") + api_url(kind=kind, filters=filters), site=site,
    )


def _metadata_member(meta: file_formats.Metadata) -> dict:
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
        row[column.name] = file_formats.joined(value) if isinstance(value, list) else value
    row.update(
        source_count=len(sources),
        source_anchors=file_formats.joined(s["anchor"] for s in sources),
        source_documents=file_formats.joined(dict.fromkeys(s["document_short"] for s in sources)),
        source_urls=file_formats.joined(s["url"] for s in sources),
        sources_json=file_formats.as_json_text(sources),
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
        facts.append(f"named in {file_formats.joined(properties['years'])}")
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


def table(*, kind: str, collection: dict, site: str = "") -> file_formats.Table:
    """The flat table of a FeatureCollection of the dataset (already parsed)."""
    dataset = DATASETS[kind]
    features = collection["features"]
    source_rows = [
        {kind[:-1]: f["id"], **s}
        for f in features for s in f["properties"].get("sources", [])
    ]
    return file_formats.Table(
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
    return file_formats.open_export(table(kind=kind, collection=collection, site=site), meta,
                              fmt=fmt, basename=basename)


def sidecar_text(*, kind: str, filters: FilterSet, now: datetime, site: str = "") -> str:
    """The metadata of an export as README text with the field list (the CSV's companion)."""
    dataset = DATASETS[kind]
    count = dataset.listing(filters=filters).count()
    meta = metadata(kind=kind, filters=filters, feature_count=count, now=now, site=site)
    fields_text = "\n".join(f"{c.name:<22}  {c.description}" for c in dataset.columns)
    return file_formats.metadata_text(meta, sections=[
        ("Fields", "Lists are joined with '; '. The CSV adds WKT (the geometry) and lon/lat "
                   "(a point on the geometry).\n" + fields_text),
    ])
