"""Candidate positions for a place name a document gives: a gazetteer built from our own data —
the basemap's populated places (and the provinces they lie in), ports and airports, the corridors'
end points, and the features already mapped — with their name variants.

Each candidate carries an AidData precision code for what it would locate: a port or an airport
is the site itself (1); a town locates what lies in or near it (2); a province, by its largest
town (4); a mapped feature keeps its own code."""

import functools
import json
import re
import unicodedata
from dataclasses import dataclass

from geodata.basemap import BASEDATA_DIR

# Words that say what a place is, not which one: "Haiphong Port" and "Hai Phong" are one name.
GENERIC = {
    "port",
    "seaport",
    "sea",
    "deep",
    "international",
    "intl",
    "airport",
    "bridge",
    "city",
    "province",
    "town",
    "terminal",
    "the",
    "of",
    "new",
    "container",
    "area",
    "district",
    "special",
    "economic",
    "zone",
    "sez",
    "capital",
}
PRECISION_SITE, PRECISION_NEAR, PRECISION_PROVINCE = 1, 2, 4


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # town, province, port, airport, corridor end, project, corridor
    lon: float
    lat: float
    precision: int
    source: str  # where the position comes from
    country: str = ""  # ISO 3166-1 alpha-3 where the gazetteer knows it

    def as_candidate(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "lon": round(self.lon, 6),
            "lat": round(self.lat, 6),
            "precision": self.precision,
            "source": self.source,
            "country": self.country,
        }


def name_key(name: str) -> str:
    """The words that tell a place apart, without accents, case or generic words, spaces closed
    inside a name ("Hai Phong" = "Haiphong"). Natural Earth writes some letters it could not encode
    as "?" ("Bình Thu?n"): they are kept, and match any one or two letters (key_pattern)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(w for w in re.findall(r"[a-z0-9?]+", ascii_name.lower()) if w not in GENERIC)


@functools.lru_cache(maxsize=4096)
def key_pattern(key: str) -> re.Pattern:
    return re.compile(re.escape(key).replace(r"\?", "[a-z]{1,2}"))


def _read(file_name: str) -> list[dict]:
    try:
        return json.loads((BASEDATA_DIR / file_name).read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        return []


@functools.cache
def basemap_places() -> tuple[Place, ...]:
    places = []
    largest_by_province: dict[str, dict] = {}
    for feature in _read("places.geojson"):
        props, (lon, lat) = feature["properties"], feature["geometry"]["coordinates"][:2]
        for name in {props["name"], props.get("name_ascii") or props["name"]}:
            places.append(
                Place(
                    name,
                    "town",
                    lon,
                    lat,
                    PRECISION_NEAR,
                    "Natural Earth populated places",
                    props.get("adm0_a3") or "",
                )
            )
        province = props.get("adm1_name") or ""
        if province and (
            province not in largest_by_province
            or (props.get("population") or 0)
            > (largest_by_province[province]["properties"].get("population") or 0)
        ):
            largest_by_province[province] = feature
    for province, feature in largest_by_province.items():
        lon, lat = feature["geometry"]["coordinates"][:2]
        places.append(
            Place(
                province,
                "province",
                lon,
                lat,
                PRECISION_PROVINCE,
                f"Natural Earth: the province's largest town, {feature['properties']['name']}",
                feature["properties"].get("adm0_a3") or "",
            )
        )
    for file_name, kind in (("ports.geojson", "port"), ("airports.geojson", "airport")):
        for feature in _read(file_name):
            lon, lat = feature["geometry"]["coordinates"][:2]
            places.append(
                Place(feature["properties"]["name"], kind, lon, lat, PRECISION_SITE, f"Natural Earth {kind}s")
            )
    return tuple(places)


def mapped_places() -> list[Place]:
    """The features already on the map (their names and aliases) and the corridors' end points."""
    from corridors.models import Corridor
    from projects.models import Project

    places = []
    for project in Project.objects.filter(generated=False).only(
        "slug", "name", "aliases", "geom", "precision", "countries"
    ):
        point = project.geom.point_on_surface
        for name in (project.name, *project.aliases):
            places.append(
                Place(
                    name,
                    "project",
                    point.x,
                    point.y,
                    project.precision,
                    f"project {project.slug}",
                    project.countries[0] if len(project.countries) == 1 else "",
                )
            )
    for corridor in Corridor.objects.only("slug", "start_name", "end_name", "geom"):
        lines = list(corridor.geom) if corridor.geom.geom_type.startswith("Multi") else [corridor.geom]
        ends = [(corridor.start_name, lines[0][0]), (corridor.end_name, lines[-1][-1])]
        for name, (lon, lat, *_rest) in ends:
            if name:
                places.append(
                    Place(name, "corridor end", lon, lat, PRECISION_NEAR, f"corridor {corridor.slug}")
                )
    return places


def candidates(name: str, *, kind: str, places: list[Place]) -> list[dict]:
    """Gazetteer entries whose name is the place name or a part of it ("Khon Kaen" for "the Mekong
    Institute in Khon Kaen"), the most precise first; a facility in a town is located near it (2)."""
    wanted = name_key(name).replace("?", "")
    if not wanted:
        return []
    found = {}
    for place in places:
        key = name_key(place.name)
        if len(key) < 4 or not key_pattern(key).search(wanted):
            continue
        precision = place.precision
        if place.kind == "port" and kind not in ("port", "town", "area"):
            continue  # a port locates a port, not the bridge of the same town
        if place.kind == "airport" and kind not in ("airport", "town"):
            continue
        same = key.replace("?", "") == wanted
        reason = (f"{place.name!r} ({place.kind}) is the name" if same else
                  f"the name contains {place.name!r}, a {place.kind}")
        if "?" in place.name:
            reason += " (Natural Earth writes the letters it could not encode as '?')"
        entry = place.as_candidate() | {"precision": precision, "reason": f"{reason}; {place.source}"}
        found[(entry["name"], entry["lon"], entry["lat"])] = entry
    return sorted(found.values(), key=lambda c: (c["precision"], c["name"]))
