"""Reads of projects by distance: along a corridor, around a point, around another project.

Every distance is geodesic on the WGS84 ellipsoid (ST_Distance / ST_DWithin on geography) and
every "within N km" is an ST_DWithin on `geom::geography` with the other side a constant, so
PostGIS answers from the GiST index projects_project_geog_gist. Chainage is explained in
corridors/spatial.py.
"""

from collections import Counter
from dataclasses import asdict, replace

from corridors.models import Corridor
from corridors.spatial import (
    corridors_near,
    country_profile,
    locate_sql,
    part_count,
    route_parts,
    route_parts_sql,
    total_length_km,
)
from geodata.countries import basemap_country_names
from geodata.db import read_connection
from geodata.geojson import Extension, Sql, Written, collection_sql, label_of, table_name
from geodata.near import distance_sql, geography, within_sql
from geodata.precision import PRECISION_CODES
from projects.filters import ProjectFilters
from projects.layers import PROJECTS
from projects.models import Project
from projects.selectors import project_list
from projects.vocabularies import Sector

PROFILE_KM = (10, 25, 50)
PROFILE_LIST_LIMIT = 500  # the profile lists at most this many projects (the nearest); counts are complete
KM_DECIMALS = 3  # metres
# The chainage of project row `t` along the route parts of the `corridor` CTE (the CORRIDOR_CTES).
LOCATE_PROJECT = locate_sql(parts="parts", target_geom="t.geom")
# The one corridor (id = %s) and its route parts, each computed once per statement.
CORRIDOR_CTES = f"""
    corridor AS MATERIALIZED (
        SELECT c.geom, c.geom::geography AS geog FROM {table_name(Corridor)} c WHERE c.id = %s
    ), parts AS MATERIALIZED ({route_parts_sql("(SELECT geom FROM corridor)")})"""


def _fetch(sql: str, params) -> list[tuple]:
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _km(metres: float) -> float:
    return round(metres / 1000.0, KM_DECIMALS)


def corridor_summary(*, corridor: Corridor) -> dict:
    """The corridor as named in spatial answers: where chainage starts and ends."""
    parts = part_count(corridor=corridor)
    return {
        "slug": corridor.slug,
        "name": corridor.name,
        "kind": corridor.kind,
        "start_name": corridor.start_name,
        "end_name": corridor.end_name,
        "length_km": round(total_length_km(corridor=corridor), 1),
        "part_count": parts,
        "chainage_from": _chainage_from(corridor=corridor, part=1, parts=parts),
        "url": corridor.get_absolute_url(),
    }


def _chainage_from(*, corridor: Corridor, part: int, parts: int) -> str:
    if parts == 1:
        return corridor.start_name
    return f"the first point of part {part} of {parts}"


# ---------------------------------------------------------------------------------------------
# Along a corridor


def projects_along_corridor(*, corridor: Corridor, filters: ProjectFilters, km: float) -> str:
    """The projects within `km` of the corridor (and matching every other filter) as a GeoJSON
    FeatureCollection ordered by chainage: one SQL statement (along_corridor_sql) after two small
    reads of the corridor (its parts and length, for the `corridor` member)."""
    sql, params = along_corridor_sql(corridor=corridor, filters=filters, km=km)
    [(count, body)] = _fetch(sql, params)
    summary = corridor_summary(corridor=corridor)
    return Written(count=count, body=body).text({"corridor": {**summary, "within_km": km}})


def along_corridor_sql(*, corridor: Corridor, filters: ProjectFilters, km: float) -> tuple[str, tuple]:
    """The statement behind projects_along_corridor, with its parameters (tests EXPLAIN it): the
    projects layer written by geodata.geojson with what "along" adds.

    Each feature adds distance_km, chainage_km and part; the collection adds `buffer`, the band
    drawn on the map. The buffer is for display only: it is built in Web Mercator scaled for the
    corridor's mean latitude, so its edge can be off by a few per cent; membership is decided by
    the geodesic ST_DWithin.
    """
    filters = replace(filters, near_corridor=corridor.slug, within_km=km)
    along = Extension(
        ctes=Sql(f"""{CORRIDOR_CTES}, band AS (
            SELECT ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_Transform(geom, 3857),
                       %s / cos(radians(ST_Y(ST_Centroid(geom)))), 'quad_segs=4'), 4326), 5)::json AS geometry
            FROM corridor
        )""", (corridor.pk, km * 1000.0)),
        joins=Sql(f", corridor, {LOCATE_PROJECT}"),
        properties=[
            ("distance_km",
             f"round(({distance_sql('t.geom', 'corridor.geog')} / 1000)::numeric, {KM_DECIMALS})"),
            ("chainage_km", f"round((loc.chainage_m / 1000)::numeric, {KM_DECIMALS})"),
            ("part", "loc.part"),
        ],
        members=[("buffer", "(SELECT geometry FROM band)")],
        ordering=["loc.part", "loc.chainage_m", "t.name", "t.slug"],
    )
    return collection_sql(layer=PROJECTS, queryset=project_list(filters=filters), extension=along)


