"""GET /api/corridors/<slug>/profile: length by country, border crossings and nearby project counts."""

import pytest

from tests.spatial.conftest import BORDER_LON, LINE, PROJECT_PLACES
from tests.spatial.expected import crossing_of_meridian, distance_and_chainage_km, length_km

REL = 0.005


@pytest.fixture
def profile(client, world):
    response = client.get("/api/corridors/fixture-line/profile")
    assert response.status_code == 200, response.content
    return response.json()


def test_lengths_by_country_add_up_to_the_total(profile):
    total = length_km(LINE)
    _, _, west_km = crossing_of_meridian(LINE, BORDER_LON)
    assert profile["length_km"] == pytest.approx(total, rel=REL)
    by_country = {c["iso_a3"]: c for c in profile["countries"]}
    assert by_country["AAA"]["length_km"] == pytest.approx(west_km, rel=REL)
    assert by_country["BBB"]["name"] == "East Land"
    assert sum(c["length_km"] for c in profile["countries"]) == pytest.approx(total, rel=REL)
    assert profile["outside_countries_km"] == pytest.approx(0, abs=0.01)


def test_border_crossing_with_chainage(profile):
    lon, lat, chainage_km = crossing_of_meridian(LINE, BORDER_LON)
    [crossing] = profile["border_crossings"]
    assert crossing["from"] == "AAA" and crossing["to"] == "BBB"
    assert crossing["from_name"] == "West Land" and crossing["to_name"] == "East Land"
    assert crossing["chainage_km"] == pytest.approx(chainage_km, rel=REL)
    assert (crossing["lon"], crossing["lat"]) == pytest.approx((lon, lat), abs=1e-5)


def test_project_counts_by_distance_country_and_sector(profile):
    """Counts at 10/25/50 km agree with the pyproj distances; a two-country project counts in both."""
    distances = {slug: distance_and_chainage_km(LINE, lon, lat)[0]
                 for slug, (lon, lat, *_rest) in PROJECT_PLACES.items()}
    bands = {band["within_km"]: band for band in profile["projects_within"]}
    assert list(bands) == [10, 25, 50]
    for km, band in bands.items():
        inside = [slug for slug, d in distances.items() if d <= km]
        assert band["count"] == len(inside)
        sectors = {row["value"]: row["count"] for row in band["by_sector"]}
        assert sectors == {PROJECT_PLACES[slug][2]: 1 for slug in inside}
        countries = {row["value"]: row["count"] for row in band["by_country"]}
        assert countries == {
            iso: sum(iso in PROJECT_PLACES[slug][3] for slug in inside)
            for iso in {iso for slug in inside for iso in PROJECT_PLACES[slug][3]}
        }
    assert bands[10]["count"] == 2  # west-depot and border-bridge, each about 5 km away
    labels = {row["value"]: row["label"] for row in bands[25]["by_sector"]}
    assert labels["bridge"] == "Bridge"


def test_projects_for_the_strip_diagram_are_in_chainage_order(profile):
    chainages = [p["chainage_km"] for p in profile["projects"]]
    assert chainages == sorted(chainages)
    assert all(p["distance_km"] <= 50 for p in profile["projects"])
    assert profile["corridor"]["start_name"] == "West Town"


def test_parts_and_country_runs_for_the_strip_diagram(profile):
    _, _, west_km = crossing_of_meridian(LINE, BORDER_LON)
    [part] = profile["parts"]
    assert part["length_km"] == pytest.approx(length_km(LINE), rel=REL)
    assert part["start"] == list(LINE[0]) and part["end"] == list(LINE[-1])
    runs = [(r["iso_a3"], r["from_km"], r["to_km"]) for r in profile["country_runs"]]
    assert [r[0] for r in runs] == ["AAA", "BBB"]
    assert runs[0][1] == 0 and runs[0][2] == pytest.approx(west_km, rel=REL)
    assert runs[1][2] == pytest.approx(length_km(LINE), rel=REL)


def test_the_list_is_capped_but_the_counts_are_complete(client, world, monkeypatch):
    """On a huge table the profile lists only the nearest projects; the counts still cover all."""
    monkeypatch.setattr("projects.spatial.PROFILE_LIST_LIMIT", 2)
    body = client.get("/api/corridors/fixture-line/profile").json()
    assert {p["slug"] for p in body["projects"]} == {"west-depot", "border-bridge"}  # the two nearest
    assert body["projects_within"][-1]["count"] == 4  # far-dam is 55 km away


def test_the_corridor_page_shows_length_by_country_and_the_crossing(client, world):
    """The detail page states what the profile API computes (not a separate calculation)."""
    _, _, chainage_km = crossing_of_meridian(LINE, BORDER_LON)
    html = client.get("/corridors/fixture-line/").content.decode()
    assert f"{length_km(LINE):.0f} km along the line" in html
    assert f"West Land: {chainage_km:.0f} km" in html  # the line starts in West Land
    assert f"AAA → BBB at km {chainage_km:.0f}" in html
