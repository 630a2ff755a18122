"""gunicorn settings for `make serve` (scripts/serve.sh), sized for a 2-core machine.

gthread: 2 worker processes (one per core: a process runs Python on one core at a time) with
4 threads each. A request spends most of its time waiting for PostGIS, which builds the JSON,
so threads keep both cores and PostgreSQL busy; 8 requests are served at once and more wait in
the listen backlog. Each thread holds at most one database connection, so every worker gets a
pool of `threads` connections: 2 x 4 = 8 per web host (start-up checks that against the
server's max_connections). Override with GEOMEKONG_WORKERS / GEOMEKONG_THREADS (e.g.
workers = cores, threads = 4 on a bigger machine).
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("GEOMEKONG_WORKERS", "2"))
threads = int(os.environ.get("GEOMEKONG_THREADS", "4"))
os.environ["GEOMEKONG_DB_POOL_SIZE"] = os.environ.get("GEOMEKONG_DB_POOL_SIZE") or str(threads)

# Exports of large selections take a while; anything slower is stuck.
timeout = 120
graceful_timeout = 30
keepalive = 5
# Above the application's own limits (4,096-character addresses, 100 parameters), so clients
# get its JSON 414/400; longer lines get gunicorn's 414, in JSON too (post_worker_init).
limit_request_line = 8190
limit_request_fields = 100
# A fresh process now and then (jittered so both never restart together).
max_requests = 20_000
max_requests_jitter = 2_000
preload_app = True
# gunicorn 27's control socket lives at one path per user: several servers on a machine would clash.
control_socket_disable = True
accesslog = os.environ.get("GEOMEKONG_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
errorlog = "-"

# Connections left for loaders, the admin, psql and the superuser.
RESERVED_CONNECTIONS = 10


def on_starting(server):
    """Refuse to start when the pools could exhaust PostgreSQL's max_connections."""
    import psycopg
    from django.conf import settings
    from django.db import connections

    per_worker = int(os.environ["GEOMEKONG_DB_POOL_SIZE"])
    for alias in settings.DATABASES:
        # A plain connection: the pool must not be opened in the master process (it does not
        # survive the fork).
        params = connections[alias].get_connection_params()
        try:
            with psycopg.connect(**params, connect_timeout=5) as conn:
                max_connections = int(conn.execute("SHOW max_connections").fetchone()[0])
        except psycopg.Error as exc:
            server.log.warning("database %s: cannot check max_connections (%s)", alias, exc)
            continue
        needed = workers * per_worker
        budget = max_connections - RESERVED_CONNECTIONS
        server.log.info("database %s: %d workers x pool of %d = %d connections (max_connections %d)",
                        alias, workers, per_worker, needed, max_connections)
        if needed > budget:
            raise SystemExit(f"{workers} workers x {per_worker} pooled connections = {needed} exceeds "
                             f"max_connections {max_connections} - {RESERVED_CONNECTIONS} reserved on "
                             f"{alias}; lower GEOMEKONG_WORKERS/GEOMEKONG_THREADS or raise max_connections")


def post_worker_init(worker):
    """Requests gunicorn refuses itself (e.g. a request line over 8,190 bytes) get JSON too."""
    from geomekong.gunicorn_errors import use_json_errors

    use_json_errors()
