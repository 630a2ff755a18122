"""Generic checks for the curated GeoJSON files: reading, property types, geometry, countries, anchors.

Every check returns problems instead of raising, so a loader can list all of them at once.
"""

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.contrib.gis.geos import GEOSGeometry
from django.db import connection

from geodata.linking import names_feature
from geodata.models import Country, Paragraph

# The map covers this box (lon_min, lat_min, lon_max, lat_max), like the basemap files.
REGION = (92.0, 8.0, 110.0, 24.0)
# Ports, bridges and river sites sit on coast or border lines drawn at 1:10m; allow this much.
COUNTRY_TOLERANCE_KM = 5.0


@dataclass(frozen=True)
class Problem:
    file: str
    slug: str
    field: str
    message: str

    def __str__(self):
        return f"{self.file}: feature '{self.slug}': field '{self.field}': {self.message}"


@dataclass(frozen=True)
class RawFeature:
    """One feature as read: plain Python property values and a GEOS geometry (or None)."""

    index: int
    props: dict
    geom: GEOSGeometry | None

    @property
    def slug(self) -> str:
        slug = self.props.get("slug")
        return slug if isinstance(slug, str) and slug else f"#{self.index}"


class LoadError(Exception):
    """The files have problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def plain(value):
    """geopandas/pyogrio values as plain Python: arrays to lists, NaN to None, numpy scalars unwrapped."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def read_features(*, path: Path) -> tuple[list[RawFeature], list[Problem]]:
    """The features of a GeoJSON file, read with geopandas (pyogrio); an unreadable file is a problem."""
    import geopandas

    name = path.name
    try:
        frame = geopandas.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types for missing or malformed files
        return [], [Problem(name, "-", "-", f"cannot read the file: {exc}")]
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        message = f"coordinates must be WGS 84 lon/lat (RFC 7946), not {frame.crs}"
        return [], [Problem(name, "-", "-", message)]
    features = []
    columns = [c for c in frame.columns if c != "geometry"]
    for index, row in enumerate(frame.itertuples(index=False)):
        record = row._asdict()
        shape = record.get("geometry")
        geom = None
        if shape is not None:
            geom = GEOSGeometry(memoryview(shape.wkb), srid=4326)
        features.append(RawFeature(index=index, props={c: plain(record[c]) for c in columns}, geom=geom))
    return features, []


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Property checks: each takes the value and returns an error message or None.
Check = Callable[[object], str | None]


def text(*, required: bool = True) -> Check:
    def check(value):
        if value is None or value == "":
            return "is required" if required else None
        return None if isinstance(value, str) else f"must be text, not {value!r}"
    return check


def nullable_text() -> Check:
    def check(value):
        return None if value is None or isinstance(value, str) else f"must be text or null, not {value!r}"
    return check


def text_list(*, non_empty: bool = False) -> Check:
    def check(value):
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return f"must be a list of non-empty texts, not {value!r}"
        return "must not be empty" if non_empty and not value else None
    return check


def int_list() -> Check:
    def check(value):
        if value is None:
            value = []
        if not isinstance(value, list) or not all(_is_int(v) for v in value):
            return f"must be a list of whole numbers, not {value!r}"
        return None
    return check


def choice(values: Iterable[str]) -> Check:
    allowed = list(values)

    def check(value):
        if value is None or value == "":
            return "is required"
        return None if value in allowed else f"unknown value {value!r} (allowed: {', '.join(allowed)})"
    return check


def choice_list(values: Iterable[str], *, non_empty: bool = True) -> Check:
    allowed = list(values)

    def check(value):
        if not isinstance(value, list) or (non_empty and not value):
            return f"must be a non-empty list, not {value!r}"
        unknown = [v for v in value if v not in allowed]
        return f"unknown value(s) {unknown!r} (allowed: {', '.join(allowed)})" if unknown else None
    return check


