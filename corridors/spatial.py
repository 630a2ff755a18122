"""Reads of a corridor's geometry along its route: parts, chainage, length by country, border crossings.

Distances and lengths are geodesic on the WGS84 ellipsoid (PostGIS geography, spheroid on).

Chainage (distance along the corridor) is measured on the corridor's *route parts*: the stored
MultiLineString merged with ST_LineMerge(geom, directed => true), which joins parts that meet end
to start and keeps their direction, so a corridor stored from its start to its end (all of ours:
Mawlamyine -> Da Nang ...) measures from `start_name`. A corridor that stays multi-part after the
merge is a network with branches (the Southern Economic Corridor is the union of its
sub-corridors); there each part is measured from its own first point and results say which part
(`part`, 1-based). Query a sub-corridor for chainage from one named start.

The chainage of a feature is that of its nearest point on the nearest part: the fraction from
ST_LineLocatePoint(part, ST_ClosestPoint(part, feature)) and the geodesic length of the part up to
it. The closest point is found in degrees, not on the ellipsoid: for features tens of km off the
line the km mark moves by well under 0.5 % (tests/spatial checks it against pyproj's Geod), more
for features far off a line that turns.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Expression
from django.db.models.expressions import RawSQL

from corridors.models import Corridor
from geodata.db import read_connection
from geodata.geojson import Sql, table_name
from geodata.models import Country
from geodata.near import distance_sql, geography, within, within_sql
from geodata.query_params import SLUG_RE, FilterError, parse_number, shown

# "Along a corridor" without a distance: a band of 25 km each side.
DEFAULT_WITHIN_KM = 25.0
# Beyond this, "near" means nothing on a map of the Mekong region and the queries get slow.
MAX_KM = 500.0
# Below a metre a band is no band (and 1e-320 is not a distance anyone means).
MIN_KM = 0.001
# A run through a country shorter than this is a line wobbling along a border (roads drawn beside the
# Mekong), not two crossings; the length by country still counts it.
MIN_COUNTRY_RUN_KM = 3.0


# ---------------------------------------------------------------------------------------------
# SQL building blocks (other apps compose them into their own statements).


def route_parts_sql(corridor_geom: str) -> str:
    """Rows (part, line): the corridor's route parts, numbered from 1 in stored order."""
    return (f"SELECT COALESCE(d.path[1], 1) AS part, d.geom AS line "
            f"FROM ST_Dump(ST_LineMerge({corridor_geom}, true)) AS d")


def locate_sql(*, parts: str, target_geom: str, alias: str = "loc") -> str:
    """A LATERAL subquery giving (part, chainage_m) of the target's nearest point on the corridor.

    `parts` is a relation of (part, line) rows: a CTE over route_parts_sql, computed once per
    statement, or the parenthesised subquery itself. The nearest part is chosen in degrees (cheap;
    it only matters for networks, whose parts are far apart or overlap); ties (a shared section)
    go to the lower part number. The geodesic chainage (ST_Length on geography) dominates the cost,
    about 0.2 ms per feature on a 300-vertex line.
    """
    return f"""LATERAL (
        SELECT r.part,
               ST_Length(ST_LineSubstring(r.line, 0, ST_LineLocatePoint(
                   r.line, ST_ClosestPoint(r.line, {target_geom})))::geography) AS chainage_m
        FROM {parts} AS r
        ORDER BY ST_Distance(r.line, {target_geom}), r.part
        LIMIT 1
    ) AS {alias}"""


def corridor_geography(*, slug: str) -> RawSQL:
    """The corridor's line as geography: a one-row subquery, a constant to the planner."""
    return RawSQL(f"(SELECT c.geom::geography FROM {table_name(Corridor)} c WHERE c.slug = %s)", (slug,))


def within_corridor(*, slug: str, km: float, column: str = "geom") -> Expression:
    """A filter condition: the row's geometry lies within `km` of the corridor (geodesic).

    ST_DWithin on geography with the corridor on the constant side: an index scan on
    `(geom::geography)`, never a buffer of every row.
    """
    return within(other=corridor_geography(slug=slug), km=km, column=column)


# ---------------------------------------------------------------------------------------------
# Parameters


def parse_km(value: str | None, *, parameter: str = "within_km",
             default: float | None = None) -> float | None:
    """A distance in km: a finite plain number from MIN_KM to MAX_KM."""
    if value is None:
        return default
    return parse_number(value, parameter=parameter, minimum=MIN_KM, maximum=MAX_KM,
                        what="a number of kilometres")


def parse_corridor(value: str | None, *, parameter: str = "near_corridor") -> str:
    """One corridor slug (lower-cased, shape checked); "" when absent. check_corridor checks it exists."""
    if value is None:
        return ""
    slug = value.lower()
    if not SLUG_RE.match(slug):
        raise FilterError(parameter, f"{shown(value)} is not a valid corridor slug")
    return slug


