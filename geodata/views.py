"""Reader pages: the list of source documents, and what the reader shows of one document (anchors,
pillars; the page itself, with the features each paragraph names, is geomekong/reader.py)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from geodata import selectors

SEARCH_LIMIT = 50
MAX_QUERY_LENGTH = 500


@require_safe
def document_list(request):
    query = _query(request)
    context = {"documents": selectors.document_list(), "query": query}
    if query:
        context["count"], context["results"] = selectors.paragraph_search(
            filters=selectors.ParagraphFilters(q=query), limit=SEARCH_LIMIT, offset=0)
    return render(request, "geodata/document_list.html", context)


def reader_context(request, *, slug: str) -> dict:
    """What the document reader shows of a document (geomekong/reader.py adds the features each
    paragraph names); Http404 for an unknown document."""
    document = selectors.document_get(slug=slug)
    if document is None:
        raise Http404(f"No source document {slug!r}")
    query = _query(request)
    context = {
        "document": document,
        "blocks": selectors.document_blocks(document=document),
        "pillars": selectors.document_pillars(document=document),
        "query": query,
    }
    if query:
        context["count"], context["results"] = selectors.paragraph_search(
            filters=selectors.ParagraphFilters(q=query, document=document.slug), limit=SEARCH_LIMIT, offset=0)
    return context


def _query(request) -> str:
    # A page, not an API: an overlong query is cut rather than refused.
    return request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
