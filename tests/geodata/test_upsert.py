"""geodata.upsert.upsert: one helper for every loader, safe with a filtered queryset."""

from types import SimpleNamespace

from geodata.models import Theme
from geodata.upsert import same_values, upsert


def _rows(*pairs):
    return [SimpleNamespace(slug=slug, values={"name": name, "order": order}) for slug, name, order in pairs]


def test_a_filtered_queryset_deletes_only_its_own_rows(db):
    for order, slug in enumerate(["alpha", "beta", "gamma"]):
        Theme.objects.create(slug=slug, name=slug.title(), order=order)
    counts, by_key = upsert(queryset=Theme.objects.filter(slug__in=["alpha", "beta"]),
                            rows=_rows(("alpha", "Alpha", 0)),
                            unchanged=lambda obj, row: same_values(obj, row.values))
    assert (counts.unchanged, counts.deleted) == (1, 1)
    assert sorted(Theme.objects.values_list("slug", flat=True)) == ["alpha", "gamma"]
    assert set(by_key) == {"alpha"}


def test_it_counts_what_it_creates_updates_and_leaves(db):
    Theme.objects.create(slug="alpha", name="Alpha", order=0)
    counts, _ = upsert(queryset=Theme.objects.all(), rows=_rows(("alpha", "Alpha!", 0), ("beta", "Beta", 1)),
                       unchanged=lambda obj, row: same_values(obj, row.values))
    assert str(counts) == "1 created, 1 updated, 0 unchanged, 0 deleted"
    assert Theme.objects.get(slug="alpha").name == "Alpha!"
