"""Sanity check of corridors.geojson and projects.geojson (not a test).

    .venv/bin/python geodata/data/build/check_data.py [--anchors]

Prints a table per file and a list of problems; exits 1 if any check fails.
Length ratios outside +/-15 % are reported as warnings, not failures.
With --anchors it also prints each cited anchor with the start of the
paragraph it resolves to (a light re-implementation of the anchor scheme,
for cross-checking; the real parser lives elsewhere).
"""

import json
import re
import sys
from pathlib import Path

import shapely
from pyproj import Geod
from shapely.geometry import shape
from shapely.ops import nearest_points

DATA = Path(__file__).resolve().parents[1]
SOURCES = next((d for d in (DATA / "sources", DATA.parents[2] / "shared" / "sources")
                if (d / "mjc-strategy-2024.md").exists()), DATA / "sources")  # --anchors only
GEOD = Geod(ellps="WGS84")
BOX = (92.0, 8.0, 110.0, 24.0)
COAST_KM = 5.0
LENGTH_TOLERANCE = 0.15

KINDS = {"economic_corridor", "sub_corridor", "national_road", "expressway", "road_link"}
METHODS = {"derived_from_roads", "waypoints", "mixed"}
SECTORS = {"road", "bridge", "port", "airport", "railway", "power", "water", "irrigation",
           "ict", "sez_industrial", "urban", "health", "disaster", "other"}
STATUSES = {"proposed", "study", "implementation", "completed", "unknown"}
STAGES = {"proposed", "study", "implementation", "completed", None}
FUNDING = {"oda_loan", "grant_aid", "technical_cooperation", "private_investment_finance", "jaif",
           "multilateral_cofinancing", "partner_government_budget", "private_ppp", "unspecified"}
PROVENANCE = {"stated", "curated"}
ANCHOR = re.compile(r"^(mjc2024-[1-9]\d*|ap2012-\d+(\.\d+)?-\d{2}[a-z]?|(jmci2016|meti2020|jmpp2007)-\d{2})$")

CORRIDOR_KEYS = ["slug", "name", "aliases", "kind", "parent", "countries", "description", "start_name",
                 "end_name", "waypoints", "approx_length_km", "length_note", "geometry_method",
                 "geometry_note", "sources"]
PROJECT_KEYS = ["slug", "name", "aliases", "description", "countries", "sector", "status",
                "status_provenance", "status_note", "years", "years_provenance", "years_note",
                "funding_types", "funding_provenance", "funding_note", "corridors", "precision",
                "location_note", "sources"]

problems = []


def fail(where, msg):
    problems.append(f"{where}: {msg}")


def load(name):
    data = json.loads((DATA / name).read_text())
    if data.get("type") != "FeatureCollection":
        fail(name, "not a FeatureCollection")
    if "crs" in data:
        fail(name, "has a crs member (RFC 7946 forbids it)")
    return data["features"]


def countries():
    feats = json.loads((DATA / "basedata" / "countries.geojson").read_text())["features"]
    return {f["properties"]["iso_a3"]: shape(f["geometry"]) for f in feats}


def geodesic_km(geom):
    return GEOD.geometry_length(geom) / 1000.0


def km_outside(geom, polys):
    """Distance in km from geom to the union of polys (0 if inside)."""
    area = shapely.unary_union(polys)
    if area.covers(geom):
        return 0.0
    p1, p2 = nearest_points(geom, area)
    return GEOD.inv(p1.x, p1.y, p2.x, p2.y)[2] / 1000.0


def share_inside(geom, polys, buffer_deg=0.05):
    area = shapely.unary_union(polys).buffer(buffer_deg)
    parts = getattr(geom, "geoms", [geom])  # per part: overlapping parts must not merge
    inside = sum(geodesic_km(part.intersection(area)) for part in parts)
    return inside / max(geodesic_km(geom), 1e-9)


