"""Writes: import the source documents (manifest + files) into documents, sections and paragraphs.

The import is idempotent and atomic. Rows are compared and upserted by their stable keys (slug,
anchor, section order) and never deleted and recreated, because corridor and project mentions
point at paragraphs. Every file is parsed before anything is written, and all writes happen in one
transaction: a broken file leaves the database as it was.
"""

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import F

from geodata.models import Document, Paragraph, Pillar, Section, Theme
from geodata.parsing import (
    GENERIC,
    PROFILES,
    ParsedDocument,
    ParseError,
    Profile,
    generic_profile,
    parse_document,
)
from geodata.pillars import PILLARS, THEMES, PillarDef, pillar_slug
from geodata.upsert import Counts, delete_rows, save_changed

DEFAULT_SOURCE_DIR = Path(__file__).resolve().parent / "data" / "sources"
MANIFEST = "manifest.toml"
# Orders are unique per document; rows whose order changes park here first so updates never collide.
ORDER_PARKING = 1_000_000


class SourceDataError(ValueError):
    """The manifest or the pillar definitions do not match the files."""


@dataclass
class ImportReport:
    themes: Counts = field(default_factory=Counts)
    documents: Counts = field(default_factory=Counts)
    pillars: Counts = field(default_factory=Counts)
    sections: Counts = field(default_factory=Counts)
    paragraphs: Counts = field(default_factory=Counts)
    paragraphs_per_document: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.deleted for c in self._all())

    def _all(self) -> list[Counts]:
        return [self.themes, self.documents, self.pillars, self.sections, self.paragraphs]

    def lines(self) -> list[str]:
        names = ["themes", "documents", "pillars", "sections", "paragraphs"]
        out = [f"{name}: {counts}" for name, counts in zip(names, self._all(), strict=True)]
        out += [f"  {slug}: {n} paragraphs" for slug, n in self.paragraphs_per_document.items()]
        return out


@dataclass(frozen=True)
class _Source:
    entry: dict
    sha256: str
    parsed: ParsedDocument
    profile: Profile
    text: str  # kept for the documents the generic parser reads (dump_geodata writes it back)


def import_sources(*, source_dir: Path = DEFAULT_SOURCE_DIR) -> ImportReport:
    """Import every document listed in source_dir/manifest.toml; returns what changed."""
    sources = [_read_source(entry, source_dir=source_dir) for entry in _load_manifest(source_dir)]
    report = ImportReport()
    with transaction.atomic():
        themes = _upsert_themes(report.themes)
        for source in sources:
            _import_document(source, themes=themes, report=report)
        slugs = [s.entry["slug"] for s in sources]
        # Documents a curator added and has not dumped to the files yet are not the manifest's to delete.
        report.documents.deleted += delete_rows(
            Document.objects.exclude(slug__in=slugs).exclude(origin=Document.Origin.ADDED))
        report.themes.deleted += delete_rows(
            Theme.objects.exclude(slug__in=[t.slug for t in THEMES]).filter(pillars__isnull=True))
    return report


