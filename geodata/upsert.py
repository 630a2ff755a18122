"""Writing a data file's features by slug, in the caller's transaction.

Only the rows that differ from the database are saved, so the counts say honestly what changed;
objects whose slug is no longer in the file are deleted.
"""

from collections.abc import Callable, Iterable

from django.db.models import Model, QuerySet

from geodata.validation import LoadCounts


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


def upsert_by_slug(
    *,
    queryset: QuerySet,
    rows: Iterable,
    unchanged: Callable[[Model, object], bool],
    before_save: Callable[[Model, object], None] = lambda obj, row: None,
    after_save: Callable[[Model, object], None] = lambda obj, row: None,
) -> tuple[LoadCounts, dict[str, Model]]:
    """Create or update one object per row (`row.slug`, `row.values`), delete the others.

    `unchanged(obj, row)` says whether an existing object can be left as it is; `before_save` and
    `after_save` write what `row.values` cannot (relations). Returns the counts and every row's
    object by slug.
    """
    model = queryset.model
    counts = LoadCounts()
    existing = {obj.slug: obj for obj in queryset}
    by_slug = {}
    for row in rows:
        obj = existing.get(row.slug)
        if obj is not None and unchanged(obj, row):
            counts.unchanged += 1
        else:
            if obj is None:
                obj = model(slug=row.slug)
                counts.created += 1
            else:
                counts.updated += 1
            for name, value in row.values.items():
                setattr(obj, name, value)
            before_save(obj, row)
            obj.save()
            after_save(obj, row)
        by_slug[row.slug] = obj
    _, deleted = queryset.exclude(slug__in=list(by_slug)).delete()  # only the caller's rows
    counts.deleted = deleted.get(model._meta.label, 0)
    return counts, by_slug