def check_common(where, feature, keys, iso):
    props = feature.get("properties") or {}
    missing = [k for k in keys if k not in props]
    if missing:
        fail(where, f"missing properties {missing}")
    extra = [k for k in props if k not in keys]
    if extra:
        fail(where, f"unexpected properties {extra}")
    geom = feature.get("geometry")
    if not geom:
        fail(where, "no geometry")
        return None
    g = shape(geom)
    if g.is_empty or not g.is_valid:
        fail(where, "empty or invalid geometry")
    minx, miny, maxx, maxy = g.bounds
    if minx < BOX[0] or miny < BOX[1] or maxx > BOX[2] or maxy > BOX[3]:
        fail(where, f"outside the region box {g.bounds}")
    for c in shapely.get_coordinates(g).ravel():
        if abs(round(c, 6) - c) > 1e-9:
            fail(where, "coordinates with more than 6 decimals")
            break
    bad = [c for c in props.get("countries", []) if c not in iso]
    if bad:
        fail(where, f"unknown country codes {bad}")
    for s in props.get("sources", []):
        if not ANCHOR.match(s.get("anchor", "")):
            fail(where, f"bad anchor {s.get('anchor')!r}")
        if not s.get("note"):
            fail(where, f"source {s.get('anchor')} has no note")
    if not props.get("sources"):
        fail(where, "no sources")
    return g


def check_slugs(name, features):
    slugs = [f["properties"]["slug"] for f in features]
    dupes = {s for s in slugs if slugs.count(s) > 1}
    if dupes:
        fail(name, f"duplicate slugs {sorted(dupes)}")
    for s in slugs:
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", s):
            fail(name, f"slug {s!r} is not a slug")
    return set(slugs)


def check_corridors(iso):
    features = load("corridors.geojson")
    slugs = check_slugs("corridors", features)
    print(f"\ncorridors.geojson: {len(features)} features")
    print(f"{'slug':<28} {'kind':<18} {'method':<19} {'derived':>8} {'documented':>10} {'ratio':>6}  "
          f"{'in countries':>12}")
    for f in features:
        p = f["properties"]
        where = f"corridor {p.get('slug')}"
        g = check_common(where, f, CORRIDOR_KEYS, iso)
        if p.get("kind") not in KINDS:
            fail(where, f"kind {p.get('kind')!r}")
        if p.get("geometry_method") not in METHODS:
            fail(where, f"geometry_method {p.get('geometry_method')!r}")
        if p.get("parent") is not None and p["parent"] not in slugs:
            fail(where, f"parent {p['parent']!r} does not exist")
        if g is None:
            continue
        if g.geom_type != "MultiLineString":
            fail(where, f"geometry is {g.geom_type}, not MultiLineString")
        derived = geodesic_km(g)
        doc = float(p.get("approx_length_km") or 0)
        ratio = derived / doc if doc else float("nan")
        inside = share_inside(g, [iso[c] for c in p["countries"] if c in iso])
        flag = "" if abs(ratio - 1) <= LENGTH_TOLERANCE else "  WARN length"
        if inside < 0.98:
            fail(where, f"only {inside:.0%} of the line lies in its countries")
        print(f"{p['slug']:<28} {p['kind']:<18} {p['geometry_method']:<19} {derived:8.0f} "
              f"{doc:10.0f} {ratio:6.2f}  {inside:12.0%}{flag}")
    return slugs


