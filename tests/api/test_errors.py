"""Every invalid parameter gives HTTP 400 {"error", "parameter"}, never a 500."""

import pytest

BAD = [
    ("theme=nope", "theme"),
    ("theme=connectivity,nope", "theme"),
    ("theme=Bad Slug!", "theme"),
    ("pillar=ap2012-9", "pillar"),
    ("document=unknown-doc", "document"),
    ("year_min=abc", "year_min"),
    ("year_max=20x4", "year_max"),
    ("year_min=1800", "year_min"),
    ("year_max=99999999999999999999", "year_max"),
    ("year_min=2020&year_max=2010", "year_min"),
    ("funding=cash", "funding"),
    ("country=VN", "country"),
    ("country=VNM,12A", "country"),
    ("sector=roads", "sector"),
    ("status=done", "status"),
    ("precision_max=0", "precision_max"),
    ("precision_max=7", "precision_max"),
    ("precision_max=1.5", "precision_max"),
    ("q=" + "x" * 201, "q"),
    ("q=a%00b", "q"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=1,2,3,4,5", "bbox"),
    ("bbox=a,b,c,d", "bbox"),
    ("bbox=nan,0,1,1", "bbox"),
    ("bbox=0,0,inf,1", "bbox"),
    ("bbox=-200,0,0,10", "bbox"),
    ("bbox=0,-95,10,0", "bbox"),
    ("bbox=10,0,0,5", "bbox"),
    ("bbox=0,10,5,0", "bbox"),
    # A list as documented: no empty value between commas, at most 50 values as given.
    ("theme=,", "theme"),
    ("sector=%20", "sector"),  # spaces alone are a value, not "not given"
    ("year_min=%20%20", "year_min"),
    ("sector=road,,bridge", "sector"),
    ("country=" + ",".join(["VNM"] * 51), "country"),
]


@pytest.mark.parametrize("url", ["/api/projects.geojson", "/api/facets"])
@pytest.mark.parametrize(("query", "parameter"), BAD)
def test_bad_parameter_gives_400_naming_it(client, world, url, query, parameter):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["error"] and "Traceback" not in body["error"]


@pytest.mark.parametrize("url", ["/api/projects.geojson", "/api/corridors.geojson",
                                 "/api/corridors/nr9/projects.geojson"])
def test_download_is_a_yes_or_a_no(client, world, url):
    assert client.get(f"{url}?download=maybe").json()["parameter"] == "download"
    assert "attachment" in client.get(f"{url}?download=TRUE")["Content-Disposition"]
    assert not client.get(f"{url}?download=0").has_header("Content-Disposition")


def test_the_message_lists_the_allowed_values(client, world):
    body = client.get("/api/projects.geojson?sector=roads").json()
    assert "unknown value 'roads'" in body["error"] and "road" in body["error"]


def test_a_slug_filter_with_an_unknown_slug_names_it(client, world):
    body = client.get("/api/projects.geojson?pillar=ap2012-1,mjc2024-z").json()
    assert body == {"error": "unknown pillar 'mjc2024-z'", "parameter": "pillar"}


def test_only_get_is_allowed(client, world):
    assert client.post("/api/projects.geojson").status_code == 405


@pytest.mark.parametrize("query", [
    "bbox=105,11,105,11",  # a degenerate box (a point)
    "bbox=-180,-90,180,90",
    "q=O'Brien",
    "q=back\\slash",
    "q=%E6%97%A5%E6%9C%AC",
    "q=%25%25",
    "sector=ROAD",
    "theme=",  # an empty value is no filter
    "sector=road,%20bridge",  # spaces around a value
    "download=0",
    "year_min=2012&year_max=2012",
])
@pytest.mark.parametrize("url", ["/api/projects.geojson", "/api/facets", "/api/corridors.geojson"])
def test_odd_but_valid_input_is_answered_normally(client, world, url, query):
    assert client.get(f"{url}?{query}").status_code == 200