# ---------------------------------------------------------------------------------------------
# Profile of a corridor


def _near_corridor_counts(*, corridor: Corridor, km: float) -> list[tuple[str, list[str], float]]:
    """(sector, countries, distance_km) of every project within km: cheap, no chainage."""
    near = within_sql("t.geom", "corridor.geog", km=km)
    rows = _fetch(f"""
        WITH {CORRIDOR_CTES}
        SELECT t.sector, t.countries, {distance_sql("t.geom", "corridor.geog")}
        FROM corridor, {table_name(Project)} t
        WHERE {near.text}
    """, (corridor.pk, *near.params))
    return [(sector, countries, _km(distance)) for sector, countries, distance in rows]


def _near_corridor_list(*, corridor: Corridor, km: float, limit: int) -> list[dict]:
    """The `limit` nearest projects within km, with chainage, in chainage order."""
    near = within_sql("t.geom", "corridor.geog", km=km)
    rows = _fetch(f"""
        WITH {CORRIDOR_CTES}, nearest AS (
            SELECT t.id, {distance_sql("t.geom", "corridor.geog")} AS distance_m
            FROM corridor, {table_name(Project)} t
            WHERE {near.text}
            ORDER BY distance_m, t.id
            LIMIT %s
        )
        SELECT t.slug, t.name, t.sector, t.countries, t.precision, n.distance_m, loc.part, loc.chainage_m
        FROM nearest n JOIN {table_name(Project)} t ON t.id = n.id, {LOCATE_PROJECT}
        ORDER BY loc.part, loc.chainage_m, t.name, t.slug
    """, (corridor.pk, *near.params, limit))
    return [
        {"slug": slug, "name": name, "sector": sector, "countries": countries, "precision": precision,
         "distance_km": _km(distance), "part": part, "chainage_km": _km(chainage),
         "url": f"/projects/{slug}/"}
        for slug, name, sector, countries, precision, distance, part, chainage in rows
    ]


def _counts(values: Counter, labels: dict) -> list[dict]:
    return [{"value": value, "label": labels.get(value, value), "count": count}
            for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0]))]


def corridor_profile(*, corridor: Corridor) -> dict:
    """Length (total, per route part and per country), the country runs and border crossings with
    chainage, and the projects within 10/25/50 km counted by country and sector (a project in two
    countries counts in both) and the nearest of them listed with their chainage."""
    total = total_length_km(corridor=corridor)
    outlines = country_profile(corridor=corridor)
    countries, crossings = outlines.lengths, outlines.crossings
    names = {**basemap_country_names(), **{c.iso_a3: c.name for c in countries}}
    nearby = _near_corridor_counts(corridor=corridor, km=max(PROFILE_KM))
    sectors = dict(Sector.choices)
    bands = []
    for km in PROFILE_KM:
        inside = [(sector, isos) for sector, isos, distance in nearby if distance <= km]
        bands.append({
            "within_km": km,
            "count": len(inside),
            "by_country": _counts(Counter(iso for _, isos in inside for iso in isos), names),
            "by_sector": _counts(Counter(sector for sector, _isos in inside), sectors),
        })
    return {
        "corridor": corridor_summary(corridor=corridor),
        "length_km": round(total, 3),
        "countries": [{**asdict(c), "length_km": round(c.length_km, 3), "share": round(c.share, 4)}
                      for c in countries],
        "outside_countries_km": round(max(0.0, total - sum(c.length_km for c in countries)), 3),
        "parts": [{"part": p.part, "length_km": round(p.length_km, 3), "start": p.start, "end": p.end}
                  for p in route_parts(corridor=corridor)],
        "country_runs": [{"part": r.part, "iso_a3": r.iso_a3, "from_km": round(r.from_km, 3),
                          "to_km": round(r.to_km, 3)} for r in outlines.runs],
        "border_crossings": [
            {"part": x.part, "from": x.from_country, "from_name": names.get(x.from_country, x.from_country),
             "to": x.to_country, "to_name": names.get(x.to_country, x.to_country),
             "chainage_km": round(x.chainage_km, 3), "lon": round(x.lon, 5), "lat": round(x.lat, 5),
             "gap_km": round(x.gap_km, 3)}
            for x in crossings
        ],
        "projects_within": bands,
        # For the strip diagram: the nearest PROFILE_LIST_LIMIT of them (all, on real data).
        "projects_listed_limit": PROFILE_LIST_LIMIT,
        "projects": _near_corridor_list(corridor=corridor, km=max(PROFILE_KM), limit=PROFILE_LIST_LIMIT),
    }


