"""Writes: the database back to the geodata/data/ files, so curators' edits are reviewed and committed
as files. Corridors and projects become corridors.geojson and projects.geojson (see files.py); the
documents curators added become a Markdown file each plus their entry in sources/manifest.toml."""

import json
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from curation.files import corridors_text, projects_text
from geodata.models import Document
from geodata.parsing import GENERIC, PROFILES
from geodata.services import DEFAULT_SOURCE_DIR, MANIFEST

DEFAULT_DATA_DIR = DEFAULT_SOURCE_DIR.parent
# The manifest keys of an added document, in the order they are written.
MANIFEST_KEYS = ("slug", "short", "file", "title", "date", "publisher", "url", "kind", "parser", "prefix",
                 "format")


@dataclass
class DumpReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        return ([f"written: {p}" for p in self.written] + [f"unchanged: {p}" for p in self.unchanged])


def _write(path: Path, text: str, report: DumpReport) -> None:
    """Write only what differs, so an unchanged file keeps its time stamp and git sees nothing."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        report.unchanged.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report.written.append(path)


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), kept readable with ensure_ascii off.
    return json.dumps(value, ensure_ascii=False)


def manifest_entry(document: Document) -> str:
    values = {
        "slug": document.slug, "short": document.short, "file": document.file_name, "title": document.title,
        "date": document.date_text, "publisher": document.publisher, "url": document.url,
        "kind": document.kind, "parser": GENERIC, "prefix": document.anchor_prefix,
        "format": document.source_format,
    }
    lines = [f"{key} = {_toml_string(values[key])}" for key in MANIFEST_KEYS if values[key]]
    return "[[document]]\n" + "\n".join(lines) + "\n"


def _profiled_part(manifest_text: str) -> str:
    """The committed manifest's header and the entries of the documents with a parsing profile (the
    five sources), verbatim; the generic documents' entries are written from the database."""
    blocks = manifest_text.split("[[document]]")
    kept = [blocks[0].rstrip("\n") + "\n"]
    for block in blocks[1:]:
        slug = tomllib.loads("[[document]]" + block)["document"][0]["slug"]
        if slug in PROFILES:
            kept.append("[[document]]" + block.rstrip("\n") + "\n")
    return "\n".join(kept)


def dump_sources(*, out_dir: Path, report: DumpReport) -> None:
    source_manifest = (DEFAULT_SOURCE_DIR / MANIFEST).read_text(encoding="utf-8")
    generic = Document.objects.exclude(source_format="").order_by("date_text", "slug")
    parts = [_profiled_part(source_manifest)] + [manifest_entry(d) for d in generic]
    _write(out_dir / MANIFEST, "\n".join(parts), report)
    for document in generic:
        _write(out_dir / document.file_name, document.text, report)
    if out_dir.resolve() != DEFAULT_SOURCE_DIR.resolve():
        # A complete sources folder elsewhere: the five profiled documents' files are copied as they are.
        for entry in tomllib.loads(source_manifest)["document"]:
            if entry["slug"] in PROFILES:
                source, target = DEFAULT_SOURCE_DIR / entry["file"], out_dir / entry["file"]
                if not target.exists() or target.read_bytes() != source.read_bytes():
                    shutil.copyfile(source, target)
                    report.written.append(target)


def dump_geodata(*, out_dir: Path = DEFAULT_DATA_DIR) -> DumpReport:
    report = DumpReport()
    _write(out_dir / "corridors.geojson", corridors_text(), report)
    _write(out_dir / "projects.geojson", projects_text(), report)
    dump_sources(out_dir=out_dir / "sources", report=report)
    return report
