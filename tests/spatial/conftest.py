"""A fixture world whose answers are computed independently of PostGIS, with pyproj's Geod (WGS84).

Two made-up countries split at lon 101 (West Land AAA, East Land BBB), a corridor from West Town
to East Town crossing that border, the same line stored as two parts that meet end to start,
and projects at known places beside it. The expected distances, chainages and lengths come from
geodesics densified every ~100 m (expected.py), never from the code under test.
"""

from types import SimpleNamespace

import pytest
from django.contrib.gis.geos import LineString, MultiLineString, MultiPolygon, Point, Polygon

from corridors.models import Corridor
from geodata.models import Country, Provenance
from projects.models import Project

LINE = [(98.5, 15.0), (100.0, 15.2), (102.0, 15.6), (103.5, 15.5)]
BORDER_LON = 101.0
WEST = (97.0, 12.0, BORDER_LON, 18.0)
EAST = (BORDER_LON, 12.0, 105.0, 18.0)

# slug -> (lon, lat, sector, countries); distances from the line range from 0 to about 60 km.
PROJECT_PLACES = {
    "west-depot": (99.2, 15.05, "road", ["AAA"]),          # near the first leg
    "border-bridge": (101.0, 15.45, "bridge", ["AAA", "BBB"]),
    "east-port": (103.0, 15.7, "port", ["BBB"]),           # about 17 km north of the last leg
    "far-dam": (102.0, 16.1, "power", ["BBB"]),            # about 55 km away
    "river-school": (100.6, 15.12, "health", ["AAA"]),     # south of the second leg
    "elsewhere": (104.5, 13.0, "water", ["BBB"]),          # hundreds of km away
}


def _country(iso, name, bounds):
    return Country.objects.create(iso_a3=iso, name=name,
                                  geom=MultiPolygon(Polygon.from_bbox(bounds), srid=4326))


def _corridor(slug, parts, **fields):
    lines = [LineString(part, srid=4326) for part in parts]
    defaults = dict(name=slug.replace("-", " ").title(), kind=Corridor.Kind.ECONOMIC_CORRIDOR,
                    countries=["AAA", "BBB"], start_name="West Town", end_name="East Town",
                    approx_length_km=550, geometry_method=Corridor.GeometryMethod.WAYPOINTS)
    geom = MultiLineString(*lines, srid=4326)
    return Corridor.objects.create(slug=slug, geom=geom, **{**defaults, **fields})


def _project(slug, lon, lat, sector, countries):
    return Project.objects.create(
        slug=slug, name=slug.replace("-", " ").title(), countries=countries, sector=sector, status="unknown",
        status_provenance=Provenance.CURATED, years=[2012], years_provenance=Provenance.CURATED,
        funding_types=["unspecified"], funding_provenance=Provenance.CURATED, precision=1,
        location_note="Fixture place (made up)", geom=Point(lon, lat, srid=4326),
    )


@pytest.fixture
def world(db):
    _country("AAA", "West Land", WEST)
    _country("BBB", "East Land", EAST)
    line = _corridor("fixture-line", [LINE])
    two_parts = _corridor("fixture-two-parts", [LINE[:2], LINE[1:]])
    # A network: two branches from the same first point (like the Southern Economic Corridor).
    network = _corridor("fixture-network", [LINE, [(98.5, 15.0), (99.0, 13.0)]])
    projects = {slug: _project(slug, *place) for slug, place in PROJECT_PLACES.items()}
    return SimpleNamespace(line=line, two_parts=two_parts, network=network, projects=projects)
