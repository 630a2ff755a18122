"""corridors.spatial on the fixture line: geodesic length, length by country, border crossings, parts."""

import pytest

from corridors.spatial import border_crossings, length_by_country, part_count, total_length_km
from tests.spatial.conftest import BORDER_LON, LINE
from tests.spatial.expected import crossing_of_meridian, length_km

REL = 0.005  # the tolerance: 0.5 %


def test_total_length_is_the_geodesic_length(world):
    """The corridor length agrees with pyproj's geodesic length of the same vertices."""
    assert total_length_km(corridor=world.line) == pytest.approx(length_km(LINE), rel=REL)


def test_lengths_by_country_match_geod_and_add_up_to_the_total(world):
    """West Land holds the line up to lon 101, East Land the rest; together they are the whole line."""
    _, _, west_km = crossing_of_meridian(LINE, BORDER_LON)
    lengths = {c.iso_a3: c for c in length_by_country(corridor=world.line)}
    total = length_km(LINE)

    assert list(lengths) == ["AAA", "BBB"]  # in the order the route enters them
    assert lengths["AAA"].length_km == pytest.approx(west_km, rel=REL)
    assert lengths["BBB"].length_km == pytest.approx(total - west_km, rel=REL)
    assert sum(c.length_km for c in lengths.values()) == pytest.approx(total, rel=REL)
    assert lengths["AAA"].name == "West Land"
    assert lengths["AAA"].share + lengths["BBB"].share == pytest.approx(1.0, rel=REL)


def test_the_border_crossing_is_where_the_line_crosses_the_border(world):
    """One crossing, West Land to East Land, at lon 101 and at the geodesic chainage of that point."""
    lon, lat, chainage_km = crossing_of_meridian(LINE, BORDER_LON)
    [crossing] = border_crossings(corridor=world.line)

    assert (crossing.from_country, crossing.to_country) == ("AAA", "BBB")
    assert crossing.lon == pytest.approx(lon, abs=1e-6)
    assert crossing.lat == pytest.approx(lat, abs=1e-6)
    assert crossing.chainage_km == pytest.approx(chainage_km, rel=REL)


def test_parts_that_meet_end_to_start_are_one_route(world):
    """Stored as two parts joined at a vertex, the corridor is measured as one line from its start."""
    assert part_count(corridor=world.two_parts) == 1
    [crossing] = border_crossings(corridor=world.two_parts)
    assert crossing.chainage_km == pytest.approx(crossing_of_meridian(LINE, BORDER_LON)[2], rel=REL)


def test_a_branching_network_keeps_its_parts(world):
    """Two branches from one point cannot be one line: the network has two parts."""
    assert part_count(corridor=world.network) == 2
