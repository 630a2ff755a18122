"""Faults, on a copy of the local cluster (so the suite's own database is never stopped):
the database stopped under load, a loader killed half-way, and a backup restored."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.serving.clusters import SPARE_PG_PORT, copy_of_local_cluster
from tests.serving.live import PROJECT_DIR, request, start_server

DB = "geomekong"  # the copy's database, loaded by make's set-up
ENV = {"GEOMEKONG_PG_PORT": str(SPARE_PG_PORT), "GEOMEKONG_DB_NAME": DB}


@pytest.fixture(scope="module")
def cluster():
    copy = copy_of_local_cluster("test-faults-cluster", standby=False)
    yield copy
    copy.remove()


def _manage(*args: str, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, **ENV, "GEOMEKONG_DEVELOPMENT": "1",
               "DJANGO_SETTINGS_MODULE": "geomekong.settings", **env}
    environ.pop("GEOMEKONG_TEST_DB", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=environ,
                          capture_output=True, text=True, timeout=300)


def _features(tmp_path: Path, name: str, **env) -> list:
    """The projects and corridors GeoJSON exports' features (their metadata carry the time)."""
    features = []
    for dataset in ("projects", "corridors"):
        out = tmp_path / f"{name}-{dataset}.geojson"
        result = _manage("export_geodata", "--format", "geojson", "--dataset", dataset, "--out", str(out),
                         **env)
        assert result.returncode == 0, result.stderr
        features.append(json.loads(out.read_text())["features"])
    return features


def test_with_the_database_stopped_the_api_answers_503_and_recovers_by_itself(cluster):
    server = start_server(env={**ENV, "GEOMEKONG_RATE_LIMIT": "off"}, name="faults")
    log: list[tuple[float, str, int, str]] = []
    stop = threading.Event()

    def client(url: str):
        while not stop.is_set():
            try:
                reply = request(url, timeout=30)
                log.append((time.monotonic(), url, reply.status, reply.headers.get("content-type", "")))
            except OSError as exc:
                log.append((time.monotonic(), url, -1, str(exc)))
            time.sleep(0.02)

    urls = ["/api/projects.geojson", "/api/facets", "/ogc/collections/projects/items?limit=5", "/healthz"] * 2
    try:
        with ThreadPoolExecutor(max_workers=len(urls)) as pool:
            for url in urls:
                pool.submit(client, url)
            time.sleep(2)
            cluster.stop("immediate")  # a crash, not a polite shutdown
            stopped_at = time.monotonic()
            time.sleep(6)
            cluster.start()
            restarted_at = time.monotonic()
            recovered_at = None
            while time.monotonic() < restarted_at + 30:
                if all(request(u).status == 200 for u in ("/api/projects.geojson", "/healthz")):
                    recovered_at = time.monotonic()
                    break
                time.sleep(0.2)
            time.sleep(1)
            stop.set()
    finally:
        stop.set()
        server.stop()
    assert not [entry for entry in log if entry[2] == -1 or entry[2] >= 500 and entry[2] != 503], \
        "only 503s while the database is down: no 500, no dropped connection"
    # Allow 1 s for requests already past the database when it stopped.
    down = [entry for entry in log if stopped_at + 1 < entry[0] < restarted_at]
    assert down and {status for _, _, status, _ in down} == {503}
    assert all(content_type == "application/json" for _, _, _, content_type in down)
    assert {url for _, url, _, _ in down} >= {"/healthz", "/api/facets"}
    assert recovered_at is not None and recovered_at - restarted_at < 10, "recovers within seconds"
    assert any(status == 200 for t, _, status, _ in log if t > restarted_at)


def test_a_loader_killed_half_way_leaves_the_previous_data(cluster, tmp_path):
    before = _features(tmp_path, "before")
    version_before = _data_version(cluster)
    # Every project renamed: the load updates every row, and is killed once it has written some.
    data = json.loads((PROJECT_DIR / "geodata" / "data" / "projects.geojson").read_text())
    for feature in data["features"]:
        feature["properties"]["name"] += " (renamed)"
    changed = tmp_path / "projects.geojson"
    changed.write_text(json.dumps(data))
    environ = {**os.environ, **ENV, "GEOMEKONG_DEVELOPMENT": "1"}
    environ.pop("GEOMEKONG_TEST_DB", None)
    loader = subprocess.Popen([sys.executable, "manage.py", "load_geodata", "--projects", str(changed)],
                              cwd=PROJECT_DIR, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with cluster.connect(DB) as conn:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and loader.poll() is None:
            # A transaction that has written something has a transaction id.
            writing = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND "
                                   "backend_xid IS NOT NULL AND pid <> pg_backend_pid()", [DB]).fetchone()[0]
            if writing:
                loader.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
    loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL, "the loader was killed while writing"
    assert _features(tmp_path, "after") == before
    assert _data_version(cluster) == version_before


def _data_version(cluster) -> int:
    with cluster.connect(DB) as conn:
        return conn.execute("SELECT version FROM geodata_dataversion").fetchone()[0]


def test_backup_and_restore_round_trip_every_table(cluster, tmp_path):
    backup = tmp_path / "geomekong.dump"
    env = {**os.environ, **ENV, "BACKUP": str(backup), "RESTORE_DB": "geomekong_restored"}

    def run(script: str) -> subprocess.CompletedProcess:
        return subprocess.run([f"scripts/{script}"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                              timeout=300)

    made = run("backup.sh")
    assert made.returncode == 0, made.stderr
    restored = run("restore.sh")
    assert restored.returncode == 0, restored.stderr
    again = run("restore.sh")
    assert again.returncode != 0 and "exists" in again.stderr, "never over an existing database"
    restored_features = _features(tmp_path, "restored", GEOMEKONG_DB_NAME="geomekong_restored")
    assert restored_features == _features(tmp_path, "orig")
    assert _table_counts(cluster, "geomekong_restored") == _table_counts(cluster, DB)


def _table_counts(cluster, dbname: str) -> dict:
    with cluster.connect(dbname) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").fetchall()]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
