"""The data files' own layout, written from the database: one feature per block, properties indented
(readable diffs), geometry on one line, coordinates rounded to 5 decimals (about 1 m), features
sorted by slug and sources by document and paragraph order, so a dump is a function of the data."""

import json

from corridors.models import Corridor
from corridors.services import CORRIDOR_PROPERTIES
from geodata.mentions import split_mention_note
from geodata.models import Origin
from projects.models import Project
from projects.services import PROJECT_PROPERTIES
from projects.stated_facts import facts_of

COORDINATE_DECIMALS = 5


def feature_collection_text(features: list[dict]) -> str:
    """The text of a data file (the layout of geodata/data/build/derive_corridors.py's dump)."""
    parts = []
    for feature in features:
        props = json.dumps(feature["properties"], ensure_ascii=False, indent=2)
        geom = json.dumps(feature["geometry"], separators=(",", ":"))
        parts.append('{"type": "Feature", "properties": ' + props + ',\n "geometry": ' + geom + "}")
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(parts) + "\n]}\n"


def _rounded(coordinates):
    if isinstance(coordinates, int | float):
        return round(coordinates, COORDINATE_DECIMALS)
    return [_rounded(c) for c in coordinates]


def geometry_object(geom) -> dict:
    return {"type": geom.geom_type, "coordinates": _rounded(json.loads(geom.json)["coordinates"])}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _curated_mentions(feature):
    return sorted(
        (m for m in feature.mentions.all() if m.origin == Origin.CURATED),
        key=lambda m: (m.paragraph.document.year, m.paragraph.document.slug, m.paragraph.order),
    )


def _source(mention, fields: dict) -> dict:
    """A cited source in the file's shape: the fields, the note, and the reason when there is one."""
    note, reason = split_mention_note(mention.note)
    source = {**fields, "note": note}
    if reason:
        source["reason"] = reason
    return source


def project_feature(project: Project) -> dict:
    props = {"slug": project.slug}
    for name in PROJECT_PROPERTIES:
        if name != "stated_facts":
            props[name] = getattr(project, name) if name != "corridors" else None
    props["corridors"] = sorted(c.slug for c in project.corridors.all())
    facts = facts_of(project)
    if facts:  # most projects have none: the file names them only where there are some
        props["stated_facts"] = facts
    props["sources"] = [_source(m, {"anchor": m.paragraph.anchor, "stage": m.stage or None, "year": m.year})
                        for m in _curated_mentions(project)]
    return {"type": "Feature", "properties": props, "geometry": geometry_object(project.geom)}


def corridor_feature(corridor: Corridor) -> dict:
    props = {"slug": corridor.slug}
    for name in CORRIDOR_PROPERTIES:
        props[name] = getattr(corridor, name) if name != "parent" else None
    props["parent"] = corridor.parent.slug if corridor.parent_id else None
    props["approx_length_km"] = _number(corridor.approx_length_km)
    props["sources"] = [_source(m, {"anchor": m.paragraph.anchor}) for m in _curated_mentions(corridor)]
    return {"type": "Feature", "properties": props, "geometry": geometry_object(corridor.geom)}


def projects_text() -> str:
    projects = Project.objects.order_by("slug").prefetch_related("corridors", "mentions__paragraph__document")
    return feature_collection_text([project_feature(p) for p in projects])


def corridors_text() -> str:
    corridors = (Corridor.objects.order_by("slug").select_related("parent")
                 .prefetch_related("mentions__paragraph__document"))
    return feature_collection_text([corridor_feature(c) for c in corridors])
