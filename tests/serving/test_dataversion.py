"""The data version behind ETag/Last-Modified: bumped by every write, in the writing transaction."""

import pytest
from django.db import connection, transaction

from geodata import dataversion
from geodata.models import Theme

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_table_of_the_project_apps_has_the_trigger():
    tables = set(dataversion.data_tables())
    assert {"projects_project", "corridors_corridor", "geodata_paragraph", "projects_project_corridors",
            "geodata_country"} <= tables
    assert "geodata_dataversion" not in tables
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                       "WHERE t.tgname = %s", [dataversion.TRIGGER])
        installed = {row[0] for row in cursor.fetchall()}
    assert tables <= installed


def test_a_write_bumps_the_version_and_its_time():
    before, at = dataversion.current()
    Theme.objects.create(slug="t1", name="T1", order=9)
    after, changed = dataversion.current()
    assert after > before and changed >= at


def test_a_raw_sql_write_bumps_it_too():
    before, _ = dataversion.current()
    with connection.cursor() as cursor:
        cursor.execute("""INSERT INTO geodata_theme (slug, name, "order") VALUES ('t2', 'T2', 9)""")
    assert dataversion.current()[0] > before


def test_a_rolled_back_write_does_not():
    before, _ = dataversion.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        Theme.objects.create(slug="t3", name="T3", order=9)
        raise RuntimeError("abandon")
    assert dataversion.current()[0] == before


def test_one_bump_per_statement_not_per_row():
    before, _ = dataversion.current()
    Theme.objects.bulk_create([Theme(slug=f"b{i}", name=f"B{i}", order=i) for i in range(50)])
    assert dataversion.current()[0] == before + 1


def test_the_service_bumps_it():
    before, _ = dataversion.current()
    dataversion.bump()
    assert dataversion.current()[0] == before + 1
