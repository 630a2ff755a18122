"""A strict RFC 7946 check of a parsed GeoJSON document, written for the tests.

Checks what GIS clients trip over: a `crs` member, positions outside lon/lat ranges or with
more than 6 decimals, unclosed or short rings, the winding order (exterior rings
counter-clockwise, holes clockwise: section 3.1.6), and a bbox that does not hold every position.
"""

from shapely.geometry import LinearRing

DECIMALS = 6


def _positions(geometry: dict):
    kind, coords = geometry["type"], geometry.get("coordinates")
    if kind == "Point":
        yield coords
    elif kind in ("MultiPoint", "LineString"):
        yield from coords
    elif kind in ("MultiLineString", "Polygon"):
        for part in coords:
            yield from part
    elif kind == "MultiPolygon":
        for polygon in coords:
            for ring in polygon:
                yield from ring
    elif kind == "GeometryCollection":
        for member in geometry["geometries"]:
            yield from _positions(member)


def _polygons(geometry: dict):
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "GeometryCollection":
        for member in geometry["geometries"]:
            yield from _polygons(member)


def geometry_problems(geometry: dict, *, where: str) -> list[str]:
    problems = []
    if "crs" in geometry:
        problems.append(f"{where}: a crs member")
    for position in _positions(geometry):
        if len(position) not in (2, 3) or not all(isinstance(v, int | float) for v in position):
            problems.append(f"{where}: bad position {position}")
            continue
        lon, lat = position[:2]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            problems.append(f"{where}: {position} is not lon/lat in WGS 84")
        if any(round(v, DECIMALS) != v for v in (lon, lat)):
            problems.append(f"{where}: {position} has more than {DECIMALS} decimals")
    for polygon in _polygons(geometry):
        for index, ring in enumerate(polygon):
            if len(ring) < 4 or ring[0] != ring[-1]:
                problems.append(f"{where}: ring {index} is not a closed ring of 4+ positions")
                continue
            ccw = LinearRing(ring).is_ccw
            if index == 0 and not ccw:
                problems.append(f"{where}: exterior ring is clockwise")
            if index > 0 and ccw:
                problems.append(f"{where}: hole {index} is counter-clockwise")
    return problems


def rfc7946_problems(document: dict) -> list[str]:
    """Every way the FeatureCollection breaks RFC 7946 (an empty list when it is clean)."""
    problems = []
    if document.get("type") != "FeatureCollection":
        problems.append("not a FeatureCollection")
    if "crs" in document:
        problems.append("a crs member (RFC 7946 section 4: WGS 84 is implied)")
    features = document.get("features", [])
    bbox = document.get("bbox")
    if features and (not isinstance(bbox, list) or len(bbox) != 4):
        problems.append("no 2D bbox")
        bbox = None
    for feature in features:
        where = f"feature {feature.get('id')!r}"
        if feature.get("type") != "Feature" or "properties" not in feature:
            problems.append(f"{where}: not a Feature with properties")
        if not isinstance(feature.get("id"), str | int):
            problems.append(f"{where}: id is neither a string nor a number")
        geometry = feature.get("geometry")
        if geometry is None:
            continue
        problems += geometry_problems(geometry, where=where)
        if bbox:
            west, south, east, north = bbox
            for lon, lat, *_ in _positions(geometry):
                if not (west <= lon <= east and south <= lat <= north):
                    problems.append(f"{where}: ({lon}, {lat}) lies outside the bbox")
    return problems
