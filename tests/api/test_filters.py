"""ProjectFilters.from_query: the parsed value the exports and OGC API will reuse."""

import pytest
from django.http import QueryDict

from projects.filters import FilterError, ProjectFilters


def test_parsing_normalises_lists_and_case(world):
    filters = ProjectFilters.from_query(QueryDict(
        "sector=Road,bridge,road&country=vnm, lao&year_min=2012&bbox=100,10,110.5,20&q= bridge &focus=x"
    ))
    assert filters.sector == ("road", "bridge")
    assert filters.country == ("VNM", "LAO")
    assert filters.year_min == 2012 and filters.year_max is None
    assert filters.bbox == (100.0, 10.0, 110.5, 20.0)
    assert filters.q == "bridge"


def test_filters_are_frozen_and_comparable(world):
    filters = ProjectFilters.from_query({"sector": "road"})
    assert filters == ProjectFilters(sector=("road",))
    with pytest.raises(AttributeError):
        filters.sector = ("port",)


def test_without_clears_named_filters_only(world):
    filters = ProjectFilters(sector=("road",), year_min=2012, year_max=2014)
    assert filters.without("year_min", "year_max") == ProjectFilters(sector=("road",))


def test_label_names_the_active_filters_for_file_names():
    assert ProjectFilters().label() == "all"
    filters = ProjectFilters(sector=("road", "port"), year_min=2012, bbox=(100.0, 10.5, 110.0, 20.0))
    assert filters.label() == "yearmin-2012-sector-road-port-bbox-100-10.5-110-20"
    assert len(ProjectFilters(q="x" * 200).label()) <= 80


def test_the_first_bad_parameter_raises_filter_error(world):
    with pytest.raises(FilterError) as error:
        ProjectFilters.from_query({"precision_max": "9"})
    assert error.value.as_json() == {"error": "must be between 1 and 6, got 9", "parameter": "precision_max"}
