"""The site's own pages, which combine the apps (the map page's apps each own theirs)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from curation.coverage import coverage_measure
from geodata.places import KINDS
from geomekong.coverage import explained_names, paragraphs_by_document


def _names(measure: dict[str, dict], key: str) -> list[dict]:
    """The names of one list of the measure, in document order, with their kind's label and the
    paragraph's address in the reader."""
    return [{**n, "kind_label": KINDS.get(n["kind"], n["kind"]), "url": f"/sources/{slug}/#{n['paragraph']}"}
            for slug, entry in measure.items() for n in entry[key]]


@require_safe
def coverage_page(request):
    measure = {m["document"]: m for m in coverage_measure()}
    documents = [
        {**document, "names": measure.get(document["slug"])} for document in paragraphs_by_document()
    ]
    return render(request, "site/coverage.html", {
        "documents": documents,
        "missing": _names(measure, "unaccounted"),
        "rejected": _names(measure, "rejected_names"),
        "explained": explained_names(),
    })
