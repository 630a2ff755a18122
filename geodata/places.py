"""Names of places and facilities a paragraph gives: the coverage detector. Pure functions, no database.

`detect_place_names(text)` finds, in reading order:

* facilities by the word that ends their name: bridges, ports and terminals, airports, roads,
  expressways and highways, railways and lines, SEZs, industrial parks and estates, power plants,
  hospitals, centres and institutes, commissions, river basins ("Neak Loeung Bridge",
  "Mekong Institute", "Asian Disaster Preparedness Centre");
* numbered roads ("National Road No. 5", "National Road 19", "Route No.8 and No.12");
* provinces, districts and areas named as such ("Soc Trang province", "the Development Triangle",
  "Mekong Delta");
* towns and cities of the region from the basemap's populated places (Natural Earth), plus the
  spellings the sources use ("Ha Noi", "Hai phong"); a town followed by a facility word is that
  facility ("Hai phong Port"), and the facility word may be lower case ("Dawei seaport");
* quoted project titles and "Project for ..." phrases (geodata.linking.find_candidates).

Each name is reported once per paragraph with its kind; a name inside a longer one is dropped (the
longer name is the place meant). Whether a name is mapped or explained is decided elsewhere
(projects.coverage); this module only finds names.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from geodata.linking import DASHES, find_candidates

PLACES_FILE = Path(__file__).resolve().parent / "data" / "basedata" / "places.geojson"

# The kinds of names, for display and for issue 13's proposals.
KINDS = {
    "bridge": "bridge",
    "port": "port or terminal",
    "airport": "airport",
    "road": "road, route or road section",
    "railway": "railway or line",
    "sez_industrial": "SEZ or industrial park",
    "power": "power plant",
    "hospital": "hospital",
    "institution": "centre, institute or commission",
    "area": "province, district or area",
    "town": "town or city",
    "quoted": "quoted project title",
    "project_for": "\"Project for ...\" phrase",
}

_WORD = rf"[A-Z][\w'\u2019{DASHES}]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|of|and|No\.?\s*\d+|\(\w+\)|\d+))*?"
# The facility word that ends a name, and the kind it gives; longest alternatives first.
_FACILITIES = (
    (r"Deep\s+Sea\s*port|Sea\s*port|International\s+Port|Port|Terminal", "port"),
    (r"Bridge", "bridge"),
    (r"International\s+Airport|Airport", "airport"),
    (r"Expressway|Highway|Road|Route", "road"),
    (r"Urban\s+Railway|Railway|Line\s+\d+", "railway"),
    (r"Special\s+Economic\s+Zones?|SEZs?|Industrial\s+(?:Parks?|Estates?)|Science\s+and\s+Technology\s+City",
     "sez_industrial"),
    (r"Hydropower(?:\s+(?:Plant|Station|Project|Dam))?|Power\s+(?:Plant|Station)", "power"),
    (r"Hospital", "hospital"),
    (r"Cent(?:re|er)s?|Institutes?|Commission|University|Universities", "institution"),
    (r"River\s+Basin|Delta", "area"),
)
_FACILITY_WORDS = '|'.join(f'(?:{p})' for p, _ in _FACILITIES)
# The facility word may be lower case after a capitalised name ("Dai Ngai bridge", "Dawei seaport").
_FACILITY = re.compile(rf"(?P<name>{_NAME})\s+(?P<what>(?i:{_FACILITY_WORDS}))(?!\w)")
_AFTER_TOWN = re.compile(rf"\s+(?P<what>(?i:{_FACILITY_WORDS}))(?!\w)")
_NUMBERED_ROAD = re.compile(
    r"(?<!\w)(?:National\s+)?(?:Road|Route|Highway)s?\s+(?:No\.?\s*)?\d+[A-Z]?"
    r"(?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d+[A-Z]?)*(?!\w)"
)
_AREA = re.compile(
    rf"(?P<name>{_WORD}(?:\s+{_WORD})*)\s+(?:province|Province|district|District|township|Township)(?!\w)"
    r"|(?<!\w)(?:CLV\s+)?[\u201c\"]?Development\s+Triangle(?:\s+Area)?(?!\w)"
    rf"|(?P<river>{_WORD}(?:\s+{_WORD})?)\s+[Rr]iver(?!\s+(?:Basin|Commission))(?!\w)"
)
_LEADING = re.compile(r"^(?:(?:The|the|A|An|Japan|Japan's|Japan\u2019s|and|of)\s+)+")
# Words that name a party, not a place, when they alone precede a facility word ("Japan Road" is
# not a place); "Japan Centers" or "Mekong Institute" are institutions and kept.
_NOT_A_PLACE = {"Japan", "The", "Mekong", "ASEAN", "Viet", "Lao"}
# Spellings the sources use for basemap places.
# Natural Earth adm1 names that are not provinces a text would name as such.
_NOT_PROVINCES = {"Bangkok Metropolis", "Vientiane [prefecture]"}
_TOWN_VARIANTS = {"Ha Noi": "Hanoi", "Hai phong": "Haiphong", "Hai Phong": "Haiphong", "Yangon": "Rangoon",
                  "Pakse": "Pakxe", "Kratie": "Kracheh"}
# Places the sources name without a facility word that the basemap's places lack.
_OTHER_PLACES = ("Thilawa",)


@dataclass(frozen=True)
class PlaceName:
    text: str
    kind: str  # a key of KINDS
    start: int
    end: int


@functools.cache
def town_names() -> tuple[str, ...]:
    """Populated places of the basemap (ASCII names), the provinces they lie in (Natural Earth's
    adm1_name) and the sources' spellings, longest first. Country names are not places here."""
    try:
        features = json.loads(PLACES_FILE.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        features = []
    names = set(_TOWN_VARIANTS) | set(_OTHER_PLACES)
    for f in features:
        props = f["properties"]
        names.add(props.get("name_ascii") or props["name"])
        province = props.get("adm1_name") or ""
        if province.isascii() and province and province not in _NOT_PROVINCES:
            names.add(province)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def _town_pattern() -> re.Pattern:
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in town_names())
    return re.compile(rf"(?<![\w{DASHES}])(?:{alternatives})(?![\w{DASHES}])")


