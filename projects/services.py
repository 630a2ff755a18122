"""Writes for projects: loading the curated geodata (all three files) and validating projects.geojson."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from corridors.models import Corridor, CorridorMention
from corridors.services import corridor_unchanged, upsert_corridors, validate_corridors
from geodata.countries import DEFAULT_COUNTRIES_FILE, read_countries, upsert_countries
from geodata.edits import unsaved_edits
from geodata.linking import Feature, alias_key, find_matches
from geodata.mentions import CitedSources, curated_sources, mention_note, sync_curated_mentions
from geodata.models import Origin, Paragraph, Provenance, UnmatchedCandidate
from geodata.places import read_explanations, unaccounted_names
from geodata.precision import PRECISION_CODES
from geodata.upsert import Counts, same_values, upsert
from geodata.validation import (
    LoadError,
    Problem,
    RawFeature,
    check_countries,
    check_geometry,
    check_named,
    check_properties,
    check_slugs,
    check_sources,
    choice,
    choice_list,
    cited_anchors,
    existing_anchors,
    int_list,
    integer_between,
    paragraph_texts,
    read_features,
    text,
    text_list,
)
from projects.current_status import check_current_status, stated_stage
from projects.facet_snapshot import refresh_facet_counts
from projects.models import Project, ProjectMention
from projects.stated_facts import (
    check_stated_facts,
    facts_of,
    in_file_order,
    stated_fact_list,
    sync_stated_facts,
)
from projects.vocabularies import FundingType, Sector, Stage, Status
from projects.years import check_years, milestone_list, milestone_years

DATA_DIR = Path(__file__).resolve().parent.parent / "geodata" / "data"
DEFAULT_CORRIDORS_FILE = DATA_DIR / "corridors.geojson"
DEFAULT_PROJECTS_FILE = DATA_DIR / "projects.geojson"

# "generated" is for generate_synthetic's test rows only, never in the curated file.
CURATED_FILE_PROVENANCES = [Provenance.STATED.value, Provenance.CURATED.value]
PROJECT_GEOMETRIES = ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")
PROJECT_PROPERTIES = {
    "name": text(),
    "aliases": text_list(),
    "description": text(required=False),
    "countries": text_list(non_empty=True),
    "sector": choice(Sector.values),
    "status": choice(Status.values),
    "status_provenance": choice(CURATED_FILE_PROVENANCES),
    "status_note": text(required=False),
    "status_as_of": integer_between(1950, 2100),
    "status_basis": text(),
    "years": int_list(),
    "years_provenance": choice(CURATED_FILE_PROVENANCES),
    "years_note": text(required=False),
    "milestones": milestone_list(),
    "funding_types": choice_list(FundingType.values),
    "funding_provenance": choice(CURATED_FILE_PROVENANCES),
    "funding_note": text(required=False),
    "corridors": text_list(),
    "precision": integer_between(min(PRECISION_CODES), max(PRECISION_CODES)),
    "location_note": text(),
    "stated_facts": stated_fact_list(),  # optional: written by dump_geodata only when there are some
}
_RELATIONS = {"corridors", "stated_facts"}
_OPTIONAL_TEXT = ("description", "status_note", "years_note", "funding_note")


@dataclass
class ProjectRow:
    slug: str
    values: dict
    corridors: list[str]
    sources: CitedSources  # anchor -> {"stage", "year", "note"}
    facts: list[dict] = field(default_factory=list)  # projects.stated_facts' file shape


@dataclass
class LoadReport:
    countries: Counts
    corridors: Counts
    projects: Counts
    warnings: list[str] = field(default_factory=list)


def validate_projects(
    *, features: list[RawFeature], file: str, anchors: Mapping[str, int], countries: set[str],
    corridor_slugs: set[str], texts: Mapping[str, str],
) -> tuple[list[ProjectRow], list[Problem]]:
    """Every problem of the project file; corridor slugs are those of the corridor file being loaded,
    `texts` the cited paragraphs' texts by anchor (each must name the project: check_named)."""
    problems = check_slugs(features=features, file=file)
    rows = []
    for feature in features:
        slug, props = feature.slug, feature.props
        found = [Problem(file, slug, name, message)
                 for name, message in check_properties(props=props, spec=PROJECT_PROPERTIES)]
        found += [Problem(file, slug, "geometry", m)
                  for m in check_geometry(geom=feature.geom, allowed=PROJECT_GEOMETRIES)]
        claimed = props.get("countries")
        found += [Problem(file, slug, "countries", m)
                  for m in check_countries(geom=feature.geom, countries=claimed, known=countries)]
        unknown = [c for c in props.get("corridors") or [] if isinstance(c, str) and c not in corridor_slugs]
        if unknown:
            found.append(Problem(file, slug, "corridors", f"no corridor has the slug(s) {unknown!r}"))
        found += [Problem(file, slug, "sources", m)
                  for m in check_sources(sources=props.get("sources"), anchors=anchors, stages=Stage.values)]
        names = [props.get("name"), *(props.get("aliases") or [])]
        found += [Problem(file, slug, "sources", m)
                  for m in check_named(names=names, sources=props.get("sources"), texts=texts)]
        found += [Problem(file, slug, name, m)
                  for name, m in check_years(years=props.get("years"), sources=props.get("sources"),
                                             anchor_years=anchors, milestones=props.get("milestones"),
                                             texts=texts)]
        found += [Problem(file, slug, name, m)
                  for name, m in check_current_status(props=props, anchor_years=anchors)]
        found += [Problem(file, slug, "stated_facts", m)
                  for m in check_stated_facts(facts=props.get("stated_facts"), sources=props.get("sources"),
                                              texts=texts)]
        problems += found
        if found:
            continue
        values = {name: props.get(name) for name in PROJECT_PROPERTIES if name not in _RELATIONS}
        values.update({name: props.get(name) or "" for name in _OPTIONAL_TEXT})
        values.update(aliases=props.get("aliases") or [], years=props.get("years") or [],
                      milestones=props.get("milestones") or [],
                      milestone_years=milestone_years(props.get("milestones")),
                      precision=int(props["precision"]), geom=feature.geom)
        latest = stated_stage(sources=props["sources"], anchor_years=anchors)
        values.update(stated_stage=latest.stage if latest else "",
                      stated_stage_year=latest.as_of if latest else None)
        sources = {s["anchor"]: {"stage": s.get("stage") or "", "year": s.get("year"),
                                 "note": mention_note(s)}
                   for s in props["sources"]}
        facts = in_file_order(props.get("stated_facts") or [])
        rows.append(ProjectRow(slug=props["slug"], values=values,
                               corridors=sorted(props.get("corridors") or []), sources=sources, facts=facts))
    return rows, problems


