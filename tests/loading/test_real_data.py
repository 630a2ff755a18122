"""Integrity of the REAL curated files (geodata/data/*.geojson) against the real imported paragraphs.

Each test lists every offending feature, independently of the others, so one run shows all the work
left. """

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pyproj import Geod

from geodata.countries import read_countries, upsert_countries
from geodata.linking import names_feature
from geodata.models import Paragraph, UnmatchedCandidate
from geodata.places import detect_place_names, explanation_for, read_explanations
from geodata.validation import (
    check_countries,
    cited_anchors,
    existing_anchors,
    known_countries,
    read_features,
)
from projects.current_status import check_current_status
from projects.services import DEFAULT_CORRIDORS_FILE, DEFAULT_PROJECTS_FILE, link_mentions, load_geodata

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
LENGTH_TOLERANCE = 0.20
# Corridors whose line is known to run short, with the ratio range we accept and why. The test
# also fails when one of them becomes accurate, so this list cannot outlive its reason.
KNOWN_SHORT = {
    # Natural Earth's road is generalised over the Dawna range (the switchbacks are gone).
    "ewec-mae-sot-mawlamyine": (0.60, 0.80),
    # No basemap road reaches Dawei: the Dawei - border stretch is a straight segment.
    "dawei-bangkok": (0.75, 0.80),
}


# The mentions whose paragraph refers to the feature without one of its names, each with a "reason"
# in the data. Adding one to the data means adding it here, where a reviewer sees it.
REFERS_WITHOUT_NAMING = {
    # "the Corridors" of the 2016 initiative are the EWEC and SEC named in the bullet before.
    ("ewec", "jmci2016-04"), ("ewec", "jmci2016-05"), ("sec", "jmci2016-04"), ("sec", "jmci2016-05"),
    # "Dawei seaport and related infrastructure, such as ... special economic zone".
    ("dawei-sez", "ap2012-1.1-05"),
}
# Sub-corridors no paragraph names (the sources name the SEC or its roads): drawn as parts of it.
UNCITED_SUB_CORRIDORS = {"sec-central", "sec-northern", "sec-southern-coastal"}


@pytest.fixture
def real_sources(db):
    """The real paragraphs (import_sources) and country outlines, inside the test's transaction."""
    call_command("import_sources", stdout=StringIO())
    rows, problems = read_countries()
    assert not problems, problems
    upsert_countries(rows=rows)


def _features(path: Path):
    features, problems = read_features(path=path)
    assert not problems, [str(p) for p in problems]
    return features


def test_every_feature_cites_at_least_one_existing_paragraph(real_sources):
    """Every feature cites paragraphs that exist; only the sub-corridors no paragraph names cite none."""
    bad = []
    for path in (DEFAULT_CORRIDORS_FILE, DEFAULT_PROJECTS_FILE):
        for feature in _features(path):
            cited = cited_anchors(feature.props.get("sources"))
            missing = set(cited) - set(existing_anchors(anchors=cited))
            if not cited and feature.slug in UNCITED_SUB_CORRIDORS:
                assert feature.props.get("parent"), feature.slug
                continue
            if not cited or missing:
                bad.append(f"{path.name}: {feature.slug}: cites {cited or 'nothing'}; "
                           f"missing {sorted(missing)}")
    assert not bad, "\n".join(bad)


def test_every_corridor_length_is_within_20_percent_of_its_documented_length():
    """The geodesic length (pyproj, WGS84 ellipsoid) of each line against approx_length_km."""
    import geopandas

    geod = Geod(ellps="WGS84")
    bad = []
    for row in geopandas.read_file(DEFAULT_CORRIDORS_FILE, engine="pyogrio").itertuples():
        km = geod.geometry_length(row.geometry) / 1000
        documented = float(row.approx_length_km)
        if row.slug in KNOWN_SHORT:
            low, high = KNOWN_SHORT[row.slug]
            if not low <= km / documented <= high:
                bad.append(f"{row.slug}: ratio {km / documented:.2f} left its known range {low}-{high}")
            continue
        if abs(km - documented) > LENGTH_TOLERANCE * documented:
            bad.append(f"{row.slug}: line {km:.0f} km, documented {documented:.0f} km "
                       f"({(km / documented - 1) * 100:+.0f}%)")
    assert not bad, "\n".join(bad)


