"""Bad input to the spatial endpoints: 400 (or 404 for an unknown slug) with {"error", "parameter"}."""

import pytest

CASES = [
    ("/api/near?lon=181&lat=15", 400, "lon"),
    ("/api/near?lon=100&lat=-90.5", 400, "lat"),
    ("/api/near?lon=abc&lat=15", 400, "lon"),
    ("/api/near?lon=100", 400, "lat"),
    ("/api/near?lon=inf&lat=15", 400, "lon"),
    ("/api/near?lon=100&lat=15&within_km=-5", 400, "within_km"),
    ("/api/near?lon=100&lat=15&within_km=0", 400, "within_km"),
    ("/api/near?lon=100&lat=15&within_km=501", 400, "within_km"),
    ("/api/near?lon=100&lat=15&within_km=nan", 400, "within_km"),
    ("/api/near?lon=100&lat=15&within_km=1e309", 400, "within_km"),
    ("/api/near?lon=100&lat=15&limit=0", 400, "limit"),
    ("/api/near?lon=100&lat=15&limit=1000", 400, "limit"),
    ("/api/corridors/fixture-line/projects.geojson?within_km=ten", 400, "within_km"),
    ("/api/corridors/fixture-line/projects.geojson?within_km=5000", 400, "within_km"),
    ("/api/corridors/fixture-line/projects.geojson?sector=roads", 400, "sector"),
    ("/api/corridors/no-such-corridor/projects.geojson", 404, "slug"),
    ("/api/corridors/no-such-corridor/profile", 404, "slug"),
    ("/api/projects/no-such-project/nearby", 404, "slug"),
    ("/api/projects/west-depot/nearby?within_km=-1", 400, "within_km"),
    ("/api/projects.geojson?near_corridor=no-such-corridor", 400, "near_corridor"),
    ("/api/projects.geojson?near_corridor=Bad%20Slug!", 400, "near_corridor"),
    ("/api/projects.geojson?near_corridor=fixture-line&within_km=600", 400, "within_km"),
    ("/api/facets?near_corridor=fixture-line&within_km=-2", 400, "within_km"),
]


@pytest.mark.parametrize(("url", "status", "parameter"), CASES)
def test_bad_input_names_the_parameter(client, world, url, status, parameter):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["parameter"] == parameter and body["error"]


def test_only_get(client, world):
    assert client.post("/api/near?lon=100&lat=15").status_code == 405
