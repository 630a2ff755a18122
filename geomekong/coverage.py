"""The coverage page (/coverage/): how much of each document the map covers — paragraphs that name a
mapped feature, per pillar — and the place names it gives that are mapped, explained, rejected by a
curator or still missing (curation.coverage's measure, the same as GET /api/coverage). A page of the
top app: it reads corridors, projects and curation together (the view: geomekong.views)."""

from itertools import groupby

from django.db.models import Count, Exists, OuterRef, Q

from corridors.models import CorridorMention
from geodata.models import Paragraph
from geodata.places import read_explanations
from projects.models import ProjectMention


def paragraphs_by_document() -> list[dict]:
    """Per document (oldest first) and pillar: paragraphs that name a mapped feature, of how many."""
    rows = (
        Paragraph.objects.annotate(
            names_corridor=Exists(CorridorMention.objects.filter(paragraph=OuterRef("pk"))),
            names_project=Exists(ProjectMention.objects.filter(paragraph=OuterRef("pk"))),
        )
        .values("document__slug", "document__short", "document__title", "document__year",
                "pillar__slug", "pillar__code", "pillar__name", "pillar__order")
        .annotate(total=Count("id"),
                  mapped=Count("id", filter=Q(names_corridor=True) | Q(names_project=True)))
        .order_by("document__year", "document__slug", "pillar__order", "pillar__slug")
    )
    documents = []
    for slug, group in groupby(rows, key=lambda r: r["document__slug"]):
        group = list(group)
        first = group[0]
        documents.append({
            "slug": slug,
            "short": first["document__short"],
            "title": first["document__title"],
            "year": first["document__year"],
            "total": sum(r["total"] for r in group),
            "mapped": sum(r["mapped"] for r in group),
            "pillars": [
                {"code": r["pillar__code"], "name": r["pillar__name"] or "outside the pillars",
                 "total": r["total"], "mapped": r["mapped"]}
                for r in group
            ],
        })
    return documents


def explained_names() -> list[dict]:
    """Names the text gives that are deliberately not features, with the paragraphs and the reason
    (geodata/data/unmapped_names.json), by name."""
    paragraphs = {p.anchor: p for p in Paragraph.objects.select_related("document")}
    return [
        {"name": e.name, "reason": e.reason,
         "paragraphs": [paragraphs[a] for a in e.anchors if a in paragraphs]}
        for e in sorted(read_explanations(), key=lambda e: (e.name.lower(), e.anchors))
    ]

