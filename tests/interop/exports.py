"""Helpers for the export tests: download an export to a file, read every layer back."""

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

GEOMETRY_LAYERS = {"projects_points", "projects_lines", "projects_polygons", "corridors_lines", "projects",
                   "corridors"}


def download(client, url: str, directory: Path) -> Path:
    response = client.get(url)
    assert response.status_code == 200, response.content
    name = response["Content-Disposition"].split('filename="', 1)[1].rstrip('"')
    path = directory / name
    path.write_bytes(b"".join(response.streaming_content) if response.streaming else response.content)
    return path


def gdal_path(path: Path) -> str:
    return f"/vsizip/{path}" if path.suffix == ".zip" else str(path)


def read_features(path: Path) -> gpd.GeoDataFrame:
    """Every feature of every geometry layer (a zip's shapefiles, a GeoPackage's layers)."""
    source = gdal_path(path)
    single_layer = path.suffix in (".csv", ".geojson")
    frames = [gpd.read_file(source, layer=name) for name, geometry_type in pyogrio.list_layers(source)
              if geometry_type is not None and (single_layer or name in GEOMETRY_LAYERS)]
    return pd.concat(frames, ignore_index=True)


def api_features(client, url: str) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {f["id"]: f for f in json.loads(response.content)["features"]}
