"""A minimal project row for the serving tests (they test HTTP, not the data)."""

from django.contrib.gis.geos import Point

from geodata.models import Provenance
from projects.models import Project


def make_project(slug: str = "test-port", name: str = "Test Port") -> Project:
    return Project.objects.create(
        slug=slug, name=name, countries=["VNM"], sector="port", status="completed",
        status_provenance=Provenance.STATED, years=[2015], years_provenance=Provenance.STATED,
        funding_types=["oda_loan"], funding_provenance=Provenance.STATED, precision=1,
        location_note="test", geom=Point(106.8, 20.8, srid=4326))