def _load_manifest(source_dir: Path) -> list[dict]:
    path = source_dir / MANIFEST
    try:
        manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourceDataError(f"{path} is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceDataError(f"{MANIFEST}: {exc}") from exc
    entries = manifest.get("document", [])
    for entry in entries:
        missing = {"slug", "short", "file", "title", "date"} - entry.keys()
        if missing:
            raise SourceDataError(f"{MANIFEST}: document {entry.get('slug', '?')} lacks {sorted(missing)}")
        if entry.get("parser") == GENERIC:
            missing = {"prefix", "format"} - entry.keys()
            if missing:
                raise SourceDataError(f"{MANIFEST}: generic document {entry['slug']} lacks {sorted(missing)}")
        elif entry["slug"] not in PROFILES:
            raise SourceDataError(f"{MANIFEST}: no parsing profile for document {entry['slug']} "
                                  f"(give it parser = \"{GENERIC}\", a prefix and its format)")
    return entries


def _read_source(entry: dict, *, source_dir: Path) -> _Source:
    path = source_dir / entry["file"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceDataError(f"{entry['file']} is listed in {MANIFEST} but missing") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(file_name=entry["file"], line=raw[: exc.start].count(b"\n") + 1,
                         message="not valid UTF-8") from exc
    generic = entry.get("parser") == GENERIC
    if generic:
        profile = generic_profile(prefix=entry["prefix"], text=text, source_format=entry["format"])
    else:
        profile = PROFILES[entry["slug"]]
    parsed = parse_document(text, file_name=entry["file"], profile=profile)
    return _Source(entry=entry, sha256=hashlib.sha256(raw).hexdigest(), parsed=parsed, profile=profile,
                   text=text if generic else "")


def _get_or_create(model, *, lookup: dict, values: dict, counts: Counts):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        counts.created += 1
        return model.objects.create(**lookup, **values)
    save_changed(obj, values=values, counts=counts)
    return obj


def _upsert_themes(counts: Counts) -> dict[str, Theme]:
    return {
        theme.slug: _get_or_create(Theme, lookup={"slug": theme.slug},
                                   values={"name": theme.name, "order": order}, counts=counts)
        for order, theme in enumerate(THEMES)
    }


def _import_document(source: _Source, *, themes: dict[str, Theme], report: ImportReport) -> None:
    entry, profile = source.entry, source.profile
    date_text = str(entry["date"])
    document = _get_or_create(Document, lookup={"slug": entry["slug"]}, counts=report.documents, values={
        "short": entry["short"], "anchor_prefix": profile.prefix, "title": entry["title"],
        "date_text": date_text, "year": int(date_text[:4]), "date_note": entry.get("date_note", ""),
        "publisher": entry.get("publisher", ""), "adopted_at": entry.get("adopted_at", ""),
        "structure": entry.get("structure", ""), "file_name": entry["file"], "sha256": source.sha256,
        "kind": entry.get("kind", ""), "url": entry.get("url", ""), "origin": Document.Origin.MANIFEST,
        "source_format": entry.get("format", "") if entry.get("parser") == GENERIC else "",
        "text": source.text,
    })
    definitions = PILLARS.get(entry["slug"], ())
    pillars = _upsert_pillars(document, definitions=definitions, themes=themes, counts=report.pillars)
    section_pillars = _section_pillars(source, definitions=definitions, pillars=pillars)
    sections = _upsert_sections(document, source.parsed, section_pillars=section_pillars,
                                counts=report.sections)
    whole = next((pillars[d.code] for d in definitions if d.whole_document), None)
    _upsert_paragraphs(document, source.parsed, sections=sections, section_pillars=section_pillars,
                       whole_document_pillar=whole, counts=report.paragraphs)
    report.paragraphs_per_document[document.slug] = len(source.parsed.paragraphs)


def store_added_document(*, values: dict, parsed: ParsedDocument) -> tuple[Document, ImportReport]:
    """A document a curator adds (no pillars), with its sections and paragraphs; in the caller's
    transaction. The caller has checked that the slug and anchor prefix are free."""
    report = ImportReport()
    document = Document.objects.create(origin=Document.Origin.ADDED, **values)
    report.documents.created += 1
    sections = _upsert_sections(document, parsed, section_pillars={s.order: None for s in parsed.sections},
                                counts=report.sections)
    _upsert_paragraphs(document, parsed, sections=sections, section_pillars={}, whole_document_pillar=None,
                       counts=report.paragraphs)
    report.paragraphs_per_document[document.slug] = len(parsed.paragraphs)
    return document, report


def _upsert_pillars(document: Document, *, definitions: tuple[PillarDef, ...], themes: dict[str, Theme],
                    counts: Counts) -> dict[str, Pillar]:
    pillars = {}
    for order, definition in enumerate(definitions):
        slug = pillar_slug(prefix=document.anchor_prefix, code=definition.code)
        pillars[definition.code] = _get_or_create(Pillar, lookup={"slug": slug}, counts=counts, values={
            "document_id": document.pk, "code": definition.code, "name": definition.name,
            "theme_id": themes[definition.theme].pk, "order": order,
        })
    stale = Pillar.objects.filter(document=document).exclude(pk__in=[p.pk for p in pillars.values()])
    counts.deleted += delete_rows(stale)
    return pillars


def _section_pillars(source: _Source, *, definitions: tuple[PillarDef, ...],
                     pillars: dict[str, Pillar]) -> dict[int, Pillar | None]:
    """Section order -> pillar, named directly or inherited from the parent section."""
    by_key = {key: pillars[d.code] for d in definitions for key in d.sections}
    sections = source.parsed.sections
    unknown = set(by_key) - {s.key for s in sections}
    if unknown:
        raise SourceDataError(f"geodata/pillars.py names sections not found in {source.entry['file']}: "
                              f"{sorted(unknown)}")
    result: dict[int, Pillar | None] = {}
    for section in sections:  # parents come before their children
        inherited = result.get(section.parent_order) if section.parent_order is not None else None
        result[section.order] = by_key.get(section.key, inherited)
    return result


def _upsert_sections(document: Document, parsed: ParsedDocument, *, section_pillars: dict[int, Pillar | None],
                     counts: Counts) -> dict[int, Section]:
    existing = {s.order: s for s in Section.objects.filter(document=document)}
    counts.deleted += delete_rows(Section.objects.filter(document=document, order__gte=len(parsed.sections)))
    sections: dict[int, Section] = {}
    for parsed_section in parsed.sections:
        pillar = section_pillars[parsed_section.order]
        parent = sections[parsed_section.parent_order] if parsed_section.parent_order is not None else None
        values = {
            "label": parsed_section.label, "title": parsed_section.title, "level": parsed_section.level,
            "path": parsed_section.path, "parent_id": parent.pk if parent else None,
            "pillar_id": pillar.pk if pillar else None,
        }
        section = existing.get(parsed_section.order)
        if section is None:
            section = Section.objects.create(document=document, order=parsed_section.order, **values)
            counts.created += 1
        else:
            save_changed(section, values=values, counts=counts)
        sections[parsed_section.order] = section
    return sections


def _upsert_paragraphs(document: Document, parsed: ParsedDocument, *, sections: dict[int, Section],
                       section_pillars: dict[int, Pillar | None], whole_document_pillar: Pillar | None,
                       counts: Counts) -> None:
    anchors = [p.anchor for p in parsed.paragraphs]
    counts.deleted += delete_rows(Paragraph.objects.filter(document=document).exclude(anchor__in=anchors))
    existing = {p.anchor: p for p in Paragraph.objects.filter(document=document)}
    new_order = {p.anchor: p.order for p in parsed.paragraphs}
    moving = [p.pk for p in existing.values() if p.order != new_order[p.anchor]]
    if moving:
        Paragraph.objects.filter(pk__in=moving).update(order=F("order") + ORDER_PARKING)
        for paragraph in existing.values():
            if paragraph.pk in moving:
                paragraph.order += ORDER_PARKING

    def values_for(parsed_paragraph) -> dict:
        section_order = parsed_paragraph.section_order
        pillar = section_pillars.get(section_order) if section_order is not None else None
        pillar = pillar or whole_document_pillar
        parent = existing.get(parsed_paragraph.parent_anchor) if parsed_paragraph.parent_anchor else None
        return {
            "section_id": sections[section_order].pk if section_order is not None else None,
            "parent_id": parent.pk if parent else None,
            "label": parsed_paragraph.label, "kind": parsed_paragraph.kind,
            "section_path": sections[section_order].path if section_order is not None else "",
            "pillar_id": pillar.pk if pillar else None,
            "text": parsed_paragraph.text, "order": parsed_paragraph.order,
        }

    # Parents come before their nested bullets, so a parent's primary key is always known here.
    for parsed_paragraph in parsed.paragraphs:
        paragraph = existing.get(parsed_paragraph.anchor)
        values = values_for(parsed_paragraph)
        if paragraph is None:
            existing[parsed_paragraph.anchor] = Paragraph.objects.create(
                document=document, anchor=parsed_paragraph.anchor, **values)
            counts.created += 1
        else:
            save_changed(paragraph, values=values, counts=counts)

