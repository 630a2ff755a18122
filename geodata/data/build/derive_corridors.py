"""Derive the corridor lines in ../corridors.geojson from the basemap roads.

Run from the repository root:

    .venv/bin/python geodata/data/build/derive_corridors.py          # rewrite the lines
    .venv/bin/python geodata/data/build/derive_corridors.py --check  # exit 1 if they would change

For every corridor with waypoints, each pair of consecutive waypoints is joined
by the shortest path in a routing graph built from basedata/roads.geojson.
Where the graph does not connect the pair, or the path is more than
MAX_DETOUR times the straight geodesic distance, the straight segment between
the two waypoints is used instead. A corridor without waypoints (the Southern
Economic Corridor) gets the union of its sub-corridors. Only `geometry`,
`geometry_method` and `geometry_note` are rewritten; the curated properties
are kept as they are.
"""

import json
import sys
from itertools import pairwise
from pathlib import Path

import networkx as nx
import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point

DATA = Path(__file__).resolve().parents[1]
ROADS = DATA / "basedata" / "roads.geojson"
CORRIDORS = DATA / "corridors.geojson"
WAYPOINTS = Path(__file__).with_name("waypoints.json")

SNAP = 1e-4            # node snapping grid, degrees (~11 m)
JOIN_DEG = 0.015       # join a dead end to another road within ~1.6 km
MAX_SNAP_KM = 12.0     # a waypoint farther than this from any road is not snapped
NEAR_KM = 5.0          # a waypoint may join any road node within this distance
MAX_DETOUR = 1.4       # path longer than 1.4 x straight distance counts as absurd
DECIMALS = 5

GEOD = Geod(ellps="WGS84")


def km(a, b):
    """Geodesic distance in km between two (lon, lat) points."""
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def line_km(coords):
    return sum(km(a, b) for a, b in pairwise(coords))


def key(pt):
    """Grid key of a point: vertices closer than SNAP share a node."""
    return (round(pt[0] / SNAP), round(pt[1] / SNAP))


# --- routing graph ---------------------------------------------------------

def read_lines(path=ROADS):
    return [LineString(f["geometry"]["coordinates"])
            for f in json.loads(path.read_text())["features"]]


def node_lines(lines):
    """Split the roads at every crossing and join dead ends to nearby roads.

    Junctions between road classes do not always share a vertex in the tiles
    the roads were recovered from (see basedata-README.md), so a dead end
    within JOIN_DEG of another road gets a short connector to it.
    """
    parts = list(shapely.unary_union(lines).geoms)
    ends = {}
    for part in parts:
        for pt in (part.coords[0], part.coords[-1]):
            ends[key(pt)] = ends.get(key(pt), 0) + 1
    tree = shapely.STRtree(parts)
    connectors = []
    for i, part in enumerate(parts):
        for pt in (part.coords[0], part.coords[-1]):
            if ends[key(pt)] == 1:
                conn = connector(Point(pt), parts, tree, i)
                if conn is not None:
                    connectors.append(conn)
    return list(shapely.unary_union(parts + connectors).geoms)


def connector(p, parts, tree, own):
    """Short line from dead end p to the nearest other road, overshooting it slightly."""
    best = None
    for j in tree.query(p.buffer(JOIN_DEG)):
        if j == own:
            continue
        q = parts[j].interpolate(parts[j].project(p))
        d = p.distance(q)
        if 0 < d <= JOIN_DEG and (best is None or d < best[0]):
            best = (d, q)
    if best is None:
        return None
    d, q = best
    over = 1e-6 / d  # cross the target line so that noding splits it at q
    end = (q.x + (q.x - p.x) * over, q.y + (q.y - p.y) * over)
    return LineString([(p.x, p.y), end])