def check_projects(iso, corridor_slugs):
    features = load("projects.geojson")
    check_slugs("projects", features)
    print(f"\nprojects.geojson: {len(features)} features")
    print(f"{'slug':<44} {'sector':<15} {'status':<15} {'prec':>4} {'geom':<10} {'outside km':>10}")
    for f in features:
        p = f["properties"]
        where = f"project {p.get('slug')}"
        g = check_common(where, f, PROJECT_KEYS, iso)
        if p.get("sector") not in SECTORS:
            fail(where, f"sector {p.get('sector')!r}")
        if p.get("status") not in STATUSES:
            fail(where, f"status {p.get('status')!r}")
        for k in ("status_provenance", "years_provenance", "funding_provenance"):
            if p.get(k) not in PROVENANCE:
                fail(where, f"{k} {p.get(k)!r}")
        if not p.get("funding_types") or any(t not in FUNDING for t in p["funding_types"]):
            fail(where, f"funding_types {p.get('funding_types')}")
        if "unspecified" in p.get("funding_types", []) and len(p["funding_types"]) > 1:
            fail(where, "unspecified mixed with other funding types")
        if p.get("precision") not in range(1, 7):
            fail(where, f"precision {p.get('precision')!r}")
        if not all(isinstance(y, int) and 1990 <= y <= 2030 for y in p.get("years", [])):
            fail(where, f"years {p.get('years')}")
        doc_years = {s.get("year") for s in p.get("sources", [])}
        if not doc_years <= set(p.get("years", [])) | {None}:
            fail(where, "a source year is missing from years")
        for s in p.get("sources", []):
            if s.get("stage") not in STAGES:
                fail(where, f"stage {s.get('stage')!r}")
        bad = [c for c in p.get("corridors", []) if c not in corridor_slugs]
        if bad:
            fail(where, f"unknown corridors {bad}")
        if g is None:
            continue
        if g.geom_type not in ("Point", "LineString", "Polygon"):
            fail(where, f"geometry type {g.geom_type}")
        polys = [iso[c] for c in p["countries"] if c in iso]
        if g.geom_type == "Point":
            out = km_outside(g, polys)
            if out > COAST_KM:
                fail(where, f"point is {out:.1f} km outside its countries")
        else:
            out = (1 - share_inside(g, polys)) * geodesic_km(g) if g.geom_type == "LineString" \
                else km_outside(g, polys)
            if g.geom_type == "LineString" and out > COAST_KM:
                fail(where, f"{out:.1f} km of the line lies outside its countries")
        print(f"{p['slug']:<44} {p['sector']:<15} {p['status']:<15} {p['precision']:>4} "
              f"{g.geom_type:<10} {out:10.1f}")
    return features


def print_anchors():
    """Cited anchors with the start of the paragraph they resolve to."""
    paragraphs = anchors_from_sources()
    cited = {}
    for name in ("corridors.geojson", "projects.geojson"):
        for f in load(name):
            for s in f["properties"]["sources"]:
                cited.setdefault(s["anchor"], []).append(f["properties"]["slug"])
    print(f"\n{len(cited)} distinct anchors cited")
    for a in sorted(cited, key=anchor_sort_key):
        text = paragraphs.get(a)
        if text is None and paragraphs:
            fail("anchors", f"{a} does not resolve in the sources")
        print(f"{a:<16} {(text or '?')[:70]!r:<74} <- {', '.join(cited[a])}")


def anchor_sort_key(a):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", a)]


def anchors_from_sources():
    """A small reading of the anchor scheme (see README) for the cited documents."""
    if not SOURCES.exists():
        return {}
    out = {}
    mjc = (SOURCES / "mjc-strategy-2024.md").read_text()
    for m in re.finditer(r"^(\d+)\. (.*)$", mjc, re.M):
        out[f"mjc2024-{m.group(1)}"] = m.group(2)
    section, n, letter = None, 0, 0
    for line in (SOURCES / "tokyo-strategy-2012-action-plan.md").read_text().splitlines():
        head = re.match(r"^(\d+(?:\.\d+)?)\.? ", line)
        if head and not line.startswith("- "):
            section, n = head.group(1), 0
        elif line.startswith("- ") and section:
            n += 1
            letter = 0
            out[f"ap2012-{section}-{n:02d}"] = line[2:]
        elif line.startswith(" - ") and section and "✓" not in line:
            out[f"ap2012-{section}-{n:02d}{'abcdefgh'[letter]}"] = line[3:]
            letter += 1
    jmci = (SOURCES / "japan-mekong-connectivity-initiative-2016.md").read_text()
    paras = [line.lstrip("-◆* ").strip() for line in jmci.splitlines()[3:]
             if line.strip() and not line.startswith("【")]
    for i, text in enumerate(paras, 1):
        out[f"jmci2016-{i:02d}"] = text
    return out


def main():
    iso = countries()
    corridor_slugs = check_corridors(iso)
    check_projects(iso, corridor_slugs)
    if "--anchors" in sys.argv:
        print_anchors()
    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        for msg in problems:
            print("  -", msg)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
