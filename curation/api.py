"""GET /api/proposals?document=S[&state=pending]: the review queue as JSON (read-only)."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from curation.coverage import coverage_measure
from curation.models import Proposal
from geodata import query_params as qp
from geodata.models import Document


def proposal_json(proposal: Proposal) -> dict:
    return {
        "id": proposal.pk,
        "kind": proposal.kind,
        "state": proposal.state,
        "document": proposal.paragraph.document.slug,
        "paragraph": proposal.paragraph.anchor,
        "feature": {"kind": proposal.feature_kind, "slug": proposal.feature_slug}
        if proposal.feature_slug
        else None,
        "name": proposal.name,
        "field": proposal.field or None,
        "value": proposal.value or None,
        "stage": proposal.details.get("stage"),
        "candidates": proposal.details.get("candidates", []) if proposal.kind == Proposal.Kind.PLACE else [],
    }


@require_safe
def proposal_list(request):
    try:
        slug = qp.parse_text(qp.raw(request.GET, "document"), parameter="document")
        states = qp.parse_codes(
            qp.raw(request.GET, "state"), parameter="state", allowed=Proposal.State.values
        )
        kinds = qp.parse_codes(qp.raw(request.GET, "kind"), parameter="kind", allowed=Proposal.Kind.values)
    except qp.FilterError as error:
        return JsonResponse(error.as_json(), status=400)
    if not slug:
        return JsonResponse({"error": "document is required", "parameter": "document"}, status=400)
    if not Document.objects.filter(slug=slug).exists():
        return JsonResponse(
            {"error": f"unknown document {qp.shown(slug)}", "parameter": "document"}, status=400
        )
    proposals = Proposal.objects.filter(paragraph__document__slug=slug).select_related("paragraph__document")
    if states:
        proposals = proposals.filter(state__in=states)
    if kinds:
        proposals = proposals.filter(kind__in=kinds)
    results = [proposal_json(p) for p in proposals]
    return JsonResponse({"document": slug, "count": len(results), "results": results})


@require_safe
def coverage(request):
    """The coverage measure per document (curation.coverage)."""
    return JsonResponse({"documents": coverage_measure()})
