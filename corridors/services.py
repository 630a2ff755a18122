"""Writes for corridors: validating and loading the curated corridors.geojson."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.contrib.gis.geos import MultiLineString

from corridors.models import Corridor
from geodata.mentions import CitedSources, curated_sources, mention_note, sync_curated_mentions
from geodata.upsert import Counts, same_values, upsert
from geodata.validation import (
    Problem,
    RawFeature,
    check_countries,
    check_geometry,
    check_named,
    check_properties,
    check_slugs,
    check_sources,
    choice,
    nullable_text,
    positive_number,
    text,
    text_list,
)

CORRIDOR_PROPERTIES = {
    "name": text(),
    "aliases": text_list(),
    "kind": choice(Corridor.Kind.values),
    "parent": nullable_text(),
    "countries": text_list(non_empty=True),
    "description": text(required=False),
    "start_name": text(),
    "end_name": text(),
    "waypoints": text_list(),
    "approx_length_km": positive_number(),
    "length_note": text(required=False),
    "geometry_method": choice(Corridor.GeometryMethod.values),
    "geometry_note": text(required=False),
}
# The model fields a feature sets directly (parent and sources are relations).
_PLAIN_FIELDS = [name for name in CORRIDOR_PROPERTIES if name != "parent"]


@dataclass
class CorridorRow:
    """A validated corridor feature, ready to write."""

    slug: str
    values: dict
    parent: str | None
    sources: CitedSources  # anchor -> {"note"}


def validate_corridors(
    *, features: list[RawFeature], file: str, anchors: Collection[str], countries: set[str],
    texts: Mapping[str, str],
) -> tuple[list[CorridorRow], list[Problem]]:
    """Every problem of the corridor file (the caller has looked up the cited paragraphs: `anchors`
    that exist, `texts` by anchor). A sub-corridor (one with a parent) may cite nothing when no
    paragraph names it: it is drawn as a part of its parent."""
    problems = check_slugs(features=features, file=file)
    slugs = {f.props.get("slug") for f in features}
    rows = []
    for feature in features:
        slug, props = feature.slug, feature.props
        found = [Problem(file, slug, name, message)
                 for name, message in check_properties(props=props, spec=CORRIDOR_PROPERTIES)]
        found += [Problem(file, slug, "geometry", m)
                  for m in check_geometry(geom=feature.geom, allowed=("LineString", "MultiLineString"))]
        claimed = props.get("countries")
        found += [Problem(file, slug, "countries", m)
                  for m in check_countries(geom=feature.geom, countries=claimed, known=countries)]
        parent = props.get("parent")
        if isinstance(parent, str) and parent not in slugs:
            found.append(Problem(file, slug, "parent", f"no corridor has the slug {parent!r}"))
        if parent == props.get("slug"):
            found.append(Problem(file, slug, "parent", "a corridor cannot be its own parent"))
        found += [Problem(file, slug, "sources", m)
                  for m in check_sources(sources=props.get("sources"), anchors=anchors,
                                         allow_none=isinstance(parent, str))]
        names = [props.get("name"), *(props.get("aliases") or [])]
        found += [Problem(file, slug, "sources", m)
                  for m in check_named(names=names, sources=props.get("sources"), texts=texts)]
        problems += found
        if found:
            continue
        geom = feature.geom if feature.geom.geom_type == "MultiLineString" else MultiLineString(feature.geom)
        geom.srid = 4326
        values = {name: props.get(name) for name in _PLAIN_FIELDS}
        values.update(
            aliases=props.get("aliases") or [], waypoints=props.get("waypoints") or [],
            description=props.get("description") or "", length_note=props.get("length_note") or "",
            geometry_note=props.get("geometry_note") or "", approx_length_km=float(props["approx_length_km"]),
            geom=geom,
        )
        sources = {s["anchor"]: {"note": mention_note(s)} for s in props.get("sources") or []}
        rows.append(CorridorRow(slug=props["slug"], values=values, parent=parent, sources=sources))
    return rows, problems


def corridor_unchanged(corridor: Corridor, row: CorridorRow) -> bool:
    """Whether the corridor already holds the row (values, parent and curated sources)."""
    parent = corridor.parent.slug if corridor.parent_id else None
    return (same_values(corridor, row.values) and parent == row.parent
            and _curated_sources(corridor) == row.sources)


def _curated_sources(corridor: Corridor) -> CitedSources:
    return curated_sources(mentions=corridor.mentions, fields=("note",))


def upsert_corridors(*, rows: list[CorridorRow]) -> Counts:
    """Create or update each corridor by slug and delete the corridors no longer in the file.

    Run inside a transaction. Only features that differ from the database are written, so the
    counts say honestly what changed.
    """
    def unlink_parent(corridor: Corridor, row: CorridorRow) -> None:
        corridor.parent = None  # set below, once every corridor exists

    def link_mentions(corridor: Corridor, row: CorridorRow) -> None:
        sync_curated_mentions(mentions=corridor.mentions, sources=row.sources)

    counts, by_slug = upsert(queryset=Corridor.objects.select_related("parent"), rows=rows,
                              unchanged=corridor_unchanged, before_save=unlink_parent,
                              after_save=link_mentions)
    for row in rows:
        corridor = by_slug[row.slug]
        parent = by_slug[row.parent] if row.parent else None
        if corridor.parent_id != (parent.pk if parent else None):
            corridor.parent = parent
            corridor.save(update_fields=["parent"])
    return counts
