"""The unfiltered facet counts, stored: the filter panel's first view at a million projects.

Counting a dozen facets over every project takes seconds at 1M rows (one scan per facet, the
arrays unnested); the panel opens with no filter and each facet is counted without its own
parameter, so most of its counts are these. `refresh_facet_counts()` (called by the services
after load, link, generate) stores them; any write to the projects, their mentions, paragraphs
or pillars deletes them (statement triggers, so no write path can leave them stale) and
/api/facets counts live until the next refresh.
"""

from django.db import transaction

from projects.models import FacetSnapshot

SNAPSHOT_ID = 1


def _pairs(counts: dict) -> list[list]:
    return sorted([value, count] for value, count in counts.items())


def stored_facet_counts() -> dict | None:
    """{"facets": {facet: {value: count}}, "numberMatched", "years_by_funding"}, or None when stale."""
    stored = FacetSnapshot.objects.filter(pk=SNAPSHOT_ID).values_list("counts", flat=True).first()
    if stored is None:
        return None
    return {**stored, "facets": {name: {v: n for v, n in pairs} for name, pairs in stored["facets"].items()}}


def refresh_facet_counts() -> None:
    """Count every facet over all projects and store the counts (a write: call it from services)."""
    from projects.selectors import unfiltered_facet_counts  # selectors read this module

    counts = unfiltered_facet_counts()
    counts["facets"] = {name: _pairs(values) for name, values in counts["facets"].items()}
    with transaction.atomic():
        FacetSnapshot.objects.update_or_create(pk=SNAPSHOT_ID, defaults={"counts": counts})
