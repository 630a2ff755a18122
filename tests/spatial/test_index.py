"""The near-corridor queries are answered from the GiST index on (geom::geography), checked with EXPLAIN
on 20,000 generated projects (generate_synthetic). enable_seqscan stays on: the planner chooses the
index by itself."""

import re

import pytest
from django.db import connection

from projects.filters import ProjectFilters
from projects.selectors import project_list
from projects.spatial import along_corridor_sql
from projects.synthetic import generate_projects

INDEX = "projects_project_geog_gist"
# A sequential scan of the projects table itself (not of projects_projectmention).
SEQ_SCAN = re.compile(r"Seq Scan on projects_project\b")


@pytest.fixture
def many_projects(world):
    generate_projects(count=20_000, seed=11)
    return world


def explain(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_near_corridor_filter_uses_the_index(many_projects):
    qs = project_list(filters=ProjectFilters(near_corridor="fixture-line", within_km=25, sector=("road",)))
    plan = explain(*qs.query.sql_with_params())
    assert f"Index Scan using {INDEX}" in plan or f"Bitmap Index Scan on {INDEX}" in plan, plan
    assert not SEQ_SCAN.search(plan), plan


def test_the_along_corridor_statement_uses_the_index(many_projects):
    plan = explain(*along_corridor_sql(corridor=many_projects.line, filters=ProjectFilters(), km=25))
    assert INDEX in plan, plan
    assert not SEQ_SCAN.search(plan), plan


def test_the_answer_is_the_same_as_without_the_index(many_projects):
    """The index only finds candidates: counting with a plain geodesic distance gives the same set."""
    qs = project_list(filters=ProjectFilters(near_corridor="fixture-line", within_km=25))
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT count(*) FROM projects_project p, corridors_corridor c
            WHERE c.slug = 'fixture-line' AND ST_Distance(p.geom::geography, c.geom::geography) <= 25000
        """)
        assert qs.count() == cursor.fetchone()[0] > 50
