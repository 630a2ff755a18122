"""GET /api/corridors/<slug>/projects.geojson: projects within a distance, ordered by chainage."""

import pytest

from tests.spatial.conftest import LINE, PROJECT_PLACES
from tests.spatial.expected import distance_and_chainage_km, length_km

REL = 0.005


def along(client, slug="fixture-line", **params):
    response = client.get(f"/api/corridors/{slug}/projects.geojson", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def expected_within(km: float) -> dict[str, tuple[float, float]]:
    """slug -> (distance_km, chainage_km) for the fixture projects within km of the line, per pyproj."""
    expected = {slug: distance_and_chainage_km(LINE, lon, lat)
                for slug, (lon, lat, *_rest) in PROJECT_PLACES.items()}
    return {slug: value for slug, value in expected.items() if value[0] <= km}


@pytest.mark.parametrize("km", [10, 25, 60])
def test_distances_and_chainages_agree_with_geod(client, world, km):
    """Each project within the distance, none other; distance and chainage within 0.5 % of pyproj's."""
    body = along(client, within_km=km)
    expected = expected_within(km)
    features = {f["id"]: f["properties"] for f in body["features"]}

    assert set(features) == set(expected)
    assert body["numberMatched"] == len(expected)
    for slug, (distance_km, chainage_km) in expected.items():
        assert features[slug]["distance_km"] == pytest.approx(distance_km, rel=REL), slug
        assert features[slug]["chainage_km"] == pytest.approx(chainage_km, rel=REL), slug


def test_features_are_ordered_by_chainage(client, world):
    body = along(client, within_km=60)
    chainages = [f["properties"]["chainage_km"] for f in body["features"]]
    assert chainages == sorted(chainages)
    expected = expected_within(60)
    assert [f["id"] for f in body["features"]] == sorted(expected, key=lambda slug: expected[slug][1])


def test_the_response_names_the_corridor_start_and_end_and_draws_the_band(client, world):
    """The corridor member says where chainage starts; the buffer polygon covers the projects."""
    body = along(client, within_km=25)
    corridor = body["corridor"]
    assert corridor["start_name"] == "West Town" and corridor["end_name"] == "East Town"
    assert corridor["chainage_from"] == "West Town"
    assert corridor["within_km"] == 25
    assert corridor["length_km"] == pytest.approx(length_km(LINE), rel=REL)
    assert body["buffer"]["type"] in {"Polygon", "MultiPolygon"}
    assert len(body["bbox"]) == 4


def test_default_distance_is_25_km(client, world):
    assert along(client)["corridor"]["within_km"] == 25
    assert {f["id"] for f in along(client)["features"]} == set(expected_within(25))


def test_project_filters_compose(client, world):
    """The usual filters narrow the band further (AND); a feature keeps its full project properties."""
    body = along(client, within_km=60, sector="bridge,port")
    assert [f["id"] for f in body["features"]] == ["border-bridge", "east-port"]
    props = body["features"][0]["properties"]
    assert props["url"] == "/projects/border-bridge/" and props["sector_label"] == "Bridge"
    assert along(client, within_km=60, country="AAA")["numberMatched"] == 3


def test_a_near_corridor_parameter_cannot_contradict_the_path(client, world):
    body = along(client, within_km=25, near_corridor="fixture-network")
    assert body["corridor"]["slug"] == "fixture-line"


def test_network_chainage_is_measured_per_part(client, world):
    """On a network every part is measured from its own first point; the part is reported."""
    body = along(client, slug="fixture-network", within_km=25)
    assert body["corridor"]["part_count"] == 2
    assert {f["properties"]["part"] for f in body["features"]} == {1}
    expected = expected_within(25)
    for feature in body["features"]:
        assert feature["properties"]["chainage_km"] == pytest.approx(expected[feature["id"]][1], rel=REL)


def test_download_names_the_corridor_and_distance(client, world):
    response = client.get("/api/corridors/fixture-line/projects.geojson", {"within_km": 25, "download": 1})
    assert 'filename="geomekong-fixture-line-within-25km-projects-' in response["Content-Disposition"]
