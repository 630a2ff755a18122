"""Proposals after a document is added (or on demand: manage.py propose --document S), and what
accepting or rejecting one does. Reads in propose_for_document; writes in accept / reject.

- mention: a paragraph names a mapped feature by its name or an alias (geodata.linking, the
  matcher of link_mentions), with the stage its wording implies;
- fact: a funding instrument, an amount with its currency or a dated event that a paragraph
  states, for each feature it names (curation.extract_facts);
- place: a name of a place the text gives (geodata.places) that no feature matches, with candidate
  positions from the gazetteer (curation.gazetteer).

A proposal is made once (Proposal.key): proposing again adds only what is new, and a rejected
proposal does not come back. Accepting writes the mention, fact or feature with provenance
"stated" (the paragraph is its source) and a version in its history."""

from dataclasses import dataclass

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from corridors.models import Corridor, CorridorMention
from curation.extract_facts import stage_of, stated_facts
from curation.gazetteer import basemap_places, candidates, mapped_places
from curation.models import Proposal
from geodata.linking import Feature, alias_key, countries_named, find_matches
from geodata.models import Document, Origin, Paragraph, Provenance
from geodata.places import detect_place_names
from projects.follow_sources import follow_sources
from projects.models import Project, ProjectMention, StatedFact
from projects.services import linkable_features
from projects.vocabularies import FundingType, Sector

# The sector a place's kind suggests for a new feature (the curator can change it after).
SECTOR_OF_KIND = {
    "bridge": Sector.BRIDGE,
    "port": Sector.PORT,
    "airport": Sector.AIRPORT,
    "road": Sector.ROAD,
    "railway": Sector.RAILWAY,
    "sez": Sector.SEZ_INDUSTRIAL,
    "hospital": Sector.HEALTH,
}


@dataclass
class ProposeReport:
    created: dict
    already: int

    def __str__(self):
        made = ", ".join(f"{n} {kind}" for kind, n in sorted(self.created.items())) or "nothing new"
        return f"proposals: {made}; {self.already} already proposed (pending or decided)"


class ProposalError(ValueError):
    """A proposal that cannot be accepted as it stands (e.g. a place without a chosen position)."""


def _key(*parts) -> str:
    return "|".join(str(part) for part in parts)[:600]


def _linked(paragraph: Paragraph) -> set[tuple[str, str]]:
    linked = {
        ("project", slug)
        for slug in ProjectMention.objects.filter(paragraph=paragraph).values_list("project__slug", flat=True)
    }
    linked |= {
        ("corridor", slug)
        for slug in CorridorMention.objects.filter(paragraph=paragraph).values_list(
            "corridor__slug", flat=True
        )
    }
    return linked


def proposals_for_paragraph(paragraph: Paragraph, *, features: list[Feature], places: list) -> list[Proposal]:
    """The proposals a paragraph gives (unsaved)."""
    text, anchor = paragraph.text, paragraph.anchor
    result = find_matches(features=features, text=text)
    linked = _linked(paragraph)
    stage = stage_of(text)
    found = []
    for match in result.matches:
        if (match.kind, match.slug) not in linked:
            details = {"stage": stage[0], "stage_words": stage[1]} if stage else {}
            found.append(
                Proposal(
                    kind=Proposal.Kind.MENTION,
                    paragraph=paragraph,
                    feature_kind=match.kind,
                    feature_slug=match.slug,
                    name=match.text,
                    details=details,
                    key=_key("mention", anchor, match.kind, match.slug),
                )
            )
        if match.kind != "project":
            continue  # facts are the projects' (funding, amounts, dates)
        for fact in stated_facts(text):
            found.append(
                Proposal(
                    kind=Proposal.Kind.FACT,
                    paragraph=paragraph,
                    feature_kind=match.kind,
                    feature_slug=match.slug,
                    name=fact.words,
                    field=fact.field,
                    value=fact.value,
                    details=fact.details,
                    key=_key("fact", anchor, match.slug, fact.field, fact.value),
                )
            )
    known = {alias_key(name) for feature in features for name in feature.names}
    spans = [(m.start, m.end) for m in result.matches]
    for place in detect_place_names(text):
        if alias_key(place.text) in known or any(s <= place.start and place.end <= e for s, e in spans):
            continue
        found.append(
            Proposal(
                kind=Proposal.Kind.PLACE,
                paragraph=paragraph,
                name=place.text[:300],
                details={
                    "place_kind": place.kind,
                    "candidates": candidates(place.text, kind=place.kind, places=places),
                },
                key=_key("place", anchor, alias_key(place.text)),
            )
        )
    return found


def propose_for_document(document: Document) -> ProposeReport:
    """Store the proposals of every paragraph of the document that are not proposed yet."""
    features = linkable_features()
    places = [*basemap_places(), *mapped_places()]
    report = ProposeReport(created={}, already=0)
    with transaction.atomic():
        existing = set(Proposal.objects.filter(paragraph__document=document).values_list("key", flat=True))
        for paragraph in Paragraph.objects.filter(document=document).order_by("order"):
            for proposal in proposals_for_paragraph(paragraph, features=features, places=places):
                if proposal.key in existing:
                    report.already += 1
                    continue
                existing.add(proposal.key)
                proposal.save()
                report.created[proposal.kind] = report.created.get(proposal.kind, 0) + 1
    return report


def _decided(proposal: Proposal, state: str, user, note: str) -> None:
    proposal.state, proposal.decided_at, proposal.decided_by = state, timezone.now(), user
    if note:
        proposal.note = note
    proposal.save()


def _source_note(proposal: Proposal) -> str:
    return (
        f"stated by {proposal.paragraph.document.short or proposal.paragraph.document.slug}, "
        f"{proposal.paragraph.anchor} (accepted proposal)"
    )


