"""/basemap/<layer>.geojson serves the offline basemap layers from geodata/data/basedata."""

import json

from geodata.basemap import LAYERS


def test_each_layer_is_served_as_cacheable_geojson(client):
    for layer in LAYERS:
        response = client.get(f"/basemap/{layer}.geojson")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/geo+json"
        assert "max-age=" in response["Cache-Control"]
        assert json.loads(response.content)["type"] == "FeatureCollection"


def test_the_mekong_is_in_the_rivers_layer(client):
    rivers = json.loads(client.get("/basemap/rivers.geojson").content)
    assert any(f["properties"]["name_en"] == "Mekong" for f in rivers["features"])


def test_an_unknown_layer_is_a_json_404(client):
    response = client.get("/basemap/roads.geojson")
    assert response.status_code == 404
    assert response.json()["parameter"] == "layer"
