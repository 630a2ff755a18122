"""JSON API over the source paragraphs: /api/paragraphs (search, filter, page) and one paragraph."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from geodata import query_params as qp
from geodata import selectors
from geodata.models import Paragraph

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_QUERY_LENGTH = 500
# Far beyond any real page, and well inside PostgreSQL's bigint OFFSET.
MAX_OFFSET = 1_000_000


def bad_request(*, error: str, parameter: str) -> JsonResponse:
    return JsonResponse({"error": error, "parameter": parameter}, status=400)


def _slug(value: str | None, *, parameter: str) -> str:
    """One slug filter: absent or a value (spaces alone are not a slug: 400)."""
    if value == "":
        raise qp.FilterError(parameter, "the value is blank")
    return qp.parse_text(value, parameter=parameter)


@require_safe
def paragraph_list(request):
    def get(name: str) -> str | None:
        return qp.raw(request.GET, name)

    try:
        limit = qp.parse_int(get("limit"), parameter="limit", minimum=1, maximum=MAX_LIMIT)
        offset = qp.parse_int(get("offset"), parameter="offset", minimum=0, maximum=MAX_OFFSET)
        filters = selectors.ParagraphFilters(
            q=qp.parse_text(get("q"), max_length=MAX_QUERY_LENGTH),
            document=_slug(get("document"), parameter="document"),
            pillar=_slug(get("pillar"), parameter="pillar"),
            theme=_slug(get("theme"), parameter="theme"),
        )
        count, paragraphs = selectors.paragraph_search(
            filters=filters, limit=DEFAULT_LIMIT if limit is None else limit, offset=offset or 0)
    except qp.FilterError as exc:
        return bad_request(error=exc.message, parameter=exc.parameter)
    except selectors.UnknownFilter as exc:
        return bad_request(error=str(exc), parameter=exc.parameter)
    return JsonResponse({"count": count, "results": [paragraph_json(p) for p in paragraphs]})


@require_safe
def paragraph_detail(request, anchor: str):
    paragraph = selectors.paragraph_get(anchor=anchor)
    if paragraph is None:
        return JsonResponse({"error": f"unknown paragraph {qp.shown(anchor)}", "parameter": "anchor"},
                            status=404)
    return JsonResponse(paragraph_json(paragraph))


def paragraph_json(paragraph: Paragraph) -> dict:
    pillar = paragraph.pillar
    return {
        "anchor": paragraph.anchor,
        "document": paragraph.document.slug,
        "label": paragraph.label,
        "section": paragraph.section_path,
        "pillar": pillar.slug if pillar else None,
        "theme": pillar.theme.slug if pillar else None,
        "text": paragraph.text,
        "snippet": getattr(paragraph, "snippet", ""),
        "url": paragraph.get_absolute_url(),
    }
