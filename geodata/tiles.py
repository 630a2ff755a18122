"""Mapbox Vector Tiles written by PostGIS (ST_AsMVT) from a filtered queryset: the map at a
million features draws tiles of what is in view instead of downloading every feature.

Like geodata.geojson, the queryset only chooses the rows (its SQL becomes `pk IN (...)`), so the
tiles take exactly the filters of the GeoJSON endpoints; PostGIS clips each geometry to the tile
(Web Mercator, 4096 units, a 64-unit buffer so lines and markers do not break at tile edges)."""

from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet

from geodata.db import read_connection

MAX_ZOOM = 20
EXTENT = 4096
BUFFER = 64
MEDIA_TYPE = "application/vnd.mapbox-vector-tile"


def in_grid(z: int, x: int, y: int) -> bool:
    """Is (z, x, y) a tile of the Web Mercator grid (x and y below 2**z)?"""
    return 0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z


def vector_tile(
    *,
    queryset: QuerySet,
    layer: str,
    columns: Sequence[str],
    z: int,
    x: int,
    y: int,
    geometry_column: str = "geom",
) -> bytes:
    """One tile with one layer named `layer`: the rows' geometries clipped to the tile, with
    `columns` as feature properties (empty bytes when nothing lies in the tile)."""
    qn = connection.ops.quote_name
    model = queryset.model
    inner_sql, inner_params = queryset.order_by().values("pk").query.sql_with_params()
    properties = ", ".join(f"t.{qn(column)}" for column in columns)
    geom = f"t.{qn(geometry_column)}"
    sql = f"""
        WITH tile AS (SELECT ST_TileEnvelope(%s, %s, %s) AS box,
                             ST_Transform(ST_TileEnvelope(%s, %s, %s, margin => %s), 4326) AS area)
        SELECT ST_AsMVT(features, %s, {EXTENT}, 'geom')
        FROM (
            SELECT ST_AsMVTGeom(ST_Transform({geom}, 3857), tile.box, {EXTENT}, {BUFFER}, true) AS geom,
                   {properties}
            FROM {qn(model._meta.db_table)} t, tile
            WHERE {geom} && tile.area AND t.{qn(model._meta.pk.column)} IN ({inner_sql})
        ) features
        WHERE features.geom IS NOT NULL
    """
    params = (z, x, y, z, x, y, BUFFER / EXTENT, layer, *inner_params)
    with read_connection(model).cursor() as cursor:
        cursor.execute(sql, params)
        return bytes(cursor.fetchone()[0] or b"")