def _curated_sources(project: Project) -> CitedSources:
    return curated_sources(mentions=project.mentions, fields=("stage", "year", "note"))


def _same(project: Project, row: ProjectRow) -> bool:
    corridors = sorted(project.corridors.values_list("slug", flat=True))
    return (same_values(project, row.values) and corridors == row.corridors
            and _curated_sources(project) == row.sources and facts_of(project) == row.facts)


def upsert_projects(*, rows: list[ProjectRow]) -> Counts:
    """Create or update each project by slug, delete those no longer in the file; inside a transaction."""
    corridor_ids = dict(Corridor.objects.values_list("slug", "pk"))

    def link(project: Project, row: ProjectRow) -> None:
        project.corridors.set([corridor_ids[slug] for slug in row.corridors])
        sync_curated_mentions(mentions=project.mentions, sources=row.sources)
        sync_stated_facts(project=project, facts=row.facts)  # after the mentions: facts cite them

    # Generated test projects (generate_synthetic) are not in the file and stay as they are.
    counts, _ = upsert(queryset=Project.objects.filter(generated=False), rows=rows, unchanged=_same,
                        after_save=link)
    return counts


def load_geodata(
    *,
    corridors_path: Path = DEFAULT_CORRIDORS_FILE,
    projects_path: Path = DEFAULT_PROJECTS_FILE,
    countries_path: Path = DEFAULT_COUNTRIES_FILE,
    discard_edits: bool = False,
) -> LoadReport:
    """Validate all three files, then write them in one transaction; raise LoadError listing every problem.

    Features a curator edited in the admin that the files would change or delete are problems too
    (see geodata.edits), unless `discard_edits`.

    The country outlines are written first inside the same transaction because the checks that a feature
    lies in its countries run in PostGIS against them; any problem rolls everything back.
    """
    corridor_features, problems = read_features(path=corridors_path)
    project_features, more = read_features(path=projects_path)
    problems += more
    country_rows, more = read_countries(path=countries_path)
    problems += more
    cited = [a for f in corridor_features + project_features for a in cited_anchors(f.props.get("sources"))]
    anchors = existing_anchors(anchors=cited)
    texts = paragraph_texts(anchors=cited)
    with transaction.atomic():
        country_counts = upsert_countries(rows=country_rows)
        corridor_rows, more = validate_corridors(
            features=corridor_features, file=corridors_path.name, anchors=anchors,
            countries=set(country_rows), texts=texts,
        )
        problems += more
        project_rows, more = validate_projects(
            features=project_features, file=projects_path.name, anchors=anchors,
            countries=set(country_rows), corridor_slugs={f.props.get("slug") for f in corridor_features},
            texts=texts,
        )
        problems += more
        if not problems and not discard_edits:
            problems += unsaved_edits(
                queryset=Corridor.objects.select_related("parent"), file=corridors_path.name,
                rows={r.slug: r for r in corridor_rows}, unchanged=corridor_unchanged)
            problems += unsaved_edits(queryset=Project.objects.filter(generated=False),
                                      file=projects_path.name, rows={r.slug: r for r in project_rows},
                                      unchanged=_same)
        if problems:
            raise LoadError(problems)  # rolls back the countries too
        report = LoadReport(
            countries=country_counts,
            corridors=upsert_corridors(rows=corridor_rows),
            projects=upsert_projects(rows=project_rows),
        )
        refresh_facet_counts()
    return report