def test_every_project_lies_in_its_countries(real_sources):
    """The same PostGIS check as load_geodata: points/areas inside (5 km tolerance), lines reach each."""
    known = known_countries()
    bad = []
    for feature in _features(DEFAULT_PROJECTS_FILE):
        claimed = feature.props.get("countries")
        for message in check_countries(geom=feature.geom, countries=claimed, known=known):
            bad.append(f"{feature.slug}: {message}")
    assert not bad, "\n".join(bad)


def test_every_cited_paragraph_names_its_feature(real_sources):
    """The loader's rule on the real files: a name or alias of the feature occurs in each cited
    paragraph, except the listed mentions, which say why in a "reason"."""
    texts = dict(Paragraph.objects.values_list("anchor", "text"))
    unnamed, reasons = [], set()
    for path in (DEFAULT_CORRIDORS_FILE, DEFAULT_PROJECTS_FILE):
        for feature in _features(path):
            names = [feature.props["name"], *(feature.props.get("aliases") or [])]
            for source in feature.props.get("sources") or []:
                if source.get("reason"):
                    reasons.add((feature.slug, source["anchor"]))
                elif names_feature(names=names, text=texts[source["anchor"]]) is None:
                    unnamed.append(f"{path.name}: {feature.slug}: {source['anchor']}")
    assert not unnamed, "\n".join(unnamed)
    assert reasons == REFERS_WITHOUT_NAMING


def test_every_project_has_a_current_status_with_its_year_and_basis(real_sources):
    """The current-status rule on the real file: each project's status holds as of a year, on a basis
    (the stating paragraph, or a dated public record for a curated status), apart from the stated stage."""
    features = _features(DEFAULT_PROJECTS_FILE)
    anchors = existing_anchors(anchors=[a for f in features for a in cited_anchors(f.props.get("sources"))])
    bad = []
    for feature in features:
        props = feature.props
        if not isinstance(props.get("status_as_of"), int) or not (props.get("status_basis") or "").strip():
            bad.append(f"{feature.slug}: no status_as_of or status_basis")
        bad += [f"{feature.slug}: {field}: {message}"
                for field, message in check_current_status(props=props, anchor_years=anchors)]
        if props["status_provenance"] == "curated" and not YEAR.search(props["status_basis"]):
            bad.append(f"{feature.slug}: a curated status's basis must date its record: "
                       f"{props['status_basis']!r}")
    assert not bad, "\n".join(bad)


def test_curated_funding_names_its_record(real_sources):
    """One funding rule for all: an instrument is curated only with the record that names it (a dated
    agreement, press release or report in the note); otherwise the stated 'unspecified' stands."""
    bad = []
    for feature in _features(DEFAULT_PROJECTS_FILE):
        props = feature.props
        note = props.get("funding_note") or ""
        if props["funding_provenance"] == "curated" and (not YEAR.search(note) or "public knowledge" in note):
            bad.append(f"{feature.slug}: curated funding without a dated record: {note!r}")
        if props["funding_provenance"] == "stated" and props["funding_types"] == ["unspecified"] and not note:
            bad.append(f"{feature.slug}: an unspecified funding says why")
    assert not bad, "\n".join(bad)


def test_every_named_place_is_mapped_or_explained(real_sources):
    """The coverage detector on the real data: per source, the places its paragraphs name that no feature
    maps and unmapped_names.json does not explain (what /coverage/ lists). The list is empty."""
    load_geodata()
    link_mentions()
    left: dict[str, list[str]] = {}
    for candidate in UnmatchedCandidate.objects.select_related("paragraph__document"):
        left.setdefault(candidate.paragraph.document.short, []).append(
            f"{candidate.paragraph.anchor}: {candidate.text!r} ({candidate.kind})")
    assert not left, "\n".join(f"{doc}:\n  " + "\n  ".join(names) for doc, names in sorted(left.items()))


def test_every_explanation_is_for_a_name_its_paragraphs_give(real_sources):
    """An explanation that no longer matches a detected name in each of its paragraphs is stale."""
    texts = dict(Paragraph.objects.values_list("anchor", "text"))
    stale = []
    for explanation in read_explanations():
        for anchor in explanation.anchors:
            found = [n for n in detect_place_names(texts.get(anchor, ""))
                     if explanation_for(name=n, anchor=anchor, explanations=[explanation])]
            if not found:
                stale.append(f"{explanation.name!r} in {anchor}")
    assert not stale, "\n".join(stale)