def integer_between(low: int, high: int) -> Check:
    def check(value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"must be a whole number from {low} to {high}, not {value!r}"
        return None
    return check


def positive_number() -> Check:
    def check(value):
        if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
            return f"must be a positive number, not {value!r}"
        return None
    return check


def check_properties(*, props: dict, spec: dict[str, Check]) -> list[tuple[str, str]]:
    """(field, message) for every property that is missing or has a wrong type or value."""
    problems = []
    for name, check in spec.items():
        message = check(props.get(name))
        if message:
            problems.append((name, message))
    return problems


def check_geometry(*, geom: GEOSGeometry | None, allowed: Iterable[str]) -> list[str]:
    """Messages for a geometry that is missing, of a wrong type, empty, invalid or outside the region."""
    if geom is None:
        return ["is missing"]
    allowed = list(allowed)
    if geom.geom_type not in allowed:
        return [f"is a {geom.geom_type}; allowed: {', '.join(allowed)}"]
    if geom.empty:
        return ["is empty"]
    messages = []
    reason = geom.valid_reason  # unlike .valid, this does not print a GEOS notice
    if reason != "Valid Geometry":
        messages.append(f"is not valid: {reason}")
    lon_min, lat_min, lon_max, lat_max = geom.extent
    if lon_min < REGION[0] or lat_min < REGION[1] or lon_max > REGION[2] or lat_max > REGION[3]:
        messages.append(
            f"lies outside the region lon {REGION[0]:g}–{REGION[2]:g}, lat {REGION[1]:g}–{REGION[3]:g} "
            f"(extent {lon_min:.3f}, {lat_min:.3f}, {lon_max:.3f}, {lat_max:.3f})"
        )
    return messages


def known_countries() -> set[str]:
    return set(Country.objects.values_list("iso_a3", flat=True))


def check_in_countries(*, geom: GEOSGeometry, countries: list[str]) -> list[str]:
    """Messages when a geometry is not where its countries say, computed in PostGIS on geography.

    Points and areas must lie within the claimed countries (up to COUNTRY_TOLERANCE_KM outside, for
    coastal and border sites). Lines may cross borders, but must reach every claimed country.
    """
    tolerance_m = COUNTRY_TOLERANCE_KM * 1000
    claimed = "/".join(countries)
    with connection.cursor() as cursor:
        if "LineString" in geom.geom_type:
            cursor.execute(
                """
                SELECT c.iso_a3, ST_Distance(ST_GeomFromEWKB(%s)::geography, c.geom::geography)
                FROM geodata_country c WHERE c.iso_a3 = ANY(%s) ORDER BY c.iso_a3
                """,
                [bytes(geom.ewkb), countries],
            )
            return [
                f"line does not reach {iso} (it stays {metres / 1000:.0f} km away)"
                for iso, metres in cursor.fetchall() if metres > tolerance_m
            ]
        # The farthest vertex outside the claimed countries, and the country it is in instead.
        cursor.execute(
            """
            WITH claimed AS (SELECT ST_Union(geom) AS geom FROM geodata_country WHERE iso_a3 = ANY(%s)),
            vertex AS (SELECT (ST_DumpPoints(ST_GeomFromEWKB(%s))).geom AS geom)
            SELECT ST_Distance(v.geom::geography, claimed.geom::geography) AS metres,
                   (SELECT string_agg(c.iso_a3, '/') FROM geodata_country c
                    WHERE ST_Intersects(c.geom, v.geom))
            FROM vertex v, claimed
            WHERE NOT ST_Intersects(claimed.geom, v.geom)
            ORDER BY metres DESC LIMIT 1
            """,
            [countries, bytes(geom.ewkb)],
        )
        row = cursor.fetchone()
    if row is None or row[0] <= tolerance_m:
        return []
    metres, inside = row
    what = "point" if "Point" in geom.geom_type else "area"
    where = f" (it is in {inside})" if inside else ""
    return [f"{what} lies {metres / 1000:.0f} km outside {claimed}{where}"]


def check_countries(*, geom: GEOSGeometry | None, countries, known: set[str]) -> list[str]:
    """Messages for unknown country codes, then for a geometry outside its countries."""
    if not isinstance(countries, list) or not countries:
        return ["must be a non-empty list of ISO 3166-1 alpha-3 codes"]
    unknown = [c for c in countries if c not in known]
    if unknown:
        return [f"unknown country code(s) {unknown!r} (known: {', '.join(sorted(known))})"]
    if geom is None or geom.empty or geom.valid_reason != "Valid Geometry":
        return []  # the geometry problem is reported on its own
    return check_in_countries(geom=geom, countries=countries)


def existing_anchors(*, anchors: Iterable[str]) -> dict[str, int]:
    """The given anchors that are paragraphs, each with the year of its document."""
    return dict(Paragraph.objects.filter(anchor__in=set(anchors)).values_list("anchor", "document__year"))


def paragraph_texts(*, anchors: Iterable[str]) -> dict[str, str]:
    """The text of each given anchor that is a paragraph."""
    return dict(Paragraph.objects.filter(anchor__in=set(anchors)).values_list("anchor", "text"))


def check_named(*, names: Sequence[str], sources, texts: Mapping[str, str]) -> list[str]:
    """Every cited paragraph must name the feature: one of its names or aliases occurs in the text
    (geodata.linking.names_feature), or the source gives a `reason` why the paragraph refers to it
    without naming it. A reason on a paragraph that does name it is refused too, so the list of
    reasons stays the short list of real exceptions."""
    if not isinstance(sources, list):
        return []  # the shape is reported by check_sources
    names = [n for n in names if isinstance(n, str) and n.strip()]
    messages = []
    for source in sources:
        if not isinstance(source, dict) or source.get("anchor") not in texts:
            continue  # a missing anchor is reported by check_sources
        anchor, reason = source["anchor"], source.get("reason")
        if reason is not None and (not isinstance(reason, str) or not reason.strip()):
            messages.append(f"source {anchor!r}: reason must be a non-empty text or absent")
            continue
        named = names_feature(names=names, text=texts[anchor])
        if named is None and not reason:
            messages.append(
                f"source {anchor!r}: the paragraph does not name the feature (none of its name and "
                "aliases occurs in it); cite a paragraph that names it, add the name it uses as an "
                "alias, or give a \"reason\" why it refers to this feature without naming it")
        elif named is not None and reason:
            messages.append(f"source {anchor!r}: the paragraph names the feature ({named!r}); "
                            "drop the \"reason\"")
    return messages


def check_slugs(*, features: list[RawFeature], file: str) -> list[Problem]:
    """Each slug must be present and unique in its file."""
    problems, seen = [], set()
    for feature in features:
        slug = feature.props.get("slug")
        if not isinstance(slug, str) or not slug:
            problems.append(Problem(file, feature.slug, "slug", "is required"))
        elif not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
            problems.append(Problem(file, slug, "slug", "must be lower-case letters, digits and hyphens"))
        elif slug in seen:
            problems.append(Problem(file, slug, "slug", "is used by more than one feature"))
        seen.add(slug)
    return problems


def cited_anchors(sources) -> list[str]:
    if not isinstance(sources, list):
        return []
    return [s["anchor"] for s in sources if isinstance(s, dict) and isinstance(s.get("anchor"), str)]


def check_sources(*, sources, anchors: Collection[str], stages: Iterable[str] | None = None,
                  allow_none: bool = False) -> list[str]:
    """Messages for the cited sources: at least one (none only with `allow_none`), each an existing
    paragraph anchor, cited once.

    With `stages`, each source may also state a stage (one of them, or null) and a year (or null).
    """
    if allow_none and sources in (None, []):
        return []
    if not isinstance(sources, list) or not sources:
        return ["must cite at least one paragraph: a list of {\"anchor\", \"note\"}"]
    messages, seen = [], set()
    for position, source in enumerate(sources, start=1):
        if not isinstance(source, dict) or not isinstance(source.get("anchor"), str):
            messages.append(f"source {position} must be an object with an \"anchor\"")
            continue
        anchor = source["anchor"]
        if anchor not in anchors:
            messages.append(f"anchor {anchor!r} is not a paragraph of the imported sources")
        if anchor in seen:
            messages.append(f"anchor {anchor!r} is cited twice")
        seen.add(anchor)
        if source.get("note") is not None and not isinstance(source["note"], str):
            messages.append(f"source {anchor!r}: note must be text")
        if stages is not None:
            stage = source.get("stage")
            if stage is not None and stage not in stages:
                allowed = ", ".join(stages)
                messages.append(f"source {anchor!r}: unknown stage {stage!r} (allowed: {allowed}, null)")
            year = source.get("year")
            if year is not None and not (_is_int(year) and 1950 <= year <= 2100):
                messages.append(f"source {anchor!r}: year must be a year or null, not {year!r}")
    return messages
