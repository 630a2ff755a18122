"""Reads for the OGC API: a page of features, one feature, and each collection's extent."""

import json
from dataclasses import fields, replace

from geodata.db import read_connection
from geodata.geojson import Written, table_name, write_collection
from geodata.query_params import FilterSet
from projects.datasets import Dataset


def filter_names(collection: Dataset) -> set[str]:
    return {f.name for f in fields(collection.filters)}


def with_years(filters: FilterSet, years: tuple[int | None, int | None] | None) -> FilterSet:
    """The filters narrowed to the datetime's years: intersected with year_min/year_max, so an
    empty intersection matches nothing rather than being an error."""
    if years is None:
        return filters
    low, high = years
    if filters.year_min is not None:
        low = filters.year_min if low is None else max(low, filters.year_min)
    if filters.year_max is not None:
        high = filters.year_max if high is None else min(high, filters.year_max)
    return replace(filters, year_min=low, year_max=high)


def items_page(*, collection: Dataset, filters: FilterSet, limit: int, offset: int) -> tuple[Written, int]:
    """(the page's FeatureCollection as written, number matched). Two statements: the page's
    GeoJSON written by PostGIS, and the count of all matching features."""
    matching = collection.listing(filters=filters)
    page_ids = matching.values("pk")[offset:offset + limit]
    layer = collection.layer
    page = layer.model.objects.filter(pk__in=page_ids)
    return write_collection(layer=layer, queryset=page), matching.count()


def feature(*, collection: Dataset, feature_id: str) -> dict | None:
    """The one feature with this id (slug) as a GeoJSON Feature dict, or None."""
    layer = collection.layer
    qs = layer.model.objects.filter(**{layer.id_column: feature_id})
    features = json.loads(write_collection(layer=layer, queryset=qs).text())["features"]
    return features[0] if features else None


def spatial_extent(collection: Dataset) -> list[float] | None:
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                       f"FROM (SELECT ST_Extent(geom) AS e FROM {table_name(collection.layer.model)}) x")
        row = cursor.fetchone()
    return [round(v, 6) for v in row] if row and row[0] is not None else None


def year_extent(collection: Dataset) -> tuple[int, int] | None:
    if not collection.temporal:
        return None
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT min(y), max(y) FROM {table_name(collection.layer.model)}, unnest(years) AS y")
        row = cursor.fetchone()
    return (row[0], row[1]) if row and row[0] is not None else None
