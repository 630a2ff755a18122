"""The GeoJSON exports pass a strict RFC 7946 check; list properties stay lists."""

import json

import pyogrio
import pytest

from tests.interop.rfc7946 import geometry_problems, rfc7946_problems


@pytest.mark.parametrize("url", ["/export/projects.geojson", "/export/corridors.geojson",
                                 "/export/projects.geojson?sector=sez_industrial"])
def test_geojson_exports_follow_rfc_7946(world, client, url):
    response = client.get(url)
    assert response["Content-Type"] == "application/geo+json"
    document = json.loads(response.content)
    assert document["features"]
    assert rfc7946_problems(document) == []


def test_polygons_stored_clockwise_come_out_counter_clockwise_with_clockwise_holes(world, client):
    """The test world stores Thilawa's outer ring clockwise and its hole counter-clockwise."""
    document = json.loads(client.get("/export/projects.geojson?sector=sez_industrial").content)
    thilawa = next(f for f in document["features"] if f["id"] == "thilawa-sez")
    assert len(thilawa["geometry"]["coordinates"]) == 2  # the hole is kept
    assert geometry_problems(thilawa["geometry"], where="thilawa") == []


def test_coordinates_are_rounded_to_six_decimals_and_lists_stay_lists(world, client):
    document = json.loads(client.get("/export/projects.geojson?sector=bridge").content)
    bridge = document["features"][0]
    assert bridge["geometry"]["coordinates"] == [105.123457, 11.987654]
    properties = bridge["properties"]
    assert properties["years"] == [2012, 2015] and properties["countries"] == ["KHM"]
    assert properties["sources"][0]["anchor"] == "ap2012-1-01"
    assert document["bbox"] == [105.123457, 11.987654, 105.123457, 11.987654]


def test_the_checker_catches_what_it_must(db):
    """The check itself: a crs member, a clockwise exterior, a position outside lon/lat, a bad bbox."""
    bad = {
        "type": "FeatureCollection", "crs": {"type": "name"}, "bbox": [0, 0, 1, 1],
        "features": [
            {"type": "Feature", "id": "a", "properties": {},
             "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}},
            {"type": "Feature", "id": "b", "properties": {},
             "geometry": {"type": "Point", "coordinates": [200.1234567, 10]}},
        ],
    }
    problems = "\n".join(rfc7946_problems(bad))
    assert "crs member" in problems
    assert "exterior ring is clockwise" in problems
    assert "not lon/lat" in problems and "more than 6 decimals" in problems and "outside the bbox" in problems


# Every endpoint that writes geometry writes it through geodata.geojson.write_collection; each must
# turn the world's clockwise polygons (Thilawa with a counter-clockwise hole, Dawei's two parts)
# counter-clockwise with clockwise holes.
POLYGON_ENDPOINTS = [
    "/api/projects.geojson?sector=sez_industrial",
    "/api/corridors/ewec/projects.geojson?within_km=400&sector=sez_industrial",
    "/export/projects.geojson?sector=sez_industrial",
    "/ogc/collections/projects/items?sector=sez_industrial",
]


@pytest.mark.parametrize("url", POLYGON_ENDPOINTS)
def test_polygons_come_out_counter_clockwise_from_every_endpoint(world, client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    document = json.loads(response.content)
    polygons = {f["id"]: f["geometry"] for f in document["features"]}
    assert {"thilawa-sez", "dawei-sez"} <= set(polygons)
    assert polygons["thilawa-sez"]["type"] == "Polygon" and len(polygons["thilawa-sez"]["coordinates"]) == 2
    assert polygons["dawei-sez"]["type"] == "MultiPolygon"
    assert rfc7946_problems(document) == []


def test_one_ogc_item_is_counter_clockwise(world, client):
    feature = json.loads(client.get("/ogc/collections/projects/items/thilawa-sez").content)
    assert len(feature["geometry"]["coordinates"]) == 2
    assert geometry_problems(feature["geometry"], where="thilawa") == []


def test_the_geopackage_keeps_the_counter_clockwise_rings(world, client, tmp_path):
    path = tmp_path / "projects.gpkg"
    path.write_bytes(b"".join(client.get("/export/projects.gpkg?sector=sez_industrial").streaming_content))
    frame = pyogrio.read_dataframe(path, layer="projects_polygons")
    assert set(frame["slug"]) == {"thilawa-sez", "dawei-sez"}
    for geometry in frame.geometry:
        for polygon in getattr(geometry, "geoms", [geometry]):
            assert polygon.exterior.is_ccw
            assert all(not ring.is_ccw for ring in polygon.interiors)