def _accept_mention(proposal: Proposal) -> None:
    paragraph = proposal.paragraph
    if proposal.feature_kind == "corridor":
        corridor = Corridor.objects.get(slug=proposal.feature_slug)
        CorridorMention.objects.get_or_create(
            corridor=corridor,
            paragraph=paragraph,
            defaults={
                "origin": Origin.CURATED,
                "matched_text": proposal.name,
                "note": _source_note(proposal),
            },
        )
        return
    project = Project.objects.get(slug=proposal.feature_slug)
    ProjectMention.objects.get_or_create(
        project=project,
        paragraph=paragraph,
        defaults={
            "origin": Origin.CURATED,
            "matched_text": proposal.name,
            "note": _source_note(proposal),
            "stage": proposal.details.get("stage", ""),
            "year": paragraph.document.year,
        },
    )
    follow_sources(project)


def _milestone(proposal: Proposal) -> dict:
    """A dated event as a milestone (projects.years): "signed (March 24, 2020)"."""
    event = proposal.details.get("event") or "dated event"
    return {"year": proposal.details["year"], "event": f"{event} ({proposal.name})",
            "anchor": proposal.paragraph.anchor}


def _accept_fact(proposal: Proposal) -> None:
    project = Project.objects.get(slug=proposal.feature_slug)
    StatedFact.objects.get_or_create(
        project=project,
        paragraph=proposal.paragraph,
        field=proposal.field,
        value=proposal.value,
        defaults={"words": proposal.name, "details": proposal.details},
    )
    if proposal.field == "funding":
        # Stated now, whether or not curation had added it before.
        kept = [t for t in project.funding_types if t not in (FundingType.UNSPECIFIED, proposal.value)]
        project.funding_types = [*kept, proposal.value]
        if not kept:  # other curated instruments stay curated: the note says which one is stated
            project.funding_provenance = Provenance.STATED
        project.funding_note = "; ".join(filter(None, [project.funding_note, _source_note(proposal)]))
    if proposal.field == "date" and _milestone(proposal) not in project.milestones:
        project.milestones = [*project.milestones, _milestone(proposal)]
    # The paragraph states the fact about the project: it is one of its sources.
    ProjectMention.objects.get_or_create(
        project=project,
        paragraph=proposal.paragraph,
        defaults={
            "origin": Origin.CURATED,
            "matched_text": project.name,
            "note": _source_note(proposal),
            "year": proposal.paragraph.document.year,
        },
    )
    follow_sources(project)  # saves the funding and milestones too: one version


def _accept_place(proposal: Proposal, candidate: int | None) -> Project:
    options = proposal.details.get("candidates") or []
    if candidate is None or not 0 <= candidate < len(options):
        raise ProposalError(
            f"choose one of the {len(options)} candidate positions for "
            f"{proposal.name!r} (none means: add the feature in the admin by hand)"
        )
    chosen = options[candidate]
    document = proposal.paragraph.document
    slug = slugify(proposal.name)[:90] or f"place-{proposal.pk}"
    if Project.objects.filter(slug=slug).exists():
        raise ProposalError(f"a project with the slug {slug!r} exists: link it as a mention instead")
    countries = (
        [chosen["country"]] if chosen.get("country") else sorted(countries_named(proposal.paragraph.text))
    )
    project = Project.objects.create(
        slug=slug,
        name=proposal.name,
        sector=SECTOR_OF_KIND.get(proposal.details.get("place_kind"), Sector.OTHER),
        countries=countries,
        status_provenance=Provenance.CURATED,
        status_note="Not stated yet: added from an accepted place proposal.",
        # The current-status rule (projects/current_status.py): a year and a basis, until curated.
        status_as_of=document.year or None,
        status_basis=f"Not curated yet: accepted from the place proposal on {proposal.paragraph.anchor} "
                     f"({document.short or document.slug}, {document.year})",
        years=[document.year] if document.year else [],
        years_provenance=Provenance.STATED,
        years_note=f"the year of {document.short or document.slug}",
        funding_types=[FundingType.UNSPECIFIED],
        funding_provenance=Provenance.STATED,  # "unspecified" as stated: no instrument is named
        funding_note="Not stated by the source.",
        precision=chosen["precision"],
        location_note=f"Placed from the gazetteer: {chosen['name']} ({chosen['kind']}; {chosen['source']}), "
        f"precision {chosen['precision']}; accepted from {proposal.paragraph.anchor}.",
        geom=Point(chosen["lon"], chosen["lat"], srid=4326),
    )
    ProjectMention.objects.create(
        project=project,
        paragraph=proposal.paragraph,
        origin=Origin.CURATED,
        matched_text=proposal.name,
        note=_source_note(proposal),
        year=document.year,
    )
    follow_sources(project)
    return project


@transaction.atomic
def accept(proposal: Proposal, *, user=None, candidate: int | None = None, note: str = "") -> None:
    """Write what the proposal says (mention, stated fact, or a new feature at the chosen candidate)."""
    if proposal.state == Proposal.State.ACCEPTED:
        return
    if proposal.kind == Proposal.Kind.MENTION:
        _accept_mention(proposal)
    elif proposal.kind == Proposal.Kind.FACT:
        _accept_fact(proposal)
    else:
        project = _accept_place(proposal, candidate)
        proposal.feature_kind, proposal.feature_slug = "project", project.slug
    _decided(proposal, Proposal.State.ACCEPTED, user, note)


@transaction.atomic
def reject(proposal: Proposal, *, user=None, note: str = "") -> None:
    """Remember the decision: proposing the document again will not bring it back."""
    _decided(proposal, Proposal.State.REJECTED, user, note)
