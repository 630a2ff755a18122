"""Near a geometry, written once: the geodesic distance and the "within N km" test.

Distances are geodesic on the WGS84 ellipsoid (PostGIS geography). A row's geometry is cast as
`column::geography`, spelled exactly like the GiST expression indexes (projects_project_geog_gist,
corridors_corridor_geog_gist) so the planner answers ST_DWithin from them; the other side is a
constant (a one-row subquery or a MATERIALIZED CTE), never a buffer of every row.
"""

from django.db.models import BooleanField, Expression, F, Func, Value

from geodata.geojson import Sql


def geography(geom: str) -> str:
    """A SQL geometry expression as geography."""
    return f"{geom}::geography"


def distance_sql(geom: str, other: str) -> str:
    """Metres between the geometry `geom` and the geography `other` (SQL expressions)."""
    return f"ST_Distance({geography(geom)}, {other})"


def within_sql(geom: str, other: str, *, km: float) -> Sql:
    """The condition: the geometry `geom` lies within `km` of the geography `other`."""
    return Sql(f"ST_DWithin({geography(geom)}, {other}, %s)", (km * 1000.0,))


class _Geography(Func):
    template = "%(expressions)s::geography"


class _DWithin(Func):
    function = "ST_DWithin"
    output_field = BooleanField()


def within(*, other: Expression, km: float, column: str = "geom") -> Expression:
    """within_sql for a queryset: the row's `column` lies within `km` of the geography `other`."""
    return _DWithin(_Geography(F(column)), other, Value(km * 1000.0))
