"""Reads of the public site to the read replicas, everything else to the primary.

DATABASE_REPLICA_URLS (geomekong.database) defines replica_1, replica_2, ...; a request that
only reads (GET, HEAD, OPTIONS outside /admin/) may use them: geomekong.middleware.replicas
marks it, and its first read picks one replica for the whole request (consistent reads, replicas
taken in turn). Writes, the admin, management commands and tests use the primary ("default"),
so a loader or an editor reads what it just wrote. A replica that does not answer is skipped for
a few seconds and the read goes to the next one, then to the primary.

Raw SQL reads use geodata.db.read_connection(), which asks this router too.
"""

import contextvars
import itertools
import logging
import threading
import time

from django.conf import settings
from django.db import connections

logger = logging.getLogger("geomekong.replicas")

PRIMARY = "default"
CHOOSE = "?"  # a read-only request whose replica is not chosen yet
SKIP_DOWN_REPLICA_S = 5.0
_read_alias: contextvars.ContextVar[str | None] = contextvars.ContextVar("geomekong_read_alias", default=None)
_down_until: dict[str, float] = {}
_lock = threading.Lock()
_turn = itertools.count()


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


def begin_read_only_request() -> contextvars.Token:
    return _read_alias.set(CHOOSE if replica_aliases() else None)


def end_request(token: contextvars.Token) -> None:
    _read_alias.reset(token)


def _answers(alias: str) -> bool:
    try:
        connections[alias].ensure_connection()
        return True
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "use another"
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        logger.warning("replica %s does not answer; reading elsewhere for %g s: %s", alias,
                       SKIP_DOWN_REPLICA_S, first_line)
        with _lock:
            _down_until[alias] = time.monotonic() + SKIP_DOWN_REPLICA_S
        return False


def _choose() -> str:
    replicas = replica_aliases()
    start = next(_turn) % len(replicas)
    now = time.monotonic()
    for alias in replicas[start:] + replicas[:start]:
        if _down_until.get(alias, 0.0) <= now and _answers(alias):
            return alias
    return PRIMARY


def read_alias() -> str:
    state = _read_alias.get()
    if state is None:
        return PRIMARY
    if state == CHOOSE:
        state = _choose()
        _read_alias.set(state)
    return state


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        # Inside a transaction on the primary, read there: it may hold uncommitted writes.
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return read_alias()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
