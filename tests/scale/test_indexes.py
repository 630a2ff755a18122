"""Every filter of the map API has an index the planner uses, checked with EXPLAIN on the 20,000
generated projects.

Selective filters (a small box, a corridor band, one year and country) must use their index as
the planner chooses by itself. The broad ones (a sector is 5-30 % of the rows) are honestly
cheaper as a sequential scan at this size, so they are checked with sequential scans priced out
(`enable_seqscan = off`): the index must exist and answer the filter's operator.
"""

import pytest
from django.db import connection

from projects.filters import ProjectFilters
from projects.selectors import project_list


def plan_of(filters: ProjectFilters, *, seqscan: bool = True) -> str:
    sql, params = project_list(filters=filters).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_seqscan = {'on' if seqscan else 'off'}")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


def uses(plan: str, index: str) -> bool:
    return f"Index Scan using {index} " in plan or f"Bitmap Index Scan on {index}" in plan \
        or f"Index Only Scan using {index} " in plan


@pytest.mark.parametrize(("filters", "index"), [
    (ProjectFilters(bbox=(104.0, 16.0, 104.3, 16.3)), "projects_project_geom_id"),
    (ProjectFilters(near_corridor="lao-nr9", within_km=5), "projects_project_geog_gist"),
    (ProjectFilters(year_min=2013, year_max=2013, country=("KHM",)), None),
])
def test_selective_filters_use_their_index_by_themselves(generated_world, db, filters, index):
    plan = plan_of(filters)
    assert "Seq Scan on projects_project " not in plan, plan
    if index:
        assert uses(plan, _real_name(index)), plan


@pytest.mark.parametrize(("filters", "index"), [
    (ProjectFilters(year_min=2012, year_max=2014), "project_years_gin"),
    (ProjectFilters(country=("LAO",)), "project_countries_gin"),
    (ProjectFilters(funding=("jaif",)), "project_funding_gin"),
    (ProjectFilters(sector=("bridge",)), "project_sector"),
    (ProjectFilters(status=("study",)), "project_status"),
    (ProjectFilters(precision_max=1), "project_precision"),
])
def test_every_column_filter_has_an_index_that_answers_it(generated_world, db, filters, index):
    assert uses(plan_of(filters, seqscan=False), index), plan_of(filters, seqscan=False)


def test_the_trigram_indexes_answer_a_name_search(generated_world, db):
    """icontains is UPPER(col) LIKE UPPER('%text%'); the trigram index on UPPER(name) serves it.

    Sequential scans are priced out, as for the column filters: whether the planner prefers the
    index on its own depends on the statistics of a freshly generated table (it did not on a
    clean clone), while what matters is that the index exists and answers the operator."""
    from projects.models import Project

    sql, params = Project.objects.filter(name__icontains="Savannakhet #12").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert uses(plan, "project_name_trgm"), plan


def _real_name(index: str) -> str:
    """The name Django gave the geometry's own GiST index (it ends in a hash)."""
    if not index.endswith("_id"):
        return index
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'projects_project' "
                       "AND indexdef LIKE '%%USING gist (geom)%%'")
        return cursor.fetchone()[0]
