import shutil
from pathlib import Path

import pytest

from geodata.services import DEFAULT_SOURCE_DIR, import_sources


@pytest.fixture
def sources(db):
    """The five source documents imported into the test database (inside the test's transaction)."""
    return import_sources()


@pytest.fixture
def source_copy(tmp_path) -> Path:
    """A writable copy of geodata/data/sources, for tests that change or break a file."""
    target = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCE_DIR, target)
    return target
