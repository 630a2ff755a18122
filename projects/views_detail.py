"""The project page: map, facts with their provenance, history and the quoted paragraphs."""

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from geodata.models import Theme
from geodata.precision import PRECISION_CODES
from projects.history import latest_stage, project_history
from projects.models import Project
from projects.vocabularies import SECTOR_THEMES, FundingType


def _facts(project: Project) -> list[dict]:
    """Status, years and funding, each with its provenance and note."""
    funding = [FundingType(value).label for value in project.funding_types if value in FundingType.values]
    status_label = f"Status as of {project.status_as_of}" if project.status_as_of else "Status"
    status_note = " ".join(n for n in (project.status_note,
                                       project.status_basis and f"Basis: {project.status_basis}") if n)
    return [
        {"label": status_label, "value": project.get_status_display(),
         "provenance": project.status_provenance, "note": status_note},
        {"label": "Named in (years of the citing documents)",
         "value": ", ".join(str(y) for y in project.years) or "no dated document",
         "provenance": project.years_provenance, "note": project.years_note},
        *([{"label": "Milestones the sources state",
            "value": "; ".join(f"{m['year']}: {m['event']} ({m['anchor']})" for m in project.milestones),
            "provenance": "stated", "note": ""}] if project.milestones else []),
        {"label": "Funding", "value": ", ".join(funding) or "not stated",
         "provenance": project.funding_provenance, "note": project.funding_note},
    ]


@require_safe
def project_detail(request, slug: str):
    # The geometry leaves PostGIS as GeoJSON text and goes into the page as is.
    project = get_object_or_404(Project.objects.annotate(geojson=AsGeoJSON("geom", precision=5)), slug=slug)
    history = project_history(project=project)
    latest = latest_stage(history)
    return render(request, "projects/detail.html", {
        "project": project,
        "facts": _facts(project),
        "precision_meaning": PRECISION_CODES.get(project.precision, ""),
        "sector_theme": Theme.objects.filter(slug=SECTOR_THEMES.get(project.sector)).first(),
        "history": history,
        "latest_stage": latest,
        "corridors": project.corridors.order_by("name"),
        "stated_facts": project.stated_facts.select_related("paragraph__document"),
    })
