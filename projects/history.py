"""A project's history as the sources tell it: the stage and year each paragraph states, oldest first."""

from collections.abc import Sequence
from dataclasses import dataclass

from projects.models import Project
from projects.vocabularies import Stage, Status


@dataclass(frozen=True)
class HistoryEntry:
    document_year: int
    document: str  # short label, e.g. AP2012
    document_slug: str
    anchor: str
    stage: str  # "" when the paragraph states none
    year: int | None
    quote: str
    origin: str
    note: str

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label if self.stage in Stage.values else ""

    @property
    def url(self) -> str:
        return f"/sources/{self.document_slug}/#{self.anchor}"


def _order(entry: HistoryEntry) -> tuple:
    # Oldest document first; inside a document, the year it states (if any), then the text order.
    return (entry.document_year, entry.year or 0)


def project_history(*, project: Project) -> list[HistoryEntry]:
    """Every paragraph linked to the project, oldest first (document year, then the year it states)."""
    mentions = (
        project.mentions.select_related("paragraph__document")
        .order_by("paragraph__document__year", "paragraph__document__slug", "paragraph__order")
    )
    entries = [
        HistoryEntry(
            document_year=m.paragraph.document.year, document=m.paragraph.document.short,
            document_slug=m.paragraph.document.slug, anchor=m.paragraph.anchor, stage=m.stage,
            year=m.year, quote=m.paragraph.text, origin=m.origin, note=m.note,
        )
        for m in mentions
    ]
    return sorted(entries, key=_order)  # stable: keeps document and text order among equals


_STAGE_RANK = {stage: rank for rank, stage in enumerate(Stage.values)}


def latest_stage(entries: Sequence[HistoryEntry]) -> HistoryEntry | None:
    """The latest entry that states a stage. Paragraphs of one document and year do not order the
    stages among themselves (a study of further works can follow the works), so the furthest stage wins."""
    stated = [e for e in entries if e.stage in _STAGE_RANK]
    return max(stated, key=lambda e: (*_order(e), _STAGE_RANK[e.stage])) if stated else None


def derived_status(*, project: Project) -> str:
    """The stage of the latest paragraph that states one (see latest_stage); "unknown" when none does."""
    latest = latest_stage(project_history(project=project))
    return latest.stage if latest else Status.UNKNOWN.value


def refresh_stated_stage(*, project: Project) -> None:
    """Store the stage the project's paragraphs state (after its mentions changed outside the loader),
    without a new history version: it is derived from the mentions, which have their own."""
    latest = latest_stage(project_history(project=project))
    Project.objects.filter(pk=project.pk).update(
        stated_stage=latest.stage if latest else "",
        stated_stage_year=(latest.year or latest.document_year) if latest else None)
