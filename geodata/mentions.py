"""Curated links between a mapped feature and the paragraphs its data file cites.

Corridors and projects keep them the same way (through a MentionBase table); only the fields a
link carries differ (a corridor's: note; a project's: stage, year and note).
"""

from geodata.models import Origin, Paragraph

# anchor -> the link's fields, e.g. {"ap2012-1.1-07": {"stage": "implementation", "year": None, "note": ""}}
CitedSources = dict[str, dict]


_REASON = "Refers to it without naming it: "


def mention_note(source: dict) -> str:
    """The note a curated link stores: the file's note, and the reason when the paragraph refers to
    the feature without naming it (see check_named)."""
    note, reason = (source.get("note") or "").strip(), (source.get("reason") or "").strip()
    if not reason:
        return note
    return f"{note} {_REASON}{reason}".strip()


def split_mention_note(note: str) -> tuple[str, str]:
    """The file's note and reason back from a stored note (mention_note's inverse; dump_geodata)."""
    head, marker, reason = note.partition(_REASON)
    return (head.strip(), reason.strip()) if marker else (note, "")


def curated_sources(*, mentions, fields: tuple[str, ...]) -> CitedSources:
    """The curated links of one feature (its `mentions` related manager), in the file's shape."""
    rows = mentions.filter(origin=Origin.CURATED).values("paragraph__anchor", *fields)
    return {row.pop("paragraph__anchor"): row for row in rows}


def sync_curated_mentions(*, mentions, sources: CitedSources) -> None:
    """The file's sources become curated links (an automatic link to the same paragraph is promoted);
    curated links the file no longer cites are removed."""
    paragraphs = Paragraph.objects.in_bulk(list(sources), field_name="anchor")
    for anchor, fields in sources.items():
        mentions.update_or_create(paragraph=paragraphs[anchor], defaults={"origin": Origin.CURATED, **fields})
    mentions.filter(origin=Origin.CURATED).exclude(paragraph__anchor__in=list(sources)).delete()
