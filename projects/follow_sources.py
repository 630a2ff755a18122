"""What follows from a project's cited paragraphs, kept true when they change outside the loader (a
curator accepts a proposal): the years it is named in, the stage they state, a status that follows
the sources, the milestone years. Afterwards the project passes the loader's checks again
(projects.years, projects.current_status), so a dump of it loads unchanged."""

from geodata.models import Origin, Provenance
from projects.current_status import stated_stage
from projects.models import Project
from projects.vocabularies import Status
from projects.years import milestone_years


def cited_sources(project: Project) -> tuple[list[dict], dict[str, int]]:
    """The project's sources as its data file cites them (its curated links), and their documents'
    years by anchor."""
    mentions = project.mentions.filter(origin=Origin.CURATED).select_related("paragraph__document")
    sources = [{"anchor": m.paragraph.anchor, "stage": m.stage or None, "year": m.year} for m in mentions]
    return sources, {m.paragraph.anchor: m.paragraph.document.year for m in mentions}


def follow_sources(project: Project) -> None:
    """Update and save (one history version) what the cited paragraphs determine.

    A status marked stated follows the latest paragraph that states a stage. A curated status gives
    way to it when the paragraph is later than the curated record, or when the status was unknown:
    a curated status never hides a later statement of the sources (projects.current_status)."""
    sources, anchor_years = cited_sources(project)
    project.years = sorted(set(anchor_years.values()))
    latest = stated_stage(sources=sources, anchor_years=anchor_years)
    project.stated_stage = latest.stage if latest else ""
    project.stated_stage_year = latest.as_of if latest else None
    if latest and (project.status_provenance == Provenance.STATED or project.status == Status.UNKNOWN
                   or (project.status_as_of or 0) < latest.as_of):
        if project.status_provenance != Provenance.STATED:
            project.status_note = (f"{latest.anchor} ({latest.as_of}) states this stage; it replaces the "
                                   f"curated status ({project.status}, as of {project.status_as_of}).")
        project.status_provenance = Provenance.STATED
        project.status, project.status_basis, project.status_as_of = latest.stage, latest.anchor, latest.as_of
    project.milestone_years = milestone_years(project.milestones)
    project.save()
