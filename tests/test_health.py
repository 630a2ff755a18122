"""GET /healthz reports the database and PostGIS, or a clear 503 when PostGIS is unreachable."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_reports_postgis_version(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["postgis"].split(".")[0] == "3"


# Outside a test transaction, as in the running server.
@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_with_a_message_when_the_database_is_down(client):
    original_port = connection.settings_dict["PORT"]
    original_host = connection.settings_dict["HOST"]
    connection.close()
    # Nothing listens on port 9 of 127.0.0.1: the same failure as a stopped cluster.
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9")
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.update(HOST=original_host, PORT=original_port)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert "Cannot reach the PostGIS database" in body["message"]
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_healthz_recovers_once_the_database_is_back(client):
    connection.close()
    connection.settings_dict["PORT"], port = "9", connection.settings_dict["PORT"]
    connection.settings_dict["HOST"], host = "127.0.0.1", connection.settings_dict["HOST"]
    assert client.get("/healthz").status_code == 503
    connection.settings_dict.update(HOST=host, PORT=port)
    # Same process, no restart: the next request reconnects.
    assert client.get("/healthz").status_code == 200
