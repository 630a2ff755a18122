"""The coverage page: which paragraphs the map covers, and the places the text names but the map lacks."""

from django.shortcuts import render

from projects.coverage import coverage_by_document, explained_names, unmatched_candidates


def coverage_page(request):
    return render(request, "projects/coverage.html", {
        "documents": coverage_by_document(),
        "candidates": unmatched_candidates(),
        "explained": explained_names(),
    })
