"""GET /api/near and GET /api/projects/<slug>/nearby: what is near a point or a project."""

import pytest

from tests.spatial.conftest import LINE, PROJECT_PLACES
from tests.spatial.expected import distance_and_chainage_km, point_distance_km

REL = 0.005


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_near_a_point_lists_corridors_with_distance_and_chainage(client, world):
    lon, lat = 100.6, 15.12  # the river school, about 22 km south of the line
    distance_km, chainage_km = distance_and_chainage_km(LINE, lon, lat)
    body = get(client, "/api/near", lon=lon, lat=lat, within_km=30)

    corridors = {c["slug"]: c for c in body["corridors"]}
    assert set(corridors) == {"fixture-line", "fixture-two-parts", "fixture-network"}
    line = corridors["fixture-line"]
    assert line["distance_km"] == pytest.approx(distance_km, rel=REL)
    assert line["chainage_km"] == pytest.approx(chainage_km, rel=REL)
    assert line["chainage_from"] == "West Town" and line["url"] == "/corridors/fixture-line/"
    assert corridors["fixture-two-parts"]["chainage_km"] == pytest.approx(chainage_km, rel=REL)


def test_near_a_point_lists_projects_nearest_first(client, world):
    here = (100.6, 15.0)
    body = get(client, "/api/near", lon=here[0], lat=here[1], within_km=100)
    expected = {slug: point_distance_km(here, place[:2]) for slug, place in PROJECT_PLACES.items()}
    expected = {slug: d for slug, d in expected.items() if d <= 100}

    assert [p["slug"] for p in body["projects"]] == sorted(expected, key=expected.get)
    for project in body["projects"]:
        assert project["distance_km"] == pytest.approx(expected[project["slug"]], rel=REL)
    assert body["within_km"] == 100 and body["point"] == {"lon": 100.6, "lat": 15.0}


def test_near_a_point_far_from_everything_is_empty(client, world):
    body = get(client, "/api/near", lon=-60, lat=-30, within_km=500)
    assert body["corridors"] == [] and body["projects"] == []


def test_limit_caps_each_list(client, world):
    body = get(client, "/api/near", lon=100.6, lat=15.12, within_km=500, limit=1)
    assert len(body["projects"]) == 1 and len(body["corridors"]) == 1


def test_nearby_projects_exclude_the_project_itself(client, world):
    origin = PROJECT_PLACES["border-bridge"][:2]
    body = get(client, "/api/projects/border-bridge/nearby", within_km=80)
    expected = {slug: point_distance_km(origin, place[:2]) for slug, place in PROJECT_PLACES.items()
                if slug != "border-bridge"}
    expected = {slug: d for slug, d in expected.items() if d <= 80}

    assert body["project"]["slug"] == "border-bridge"
    assert [p["slug"] for p in body["projects"]] == sorted(expected, key=expected.get)
    for project in body["projects"]:
        assert project["distance_km"] == pytest.approx(expected[project["slug"]], rel=REL)


def test_nearby_lists_the_corridors_passing_within_the_distance(client, world):
    distance_km, chainage_km = distance_and_chainage_km(LINE, *PROJECT_PLACES["border-bridge"][:2])
    body = get(client, "/api/projects/border-bridge/nearby", within_km=10)
    corridors = {c["slug"]: c for c in body["corridors"]}
    assert corridors["fixture-line"]["distance_km"] == pytest.approx(distance_km, rel=REL)
    assert corridors["fixture-line"]["chainage_km"] == pytest.approx(chainage_km, rel=REL)
    assert get(client, "/api/projects/border-bridge/nearby", within_km=1)["corridors"] == []


def test_nearby_defaults_to_50_km(client, world):
    assert get(client, "/api/projects/far-dam/nearby")["within_km"] == 50