def check_corridor(slug: str, *, parameter: str = "near_corridor") -> None:
    """Refuse an unknown corridor slug (no query when none is given)."""
    if slug and not Corridor.objects.filter(slug=slug).exists():
        raise FilterError(parameter, f"unknown corridor {shown(slug)}")


# ---------------------------------------------------------------------------------------------
# Reads


@dataclass(frozen=True)
class CountryLength:
    iso_a3: str
    name: str
    length_km: float
    share: float  # of the corridor's total length


@dataclass(frozen=True)
class Crossing:
    """Where the route leaves one country for the next."""

    part: int
    from_country: str
    to_country: str
    chainage_km: float
    lon: float
    lat: float
    gap_km: float  # route length between the two countries' outlines (a river, the sea), usually ~0


@dataclass(frozen=True)
class RoutePart:
    part: int
    length_km: float
    start: tuple[float, float]  # lon, lat
    end: tuple[float, float]


@dataclass(frozen=True)
class CountryRun:
    """A stretch of one route part inside one country outline."""

    part: int
    iso_a3: str
    from_km: float
    to_km: float


@dataclass(frozen=True)
class CorridorNear:
    slug: str
    name: str
    kind: str
    start_name: str
    end_name: str
    distance_km: float
    part: int
    part_count: int
    chainage_km: float


@dataclass(frozen=True)
class _Piece:
    part: int
    iso_a3: str
    start_chainage_m: float
    end_chainage_m: float
    start: tuple[float, float]
    end: tuple[float, float]


def _fetch(sql: str, params: Sequence = ()) -> list[tuple]:
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def total_length_km(*, corridor: Corridor) -> float:
    """Geodesic length of all the corridor's lines (a network's shared sections count once per part)."""
    [(metres,)] = _fetch(f"SELECT ST_Length(geom::geography) FROM {table_name(Corridor)} WHERE id = %s",
                         (corridor.pk,))
    return (metres or 0.0) / 1000.0


def route_parts(*, corridor: Corridor) -> list[RoutePart]:
    """The route parts in order, each with its geodesic length and end points."""
    rows = _fetch(f"""
        SELECT r.part, ST_Length(r.line::geography), ST_X(ST_StartPoint(r.line)), ST_Y(ST_StartPoint(r.line)),
               ST_X(ST_EndPoint(r.line)), ST_Y(ST_EndPoint(r.line))
        FROM {table_name(Corridor)} c, LATERAL ({route_parts_sql('c.geom')}) r
        WHERE c.id = %s ORDER BY r.part
    """, (corridor.pk,))
    return [RoutePart(part, metres / 1000.0, (x0, y0), (x1, y1)) for part, metres, x0, y0, x1, y1 in rows]


def part_count(*, corridor: Corridor) -> int:
    return len(route_parts(corridor=corridor))


def _country_pieces(*, corridor: Corridor) -> list[_Piece]:
    """The route cut by the country outlines: each piece with its chainage range along its part."""
    rows = _fetch(f"""
        WITH parts AS (
            SELECT r.part, r.line FROM {table_name(Corridor)} c, LATERAL ({route_parts_sql('c.geom')}) r
            WHERE c.id = %s
        ), pieces AS (
            SELECT p.part, p.line, k.iso_a3, (ST_Dump(ST_Intersection(p.line, k.geom))).geom AS piece
            FROM parts p JOIN {table_name(Country)} k ON ST_Intersects(p.line, k.geom)
        ), located AS (
            SELECT part, line, iso_a3, piece,
                   ST_LineLocatePoint(line, ST_StartPoint(piece)) AS f_a,
                   ST_LineLocatePoint(line, ST_EndPoint(piece)) AS f_b
            FROM pieces WHERE GeometryType(piece) = 'LINESTRING'
        )
        SELECT part, iso_a3,
               ST_Length(ST_LineSubstring(line, 0, least(f_a, f_b))::geography),
               ST_Length(ST_LineSubstring(line, 0, greatest(f_a, f_b))::geography),
               ST_X(ST_LineInterpolatePoint(line, least(f_a, f_b))),
               ST_Y(ST_LineInterpolatePoint(line, least(f_a, f_b))),
               ST_X(ST_LineInterpolatePoint(line, greatest(f_a, f_b))),
               ST_Y(ST_LineInterpolatePoint(line, greatest(f_a, f_b)))
        FROM located
        ORDER BY part, least(f_a, f_b), greatest(f_a, f_b)
    """, (corridor.pk,))
    return [_Piece(part, iso, m0, m1, (x0, y0), (x1, y1)) for part, iso, m0, m1, x0, y0, x1, y1 in rows]


