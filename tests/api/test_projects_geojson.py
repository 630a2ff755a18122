"""GET /api/projects.geojson: filters alone and combined, the feature shape, one SQL statement."""

import re

import pytest
from django.utils import timezone

from projects.models import Project
from tests.api.conftest import ALL_PROJECTS, slugs

URL = "/api/projects.geojson"


@pytest.mark.parametrize(("query", "expected"), [
    ("theme=connectivity",
     {"neak-loeung-bridge", "national-road-9", "lach-huyen-port", "savannakhet-border-facilities"}),
    ("theme=environment", {"vientiane-water-supply", "mekong-flood-warning"}),
    ("theme=environment,development", {"vientiane-water-supply", "mekong-flood-warning", "thilawa-sez"}),
    ("pillar=mjc2024-a", {"neak-loeung-bridge", "lach-huyen-port"}),
    ("pillar=ap2012-1", {"neak-loeung-bridge", "national-road-9", "savannakhet-border-facilities"}),
    ("document=mjc-strategy-2024",
     {"neak-loeung-bridge", "lach-huyen-port", "thilawa-sez", "cho-ray-hospital"}),
    # Any year in the range: the bridge (2012, 2015) has no year in 2013-2014.
    ("year_min=2013&year_max=2014", {"vientiane-water-supply", "thilawa-sez"}),
    ("year_min=2015", {"neak-loeung-bridge", "lach-huyen-port", "thilawa-sez", "cho-ray-hospital"}),
    ("year_max=2012", {"neak-loeung-bridge", "national-road-9", "mekong-flood-warning"}),
    ("funding=oda_loan", {"national-road-9", "lach-huyen-port", "thilawa-sez"}),
    ("funding=oda_loan,jaif", {"national-road-9", "lach-huyen-port", "thilawa-sez", "mekong-flood-warning"}),
    ("country=LAO",
     {"national-road-9", "vientiane-water-supply", "mekong-flood-warning", "savannakhet-border-facilities"}),
    ("country=khm,mmr", {"neak-loeung-bridge", "mekong-flood-warning", "thilawa-sez"}),
    ("sector=road", {"national-road-9"}),
    ("sector=bridge,port", {"neak-loeung-bridge", "lach-huyen-port"}),
    ("status=completed", {"neak-loeung-bridge", "lach-huyen-port"}),
    ("precision_max=1", {"neak-loeung-bridge", "lach-huyen-port", "thilawa-sez", "cho-ray-hospital"}),
    ("precision_max=2",
     {"neak-loeung-bridge", "lach-huyen-port", "thilawa-sez", "cho-ray-hospital", "vientiane-water-supply"}),
    ("precision_max=6", ALL_PROJECTS),
    # Alias of the bridge, and the text of a paragraph that also cites the port.
    ("q=tsubasa", {"neak-loeung-bridge", "lach-huyen-port"}),
    ("q=FLOODS", {"mekong-flood-warning"}),  # in the description only
    ("q=hospital", {"cho-ray-hospital"}),
    ("q=100%25", set()),  # LIKE wildcards are matched literally
    ("q=_", set()),
    ("bbox=102,15,107,18", {"national-road-9", "vientiane-water-supply", "savannakhet-border-facilities"}),
    ("bbox=105.1,11.9,105.2,12.0", {"neak-loeung-bridge"}),
])
def test_each_filter_alone_selects_exactly_the_matching_projects(client, world, query, expected):
    assert slugs(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("country=LAO&sector=road,water", {"national-road-9", "vientiane-water-supply"}),
    ("theme=connectivity&country=VNM", {"lach-huyen-port"}),
    ("theme=connectivity&year_min=2015&funding=grant_aid", {"neak-loeung-bridge"}),
    ("document=action-plan-2012&status=proposed", {"mekong-flood-warning", "savannakhet-border-facilities"}),
    ("bbox=95,15,110,22&precision_max=1", {"lach-huyen-port", "thilawa-sez"}),
    ("sector=road&country=VNM", set()),
])
def test_filters_combine_with_and(client, world, query, expected):
    assert slugs(client.get(f"{URL}?{query}")) == expected


