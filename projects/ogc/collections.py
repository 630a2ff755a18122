"""The two feature collections the OGC API serves, described once.

Each reuses the map API's filters, filtered queryset and GeoJSON properties, so an OGC client
and the map see the same features with the same properties.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from corridors.filters import CorridorFilters
from corridors.layers import CORRIDORS
from corridors.selectors import corridor_list
from geodata.geojson import Layer
from geodata.query_params import FilterSet
from projects.filters import ProjectFilters
from projects.layers import PROJECTS
from projects.selectors import project_list


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    layer: Layer
    filters: type[FilterSet]
    listing: Callable[..., QuerySet]
    # Projects carry years, so `datetime` selects them; corridors have no time.
    temporal: bool


COLLECTIONS = {
    "projects": Collection(
        "projects", "Projects",
        "Projects of Japan–Mekong cooperation named in the source documents, with their location "
        "precision, years, funding and the source paragraphs that cite them.",
        PROJECTS, ProjectFilters, project_list, temporal=True,
    ),
    "corridors": Collection(
        "corridors", "Corridors",
        "Economic corridors and roads named in the source documents, as lines with their geodesic "
        "length and the source paragraphs that cite them.",
        CORRIDORS, CorridorFilters, corridor_list, temporal=False,
    ),
}
