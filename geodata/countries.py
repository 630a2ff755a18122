"""Country outlines from the basemap (countries.geojson: iso_a3, name) into geodata.Country."""

import functools
import json
from pathlib import Path
from types import SimpleNamespace

from django.contrib.gis.geos import MultiPolygon

from geodata.models import Country
from geodata.upsert import Counts, same_values, upsert
from geodata.validation import Problem, RawFeature, check_geometry, read_features

DEFAULT_COUNTRIES_FILE = Path(__file__).resolve().parent / "data" / "basedata" / "countries.geojson"


@functools.cache
def basemap_country_names() -> dict[str, str]:
    """ISO alpha-3 code -> name, from the offline basemap's country layer (Natural Earth); empty
    when the file cannot be read."""
    try:
        features = json.loads(DEFAULT_COUNTRIES_FILE.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        return {}
    return {f["properties"]["iso_a3"]: f["properties"]["name"] for f in features}


def validate_countries(*, features: list[RawFeature], file: str) -> tuple[dict, list[Problem]]:
    """{iso_a3: (name, MultiPolygon)} and the problems found."""
    rows, problems = {}, []
    for feature in features:
        iso, name = feature.props.get("iso_a3"), feature.props.get("name")
        slug = iso if isinstance(iso, str) else f"#{feature.index}"
        if not isinstance(iso, str) or len(iso) != 3 or not iso.isupper():
            problems.append(Problem(file, slug, "iso_a3", f"must be an ISO 3166-1 alpha-3 code, not {iso!r}"))
            continue
        if iso in rows:
            problems.append(Problem(file, slug, "iso_a3", "is used by more than one feature"))
        if not isinstance(name, str) or not name:
            problems.append(Problem(file, slug, "name", "is required"))
        messages = check_geometry(geom=feature.geom, allowed=("Polygon", "MultiPolygon"))
        problems += [Problem(file, slug, "geometry", m) for m in messages]
        if not messages:
            geom = feature.geom if feature.geom.geom_type == "MultiPolygon" else MultiPolygon(feature.geom)
            geom.srid = 4326
            rows[iso] = (name, geom)
    return rows, problems


def read_countries(*, path: Path = DEFAULT_COUNTRIES_FILE) -> tuple[dict, list[Problem]]:
    features, problems = read_features(path=path)
    rows, more = validate_countries(features=features, file=path.name)
    return rows, problems + more


def upsert_countries(*, rows: dict) -> Counts:
    """Write the countries (by iso_a3) and delete those no longer in the file; call inside a transaction."""
    given = [SimpleNamespace(iso_a3=iso, values={"name": name, "geom": geom})
             for iso, (name, geom) in rows.items()]
    counts, _ = upsert(queryset=Country.objects.all(), rows=given, key="iso_a3",
                       unchanged=lambda country, row: same_values(country, row.values))
    return counts