def test_without_filters_every_project_is_returned_by_name_with_count_and_bbox(client, world):
    body = client.get(URL).json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == 8 == len(body["features"])
    names = [f["properties"]["name"] for f in body["features"]]
    assert names == sorted(names)
    # West: Thilawa 96.25; south: Cho Ray 10.76; east: Lach Huyen 106.9; north: 20.8.
    assert body["bbox"] == [96.25, 10.76, 106.9, 20.8]
    assert "crs" not in body


def test_number_matched_and_bbox_follow_the_filters(client, world):
    body = client.get(f"{URL}?sector=road").json()
    assert body["numberMatched"] == 1
    assert body["bbox"] == [105.0, 16.6, 106.5, 16.6]


def test_an_empty_result_is_a_valid_empty_collection(client, world):
    body = client.get(f"{URL}?sector=airport").json()
    assert body == {"type": "FeatureCollection", "numberMatched": 0, "features": []}


def test_the_response_is_geojson_built_in_one_sql_statement(client, world, django_assert_num_queries):
    # One statement, plus the one-row read of the data version behind the ETag.
    with django_assert_num_queries(2):
        response = client.get(f"{URL}?country=LAO&sector=road&year_min=2010&q=road&bbox=100,10,110,20")
    assert response["Content-Type"] == "application/geo+json"
    assert slugs(response) == {"national-road-9"}


def test_slug_filters_cost_one_more_query_to_check_the_slugs_exist(client, world, django_assert_num_queries):
    with django_assert_num_queries(3):  # (one of them: the data version behind the ETag)
        client.get(f"{URL}?theme=connectivity&pillar=ap2012-1&document=action-plan-2012")


def test_a_feature_carries_every_property_with_lists_as_lists(client, world):
    feature = next(f for f in client.get(URL).json()["features"] if f["id"] == "neak-loeung-bridge")
    props = feature["properties"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [105.123457, 11.987654]}
    assert {k: props[k] for k in [
        "slug", "name", "aliases", "countries", "sector", "sector_label", "status", "status_provenance",
        "years", "years_provenance", "funding_types", "funding_provenance", "themes", "pillars",
        "corridors", "precision", "precision_label", "url",
    ]} == {
        "slug": "neak-loeung-bridge", "name": "Neak Loeung Bridge", "aliases": ["Tsubasa Bridge"],
        "countries": ["KHM"], "sector": "bridge", "sector_label": "Bridge", "status": "completed",
        "status_provenance": "stated", "years": [2012, 2015], "years_provenance": "stated",
        "funding_types": ["grant_aid"], "funding_provenance": "curated", "themes": ["connectivity"],
        "pillars": ["ap2012-1", "mjc2024-a"], "corridors": ["sec"], "precision": 1,
        "precision_label": "exact site", "url": "/projects/neak-loeung-bridge/",
    }
    assert props["location_note"] == "Test location of Neak Loeung Bridge"
    # Each provenance comes with its note, so a reader sees why a fact is stated or curated.
    assert (props["status_note"], props["years_note"], props["funding_note"]) == (
        "Status of Neak Loeung Bridge", "Years of Neak Loeung Bridge", "Funding of Neak Loeung Bridge")


def test_sources_quote_the_cited_paragraphs_oldest_first(client, world):
    feature = next(f for f in client.get(URL).json()["features"] if f["id"] == "neak-loeung-bridge")
    assert feature["properties"]["sources"] == [
        {"anchor": "ap2012-1-01", "document": "action-plan-2012", "document_short": "AP2012", "year": 2012,
         "label": "1", "stage": "proposed", "url": "/sources/action-plan-2012/#ap2012-1-01",
         "text": "Construction of the Neak Loeung Bridge over the Mekong."},
        {"anchor": "mjc2024-12", "document": "mjc-strategy-2024", "document_short": "MJC2024", "year": 2024,
         "label": "4", "stage": "completed", "url": "/sources/mjc-strategy-2024/#mjc2024-12",
         "text": "The Tsubasa Bridge was completed; Lach Huyen port opened."},
    ]


def test_empty_lists_stay_lists_and_a_mention_without_stage_gives_null(client, world):
    features = {f["id"]: f["properties"] for f in client.get(URL).json()["features"]}
    border, hospital = features["savannakhet-border-facilities"], features["cho-ray-hospital"]
    assert border["years"] == [] and border["funding_types"] == [] and border["aliases"] == []
    assert border["corridors"] == []
    # The hospital's paragraph has no pillar: no theme is made up for it.
    assert hospital["themes"] == [] and hospital["pillars"] == []
    assert hospital["sources"][0]["stage"] is None


