"""The browser tests' world: fixture data built per test (see tests/conftest.py for the browser)."""

import pytest

from tests.browser.world import build_world


@pytest.fixture
def world(transactional_db):
    """live_server flushes tables after each test, so the data is built per test."""
    return build_world()
