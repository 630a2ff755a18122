"""The spatial queries on the real data: the sources, corridors.geojson, projects.geojson and the
country outlines, loaded once for this module (inside a transaction that is rolled back).

Reference places come from files independent of the corridor lines where possible: Khon Kaen from
the Natural Earth places layer, the Dansavanh / Lao Bao border from the waypoints file (where a
basemap road crosses the border).
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from projects.models import Project

DATA = Path(__file__).resolve().parents[2] / "geodata" / "data"
# The bridge is not a project (no source names it), but the corridor crosses the Mekong there.
BRIDGE = "Second Mekong Friendship Bridge (Mukdahan – Savannakhet)"


def _place(name: str) -> tuple[float, float]:
    places = json.loads((DATA / "basedata" / "places.geojson").read_text(encoding="utf-8"))
    [feature] = [f for f in places["features"] if f["properties"]["name"] == name]
    return tuple(feature["geometry"]["coordinates"])


def _waypoint(name: str) -> tuple[float, float]:
    waypoint = json.loads((DATA / "build" / "waypoints.json").read_text(encoding="utf-8"))["places"][name]
    return waypoint["lon"], waypoint["lat"]


@pytest.fixture(scope="module")
def real_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_sources", verbosity=0)
        call_command("load_geodata", verbosity=0)
        yield
        transaction.set_rollback(True)


def ewec_at(client, lon: float, lat: float) -> dict:
    body = client.get("/api/near", {"lon": lon, "lat": lat, "within_km": 25}).json()
    [ewec] = [c for c in body["corridors"] if c["slug"] == "ewec"]
    return ewec


def test_the_mekong_bridge_is_on_the_corridor_between_khon_kaen_and_dansavanh(real_data, db, client):
    """The Second Mekong Friendship Bridge (its waypoint) lies within a few km of the East-West
    corridor, and its km mark (from Mawlamyine) comes after Khon Kaen's and before the Lao-Viet border's."""
    body = client.get("/api/corridors/ewec/projects.geojson", {"within_km": 10}).json()
    assert body["corridor"]["start_name"] == "Mawlamyine"
    bridge = ewec_at(client, *_waypoint(BRIDGE))
    assert bridge["distance_km"] < 5

    khon_kaen = ewec_at(client, *_place("Khon Kaen"))
    dansavanh = ewec_at(client, *_waypoint("Dansavanh / Lao Bao border"))
    assert khon_kaen["distance_km"] < 5 and dansavanh["distance_km"] < 5
    assert khon_kaen["chainage_km"] < bridge["chainage_km"] < dansavanh["chainage_km"]


def test_every_project_cited_with_the_corridor_lies_within_50_km(real_data, db, client):
    linked = set(Project.objects.filter(corridors__slug="ewec").values_list("slug", flat=True))
    assert linked, "no project is linked to ewec in projects.geojson"
    body = client.get("/api/corridors/ewec/projects.geojson", {"within_km": 50}).json()
    near = {f["id"] for f in body["features"]}
    assert linked <= near, linked - near


def test_the_profile_crosses_the_four_countries_in_order(real_data, db, client):
    """Myanmar, Thailand, Lao PDR, Viet Nam; the lengths by country add up to the total within 0.5 %."""
    profile = client.get("/api/corridors/ewec/profile").json()
    assert [c["iso_a3"] for c in profile["countries"]] == ["MMR", "THA", "LAO", "VNM"]
    assert [(x["from"], x["to"]) for x in profile["border_crossings"]] == [
        ("MMR", "THA"), ("THA", "LAO"), ("LAO", "VNM")]
    assert sum(c["length_km"] for c in profile["countries"]) == pytest.approx(profile["length_km"], rel=0.005)
    bridge = ewec_at(client, *_waypoint(BRIDGE))
    thai_lao = profile["border_crossings"][1]
    assert abs(thai_lao["chainage_km"] - bridge["chainage_km"]) < 5  # the bridge is that crossing