def test_no_coordinate_has_more_than_six_decimals(client, world):
    def numbers(coords):
        if isinstance(coords, (int, float)):
            yield coords
        else:
            for item in coords:
                yield from numbers(item)

    body = client.get(URL).json()
    values = [n for f in body["features"] for n in numbers(f["geometry"]["coordinates"])] + body["bbox"]
    assert values and all(round(n, 6) == n for n in values)


def test_unknown_parameters_are_ignored(client, world):
    assert slugs(client.get(f"{URL}?focus=thilawa-sez&layer=corridors&foo=bar")) == ALL_PROJECTS


def test_blank_parameters_count_as_not_given(client, world):
    assert slugs(client.get(f"{URL}?sector=&country=&q=&bbox=")) == ALL_PROJECTS


def test_download_sends_an_attachment_named_after_the_filters_and_date(client, world):
    response = client.get(f"{URL}?sector=road&country=LAO&download=1")
    stamp = timezone.now().strftime("%Y%m%d")
    assert response["Content-Disposition"] == (
        f'attachment; filename="geomekong-projects-country-LAO-sector-road-{stamp}.geojson"'
    )
    assert slugs(response) == {"national-road-9"}


def test_download_without_filters_is_named_all(client, world):
    response = client.get(f"{URL}?download=1")
    assert re.fullmatch(r'attachment; filename="geomekong-projects-all-\d{8}\.geojson"',
                        response["Content-Disposition"])


def test_without_download_the_response_is_shown_inline(client, world):
    assert "Content-Disposition" not in client.get(f"{URL}?download=0")


def test_current_status_and_the_stated_stage_are_apart(client, world):
    """The current status carries its year and basis; the stage the sources state comes separately."""
    Project.objects.filter(slug="neak-loeung-bridge").update(
        status_provenance="curated", status_as_of=2015, status_basis="A public record, 6 April 2015",
        stated_stage="implementation", stated_stage_year=2012)
    feature = next(f for f in client.get(URL).json()["features"] if f["id"] == "neak-loeung-bridge")
    props = feature["properties"]
    names = ("status", "status_label", "status_provenance", "status_as_of", "status_basis", "stated_stage",
             "stated_stage_label", "stated_stage_year")
    assert {k: props[k] for k in names} == {
        "status": "completed", "status_label": "Completed", "status_provenance": "curated",
        "status_as_of": 2015,
        "status_basis": "A public record, 6 April 2015", "stated_stage": "implementation",
        "stated_stage_label": "implementation", "stated_stage_year": 2012}
    other = next(f for f in client.get(URL).json()["features"] if f["id"] != "neak-loeung-bridge")
    assert (other["properties"]["stated_stage"], other["properties"]["stated_stage_label"]) == (None, None)


def test_the_sector_theme_filter_takes_the_theme_of_the_sector(client, world):
    """A hospital is People & society whatever pillar cites it; 'other' belongs to no sector theme."""
    assert slugs(client.get(URL, {"sector_theme": "people"})) == {"cho-ray-hospital"}
    assert slugs(client.get(URL, {"sector_theme": "connectivity"})) == {
        "lach-huyen-port", "national-road-9", "neak-loeung-bridge"}
    hospital = next(f for f in client.get(URL).json()["features"] if f["id"] == "cho-ray-hospital")
    assert hospital["properties"]["sector_theme"] == "people"
    border = next(f for f in client.get(URL).json()["features"] if f["id"] == "savannakhet-border-facilities")
    assert border["properties"]["sector_theme"] is None
    response = client.get(URL, {"sector_theme": "health"})
    assert response.status_code == 400 and response.json()["parameter"] == "sector_theme"


def test_years_are_the_documents_years_and_milestones_come_apart(client, world):
    Project.objects.filter(slug="neak-loeung-bridge").update(
        milestones=[{"year": 2015, "event": "opened", "anchor": "ap2012-1-01"}], milestone_years=[2015])
    feature = next(f for f in client.get(URL).json()["features"] if f["id"] == "neak-loeung-bridge")
    props = feature["properties"]
    assert props["milestones"] == [{"year": 2015, "event": "opened", "anchor": "ap2012-1-01"}]
    assert props["milestone_years"] == [2015]
