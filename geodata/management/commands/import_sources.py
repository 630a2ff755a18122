"""manage.py import_sources: load the source documents into documents, sections and paragraphs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from geodata.parsing import ParseError
from geodata.services import DEFAULT_SOURCE_DIR, SourceDataError, import_sources


class Command(BaseCommand):
    help = "Import the source documents listed in geodata/data/sources/manifest.toml (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR,
                            help="Folder holding manifest.toml and the documents")

    def handle(self, *args, source_dir: Path, **options):
        try:
            report = import_sources(source_dir=source_dir)
        except (ParseError, SourceDataError) as exc:
            # Nothing was written: the import runs in one transaction after parsing every file.
            raise CommandError(f"{exc} (database unchanged)") from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Sources imported" if report.changed else
                                             "Sources unchanged"))
