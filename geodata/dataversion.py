"""The version of the published data: what ETag and Last-Modified are made of.

Every write to a table of the project's own apps bumps geodata.DataVersion in the writing
transaction, through a statement-level trigger (`geomekong_bump_data_version()`, created by
migration geodata 0003). The triggers are (re)installed after every `migrate` on every table of
every project app, so new models (admin-edited curation tables, history tables) are covered
without code of their own. Triggers rather than Django model signals: signals miss
bulk_create/update/QuerySet.delete and raw SQL, and a post_delete receiver would turn Django's
fast deletes (one DELETE) into loading every row first. One bump per statement, not per row.

`bump()` is the service for writes that do not go through those tables.
"""

from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.db import connections

TRIGGER = "geomekong_data_version"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def current(*, using: str = "default") -> tuple[int, datetime]:
    """(version, changed_at) as the database `using` sees it; (0, epoch) before the first write."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT version, changed_at FROM geodata_dataversion WHERE id = 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, EPOCH)


def bump(*, using: str = "default") -> None:
    """Mark the published data as changed (inside the caller's transaction, if any)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "INSERT INTO geodata_dataversion (id, version, changed_at) VALUES (1, 1, clock_timestamp()) "
            "ON CONFLICT (id) DO UPDATE SET version = geodata_dataversion.version + 1, "
            "changed_at = clock_timestamp()"
        )


def _is_project_app(app_config) -> bool:
    path = str(app_config.path)
    return path.startswith(str(settings.BASE_DIR)) and "site-packages" not in path


def data_tables() -> list[str]:
    """Every table of the project's apps (with many-to-many tables), except the version itself."""
    tables = set()
    for app_config in apps.get_app_configs():
        if not _is_project_app(app_config):
            continue
        for model in app_config.get_models(include_auto_created=True):
            meta = model._meta
            if meta.managed and not meta.proxy and meta.db_table != "geodata_dataversion":
                tables.add(meta.db_table)
    return sorted(tables)


def install_triggers(*, using: str = "default") -> list[str]:
    """Create (or replace) the bump trigger on every data table that exists; returns those tables."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if "geodata_dataversion" not in existing:
        return []
    tables = [t for t in data_tables() if t in existing]
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {qn(table)} FOR EACH STATEMENT EXECUTE FUNCTION geomekong_bump_data_version()"
            )
    return tables


def install_triggers_after_migrate(sender, *, using: str = "default", **kwargs) -> None:
    install_triggers(using=using)
