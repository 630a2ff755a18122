"""Writes: a document a curator adds (add_document, the admin upload), stored like the five sources.

The file is read (geodata.extract), split into paragraphs by the one generic parser
(geodata.parsing.generic_profile) and written in one transaction; anything wrong is refused with a
message naming the file, before anything is written.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.dispatch import Signal

from geodata.extract import ExtractError, extract_text, file_format
from geodata.models import Document
from geodata.parsing import ParsedDocument, ParseError, generic_profile, parse_document
from geodata.services import ImportReport, store_added_document

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PREFIX_MAX = Document._meta.get_field("anchor_prefix").max_length
SHORT_MAX = Document._meta.get_field("short").max_length


class DocumentError(ValueError):
    """The document cannot be added; the message names the file (and the field or line).
    `field` is the NewDocument field at fault, or "file" for the file itself."""

    def __init__(self, message: str, *, field: str = "file"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PreparedDocument:
    """A read and split document, ready to store."""

    values: dict
    parsed: ParsedDocument


@dataclass(frozen=True)
class NewDocument:
    """What the curator says of the document; `short` and `prefix` default to ones made from the slug."""

    slug: str
    title: str
    date: str  # YYYY-MM-DD (YYYY-MM or YYYY when only that is known)
    publisher: str
    url: str = ""
    kind: str = ""
    short: str = ""
    prefix: str = ""


def default_prefix(slug: str) -> str:
    """An anchor prefix from the slug: at most PREFIX_MAX characters, ending on a whole word."""
    if len(slug) <= PREFIX_MAX:
        return slug
    words, prefix = slug.split("-"), ""
    for word in words:
        candidate = f"{prefix}-{word}" if prefix else word
        if len(candidate) > PREFIX_MAX:
            break
        prefix = candidate
    return prefix or slug[:PREFIX_MAX]


def _checked(new: NewDocument, *, name: str) -> NewDocument:
    def refuse(field: str, message: str):
        raise DocumentError(f"{name}: {field}: {message}", field=field)

    if not _SLUG.fullmatch(new.slug or ""):
        refuse("slug", f"{new.slug!r} must be lower-case letters, digits and hyphens")
    if Document.objects.filter(slug=new.slug).exists():
        refuse("slug", f"a document with the slug {new.slug!r} exists already")
    if not new.title.strip():
        refuse("title", "is required")
    if not new.publisher.strip():
        refuse("publisher", "is required")
    if not _DATE.fullmatch(new.date or ""):
        refuse("date", f"{new.date!r} must be YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        parts = [int(p) for p in new.date.split("-")] + [1, 1]
        date(*parts[:3])
    except ValueError:
        refuse("date", f"{new.date!r} is not a date")
    if new.kind and new.kind not in Document.Kind.values:
        refuse("kind", f"unknown kind {new.kind!r} (allowed: {', '.join(Document.Kind.values)})")
    prefix = new.prefix or default_prefix(new.slug)
    if not _SLUG.fullmatch(prefix) or len(prefix) > PREFIX_MAX:
        refuse("prefix", f"{prefix!r} must be a slug of at most {PREFIX_MAX} characters")
    if Document.objects.filter(anchor_prefix=prefix).exists():
        refuse("prefix", f"the anchor prefix {prefix!r} is taken by another document (give --prefix)")
    short = new.short or prefix.upper()[:SHORT_MAX]
    return NewDocument(slug=new.slug, title=new.title.strip(), date=new.date, publisher=new.publisher.strip(),
                       url=new.url, kind=new.kind, short=short, prefix=prefix)


def prepare_document(*, name: str, data: bytes, new: NewDocument) -> PreparedDocument:
    """Read, check and split one document without writing; raises DocumentError naming the file."""
    try:
        source_format = file_format(name)
        text = extract_text(name=name, data=data)
    except ExtractError as exc:
        raise DocumentError(str(exc)) from exc
    new = _checked(new, name=name)
    stored_name = f"{new.slug}.md"
    try:
        profile = generic_profile(prefix=new.prefix, text=text, source_format=source_format)
        parsed = parse_document(text, file_name=name, profile=profile)
    except ParseError as exc:
        raise DocumentError(str(exc)) from exc
    values = {
        "slug": new.slug, "short": new.short, "anchor_prefix": new.prefix, "title": new.title,
        "date_text": new.date, "year": int(new.date[:4]), "publisher": new.publisher, "url": new.url,
        "kind": new.kind, "file_name": stored_name, "source_format": source_format, "text": text,
        # The checksum of the text as stored: the file dump_geodata writes and import_sources reads.
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    return PreparedDocument(values=values, parsed=parsed)


# Sent (inside the storing transaction) with document=... when a curator adds a document: the
# curation app proposes what it names. geodata knows nothing of its receivers.
document_added = Signal()


def store_document(prepared: PreparedDocument) -> tuple[Document, ImportReport]:
    with transaction.atomic():
        document, report = store_added_document(values=prepared.values, parsed=prepared.parsed)
        document_added.send(sender=Document, document=document)
        return document, report


def add_document(*, name: str, data: bytes, new: NewDocument) -> tuple[Document, ImportReport]:
    """Read, split and store one document in one transaction; raises DocumentError naming the file."""
    return store_document(prepare_document(name=name, data=data, new=new))
