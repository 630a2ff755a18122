"""GDAL's OGC API – Features client (ogrinfo/ogr2ogr OAPIF:) and geopandas against a live server."""

import json
import subprocess
import sys

import pytest
from django.contrib.gis.geos import Polygon

from projects.models import Project
from tests.interop.conftest import OGR2OGR, build_many, build_world, layer_summaries

BOX = (100.0, 11.5, 106.0, 15.5)


@pytest.fixture
def live_world(transactional_db):
    """Rows the live server's thread can see: created outside a test transaction."""
    build_world()
    build_many(250)


def _ogr2ogr_geojson(tmp_path, source: str, layer: str, *options: str) -> dict:
    out = tmp_path / f"{layer}.geojson"
    result = subprocess.run([OGR2OGR, "-f", "GeoJSON", str(out), source, layer, *options],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


def test_ogrinfo_lists_both_collections(live_world, live_server, ogrinfo):
    listing = ogrinfo(f"OAPIF:{live_server.url}/ogc")
    assert "projects" in listing and "corridors" in listing
    summary = layer_summaries(ogrinfo("-so", f"OAPIF:{live_server.url}/ogc", "projects"))
    assert summary["projects"]["count"] == Project.objects.count() == 256


def test_gdal_pages_through_every_project_exactly_once(live_world, live_server, tmp_path):
    document = _ogr2ogr_geojson(tmp_path, f"OAPIF:{live_server.url}/ogc", "projects", "-oo", "PAGE_SIZE=50")
    ids = [f["properties"]["slug"] for f in document["features"]]
    assert len(ids) == len(set(ids)) == 256
    assert set(ids) == set(Project.objects.values_list("slug", flat=True))


def test_gdal_spatial_filter_returns_exactly_the_projects_in_the_box(live_world, live_server, tmp_path):
    document = _ogr2ogr_geojson(tmp_path, f"OAPIF:{live_server.url}/ogc", "projects", "-oo", "PAGE_SIZE=50",
                                "-spat", *map(str, BOX))
    in_box = Project.objects.filter(geom__intersects=Polygon.from_bbox(BOX))
    expected = set(in_box.values_list("slug", flat=True))
    assert len(expected) > 50  # more than one page
    ids = [f["properties"]["slug"] for f in document["features"]]
    assert len(ids) == len(set(ids)) and set(ids) == expected


# geopandas runs in a child process: pyogrio holds the GIL while GDAL fetches a URL, so in this
# process it would wait forever for the live server's thread.
READ_SCRIPT = """
import json, sys
import geopandas as gpd
frame = gpd.read_file(sys.argv[1], **json.loads(sys.argv[2]))
print(json.dumps(sorted(frame["slug"])))
"""


def _geopandas_slugs(source: str, **options) -> list[str]:
    result = subprocess.run([sys.executable, "-c", READ_SCRIPT, source, json.dumps(options)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_geopandas_reads_the_items_url_and_the_oapif_layer_as_the_api(live_world, live_server, client):
    api = sorted(json.loads(client.get("/api/projects.geojson?country=MMR").content)["features"],
                 key=lambda f: f["id"])
    slugs = _geopandas_slugs(f"{live_server.url}/ogc/collections/projects/items?country=MMR&limit=1000")
    assert slugs == [f["id"] for f in api]
    assert _geopandas_slugs(f"OAPIF:{live_server.url}/ogc", layer="corridors") == ["ewec", "nr9"]
    assert len(_geopandas_slugs(f"OAPIF:{live_server.url}/ogc", layer="projects")) == 256