# ---------------------------------------------------------------------------------------------
# Around a point or a project


def _projects_near(*, target: Sql, km: float, limit: int, exclude_id: int | None = None) -> list[dict]:
    precision = label_of("t.precision", PRECISION_CODES.items())
    sector = label_of("t.sector", Sector.choices)
    near = within_sql("t.geom", geography("target.geom"), km=km)
    rows = _fetch(f"""
        WITH target AS MATERIALIZED (SELECT ({target.text}) AS geom)
        SELECT t.slug, t.name, t.sector, {sector.text}, t.countries, t.precision, {precision.text},
               {distance_sql("t.geom", geography("target.geom"))} AS distance_m
        FROM target, {table_name(Project)} t
        WHERE {near.text} AND t.id IS DISTINCT FROM %s
        ORDER BY distance_m, t.name, t.slug
        LIMIT %s
    """, (*target.params, *sector.params, *precision.params, *near.params, exclude_id, limit))
    return [
        {"slug": slug, "name": name, "sector": sector_code, "sector_label": sector_label,
         "countries": countries, "precision": precision_code, "precision_label": precision_label,
         "distance_km": _km(distance), "url": f"/projects/{slug}/"}
        for slug, name, sector_code, sector_label, countries, precision_code, precision_label, distance
        in rows
    ]


def _corridors_json(*, target: Sql, km: float, limit: int) -> list[dict]:
    return [
        {"slug": c.slug, "name": c.name, "kind": c.kind, "distance_km": round(c.distance_km, KM_DECIMALS),
         "chainage_km": round(c.chainage_km, KM_DECIMALS), "part": c.part, "part_count": c.part_count,
         "chainage_from": c.start_name if c.part_count == 1 else
         f"the first point of part {c.part} of {c.part_count}",
         "start_name": c.start_name, "end_name": c.end_name, "url": f"/corridors/{c.slug}/"}
        for c in corridors_near(target=target, km=km, limit=limit)
    ]


def near_point(*, lon: float, lat: float, km: float, limit: int) -> dict:
    """Corridors (with distance and chainage) and projects (with distance) within `km` of a point."""
    target = Sql("ST_SetSRID(ST_MakePoint(%s, %s), 4326)", (lon, lat))
    return {
        "point": {"lon": lon, "lat": lat},
        "within_km": km,
        "corridors": _corridors_json(target=target, km=km, limit=limit),
        "projects": _projects_near(target=target, km=km, limit=limit),
    }


def near_project(*, project: Project, km: float, limit: int) -> dict:
    """Other projects within `km` of a project's geometry (nearest first) and the corridors passing
    within `km` of it. Distances are between the nearest points of the two geometries."""
    target = Sql(f"SELECT p.geom FROM {table_name(Project)} p WHERE p.id = %s", (project.pk,))
    return {
        "project": {"slug": project.slug, "name": project.name, "precision": project.precision,
                    "url": project.get_absolute_url()},
        "within_km": km,
        "projects": _projects_near(target=target, km=km, limit=limit, exclude_id=project.pk),
        "corridors": _corridors_json(target=target, km=km, limit=limit),
    }

