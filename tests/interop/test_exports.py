"""GET /export/<dataset>.<format>: files that GDAL and geopandas open with the database's rows."""

import csv
import io
import json
import re
import zipfile

import pytest
from django.utils import timezone
from shapely import wkt
from shapely.geometry import Point, shape

from projects.models import Project
from tests.interop.conftest import layer_summaries
from tests.interop.exports import api_features, download, gdal_path, read_features

FORMATS = ["geojson", "gpkg", "zip", "csv", "kml"]
CONTENT_TYPES = {
    "geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3", "zip": "application/zip",
    "csv": "text/csv; charset=utf-8", "kml": "application/vnd.google-earth.kml+xml",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_ogrinfo_opens_every_format_with_the_database_count(world, client, tmp_path, ogrinfo, fmt):
    """GDAL's own ogrinfo reads the download and counts every project exactly once."""
    response = client.get(f"/export/projects.{fmt}")
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    path = download(client, f"/export/projects.{fmt}", tmp_path)
    layers = layer_summaries(ogrinfo("-so", "-al", gdal_path(path)))
    spatial = {name: info for name, info in layers.items() if info["geometry"] not in (None, "None")}
    assert sum(info["count"] for info in spatial.values()) == Project.objects.count() == 6


def test_geopackage_has_a_typed_layer_per_geometry_family_with_full_names(world, client, tmp_path, ogrinfo):
    path = download(client, "/export/projects.gpkg", tmp_path)
    layers = layer_summaries(ogrinfo("-so", "-al", str(path)))
    assert {name: (info["geometry"], info["count"]) for name, info in layers.items()} == {
        "projects_points": ("Multi Point", 3),  # two points and a multipoint
        "projects_lines": ("Line String", 1),
        "projects_polygons": ("Multi Polygon", 2),  # a polygon and a multipolygon
        "project_sources": ("None", 5),
        "metadata": ("None", layers["metadata"]["count"]),
    }
    fields = layers["projects_points"]["fields"]
    assert {"sector", "sector_label", "precision", "precision_label", "status_provenance", "status_note",
            "years_note", "funding_note", "source_anchors", "source_urls", "sources_json"} <= set(fields)
    # Stated stage apart from the current status (with its year and basis), milestones apart from years.
    assert {"status_as_of", "status_basis", "stated_stage", "stated_stage_label", "stated_stage_year",
            "milestone_years", "milestones", "sector_theme"} <= set(fields)
    assert fields["precision"] == "Integer"


def test_shapefile_zip_splits_geometry_types_with_short_unique_names(world, client, tmp_path, ogrinfo):
    path = download(client, "/export/projects.zip", tmp_path)
    names = set(zipfile.ZipFile(path).namelist())
    for layer in ("projects_points", "projects_lines", "projects_polygons"):
        assert {f"{layer}.{ext}" for ext in ("shp", "shx", "dbf", "prj", "cpg")} <= names
    assert {"README.txt", "project_sources.csv"} <= names
    layers = layer_summaries(ogrinfo("-so", "-al", gdal_path(path)))
    assert {name: info["geometry"] for name, info in layers.items()} == {
        "projects_points": "Multi Point", "projects_lines": "Line String", "projects_polygons": "Polygon",
    }
    fields = list(layers["projects_points"]["fields"])
    assert all(len(name) <= 10 for name in fields)
    assert len({name.lower() for name in fields}) == len(fields)
    assert {"sector", "sector_lbl", "prec_lbl", "src_anchr", "src_urls"} <= set(fields)

    readme = zipfile.ZipFile(path).read("README.txt").decode("utf-8")
    assert "one geometry type" in readme and "projects_polygons.shp: 2 MultiPolygon" in readme
    assert re.search(r"^prec_lbl\s+precision_label\s+", readme, re.M)
    assert "loc_note (location_note): 1 value(s)" in readme  # the long note, cut to 254 bytes


def test_shapefile_keeps_non_ascii_text_and_cites_the_paragraphs(world, client, tmp_path):
    path = download(client, "/export/projects.zip", tmp_path)
    rows = read_features(path).set_index("slug")
    assert rows.loc["neak-loeung-bridge", "name"] == "Neak Loeung Bridge (Tsubasa) – ស្ពាន"
    assert rows.loc["neak-loeung-bridge", "loc_note"].endswith("…")
    assert rows.loc["national-road-9", "src_urls"] == "/sources/action-plan-2012/#ap2012-1-02"
    sources = list(csv.DictReader(io.StringIO(zipfile.ZipFile(path).read("project_sources.csv").decode())))
    assert {(s["project"], s["anchor"]) for s in sources} >= {("dawei-sez", "mjc2024-20")}
    assert all(s["text"] and s["url"].startswith("/sources/") for s in sources)


def test_csv_has_wkt_and_a_lon_lat_on_each_geometry(world, client):
    response = client.get("/export/projects.csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:5] == ["WKT", "lon", "lat", "slug", "name"]
    assert len(rows) == 6
    for row in rows:
        geometry = wkt.loads(row["WKT"])
        assert geometry.distance(Point(float(row["lon"]), float(row["lat"]))) < 1e-6, row["slug"]
    bridge = next(r for r in rows if r["slug"] == "neak-loeung-bridge")
    assert bridge["sector_label"] == "Bridge" and bridge["precision_label"] == "exact site"
    assert json.loads(bridge["sources_json"])[0]["anchor"] == "ap2012-1-01"
    assert response["Link"] == '</export/projects.txt>; rel="describedby"; type="text/plain"'


def test_kml_placemarks_carry_the_name_the_fields_and_the_sources(world, client, tmp_path):
    path = download(client, "/export/projects.kml", tmp_path)
    rows = read_features(path).set_index("slug")
    assert rows.loc["thilawa-sez", "Name"] == "Thilawa Special Economic Zone"
    assert rows.loc["thilawa-sez", "geometry"].geom_type == "Polygon"
    assert rows.loc["thilawa-sez", "source_anchors"] == "mjc2024-20"
    assert "http://testserver/sources/mjc-strategy-2024/#mjc2024-20" in rows.loc["thilawa-sez", "description"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_geopandas_reads_the_same_rows_as_the_api(world, client, tmp_path, fmt):
    query = "?country=MMR,LAO"
    api = api_features(client, f"/api/projects.geojson{query}")
    rows = read_features(download(client, f"/export/projects.{fmt}{query}", tmp_path))
    slug = "slug" if "slug" in rows else "Name"
    assert sorted(rows["slug"]) == sorted(api)
    assert len(rows) == len(api) == 5
    label = "sector_lbl" if fmt == "zip" else "sector_label"
    for _, row in rows.iterrows():
        feature = api[row[slug]]
        assert row[label] == feature["properties"]["sector_label"]
        # Topologically equal: a point promoted to a one-point multipoint is the same place.
        assert shape(feature["geometry"]).equals(row["geometry"]), row[slug]


QUERIES = [
    "sector=sez_industrial", "theme=connectivity&year_min=2012&year_max=2013", "bbox=95,14,100,18",
    "q=neak", "precision_max=2", "document=mjc-strategy-2024&funding=oda_loan",
    "near_corridor=ewec&within_km=50", "status=proposed,study",
]


@pytest.mark.parametrize("query", QUERIES)
def test_every_api_filter_selects_the_same_projects(world, client, tmp_path, query):
    """Including near_corridor: the export takes whatever the map API takes."""
    expected = set(api_features(client, f"/api/projects.geojson?{query}"))
    geojson = json.loads(client.get(f"/export/projects.geojson?{query}").content)
    assert {f["id"] for f in geojson["features"]} == expected
    gpkg = read_features(download(client, f"/export/projects.gpkg?{query}", tmp_path))
    assert set(gpkg["slug"]) == expected


def test_file_names_say_what_was_filtered_and_when(world, client):
    today = timezone.now().strftime("%Y%m%d")

    def name(url):
        return client.get(url)["Content-Disposition"]

    assert name("/export/projects.gpkg?theme=connectivity&year_min=2012&year_max=2024") == (
        f'attachment; filename="geomekong-projects-connectivity-2012-2024-{today}.gpkg"')
    assert name("/export/projects.csv?sector=road,bridge&country=VNM") == (
        f'attachment; filename="geomekong-projects-VNM-road_bridge-{today}.csv"')
    assert name("/export/projects.zip?year_min=2015") == (
        f'attachment; filename="geomekong-projects-from-2015-{today}.zip"')
    assert name("/export/corridors.kml") == f'attachment; filename="geomekong-corridors-all-{today}.kml"'
    assert name("/export/projects.kml?near_corridor=ewec&within_km=50") == (
        f'attachment; filename="geomekong-projects-near-ewec-50km-{today}.kml"')


@pytest.mark.parametrize("url, parameter", [
    ("/export/projects.gpkg?sector=roads", "sector"),
    ("/export/projects.zip?year_min=2020&year_max=2010", "year_min"),
    ("/export/projects.csv?bbox=1,2,3", "bbox"),
    ("/export/projects.kml?precision_max=9", "precision_max"),
    ("/export/corridors.gpkg?kind=canal", "kind"),
    ("/export/projects.geojson?theme=nope", "theme"),
])
def test_a_bad_filter_is_a_400_naming_the_parameter(world, client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter and response.json()["error"]


def test_unknown_dataset_or_format_is_a_404_with_json(db, client):
    assert client.get("/export/bridges.gpkg").json()["parameter"] == "dataset"
    response = client.get("/export/projects.xlsx")
    assert response.status_code == 404 and response.json()["parameter"] == "format"


def test_an_empty_selection_still_gives_files_that_open(world, client, tmp_path, ogrinfo):
    for fmt in ("gpkg", "zip"):
        path = download(client, f"/export/projects.{fmt}?sector=ict", tmp_path)
        layers = layer_summaries(ogrinfo("-so", "-al", gdal_path(path)))
        assert layers["projects_points"]["count"] == 0
        assert {"sector_label", "sector_lbl"} & set(layers["projects_points"]["fields"])


def test_corridors_export_as_lines_with_geodesic_length(world, client, tmp_path, ogrinfo):
    path = download(client, "/export/corridors.gpkg?country=LAO", tmp_path)
    layers = layer_summaries(ogrinfo("-so", "-al", str(path)))
    lines = layers["corridors_lines"]
    assert (lines["geometry"], lines["count"]) == ("Multi Line String", 2)
    rows = read_features(path).set_index("slug")
    assert rows.loc["nr9", "parent"] == "ewec" and rows.loc["nr9", "kind_label"] == "national road"
    assert 190 < rows.loc["nr9", "length_km"] < 200  # 1.85 degrees of longitude at 16.6° N
    assert rows.loc["ewec", "geometry_method_label"] == "segments between real waypoints"
    assert set(layers["corridor_sources"]["fields"]) >= {"corridor", "anchor", "url", "text"}