@dataclass(frozen=True)
class CountryProfile:
    """A corridor against the country outlines; the outlines are intersected once for all three."""

    lengths: list[CountryLength]
    runs: list[CountryRun]
    crossings: list[Crossing]


def country_profile(*, corridor: Corridor) -> CountryProfile:
    pieces = _country_pieces(corridor=corridor)
    runs = _runs(pieces)
    return CountryProfile(
        lengths=_lengths(pieces, total_km=total_length_km(corridor=corridor)),
        runs=[CountryRun(r.part, r.iso_a3, r.start_chainage_m / 1000.0, r.end_chainage_m / 1000.0)
              for r in runs],
        crossings=_crossings(runs),
    )


def length_by_country(*, corridor: Corridor) -> list[CountryLength]:
    """Geodesic length of the route inside each country outline, in the order the route enters them.

    Route outside every outline (the sea, a border river drawn between two outlines) is in no
    country; the profile reports it as the remainder.
    """
    return country_profile(corridor=corridor).lengths


def country_runs(*, corridor: Corridor) -> list[CountryRun]:
    """The countries each route part passes through, in chainage order (for the strip diagram)."""
    return country_profile(corridor=corridor).runs


def border_crossings(*, corridor: Corridor) -> list[Crossing]:
    """Where each route part passes from one country outline into another, in chainage order:
    at the end of one country's run, with the gap to the next run (usually 0)."""
    return country_profile(corridor=corridor).crossings


def _lengths(pieces: list[_Piece], *, total_km: float) -> list[CountryLength]:
    metres: dict[str, float] = {}
    for piece in pieces:
        metres[piece.iso_a3] = metres.get(piece.iso_a3, 0.0) + piece.end_chainage_m - piece.start_chainage_m
    names = dict(Country.objects.filter(iso_a3__in=list(metres)).values_list("iso_a3", "name"))
    return [
        CountryLength(iso_a3=iso, name=names.get(iso, iso), length_km=m / 1000.0,
                      share=(m / 1000.0 / total_km) if total_km else 0.0)
        for iso, m in metres.items()
    ]


def _runs(pieces: list[_Piece]) -> list[_Piece]:
    """Consecutive pieces in one country joined; a run shorter than MIN_COUNTRY_RUN_KM (a line drawn
    along a border, touching the other side) is dropped so it does not make two crossings."""
    runs: list[_Piece] = []
    for piece in pieces:
        if piece.end_chainage_m - piece.start_chainage_m < MIN_COUNTRY_RUN_KM * 1000:
            continue
        last = runs[-1] if runs else None
        if last and last.part == piece.part and last.iso_a3 == piece.iso_a3:
            runs[-1] = _Piece(last.part, last.iso_a3, last.start_chainage_m, piece.end_chainage_m,
                              last.start, piece.end)
        else:
            runs.append(piece)
    return runs


def _crossings(runs: list[_Piece]) -> list[Crossing]:
    return [
        Crossing(part=before.part, from_country=before.iso_a3, to_country=after.iso_a3,
                 chainage_km=before.end_chainage_m / 1000.0, lon=before.end[0], lat=before.end[1],
                 gap_km=max(0.0, after.start_chainage_m - before.end_chainage_m) / 1000.0)
        for before, after in zip(runs, runs[1:], strict=False)
        if before.part == after.part
    ]


def corridors_near(*, target: Sql, km: float, limit: int | None = None) -> list[CorridorNear]:
    """Corridors within `km` of a geometry (given as a SQL expression), nearest first, each with the
    distance and the chainage of the nearest point. The target is evaluated once, as a constant."""
    corridors = table_name(Corridor)
    parts = f"({route_parts_sql('c.geom')})"
    near = within_sql("c.geom", geography("target.geom"), km=km)
    sql = f"""
        WITH target AS MATERIALIZED (SELECT ({target.text}) AS geom)
        SELECT c.slug, c.name, c.kind, c.start_name, c.end_name,
               {distance_sql('c.geom', geography('target.geom'))} AS distance_m,
               loc.part, (SELECT count(*) FROM {parts} AS n) AS parts, loc.chainage_m
        FROM target, {corridors} c, {locate_sql(parts=parts, target_geom='target.geom')}
        WHERE {near.text}
        ORDER BY distance_m, c.slug
        {"LIMIT %s" if limit else ""}
    """
    params = (*target.params, *near.params, *((limit,) if limit else ()))
    return [
        CorridorNear(slug=slug, name=name, kind=kind, start_name=start, end_name=end,
                     distance_km=distance / 1000.0, part=part, part_count=parts,
                     chainage_km=chainage / 1000.0)
        for slug, name, kind, start, end, distance, part, parts, chainage in _fetch(sql, params)
    ]
