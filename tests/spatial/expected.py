"""Expected answers for the fixture world, computed with pyproj's Geod on the WGS84 ellipsoid.

A line's vertices are joined by geodesics; distances to a line are the minimum over points placed
every STEP_M metres along those geodesics, and a point's chainage is the length up to that point.
"""

from dataclasses import dataclass

import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
STEP_M = 25.0


@dataclass(frozen=True)
class Dense:
    lons: np.ndarray
    lats: np.ndarray
    chainage_m: np.ndarray


def length_km(coords) -> float:
    lons, lats = zip(*coords, strict=True)
    return GEOD.line_length(lons, lats) / 1000.0


def densify(coords) -> Dense:
    lons, lats, chainage = [coords[0][0]], [coords[0][1]], [0.0]
    for (lon1, lat1), (lon2, lat2) in zip(coords, coords[1:], strict=False):
        _, _, seg = GEOD.inv(lon1, lat1, lon2, lat2)
        n = max(int(seg // STEP_M), 1)
        points = GEOD.npts(lon1, lat1, lon2, lat2, n - 1) if n > 1 else []
        start = chainage[-1]
        for i, (lon, lat) in enumerate([*points, (lon2, lat2)], start=1):
            lons.append(lon)
            lats.append(lat)
            chainage.append(start + seg * i / n)
    return Dense(np.array(lons), np.array(lats), np.array(chainage))


def distance_and_chainage_km(coords, lon: float, lat: float) -> tuple[float, float]:
    """Shortest geodesic distance from the point to the line, and the chainage of the nearest point."""
    dense = densify(coords)
    here_lon, here_lat = np.full(dense.lons.shape, lon), np.full(dense.lats.shape, lat)
    _, _, dist = GEOD.inv(here_lon, here_lat, dense.lons, dense.lats)
    i = int(np.argmin(dist))
    return dist[i] / 1000.0, dense.chainage_m[i] / 1000.0


def point_distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def crossing_of_meridian(coords, lon: float) -> tuple[float, float, float]:
    """Where the line (straight in lon/lat, as PostGIS cuts it) crosses a meridian:
    (lon, lat, chainage_km)."""
    for i, ((lon1, lat1), (lon2, lat2)) in enumerate(zip(coords, coords[1:], strict=False)):
        if min(lon1, lon2) <= lon <= max(lon1, lon2) and lon1 != lon2:
            lat = lat1 + (lat2 - lat1) * (lon - lon1) / (lon2 - lon1)
            return lon, lat, length_km([*coords[: i + 1], (lon, lat)])
    raise ValueError("the line does not cross that meridian")