def build_graph(path=ROADS):
    """Undirected graph: nodes are snapped vertices, weight is geodesic km."""
    graph = nx.Graph()
    for line in node_lines(read_lines(path)):
        coords = list(line.coords)
        for a, b in pairwise(coords):
            ka, kb = key(a), key(b)
            if ka == kb:
                continue
            graph.add_node(ka, pt=tuple(a))
            graph.add_node(kb, pt=tuple(b))
            graph.add_edge(ka, kb, weight=km(a, b))
    return graph


class Snapper:
    """Finds the road nodes near a waypoint (vectorised, planar approximation)."""

    def __init__(self, graph):
        self.keys = list(graph.nodes)
        self.xy = np.array([graph.nodes[n]["pt"] for n in self.keys])

    def near(self, pt):
        """[(node, km)] for nodes within max(NEAR_KM, 1.5 x nearest), up to MAX_SNAP_KM."""
        dx = (self.xy[:, 0] - pt[0]) * np.cos(np.radians(pt[1]))
        dy = self.xy[:, 1] - pt[1]
        d = np.hypot(dx, dy) * 111.2
        limit = min(MAX_SNAP_KM, max(NEAR_KM, 1.5 * d.min()))
        return [(self.keys[i], float(d[i])) for i in np.nonzero(d <= limit)[0]]


# --- routing one corridor --------------------------------------------------

def route_pair(graph, snapper, a, b):
    """Coordinates from a to b and how they were made: 'roads' or 'straight' + reason.

    The waypoints are joined to all road nodes near them by temporary edges,
    so a nearby road that is not connected onward does not block the route.
    """
    straight = km(a, b)
    near_a, near_b = snapper.near(a), snapper.near(b)
    if not near_a or not near_b:
        return [a, b], "straight", f"no basemap road within {MAX_SNAP_KM:.0f} km of a waypoint"
    graph.add_weighted_edges_from(("A", n, d) for n, d in near_a)
    graph.add_weighted_edges_from((n, "B", d) for n, d in near_b)
    try:
        nodes = nx.shortest_path(graph, "A", "B", weight="weight")
    except nx.NetworkXNoPath:
        nodes = None
    finally:
        graph.remove_nodes_from(["A", "B"])
    if nodes is None:
        return [a, b], "straight", "basemap roads do not connect the waypoints"
    coords = [a] + [graph.nodes[n]["pt"] for n in nodes[1:-1]] + [b]
    length = line_km(coords)
    if straight > 0 and length > MAX_DETOUR * straight:
        return [a, b], "straight", (f"road path {length:.0f} km is more than {MAX_DETOUR} x "
                                    f"the straight {straight:.0f} km")
    return coords, "roads", ""


def route_corridor(graph, snapper, names, places):
    """One LineString through the named waypoints, plus a list of straight segments."""
    legs, straight_parts = [], []
    for a_name, b_name in pairwise(names):
        a, b = point(places, a_name), point(places, b_name)
        part, how, why = route_pair(graph, snapper, a, b)
        legs.append((part, how))
        if how != "roads":
            straight_parts.append(f"{a_name} - {b_name} ({why})")
    coords = []
    for i, (part, how) in enumerate(legs):
        if how == "roads":
            part = trim_inner_ends(part, first=i == 0, last=i == len(legs) - 1)
        coords.extend(part)
    road_parts = sum(1 for _, how in legs if how == "roads")
    return dedupe(coords), road_parts, straight_parts


def trim_inner_ends(part, first, last):
    """Drop the off-road waypoint at inner joints, so the line has no spikes.

    A road leg starts and ends at its waypoints; between two road legs the
    line goes straight from one leg's last road node to the next leg's first.
    """
    start = 0 if first else 1
    end = len(part) if last else len(part) - 1
    return part[start:end] if end - start >= 2 else part


def point(places, name):
    try:
        p = places[name]
    except KeyError:
        sys.exit(f"waypoint {name!r} is missing from {WAYPOINTS.name}")
    return (p["lon"], p["lat"])


