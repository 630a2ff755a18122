"""The real sources, corridors, countries and projects plus 20,000 generated projects, made once for
the whole package inside a transaction that is rolled back at the end (so other tests never see them).

Every test here reads the same rows; a test that writes does so inside its own savepoint (`db`).
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from projects.services import DEFAULT_PROJECTS_FILE
from projects.synthetic import generate_projects

GENERATED = 20_000
SEED = 7
REAL = len(json.loads(DEFAULT_PROJECTS_FILE.read_text(encoding="utf-8"))["features"])


@pytest.fixture(scope="package")
def generated_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_sources", stdout=StringIO())
        call_command("load_geodata", stdout=StringIO())
        counts = generate_projects(count=GENERATED, seed=SEED)
        yield counts
        transaction.set_rollback(True)
