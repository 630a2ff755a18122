"""/api/facets at scale: the stored unfiltered counts equal the live ones, any write makes them
stale (whoever writes), and the services store them again."""

import json

import pytest
from django.db import connection

from projects.facet_snapshot import refresh_facet_counts, stored_facet_counts
from projects.models import FacetSnapshot, Project
from tests.scale.conftest import GENERATED, REAL


def facets(client, query: str = "") -> dict:
    response = client.get(f"/api/facets{query}")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def live(client, query: str = "") -> dict:
    """The same answer with the stored counts out of the way (rolled back with the test)."""
    FacetSnapshot.objects.all().delete()
    return facets(client, query)


def test_generation_stored_the_unfiltered_counts(generated_world, db):
    stored = stored_facet_counts()
    assert stored is not None
    assert stored["numberMatched"] == Project.objects.count() == GENERATED + REAL


@pytest.mark.parametrize("query", ["", "?sector=road,bridge", "?year_min=2010&year_max=2015&country=LAO",
                                   "?theme=connectivity", "?near_corridor=ewec&within_km=25"])
def test_stored_counts_give_the_same_answer_as_counting_live(generated_world, db, client, query):
    answer = facets(client, query)
    assert answer == live(client, query)
    assert answer["numberMatched"] > 0


def test_stored_counts_are_used_unfiltered_in_one_small_query(generated_world, db, client,
                                                              django_assert_max_num_queries):
    """No facet scans the projects: the stored row, themes and pillars only (plus the data
    version read for the response's ETag)."""
    with django_assert_max_num_queries(4) as captured:
        facets(client)
    assert not any("projects_project" in q["sql"] and "facetsnapshot" not in q["sql"] for q in captured), \
        [q["sql"][:120] for q in captured]


def test_any_write_makes_the_stored_counts_stale(generated_world, db, client):
    """An UPDATE in plain SQL (as the admin or a script might do) drops the snapshot, and the
    next answer counts the change; the service refresh stores it again."""
    before = {f["value"]: f["count"] for f in facets(client)["facets"]["sector"]}
    with connection.cursor() as cursor:
        cursor.execute("UPDATE projects_project SET sector = 'port' WHERE id IN "
                       "(SELECT id FROM projects_project WHERE generated AND sector = 'road' LIMIT 10)")
    assert stored_facet_counts() is None
    after = {f["value"]: f["count"] for f in facets(client)["facets"]["sector"]}
    assert after["road"] == before["road"] - 10 and after["port"] == before["port"] + 10
    refresh_facet_counts()
    assert stored_facet_counts() is not None
    assert {f["value"]: f["count"] for f in facets(client)["facets"]["sector"]} == after


def test_a_paragraph_losing_its_pillar_makes_them_stale(generated_world, db):
    from geodata.models import Paragraph

    Paragraph.objects.filter(pk=Paragraph.objects.filter(pillar__isnull=False).first().pk).update(pillar=None)
    assert stored_facet_counts() is None


def test_the_stored_row_is_small(generated_world, db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_column_size(counts) FROM projects_facetsnapshot")
        assert cursor.fetchone()[0] < 20_000
    assert json.dumps(stored_facet_counts())