def dedupe(coords):
    """Round to DECIMALS and drop repeated vertices."""
    out = []
    for x, y in coords:
        pt = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != pt:
            out.append(pt)
    return out


def method_fields(road_parts, straight_parts, names):
    """geometry_method and geometry_note for a routed corridor."""
    pairs = len(names) - 1
    if not straight_parts:
        method = "derived_from_roads"
        note = (f"Shortest paths on the Natural Earth roads graph through {len(names)} "
                f"waypoints ({pairs} leg{'s' if pairs > 1 else ''}); short straight "
                "connectors join the end waypoints to the roads.")
    elif road_parts == 0:
        method = "waypoints"
        note = ("Straight geodesic segments between the waypoints; the basemap roads "
                "could not be used: " + "; ".join(straight_parts) + ".")
    else:
        method = "mixed"
        note = (f"{road_parts} of {pairs} legs follow the Natural Earth roads graph; "
                "straight segments for: " + "; ".join(straight_parts) + ".")
    return method, note


# --- corridors file ---------------------------------------------------------

def derive(collection, graph, places):
    snapper = Snapper(graph)
    features = {f["properties"]["slug"]: f for f in collection["features"]}
    for feature in features.values():
        names = feature["properties"]["waypoints"]
        if len(names) < 2:
            continue
        coords, road_parts, straight_parts = route_corridor(graph, snapper, names, places)
        feature["geometry"] = {"type": "MultiLineString", "coordinates": [coords]}
        method, note = method_fields(road_parts, straight_parts, names)
        feature["properties"]["geometry_method"] = method
        feature["properties"]["geometry_note"] = note
    for feature in features.values():
        if len(feature["properties"]["waypoints"]) < 2:
            union_of_children(feature, features)


def union_of_children(feature, features):
    """Geometry = all lines of the sub-corridors whose parent is this corridor."""
    slug = feature["properties"]["slug"]
    children = [f for f in features.values()
                if f["properties"]["parent"] == slug and f["geometry"]]
    if not children:
        sys.exit(f"{slug}: no waypoints and no sub-corridors to take a geometry from")
    lines = [line for c in children for line in c["geometry"]["coordinates"]]
    feature["geometry"] = {"type": "MultiLineString", "coordinates": lines}
    methods = {c["properties"]["geometry_method"] for c in children}
    feature["properties"]["geometry_method"] = methods.pop() if len(methods) == 1 else "mixed"
    names = ", ".join(c["properties"]["slug"] for c in children)
    feature["properties"]["geometry_note"] = (
        f"Union of the lines of its sub-corridors ({names}); see their notes.")


def main():
    check_only = "--check" in sys.argv[1:]
    places = json.loads(WAYPOINTS.read_text())["places"]
    before = CORRIDORS.read_text()
    collection = json.loads(before)
    graph = build_graph()
    derive(collection, graph, places)
    if check_only:
        if dump(collection) != before:
            sys.exit(f"{CORRIDORS.name} differs from what the waypoints and roads give: "
                     "rerun without --check")
        print(f"{CORRIDORS.name} is what the waypoints and roads give")
        return
    CORRIDORS.write_text(dump(collection))
    for f in collection["features"]:
        p = f["properties"]
        total = sum(line_km(line) for line in f["geometry"]["coordinates"])
        print(f"{p['slug']:<28} {p['geometry_method']:<19} {total:8.0f} km "
              f"(documented ~{p['approx_length_km']:.0f} km)")


def dump(collection):
    """One feature per line block: readable diffs without a huge file."""
    parts = []
    for f in collection["features"]:
        props = json.dumps(f["properties"], ensure_ascii=False, indent=2)
        geom = json.dumps(f["geometry"], separators=(",", ":"))
        parts.append('{"type": "Feature", "properties": ' + props + ',\n "geometry": ' + geom + "}")
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(parts) + "\n]}\n"


if __name__ == "__main__":
    main()
