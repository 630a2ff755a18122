"""Strict parameters: plain ASCII numbers, finite and within limits, every parameter checked on its
own, unknown values refused alike, RFC 3339 datetimes, short echoes."""

import datetime as dt

import pytest

from geodata import query_params as qp
from geodata.query_params import FilterError


@pytest.mark.parametrize("value", ["1_0", "١٢", "１２", "0x10", "1e3", "12.0", " ", "", "--1", "1 2"])
def test_whole_numbers_are_plain_ascii_digits(value):
    with pytest.raises(FilterError, match="is not a whole number"):
        qp.parse_int(value, parameter="limit", minimum=0, maximum=10**6)


@pytest.mark.parametrize(("value", "number"), [("12", 12), ("+3", 3), ("007", 7)])
def test_whole_numbers(value, number):
    assert qp.parse_int(value, parameter="limit", minimum=0, maximum=100) == number


@pytest.mark.parametrize("value", ["NaN", "nan", "Infinity", "-inf", "1e308e", "1_0.5", "٣.٥", "0x1p3",
                                   "1,5"])
def test_numbers_are_plain_finite_decimals(value):
    with pytest.raises(FilterError, match="is not a number"):
        qp.parse_number(value, parameter="lon", minimum=-180, maximum=180)


@pytest.mark.parametrize("value", ["1e308", "181", "-180.0001", "1e999"])
def test_numbers_out_of_their_limits_are_refused(value):
    with pytest.raises(FilterError, match="must be at least -180 and at most 180"):
        qp.parse_number(value, parameter="lon", minimum=-180, maximum=180)


def test_minus_zero_is_zero():
    assert str(qp.parse_number("-0", parameter="lon", minimum=-180, maximum=180)) == "0.0"


@pytest.mark.parametrize(("value", "expected"), [
    ("2015-02-28", dt.date(2015, 2, 28)),
    ("2016-02-29", dt.date(2016, 2, 29)),
    ("2015-02-28T10:30:00Z", dt.datetime(2015, 2, 28, 10, 30, tzinfo=dt.UTC)),
    ("2015-02-28t10:30:00.123+07:00",
     dt.datetime(2015, 2, 28, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))),
])
def test_rfc3339_dates_and_times(value, expected):
    assert qp.parse_rfc3339(value) == expected


@pytest.mark.parametrize("value", ["2015-02-31", "2015-13-01", "2015-00-10", "2015-02-28T24:00:00Z",
                                   "2015-02-28T10:61:00Z", "2015-02-28T10:00:00", "2015-02-28 10:00:00Z",
                                   "2015-2-8", "١٢٣٤-01-01", "2015-02-28T10:00:00+25:00"])
def test_invalid_rfc3339_is_refused(value):
    with pytest.raises(FilterError):
        qp.parse_rfc3339(value)


def test_a_long_value_is_quoted_by_a_short_prefix():
    assert qp.shown("x" * 10_000) == repr("x" * 40) + "… (10000 characters)"
    assert qp.shown("short") == "'short'"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["within_km=NaN", "within_km=-5", "within_km=1e9", "within_km=1e-320",
                                   "within_km=" + "9" * 3_000, "within_km=1_0", "within_km=Infinity"])
def test_within_km_is_checked_without_near_corridor(client, query):
    response = client.get(f"/api/projects.geojson?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == "within_km"
    assert len(response.content) < 300


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/projects.geojson?country=XXX", "country"),
    ("/api/corridors.geojson?country=JPN", "country"),
    ("/api/projects.geojson?theme=nope", "theme"),
    ("/api/projects.geojson?document=nope", "document"),
    ("/api/projects.geojson?pillar=nope", "pillar"),
    ("/api/projects.geojson?near_corridor=nope", "near_corridor"),
    ("/api/paragraphs?document=nope", "document"),
    ("/api/paragraphs?pillar=nope", "pillar"),
    ("/api/paragraphs?theme=nope", "theme"),
])
def test_unknown_values_are_refused_alike(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["error"].startswith(f"unknown {parameter.replace('near_', '')} '")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["lon=1_0&lat=15", "lon=NaN&lat=15", "lon=100&lat=1e308", "lon=١٠٠&lat=15"])
def test_near_coordinates_are_strict(client, query):
    assert client.get(f"/api/near?{query}").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["datetime=2015-02-31", "datetime=2015-02-28T25:00:00Z", "datetime=2015-02",
                                   "limit=1_0", "offset=١", "limit=0x10"])
def test_ogc_parameters_are_strict(client, query):
    response = client.get(f"/ogc/collections/projects/items?{query}")
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["datetime=2015", "datetime=2015-02-28", "datetime=2012-01-01T00:00:00Z/..",
                                   "datetime=../2016-12-31"])
def test_ogc_datetimes_that_are_valid(client, query):
    assert client.get(f"/ogc/collections/projects/items?{query}").status_code == 200
