"""manage.py generate_synthetic: realistic generated projects, all marked as generated, removable."""


from django.db import connection

from geodata.models import Origin, Paragraph, Provenance
from geodata.precision import PRECISION_CODES
from projects import synthetic
from projects.models import Project, ProjectMention
from projects.vocabularies import FundingType, Sector, Status
from tests.scale.conftest import GENERATED, REAL


def scalar(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_every_code_of_every_vocabulary_appears(generated_world, db):
    generated = Project.objects.filter(generated=True)
    assert generated.count() == GENERATED == generated_world.projects
    assert set(generated.values_list("sector", flat=True).distinct()) == set(Sector.values)
    assert set(generated.values_list("status", flat=True).distinct()) == set(Status.values)
    assert set(generated.values_list("precision", flat=True).distinct()) == set(PRECISION_CODES)
    funding = scalar("SELECT array_agg(DISTINCT f) FROM projects_project, unnest(funding_types) f "
                     "WHERE generated")
    assert set(funding) == set(FundingType.values)
    countries = scalar("SELECT array_agg(DISTINCT c) FROM projects_project, unnest(countries) c "
                       "WHERE generated")
    assert set(countries) == {"KHM", "LAO", "MMR", "THA", "VNM"}
    low, high = scalar("SELECT ARRAY[min(y), max(y)] FROM projects_project, unnest(years) y WHERE generated")
    assert (low, high) == (2000, 2030)
    kinds = scalar("SELECT array_agg(DISTINCT GeometryType(geom)) FROM projects_project WHERE generated")
    assert set(kinds) == {"POINT", "LINESTRING", "POLYGON"}


def test_each_is_marked_as_generated_wherever_it_shows(generated_world, db):
    generated = Project.objects.filter(generated=True)
    assert not generated.exclude(slug__startswith="generated-").exists()
    assert not generated.exclude(name__startswith="Generated ").exists()
    assert not generated.exclude(description__contains="not a real project").exists()
    assert not generated.exclude(location_note__contains="not a real site").exists()
    for field in ("status_provenance", "years_provenance", "funding_provenance"):
        assert set(generated.values_list(field, flat=True).distinct()) == {Provenance.GENERATED}
    links = ProjectMention.objects.filter(project__generated=True)
    assert set(links.values_list("origin", flat=True).distinct()) == {Origin.GENERATED}
    # No real project got a generated fact or link.
    real = Project.objects.filter(generated=False)
    assert real.count() == REAL
    assert not ProjectMention.objects.filter(project__generated=False, origin=Origin.GENERATED).exists()


def test_they_are_linked_to_real_paragraphs_with_a_pillar(generated_world, db):
    links = ProjectMention.objects.filter(project__generated=True)
    assert links.count() == generated_world.mentions >= GENERATED
    assert not links.filter(paragraph__pillar__isnull=True).exists()
    assert links.values("paragraph").distinct().count() > 0.5 * Paragraph.objects.filter(
        pillar__isnull=False).count()


def test_places_are_in_their_countries_and_valid(generated_world, db):
    """Each geometry touches every country it lists (the real outlines; a sample of 2,000, the
    full-resolution outlines are slow to test), geometries are valid and polygons are
    counter-clockwise (RFC 7946)."""
    assert scalar("""
        SELECT count(*) FROM (SELECT * FROM projects_project WHERE generated ORDER BY id LIMIT 2000) p
        WHERE NOT ST_IsValid(p.geom)
           OR EXISTS (SELECT 1 FROM unnest(p.countries) iso WHERE NOT EXISTS (
                SELECT 1 FROM geodata_country c WHERE c.iso_a3 = iso AND ST_Intersects(c.geom, p.geom)))
    """) == 0
    assert scalar("SELECT count(*) FROM projects_project WHERE generated AND (NOT ST_IsValid(geom) "
                  "OR GeometryType(geom) = 'POLYGON' AND NOT ST_IsPolygonCCW(geom))") == 0


def test_they_cluster_around_cities_and_along_corridors(generated_world, db):
    """Most lie within 30 km of a Natural Earth place or 10 km of a corridor; uniform points over
    the region's box would mostly not."""
    places = [(lon, lat) for lon, lat in synthetic._read_places()[0].tolist()]
    near = scalar("""
        WITH places AS (SELECT ST_SetSRID(ST_MakePoint(x, y), 4326)::geography AS g
                        FROM unnest(%s::float8[], %s::float8[]) AS u(x, y))
        SELECT avg((EXISTS (SELECT 1 FROM places WHERE ST_DWithin(places.g, p.geom::geography, 30000))
                 OR EXISTS (SELECT 1 FROM corridors_corridor c
                            WHERE ST_DWithin(c.geom::geography, p.geom::geography, 10000)))::int)
        FROM (SELECT geom FROM projects_project WHERE generated ORDER BY id LIMIT 2000) p
    """, ([x for x, _ in places], [y for _, y in places]))
    assert near > 0.8
    along = Project.objects.filter(generated=True, corridors__isnull=False).distinct().count()
    assert 0.2 * GENERATED < along < 0.6 * GENERATED