@dataclass
class LinkReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    curated: int = 0  # matches that a curated link already covers (kept curated)
    candidates: int = 0
    ambiguities: list[str] = field(default_factory=list)

    def __str__(self):
        return (f"automatic links: {self.created} created, {self.updated} updated, {self.removed} removed, "
                f"{self.unchanged} unchanged; {self.curated} matches already curated; "
                f"{self.candidates} unmatched candidates")


def linkable_features() -> list[Feature]:
    """The corridors and projects a paragraph can name, for the linker's matcher (link_mentions,
    curation's proposals and coverage)."""
    # Generated test projects (generate_synthetic) are never linked by name.
    querysets = (("corridor", Corridor.objects.all()), ("project", Project.objects.filter(generated=False)))
    return [
        Feature(kind=kind, slug=f.slug, names=(f.name, *f.aliases), countries=tuple(f.countries))
        for kind, queryset in querysets
        for f in queryset
    ]


def _mentions_by_key() -> dict[tuple[str, str, int], object]:
    """Every mention keyed (kind, slug, paragraph id)."""
    mentions = {}
    for m in CorridorMention.objects.select_related("corridor"):
        mentions[("corridor", m.corridor.slug, m.paragraph_id)] = m
    for m in ProjectMention.objects.filter(project__generated=False).select_related("project"):
        mentions[("project", m.project.slug, m.paragraph_id)] = m
    return mentions


def link_mentions() -> LinkReport:
    """Record which paragraphs name each corridor and project (origin automatic), idempotently.

    Curated links stay curated (the linker only fills in their matched words); automatic links that no
    longer match are removed; the paragraphs of documents curators added are left to their reviewed
    proposals; the names of places the text gives (geodata.places) that no feature matches and
    geodata/data/unmapped_names.json does not explain are stored as UnmatchedCandidate rows for the
    coverage page.
    """
    report = LinkReport()
    features = linkable_features()
    known_names = {alias_key(name) for feature in features for name in feature.names}
    explanations = read_explanations()
    ids = {("corridor", c.slug): c.pk for c in Corridor.objects.all()}
    ids.update({("project", p.slug): p.pk for p in Project.objects.filter(generated=False)})
    with transaction.atomic():
        mentions = _mentions_by_key()
        curated_by_paragraph: dict[int, set[tuple[str, str]]] = {}
        for (kind, slug, paragraph_id), mention in mentions.items():
            if mention.origin == Origin.CURATED:
                curated_by_paragraph.setdefault(paragraph_id, set()).add((kind, slug))
        wanted, candidates = {}, set()
        # Documents curators added are linked through reviewed proposals (curation), not automatically.
        for paragraph in Paragraph.objects.filter(document__source_format="").only("id", "anchor", "text"):
            result = find_matches(features=features, text=paragraph.text,
                                  curated=curated_by_paragraph.get(paragraph.id, ()))
            for match in result.matches:
                wanted[(match.kind, match.slug, paragraph.id)] = match.text
            for ambiguity in result.ambiguities:
                claimants = ", ".join(f"{kind} {slug}" for kind, slug in ambiguity.claimants)
                report.ambiguities.append(
                    f"{paragraph.anchor}: {ambiguity.text!r} is claimed by {claimants}; not linked "
                    "(qualify the alias by country in the text, or add a curated source)"
                )
            spans = [(m.start, m.end) for m in result.matches]
            for name in unaccounted_names(text=paragraph.text, anchor=paragraph.anchor, spans=spans,
                                          explanations=explanations):
                if alias_key(name.text) not in known_names:
                    kind = name.kind if name.kind in UnmatchedCandidate.Kind.values else "place"
                    candidates.add((paragraph.id, name.text[:300], kind))

        for key, words in wanted.items():
            mention = mentions.get(key)
            kind, slug, paragraph_id = key
            if mention is None:
                model = CorridorMention if kind == "corridor" else ProjectMention
                model.objects.create(paragraph_id=paragraph_id, origin=Origin.AUTOMATIC,
                                     matched_text=words[:300], **{f"{kind}_id": ids[(kind, slug)]})
                report.created += 1
                continue
            if mention.origin == Origin.CURATED:
                report.curated += 1
            if mention.matched_text == words[:300]:
                report.unchanged += mention.origin == Origin.AUTOMATIC
                continue
            mention.matched_text = words[:300]
            mention.save(update_fields=["matched_text"])
            report.updated += mention.origin == Origin.AUTOMATIC
        for key, mention in mentions.items():
            if mention.origin == Origin.AUTOMATIC and key not in wanted:
                mention.delete()
                report.removed += 1

        stored = {(c.paragraph_id, c.text, c.kind): c.pk for c in UnmatchedCandidate.objects.all()}
        stale = [pk for key, pk in stored.items() if key not in candidates]
        UnmatchedCandidate.objects.filter(pk__in=stale).delete()
        UnmatchedCandidate.objects.bulk_create(
            UnmatchedCandidate(paragraph_id=p, text=t, kind=k) for p, t, k in candidates - set(stored)
        )
        report.candidates = len(candidates)
        refresh_facet_counts()
    return report
