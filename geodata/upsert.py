"""Writing rows by their stable key, in the caller's transaction: the one upsert helper and the one
counter of the loaders (documents, countries, corridors, projects).

Only the rows that differ from the database are saved, so the counts say honestly what changed;
objects of the caller's queryset whose key is no longer given are deleted (only those: a filtered
queryset leaves every other row alone).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass
class Counts:
    """What a load did to one kind of row."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def __str__(self):
        return (f"{self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.deleted} deleted")


def save_changed(obj: Model, *, values: dict, counts: Counts) -> bool:
    """Set the values that differ and save only those fields; True when something changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        counts.unchanged += 1
        return False
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    counts.updated += 1
    return True


def delete_rows(queryset: QuerySet) -> int:
    """Delete the queryset's rows; the number of them (not of cascaded rows)."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def same_values(obj: Model, values: dict) -> bool:
    """Whether the object already holds these field values (geometries: same type, exactly equal)."""
    for name, value in values.items():
        current = getattr(obj, name)
        if name == "geom":
            if current.geom_type != value.geom_type or not current.equals_exact(value, 0):
                return False
        elif current != value:
            return False
    return True


def upsert(
    *,
    queryset: QuerySet,
    rows: Iterable,
    unchanged: Callable[[Model, object], bool],
    key: str = "slug",
    before_save: Callable[[Model, object], None] = lambda obj, row: None,
    after_save: Callable[[Model, object], None] = lambda obj, row: None,
) -> tuple[Counts, dict[str, Model]]:
    """Create or update one object per row (its `key` attribute, `row.values`), delete the
    queryset's other rows.

    `unchanged(obj, row)` says whether an existing object can be left as it is; `before_save` and
    `after_save` write what `row.values` cannot (relations). Returns the counts and every row's
    object by key.
    """
    model = queryset.model
    counts = Counts()
    existing = {getattr(obj, key): obj for obj in queryset}
    by_key = {}
    for row in rows:
        row_key = getattr(row, key)
        obj = existing.get(row_key)
        if obj is not None and unchanged(obj, row):
            counts.unchanged += 1
        else:
            if obj is None:
                obj = model(**{key: row_key})
                counts.created += 1
            else:
                counts.updated += 1
            for name, value in row.values.items():
                setattr(obj, name, value)
            before_save(obj, row)
            obj.save()
            after_save(obj, row)
        by_key[row_key] = obj
    counts.deleted = delete_rows(queryset.exclude(**{f"{key}__in": list(by_key)}))  # only the caller's rows
    return counts, by_key
