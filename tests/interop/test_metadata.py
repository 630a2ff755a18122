"""Every export says what it is: dataset, filters, date, source documents, basemap licence."""

import json
import zipfile

import pandas as pd
import pyogrio
from django.utils import timezone

from tests.interop.exports import download

QUERY = "?theme=connectivity&year_min=2012"


def _assert_metadata(text: str) -> None:
    today = timezone.now().strftime("%Y-%m-%d")
    assert "GeoMekong projects" in text
    assert "theme=connectivity" in text and "year_min=2012" in text
    assert today in text
    assert "AP2012: AP2012 test document (2012; Ministry of Foreign Affairs of Japan)" in text
    assert "MJC2024" in text
    assert "Natural Earth" in text and "public domain" in text


def test_geojson_carries_a_metadata_member(world, client):
    document = json.loads(client.get(f"/export/projects.geojson{QUERY}").content)
    metadata = document["metadata"]
    assert metadata["filters"] == {"theme": "connectivity", "year_min": "2012"}
    assert metadata["query"] == "http://testserver/api/projects.geojson?theme=connectivity&year_min=2012"
    _assert_metadata(json.dumps(metadata, ensure_ascii=False))
    assert document["numberMatched"] == len(document["features"]) == 3


def test_geopackage_has_a_metadata_table_and_gpkg_metadata(world, client, tmp_path):
    path = download(client, f"/export/projects.gpkg{QUERY}", tmp_path)
    table = pyogrio.read_dataframe(path, layer="metadata")
    _assert_metadata("\n".join(f"{k}: {v}" for k, v in zip(table["key"], table["value"], strict=True)))
    assert pyogrio.read_info(path, layer="metadata")["dataset_metadata"]["TITLE"] == "GeoMekong projects"
    sources = pyogrio.read_dataframe(path, layer="project_sources")
    assert isinstance(sources, pd.DataFrame) and {"project", "anchor", "url", "text"} <= set(sources)


def test_shapefile_zip_readme(world, client, tmp_path):
    path = download(client, f"/export/projects.zip{QUERY}", tmp_path)
    _assert_metadata(zipfile.ZipFile(path).read("README.txt").decode("utf-8"))


def test_kml_document_description(world, client, tmp_path):
    path = download(client, f"/export/projects.kml{QUERY}", tmp_path)
    _assert_metadata(path.read_text(encoding="utf-8").split("<Schema", 1)[0])


def test_csv_sidecar_is_linked_and_describes_the_same_selection(world, client):
    link = client.get(f"/export/projects.csv{QUERY}")["Link"]
    sidecar_url = link.split(">", 1)[0].lstrip("<")
    assert sidecar_url == "/export/projects.txt?theme=connectivity&year_min=2012"
    response = client.get(sidecar_url)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    _assert_metadata(text)
    assert "features: 3" in text and "WKT" in text
