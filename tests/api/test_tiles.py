"""GET /tiles/{layer}/{z}/{x}/{y}.mvt: Mapbox Vector Tiles of the same filtered rows as the GeoJSON
endpoints, each feature where its coordinates put it in the tile."""

import math

import mapbox_vector_tile
import pytest

pytestmark = pytest.mark.django_db
EXTENT = 4096


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int, float, float]:
    """The tile (x, y) holding the point and its position inside it in tile units (0..4096, y up)."""
    n = 2**z
    fx = (lon + 180) / 360 * n
    fy = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    x, y = int(fx), int(fy)
    return x, y, (fx - x) * EXTENT, (1 - (fy - y)) * EXTENT


def decode(response) -> dict:
    assert response.status_code == 200 and response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    return mapbox_vector_tile.decode(response.content)


def slugs(tile: dict, layer: str) -> set[str]:
    return {f["properties"]["slug"] for f in tile.get(layer, {}).get("features", [])}


def test_a_project_is_drawn_where_it_lies_in_its_tile(client, world):
    x, y, tx, ty = tile_of(106.9, 20.8, 9)  # Lach Huyen Port
    tile = decode(client.get(f"/tiles/projects/9/{x}/{y}.mvt"))
    feature = next(f for f in tile["projects"]["features"] if f["properties"]["slug"] == "lach-huyen-port")
    px, py = feature["geometry"]["coordinates"]
    assert abs(px - tx) <= 1 and abs(py - ty) <= 1
    expected = {"name": "Lach Huyen Port", "sector": "port", "status": "completed"}
    assert expected.items() <= feature["properties"].items()


def test_tiles_take_the_filters_of_the_geojson_endpoints(client, world):
    # Zoom 3, tile 6/3 covers the whole Mekong region.
    everything = slugs(decode(client.get("/tiles/projects/3/6/3.mvt")), "projects")
    geojson = {f["id"] for f in client.get("/api/projects.geojson").json()["features"]}
    assert everything == geojson
    roads = slugs(decode(client.get("/tiles/projects/3/6/3.mvt?sector=road,port")), "projects")
    assert roads == {"national-road-9", "lach-huyen-port"}
    corridors = slugs(decode(client.get("/tiles/corridors/3/6/3.mvt?country=LAO")), "corridors")
    assert corridors == {f["id"] for f in client.get("/api/corridors.geojson?country=LAO").json()["features"]}


def test_a_tile_with_nothing_in_it_is_empty(client, world):
    response = client.get("/tiles/projects/6/0/0.mvt")  # the Arctic off Alaska
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(("path", "status", "parameter"), [
    ("/tiles/projects/3/8/0.mvt", 404, "z"),  # x beyond 2**3
    ("/tiles/projects/21/0/0.mvt", 404, "z"),
    ("/tiles/rivers/3/6/3.mvt", 404, "layer"),
    ("/tiles/projects/3/6/3.mvt?sector=roads", 400, "sector"),
    ("/tiles/projects/3/6/3.mvt?year_min=2020&year_max=2010", 400, "year_min"),
])
def test_bad_tiles_and_filters_are_json_errors(client, world, path, status, parameter):
    response = client.get(path)
    assert response.status_code == status and response.json()["parameter"] == parameter


def test_tiles_are_cacheable_and_revalidated_by_the_data_version(client, world):
    response = client.get("/tiles/projects/3/6/3.mvt")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert client.get("/tiles/projects/3/6/3.mvt", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
