"""The corridor page: map, facts, the paragraphs that name it, and the projects along it."""

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from corridors import spatial
from corridors.models import Corridor


@require_safe
def corridor_detail(request, slug: str):
    # The geometry leaves PostGIS as GeoJSON text and goes into the page as is.
    corridor = get_object_or_404(
        Corridor.objects.select_related("parent").annotate(geojson=AsGeoJSON("geom", precision=5)), slug=slug
    )
    mentions = corridor.mentions.select_related("paragraph__document").order_by(
        "paragraph__document__year", "paragraph__document__slug", "paragraph__order"
    )
    return render(request, "corridors/detail.html", {
        "corridor": corridor,
        "length_km": spatial.total_length_km(corridor=corridor),
        "profile": spatial.country_profile(corridor=corridor),
        "mentions": mentions,
        "children": corridor.children.order_by("name"),
        # The reverse relation from projects; no import of the projects app.
        "projects": corridor.projects.order_by("name"),
    })
