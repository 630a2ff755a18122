"""The database connection for raw SQL reads: the one the router picks (a read replica for the
public site's requests when there are replicas, else the primary)."""

from django.db import connections, router


def read_connection(model=None):
    return connections[router.db_for_read(model)]
