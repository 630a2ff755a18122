"""near_corridor + within_km as one more filter of /api/projects.geojson and /api/facets."""

import pytest

from tests.spatial.conftest import LINE, PROJECT_PLACES
from tests.spatial.expected import distance_and_chainage_km


def ids(client, **params) -> set[str]:
    response = client.get("/api/projects.geojson", params)
    assert response.status_code == 200, response.content
    return {f["id"] for f in response.json()["features"]}


def within(km: float) -> set[str]:
    return {slug for slug, (lon, lat, *_rest) in PROJECT_PLACES.items()
            if distance_and_chainage_km(LINE, lon, lat)[0] <= km}


@pytest.mark.parametrize("km", [5, 10, 25, 60])
def test_near_corridor_keeps_the_projects_within_the_distance(client, world, km):
    assert ids(client, near_corridor="fixture-line", within_km=km) == within(km)


def test_within_km_defaults_to_25(client, world):
    assert ids(client, near_corridor="fixture-line") == within(25)


def test_it_composes_with_the_other_filters(client, world):
    assert ids(client, near_corridor="fixture-line", within_km=60, country="BBB") == {
        "border-bridge", "east-port", "far-dam"}
    near = {"near_corridor": "fixture-line", "within_km": 60}
    assert ids(client, **near, sector="road,power") == {"west-depot", "far-dam"}
    assert ids(client, **near, bbox="101.5,15,104,16.5") == {"east-port", "far-dam"}


def test_within_km_alone_is_ignored(client, world):
    assert ids(client, within_km=5) == set(PROJECT_PLACES)


def test_facets_count_within_the_corridor_band(client, world):
    response = client.get("/api/facets", {"near_corridor": "fixture-line", "within_km": 25, "sector": "road"})
    body = response.json()
    assert body["numberMatched"] == 1
    sectors = {row["value"]: row["count"] for row in body["facets"]["sector"]}
    # The sector facet ignores its own parameter but keeps the corridor band.
    assert {k: v for k, v in sectors.items() if v} == {
        PROJECT_PLACES[slug][2]: 1 for slug in within(25)}