def _kind_of(what: str) -> str:
    for pattern, kind in _FACILITIES:
        if re.fullmatch(pattern, what, flags=re.IGNORECASE):
            return kind
    return "institution"


def _town_names(text: str) -> list[PlaceName]:
    """Towns, and a town followed by a facility word as that facility ("Hai phong Port")."""
    found = []
    for m in _town_pattern().finditer(text):
        town = " ".join(m.group(0).split())
        after = _AFTER_TOWN.match(text, m.end())
        if after:
            what = " ".join(after["what"].split())
            found.append(PlaceName(text=f"{town} {what}", kind=_kind_of(what), start=m.start(),
                                   end=after.end()))
        else:
            found.append(PlaceName(text=town, kind="town", start=m.start(), end=m.end()))
    return found


def _facility_names(text: str) -> list[PlaceName]:
    found = []
    for m in _FACILITY.finditer(text):
        name = _LEADING.sub("", m["name"])
        kind = _kind_of(m["what"])
        if not name or (name in _NOT_A_PLACE and kind not in ("institution", "area")):
            continue
        start = m.start("name") + (len(m["name"]) - len(name))
        what = " ".join(m["what"].split())
        found.append(PlaceName(text=f"{name} {what}", kind=kind, start=start, end=m.end()))
    return found


def detect_place_names(text: str) -> list[PlaceName]:
    """The names of places and facilities the text gives, in reading order (see the module doc)."""
    found = _facility_names(text)
    found += [PlaceName(text=" ".join(m.group(0).split()), kind="road", start=m.start(), end=m.end())
              for m in _NUMBERED_ROAD.finditer(text)]
    for m in _AREA.finditer(text):
        if m["river"] and m["river"] in _NOT_A_PLACE - {"Mekong"}:
            continue
        words = _LEADING.sub("", m.group(0)).strip("\u201c\"")
        found.append(PlaceName(text=" ".join(words.split()), kind="area",
                               start=m.end() - len(words), end=m.end()))
    found += _town_names(text)
    found += [PlaceName(text=c.text, kind=c.kind, start=c.start, end=c.end)
              for c in find_candidates(text=text) if c.kind != "place"]

    def inside_longer(name: PlaceName) -> bool:
        return any(o.start <= name.start and name.end <= o.end and (o.end - o.start) > (name.end - name.start)
                   for o in found)

    kept, seen = [], set()
    for name in sorted(found, key=lambda n: (n.start, -(n.end - n.start))):
        if inside_longer(name) or name.text in seen:
            continue
        seen.add(name.text)
        kept.append(name)
    return kept


# ---------------------------------------------------------------------------------------------
# Names neither mapped nor explained


@dataclass(frozen=True)
class Explanation:
    """Why a name a paragraph gives is not a feature of the map (geodata/data/unmapped_names.json)."""

    name: str
    anchors: tuple[str, ...]
    reason: str


EXPLANATIONS_FILE = Path(__file__).resolve().parent / "data" / "unmapped_names.json"


def _key(name: str) -> str:
    return " ".join(name.lower().strip(" \u201c\u201d\"\u2018\u2019'").split())


def read_explanations(path: Path = EXPLANATIONS_FILE) -> list[Explanation]:
    """The explained names; a file that is missing or malformed raises (it is part of the data)."""
    rows = json.loads(path.read_text(encoding="utf-8"))["names"]
    return [Explanation(name=r["name"], anchors=tuple(r["anchors"]), reason=r["reason"]) for r in rows]


def explanation_for(*, name: PlaceName, anchor: str, explanations: list[Explanation]) -> Explanation | None:
    key = _key(name.text)
    return next((e for e in explanations if _key(e.name) == key and anchor in e.anchors), None)


def unaccounted_names(*, text: str, anchor: str, spans: list[tuple[int, int]],
                      explanations: list[Explanation]) -> list[PlaceName]:
    """The names the paragraph gives that no mapped feature's match overlaps (`spans`: where the
    linker found the features it names) and that no explanation covers for this paragraph."""
    return [
        name for name in detect_place_names(text)
        if not any(start < name.end and name.start < end for start, end in spans)
        and explanation_for(name=name, anchor=anchor, explanations=explanations) is None
    ]
