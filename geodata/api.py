"""JSON API over the source paragraphs: /api/paragraphs (search, filter, page) and one paragraph."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from geodata import selectors
from geodata.models import Paragraph

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_QUERY_LENGTH = 500
# Far beyond any real page, and well inside PostgreSQL's bigint OFFSET.
MAX_OFFSET = 1_000_000


class BadParameter(ValueError):
    def __init__(self, *, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


def bad_request(*, error: str, parameter: str) -> JsonResponse:
    return JsonResponse({"error": error, "parameter": parameter}, status=400)


@require_safe
def paragraph_list(request):
    try:
        limit = _int_param(request.GET, "limit", default=DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
        offset = _int_param(request.GET, "offset", default=0, minimum=0, maximum=MAX_OFFSET)
        filters = selectors.ParagraphFilters(
            q=_text_param(request.GET, "q", max_length=MAX_QUERY_LENGTH),
            document=_text_param(request.GET, "document"),
            pillar=_text_param(request.GET, "pillar"),
            theme=_text_param(request.GET, "theme"),
        )
        count, paragraphs = selectors.paragraph_search(filters=filters, limit=limit, offset=offset)
    except (BadParameter, selectors.UnknownFilter) as exc:
        return bad_request(error=str(exc), parameter=exc.parameter)
    return JsonResponse({"count": count, "results": [paragraph_json(p) for p in paragraphs]})


@require_safe
def paragraph_detail(request, anchor: str):
    paragraph = selectors.paragraph_get(anchor=anchor)
    if paragraph is None:
        return JsonResponse({"error": f"Unknown paragraph {anchor!r}", "parameter": "anchor"}, status=404)
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


def _text_param(params, name: str, *, max_length: int = 200) -> str:
    value = params.get(name, "").strip()
    if len(value) > max_length:
        raise BadParameter(parameter=name, message=f"{name} is longer than {max_length} characters")
    if "\x00" in value:
        raise BadParameter(parameter=name, message=f"{name} contains a NUL character")
    return value


def _int_param(params, name: str, *, default: int, minimum: int, maximum: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    value = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
    if value is None or not minimum <= value <= maximum:
        raise BadParameter(parameter=name,
                           message=f"{name} must be a whole number from {minimum} to {maximum}, got {raw!r}")
    return value
