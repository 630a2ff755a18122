"""Production settings: `check --deploy` is clean with the production environment; the database
settings pool connections only for the production server, keep none open otherwise, turn JIT off,
and mirror the primary on replicas."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from geomekong.database import database_config, replica_configs

PROJECT_DIR = Path(__file__).resolve().parents[2]
BASE = Path("/srv/geomekong")


def _manage(*args, **env):
    clean = {"PATH": os.environ["PATH"], "GEOMEKONG_PG_PORT": os.environ.get("GEOMEKONG_PG_PORT", "5433"),
             **env}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=clean,
                          capture_output=True, text=True, timeout=120)


PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "geomekong.example.org",
              "GEOMEKONG_HTTPS": "1", "GEOMEKONG_BEHIND_PROXY": "1"}


def test_check_deploy_reports_nothing_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_https_check_deploy_says_what_is_missing():
    env = {k: v for k, v in PRODUCTION.items() if k != "GEOMEKONG_HTTPS"}
    result = _manage("check", "--deploy", **env)
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def _settings(**env) -> dict:
    code = ("import json, geomekong.settings as s; print(json.dumps({k: getattr(s, k, None) for k in "
            "['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', "
            "'SECURE_PROXY_SSL_HEADER', 'GEOMEKONG_RATE_LIMIT', 'DEBUG']}))")
    clean = {"PATH": os.environ["PATH"], **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, env=clean, capture_output=True,
                            text=True, timeout=60, check=True)
    import json

    return json.loads(result.stdout)


def test_https_switches_on_secure_cookies_hsts_and_the_redirect():
    on = _settings(**PRODUCTION)
    assert on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"] and on["SECURE_SSL_REDIRECT"]
    assert on["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert on["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    off = _settings(SECRET_KEY="x" * 60)
    assert not off["SESSION_COOKIE_SECURE"] and off["SECURE_HSTS_SECONDS"] == 0
    assert off["SECURE_PROXY_SSL_HEADER"] is None


def test_the_rate_limit_is_on_in_production_and_off_in_development():
    assert _settings(SECRET_KEY="x" * 60)["GEOMEKONG_RATE_LIMIT"] == [600, 60]
    assert _settings(DEBUG="1")["GEOMEKONG_RATE_LIMIT"][0] == 0
    assert _settings(SECRET_KEY="x" * 60, GEOMEKONG_RATE_LIMIT="100/10")["GEOMEKONG_RATE_LIMIT"] == [100, 10]


def test_no_connection_outlives_its_request_and_jit_is_off():
    config = database_config({}, base_dir=BASE)
    assert config["CONN_MAX_AGE"] == 0
    assert "pool" not in config["OPTIONS"]
    assert "-c jit=off" in config["OPTIONS"]["options"]


def test_the_production_server_pools_connections():
    config = database_config({"GEOMEKONG_DB_POOL_SIZE": "4"}, base_dir=BASE)
    pool = config["OPTIONS"]["pool"]
    assert (pool["min_size"], pool["max_size"]) == (1, 4)
    assert pool["timeout"] <= 5 and pool["reconnect_timeout"] <= 10
    assert config["CONN_MAX_AGE"] == 0 and config["CONN_HEALTH_CHECKS"] is True


def test_a_bad_pool_size_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="GEOMEKONG_DB_POOL_SIZE"):
        database_config({"GEOMEKONG_DB_POOL_SIZE": "four"}, base_dir=BASE)


def test_replica_urls_become_mirroring_aliases():
    replicas = replica_configs({"DATABASE_REPLICA_URLS": "postgis://u@r1:5432/g, postgis://u@r2:5432/g",
                                "GEOMEKONG_DB_POOL_SIZE": "4"})
    assert list(replicas) == ["replica_1", "replica_2"]
    assert replicas["replica_2"]["HOST"] == "r2"
    assert replicas["replica_1"]["TEST"] == {"MIRROR": "default"}
    assert replicas["replica_1"]["OPTIONS"]["pool"]["name"] == "replica_1"
