"""The two feature collections the OGC API serves, described once.

Each reuses the map API's filters, filtered queryset and GeoJSON properties, so an OGC client
and the map see the same features with the same properties.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet

from corridors.filters import CorridorFilters
from corridors.models import Corridor
from corridors.selectors import corridor_list, corridor_properties
from geodata.geojson import Sql
from geodata.query_params import FilterSet
from projects.filters import ProjectFilters
from projects.models import Project
from projects.selectors import project_list, project_properties


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    model: type[Model]
    filters: type[FilterSet]
    listing: Callable[..., QuerySet]
    properties: Callable[[], Sql]
    # Projects carry years, so `datetime` selects them; corridors have no time.
    temporal: bool


COLLECTIONS = {
    "projects": Collection(
        "projects", "Projects",
        "Projects of Japan–Mekong cooperation named in the source documents, with their location "
        "precision, years, funding and the source paragraphs that cite them.",
        Project, ProjectFilters, project_list, project_properties, temporal=True,
    ),
    "corridors": Collection(
        "corridors", "Corridors",
        "Economic corridors and roads named in the source documents, as lines with their geodesic "
        "length and the source paragraphs that cite them.",
        Corridor, CorridorFilters, corridor_list, corridor_properties, temporal=False,
    ),
}
