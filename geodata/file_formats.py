"""Writing a feature table to the files GIS tools open: GeoPackage, zipped Shapefile, CSV and KML.

Generic: the caller gives flat rows, their shapely geometries, related attribute tables (e.g.
one row per cited paragraph) and the metadata; pyogrio (GDAL) writes every file into a
temporary directory. GeoJSON is not written here: PostGIS writes it (geodata.geojson). What goes
in a file is the caller's (projects/file_contents.py).
"""

import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import geopandas as gpd
import pandas as pd
import pyogrio
from shapely.geometry.base import BaseGeometry

CRS = "EPSG:4326"
DECIMALS = 6
LIST_SEPARATOR = "; "
SHAPEFILE_NAME_MAX = 10
# dBASE character fields hold at most 254 bytes.
SHAPEFILE_TEXT_MAX = 254
ELLIPSIS = "…"
NATURAL_EARTH_LICENSE = (
    "Basemap and country outlines: Natural Earth (naturalearthdata.com), public domain. "
    "Made with Natural Earth."
)


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    label: str


FORMATS = {
    "geojson": Format("geojson", "application/geo+json", "GeoJSON (RFC 7946)"),
    "gpkg": Format("gpkg", "application/geopackage+sqlite3", "GeoPackage"),
    "zip": Format("zip", "application/zip", "Shapefile (zipped)"),
    "csv": Format("csv", "text/csv; charset=utf-8", "CSV (WKT geometry, lon/lat)"),
    "kml": Format("kml", "application/vnd.google-earth.kml+xml", "KML"),
}

# A Shapefile (and a typed GeoPackage layer) holds one kind of geometry: features are split by family.
FAMILIES = {
    "Point": "points", "MultiPoint": "points",
    "LineString": "lines", "MultiLineString": "lines",
    "Polygon": "polygons", "MultiPolygon": "polygons",
}
SINGLE_TYPE = {"points": "Point", "lines": "LineString", "polygons": "Polygon"}


class ExportError(ValueError):
    """A table this module cannot write (an unknown format or geometry type)."""


@dataclass(frozen=True)
class Table:
    """What one export holds. `rows` are flat dicts of scalars (str, int, float, None), one per
    geometry; `related` are attribute tables without geometry, written next to the layers."""

    name: str
    rows: Sequence[Mapping[str, object]]
    geometries: Sequence[BaseGeometry]
    columns: Sequence[str]
    descriptions: Mapping[str, str] = field(default_factory=dict)
    short_names: Mapping[str, str] = field(default_factory=dict)
    related: Mapping[str, Sequence[Mapping[str, object]]] = field(default_factory=dict)
    # Columns too long for dBASE, left out of the Shapefile (their content is in `related`).
    long_columns: Sequence[str] = ()
    # The layer an empty result is written to, so the file still opens with its fields.
    empty_family: str = "points"
    # A KML placemark's title is this column; its balloon text is the row's entry in `balloons`.
    kml_name: str = "name"
    balloons: Sequence[str] = ()


@dataclass(frozen=True)
class Metadata:
    title: str
    abstract: str
    generated_at: datetime
    filters: Mapping[str, str]
    feature_count: int
    documents: Sequence[str]
    query_url: str = ""
    site: str = ""
    license: str = NATURAL_EARTH_LICENSE


# ---------------------------------------------------------------------------------------------
# Values


def joined(values: Iterable[object] | None) -> str:
    """A list as one text value, for formats without list fields."""
    return LIST_SEPARATOR.join(str(v) for v in values or ())


def as_json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def representative_lon_lat(geometry: BaseGeometry) -> tuple[float, float]:
    """A point guaranteed to lie on the geometry (the middle of a line's length would not be for a
    curved river crossing; point_on_surface is), rounded like the coordinates."""
    point = geometry.point_on_surface()
    return round(point.x, DECIMALS), round(point.y, DECIMALS)


# ---------------------------------------------------------------------------------------------
# Shapefile field names


