"""The document reader (/sources/<slug>/): a document of geodata with, under each paragraph, the
corridors and projects it names. The features are the apps above geodata, so the page is here."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from corridors.models import CorridorMention
from geodata.models import Paragraph
from geodata.views import reader_context
from projects.models import ProjectMention


def features_named(paragraphs: list[Paragraph]) -> dict[int, list[dict]]:
    """Paragraph id -> the corridors then the projects it names, each by name (two queries)."""
    ids = [p.pk for p in paragraphs]
    named: dict[int, list[dict]] = {}
    kinds = (("Corridor", "corridor", CorridorMention), ("Project", "project", ProjectMention))
    for label, field, mention in kinds:
        rows = (mention.objects.filter(paragraph_id__in=ids)
                .values_list("paragraph_id", f"{field}__slug", f"{field}__name")
                .order_by(f"{field}__name", f"{field}__slug").distinct())
        for paragraph_id, slug, name in rows:
            named.setdefault(paragraph_id, []).append(
                {"kind": label, "slug": slug, "name": name, "url": f"/{field}s/{slug}/"})
    return named


@require_safe
def document_reader(request, slug: str):
    context = reader_context(request, slug=slug)
    paragraphs = [block.paragraph for block in context["blocks"] if block.paragraph is not None]
    named = features_named(paragraphs)
    for paragraph in paragraphs:
        paragraph.named_features = named.get(paragraph.pk, [])
    return render(request, "site/document_reader.html", context)
