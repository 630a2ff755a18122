"""Read replicas with PostgreSQL's own streaming replication: a replica of the local cluster
(pg_basebackup -R, another port) serves the API's reads; a write on the primary reaches the API
through it; with the replica gone, reads fall back to the primary."""

import time

import pytest
from django.db import connection

from tests.serving.clusters import DB_USER, SPARE_PG_PORT, copy_of_local_cluster
from tests.serving.factories import make_project
from tests.serving.live import request, start_server

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def replica():
    standby = copy_of_local_cluster("test-replica", standby=True)
    yield standby
    standby.remove()


def _slugs(body) -> set[str]:
    return {feature["id"] for feature in body["features"]}


def _wait_for(predicate, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_the_api_reads_from_the_replica_and_sees_the_primarys_writes(replica):
    database = connection.settings_dict["NAME"]  # the test database, on the primary
    with replica.connect(database) as standby:
        assert standby.execute("SELECT pg_is_in_recovery()").fetchone()[0] is True
    server = start_server(name="replica", env={
        "GEOMEKONG_DB_NAME": database, "GEOMEKONG_RATE_LIMIT": "off",
        "DATABASE_REPLICA_URLS": f"postgis://{DB_USER}@127.0.0.1:{SPARE_PG_PORT}/{database}"})
    try:
        url = "/api/projects.geojson"
        assert _slugs(request(url).json()) == set()

        # Replay paused: the primary has the new project, the API (reading the replica) not yet.
        with replica.connect(database) as standby:
            standby.execute("SELECT pg_wal_replay_pause()")
            make_project(slug="replicated-port", name="Replicated Port")
            time.sleep(1)
            assert _slugs(request(url).json()) == set(), "the API reads the replica, not the primary"
            standby.execute("SELECT pg_wal_replay_resume()")
        assert _wait_for(lambda: _slugs(request(url).json()) == {"replicated-port"}), \
            "the write on the primary reaches the API through the replica"

        # Without the replica the API reads from the primary (after waiting for it once).
        replica.stop("immediate")
        make_project(slug="second-port", name="Second Port")
        reply = request(url)
        assert reply.status == 200
        assert _slugs(reply.json()) == {"replicated-port", "second-port"}
        assert request("/healthz").status == 200
    finally:
        server.stop()