def shapefile_field_names(columns: Sequence[str], *, preferred: Mapping[str, str] = {}) -> dict[str, str]:
    """Full column name -> unique dBASE field name of at most 10 characters.

    The preferred short name is used when it fits and is free; otherwise the vowels after each
    word's first letter are dropped, then the name is cut, then a number makes it unique.
    dBASE compares names case-insensitively, so uniqueness is checked in lower case.
    """
    taken: set[str] = set()
    names = {}
    for column in columns:
        candidates = [preferred.get(column, ""), column, _abbreviate(column)]
        short = next((c for c in candidates if c and len(c) <= SHAPEFILE_NAME_MAX
                      and c.lower() not in taken), None)
        if short is None:
            base = _abbreviate(column)[:SHAPEFILE_NAME_MAX]
            for n in range(1, 1000):
                suffix = str(n)
                short = base[:SHAPEFILE_NAME_MAX - len(suffix)] + suffix
                if short.lower() not in taken:
                    break
        taken.add(short.lower())
        names[column] = short
    return names


def _abbreviate(name: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w]
    short = "_".join(w[0] + re.sub(r"[aeiouAEIOU]", "", w[1:]) for w in words)
    return short[:SHAPEFILE_NAME_MAX].rstrip("_") or "field"


def _fit_dbf_text(value: object) -> tuple[object, bool]:
    """A text value cut to 254 UTF-8 bytes (marked with …); True when it was cut."""
    if not isinstance(value, str) or len(value.encode("utf-8")) <= SHAPEFILE_TEXT_MAX:
        return value, False
    room = SHAPEFILE_TEXT_MAX - len(ELLIPSIS.encode("utf-8"))
    cut = value.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return cut + ELLIPSIS, True


# ---------------------------------------------------------------------------------------------
# Metadata


def metadata_items(meta: Metadata) -> list[tuple[str, str]]:
    """The metadata as (key, value) pairs: the sidecar text, the GeoPackage's metadata table."""
    filters = "; ".join(f"{k}={v}" for k, v in meta.filters.items()) or "none (every feature)"
    items = [
        ("dataset", meta.title),
        ("abstract", meta.abstract),
        ("generated", meta.generated_at.isoformat(timespec="seconds")),
        ("filters", filters),
        ("features", str(meta.feature_count)),
        ("crs", "WGS 84 longitude/latitude (EPSG:4326, OGC CRS84 axis order), 6 decimals"),
    ]
    if meta.query_url:
        items.append(("same data from the API", meta.query_url))
    if meta.site:
        items.append(("site", f"{meta.site} (the url fields are relative to it)"))
    items += [("source document", doc) for doc in meta.documents]
    items.append(("license of the basemap data", meta.license))
    return items


def metadata_text(meta: Metadata, *, sections: Sequence[tuple[str, str]] = ()) -> str:
    """A plain-text sidecar (README.txt) with the metadata and the caller's extra sections."""
    lines = [meta.title, "=" * len(meta.title), ""]
    for key, value in metadata_items(meta):
        lines.append(f"{key}: {value}")
    for heading, body in sections:
        lines += ["", heading, "-" * len(heading), body.rstrip()]
    return "\n".join(lines) + "\n"


