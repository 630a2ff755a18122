"""Curation fixtures: the loading fixtures (real paragraphs, fixture features), a staff curator and
a client logged in as that curator."""

import pytest
from django.contrib.auth.models import User

from tests.loading.conftest import linked, loaded, paragraphs  # noqa: F401  (fixtures)

PASSWORD = "a-curator-password"


@pytest.fixture
def curator(db):
    return User.objects.create_superuser(username="curator", email="curator@example.org", password=PASSWORD)


@pytest.fixture
def admin_client(client, curator):
    client.force_login(curator)
    return client
