"""DATABASE_URL selects the database; without it the project-local cluster is used."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from geomekong.database import POSTGIS_ENGINE, database_config

BASE = Path("/srv/geomekong")


def test_postgis_url_is_parsed_into_a_postgis_database():
    config = database_config(
        {"DATABASE_URL": "postgis://alice:s3cret@db.example.org:5444/mekong"}, base_dir=BASE
    )
    assert config["ENGINE"] == POSTGIS_ENGINE
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("mekong", "alice", "s3cret")
    assert (config["HOST"], config["PORT"]) == ("db.example.org", 5444)
    assert config["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_plain_postgres_urls_still_use_the_postgis_engine(scheme):
    config = database_config({"DATABASE_URL": f"{scheme}://u@h/d"}, base_dir=BASE)
    assert config["ENGINE"] == POSTGIS_ENGINE


def test_a_non_postgres_url_is_refused_with_a_clear_message():
    with pytest.raises(ImproperlyConfigured, match="postgis://"):
        database_config({"DATABASE_URL": "sqlite:///db.sqlite3"}, base_dir=BASE)


def test_without_database_url_the_local_cluster_is_used():
    config = database_config({}, base_dir=BASE)
    assert config["ENGINE"] == POSTGIS_ENGINE
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("127.0.0.1", "5433", "geomekong")
    assert config["CONN_HEALTH_CHECKS"] is True


def test_local_cluster_port_is_overridable():
    assert database_config({"GEOMEKONG_PG_PORT": "5499"}, base_dir=BASE)["PORT"] == "5499"


def test_a_separate_test_database_can_be_named():
    config = database_config({"GEOMEKONG_TEST_DB": "test_geomekong_b"}, base_dir=BASE)
    assert config["TEST"] == {"NAME": "test_geomekong_b"}


PROJECT_DIR = Path(__file__).resolve().parents[1]


def _import_settings(**env):
    """Import the settings in a fresh interpreter with exactly these variables (plus PATH)."""
    clean = {"PATH": os.environ.get("PATH", ""), **env}
    return subprocess.run([sys.executable, "-c", "import geomekong.settings as s; print(s.DEBUG)"],
                          cwd=PROJECT_DIR, env=clean, capture_output=True, text=True, timeout=60)


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = _import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_mode_and_an_explicit_key_both_start():
    assert _import_settings(DEBUG="1").stdout.strip() == "True"
    assert _import_settings(SECRET_KEY="a-real-secret").stdout.strip() == "False"
