"""generate_synthetic on an empty database: determinism, --clear, the index rebuild of big batches."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from projects import synthetic
from projects.models import Project


def scalar(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_the_same_seed_draws_the_same_projects(db):
    def draw():
        synthetic.generate_projects(count=300, seed=3)
        rows = list(Project.objects.filter(generated=True).order_by("slug").values_list(
            "slug", "name", "sector", "years", "funding_types", "precision"))
        geoms = scalar("SELECT md5(string_agg(ST_AsEWKB(geom)::text, ',' ORDER BY slug)) "
                       "FROM projects_project WHERE generated")
        synthetic.clear_generated()
        return rows, geoms

    first, second = draw(), draw()
    assert first == second and len(first[0]) == 300


def test_the_command_adds_and_clear_removes_only_generated_projects(db):
    Project.objects.create(slug="real-one", name="Real", countries=["THA"], sector="road",
                           status="unknown", status_provenance="curated", years=[2012],
                           years_provenance="curated", funding_types=["unspecified"],
                           funding_provenance="curated", precision=1, location_note="x",
                           geom="SRID=4326;POINT(100.5 13.7)")
    out = StringIO()
    call_command("generate_synthetic", "--projects", "250", "--seed", "5", stdout=out, stderr=StringIO())
    assert "added 250 generated projects" in out.getvalue()
    assert Project.objects.filter(generated=True).count() == 250
    call_command("generate_synthetic", "--projects", "50", "--seed", "5", stdout=out, stderr=StringIO())
    assert Project.objects.filter(generated=True).count() == 300  # numbered after the first 250
    assert Project.objects.filter(slug="generated-300").exists()
    call_command("generate_synthetic", "--clear", stdout=out, stderr=StringIO())
    assert "removed 300 generated projects" in out.getvalue()
    assert list(Project.objects.values_list("slug", flat=True)) == ["real-one"]


def test_big_batches_rebuild_the_indexes_they_dropped(db, monkeypatch):
    """Above the threshold the secondary indexes are dropped for the COPY and built again."""
    def indexes():
        return set(scalar("SELECT array_agg(indexdef ORDER BY indexname) FROM pg_indexes "
                          "WHERE tablename IN ('projects_project', 'projects_projectmention')"))

    before = indexes()
    assert any("gin_trgm_ops" in d for d in before) and any("3857" in d for d in before)
    monkeypatch.setattr(synthetic, "REBUILD_INDEXES_FROM", 100)
    synthetic.generate_projects(count=150, seed=2)
    assert indexes() == before
    assert Project.objects.filter(generated=True).count() == 150


def test_a_negative_count_is_refused(db):
    with pytest.raises(Exception, match="--projects"):
        call_command("generate_synthetic", "--projects", "-1")
