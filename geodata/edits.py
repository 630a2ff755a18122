"""Edits made in the admin that the data files do not hold yet.

load_geodata writes the files over the database; a feature whose latest version was saved by a
curator (simple-history records the user) and that the file would change or delete holds work that
only the database has. The loader refuses to overwrite it until the edits are dumped to the files
(manage.py dump_geodata) or explicitly discarded.
"""

from collections.abc import Callable, Mapping

from django.db.models import Model, QuerySet

from geodata.validation import Problem


def latest_versions(queryset: QuerySet) -> dict[int, object]:
    """Object id -> its latest historical record (one query)."""
    history = queryset.model.history.model.objects
    latest = (history.order_by("id", "-history_date", "-history_id").distinct("id")
              .select_related("history_user"))
    return {record.id: record for record in latest}


def unsaved_edits(*, queryset: QuerySet, rows: Mapping[str, object], file: str,
                  unchanged: Callable[[Model, object], bool]) -> list[Problem]:
    """A problem for each object last saved by a user that the file's row would change or delete."""
    problems = []
    versions = latest_versions(queryset)
    for obj in queryset:
        version = versions.get(obj.pk)
        if version is None or version.history_user_id is None:
            continue  # last written by a loader or a script, not by a curator
        row = rows.get(obj.slug)
        if row is not None and unchanged(obj, row):
            continue
        what = "deletes" if row is None else "overwrites"
        problems.append(Problem(
            file, obj.slug, "-",
            f"the file {what} an edit {version.history_user} made in the admin on "
            f"{version.history_date:%Y-%m-%d %H:%M} UTC; write the database to the files first "
            "(manage.py dump_geodata, then review and commit), or load with --discard-edits",
        ))
    return problems