def field_table(table: Table, *, columns: Sequence[str], short_names: Mapping[str, str]) -> str:
    """One line per column: short name, full name and description."""
    lines = []
    for column in columns:
        description = table.descriptions.get(column, "")
        lines.append(f"{short_names[column]:<10}  {column:<22}  {description}".rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Frames


def _frame(table: Table, rows: Sequence[Mapping[str, object]], geometries: Sequence[BaseGeometry],
           columns: Sequence[str]) -> gpd.GeoDataFrame:
    data = {column: [row.get(column) for row in rows] for column in columns}
    frame = gpd.GeoDataFrame(data, geometry=list(geometries), crs=CRS)
    for column in columns:
        # Integer columns as 32-bit: KML and dBASE readers know no 64-bit integers.
        values = [v for v in frame[column] if v is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            frame[column] = frame[column].astype("Int32")
    return frame


def _families(table: Table) -> dict[str, list[int]]:
    """Row indexes per geometry family, in the table's order; only families present."""
    families: dict[str, list[int]] = {}
    for index, geometry in enumerate(table.geometries):
        family = FAMILIES.get(geometry.geom_type)
        if family is None:
            raise ExportError(f"cannot export a {geometry.geom_type} geometry")
        families.setdefault(family, []).append(index)
    if not families:
        return {table.empty_family: []}
    order = list(SINGLE_TYPE)
    return dict(sorted(families.items(), key=lambda item: order.index(item[0])))


def _layer_type(table: Table, family: str, indexes: Sequence[int]) -> tuple[str, bool]:
    """Single type when every geometry is single, else the Multi type (singles promoted)."""
    single = SINGLE_TYPE[family]
    if all(table.geometries[i].geom_type == single for i in indexes):
        return single, False
    return f"Multi{single}", True


def family_layers(table: Table) -> list[tuple[str, str, bool, list[int]]]:
    """(layer name, geometry type, promote to multi, row indexes) per geometry family."""
    layers = []
    for family, indexes in _families(table).items():
        geometry_type, promote = _layer_type(table, family, indexes)
        layers.append((f"{table.name}_{family}", geometry_type, promote, indexes))
    return layers


# ---------------------------------------------------------------------------------------------
# Writers: each writes into `directory` and returns the file to send.


def write_gpkg(table: Table, meta: Metadata, *, directory: Path, basename: str) -> Path:
    """One layer per geometry family (so ogrinfo/QGIS see a real type), full column names,
    the related tables and a `metadata` table; the metadata also goes into gpkg_metadata."""
    path = directory / f"{basename}.gpkg"
    dataset_metadata = {"TITLE": meta.title, "DESCRIPTION": metadata_text(meta)}
    for layer, geometry_type, promote, indexes in family_layers(table):
        frame = _frame(table, [table.rows[i] for i in indexes], [table.geometries[i] for i in indexes],
                       table.columns)
        pyogrio.write_dataframe(
            frame, path, layer=layer, driver="GPKG", geometry_type=geometry_type, promote_to_multi=promote,
            layer_options={"DESCRIPTION": f"{meta.title}: {geometry_type} features", "FID": "fid"},
            # GeoPackage 1.3: GDAL before 3.7 and older QGIS warn about 1.4 files.
            dataset_options=None if path.exists() else {"VERSION": "1.3"},
            dataset_metadata=dataset_metadata, append=path.exists(),
        )
        dataset_metadata = None
    for name, rows in table.related.items():
        _write_attributes(rows, path, layer=name)
    keys, values = zip(*metadata_items(meta), strict=True)
    pyogrio.write_dataframe(pd.DataFrame({"key": keys, "value": values}), path, layer="metadata",
                            driver="GPKG", append=True)
    return path


def _write_attributes(rows: Sequence[Mapping[str, object]], path: Path, *, layer: str) -> None:
    frame = pd.DataFrame(list(rows))
    if frame.empty:
        return
    pyogrio.write_dataframe(frame, path, layer=layer, driver="GPKG", append=path.exists())


def write_shapefile_zip(table: Table, meta: Metadata, *, directory: Path, basename: str) -> Path:
    """Shapefiles (one per geometry family), the related tables as UTF-8 CSV and README.txt."""
    folder = directory / "shp"
    folder.mkdir()
    columns = [c for c in table.columns if c not in table.long_columns]
    short = shapefile_field_names(columns, preferred=table.short_names)
    shortened: dict[str, int] = {}
    layers = []
    for layer, geometry_type, promote, indexes in family_layers(table):
        rows = []
        for i in indexes:
            row = {}
            for column in columns:
                row[short[column]], cut = _fit_dbf_text(table.rows[i].get(column))
                shortened[column] = shortened.get(column, 0) + cut
            rows.append(row)
        frame = _frame(table, rows, [table.geometries[i] for i in indexes], list(short.values()))
        pyogrio.write_dataframe(frame, folder / f"{layer}.shp", driver="ESRI Shapefile", encoding="UTF-8",
                                geometry_type=geometry_type, promote_to_multi=promote)
        layers.append(f"{layer}.shp: {len(indexes)} {geometry_type} features")
    for name, rows in table.related.items():
        pd.DataFrame(list(rows)).to_csv(folder / f"{name}.csv", index=False, encoding="utf-8")
    cut_note = "\n".join(f"{short[c]} ({c}): {n} value(s)" for c, n in shortened.items() if n)
    sections = [
        ("Layers", "A Shapefile holds one geometry type, so the features are split by geometry into "
                   "these files (they share the same fields):\n" + "\n".join(layers)),
        ("Fields (short name, full name, meaning)",
         "Shapefile field names are at most 10 characters; lists are joined with '; '.\n"
         + field_table(table, columns=columns, short_names=short)),
        ("Related tables", "\n".join(f"{name}.csv (UTF-8)" for name in table.related) or "none"),
        ("Shortened values", "dBASE text fields hold 254 bytes; longer values end with '…' here and "
                             "are complete in the GeoPackage, CSV and GeoJSON exports.\n"
                             + (cut_note or "none in this file")),
    ]
    (folder / "README.txt").write_text(metadata_text(meta, sections=sections), encoding="utf-8")
    path = directory / f"{basename}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, arcname=file.name)
    return path


def write_csv(table: Table, meta: Metadata, *, directory: Path, basename: str) -> Path:
    """One UTF-8 CSV with a header: WKT geometry, lon/lat of a representative point, then the
    columns. The metadata cannot live in a CSV: the caller offers it as a sidecar."""
    path = directory / f"{basename}.csv"
    points = [representative_lon_lat(g) for g in table.geometries]
    rows = [{"lon": lon, "lat": lat, **row} for (lon, lat), row in zip(points, table.rows, strict=True)]
    frame = _frame(table, rows, table.geometries, ["lon", "lat", *table.columns])
    pyogrio.write_dataframe(frame, path, driver="CSV", layer=table.name,
                            layer_options={"GEOMETRY": "AS_WKT", "CREATE_CSVT": "NO"})
    return path


def write_kml(table: Table, meta: Metadata, *, directory: Path, basename: str) -> Path:
    """KML (LIBKML driver): one folder of placemarks, the metadata as the document description."""
    path = directory / f"{basename}.kml"
    columns = [c for c in table.columns if c != table.kml_name]
    balloons = list(table.balloons) or [None] * len(table.rows)
    rows = [{"Name": row.get(table.kml_name), "description": balloon, **{c: row.get(c) for c in columns}}
            for row, balloon in zip(table.rows, balloons, strict=True)]
    frame = _frame(table, rows, table.geometries, ["Name", "description", *columns])
    pyogrio.write_dataframe(frame, path, driver="LIBKML", layer=table.name,
                            dataset_options={"NAME": meta.title, "DESCRIPTION": metadata_text(meta)})
    return path


WRITERS = {"gpkg": write_gpkg, "zip": write_shapefile_zip, "csv": write_csv, "kml": write_kml}


def write(table: Table, meta: Metadata, *, fmt: str, directory: Path, basename: str) -> Path:
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown format {fmt!r}; expected one of: {', '.join(WRITERS)}") from None
    return writer(table, meta, directory=directory, basename=basename)


def open_export(table: Table, meta: Metadata, *, fmt: str, basename: str) -> BinaryIO:
    """The written file, open for reading, with its temporary directory already removed.

    POSIX keeps an unlinked file readable until it is closed, so a response can stream it and
    nothing is left on disk, even when the client goes away halfway.
    """
    directory = Path(tempfile.mkdtemp(prefix="geomekong-export-"))
    try:
        return write(table, meta, fmt=fmt, directory=directory, basename=basename).open("rb")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
