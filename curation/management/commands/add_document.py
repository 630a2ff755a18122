"""manage.py add_document PATH --slug --title --date --publisher [--url] [--kind]: add a document."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from geodata.documents import DocumentError, NewDocument, add_document
from geodata.models import Document


class Command(BaseCommand):
    help = ("Add a document (Markdown, plain text, HTML or PDF with a text layer): split into paragraphs "
            "with stable anchors by the generic parser and stored like the five sources (reader, search, "
            "map filter). Nothing is written when the file cannot be read.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--date", required=True,
                            help="YYYY-MM-DD (YYYY-MM or YYYY when only that is known)")
        parser.add_argument("--publisher", required=True)
        parser.add_argument("--url", default="")
        parser.add_argument("--kind", default="", choices=["", *Document.Kind.values])
        parser.add_argument("--short", default="", help="Short label (default: from the anchor prefix)")
        parser.add_argument("--prefix", default="", help="Anchor prefix (default: from the slug)")

    def handle(self, *args, path: Path, **options):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from exc
        names = ("slug", "title", "date", "publisher", "url", "kind", "short", "prefix")
        fields = {name: options[name] for name in names}
        try:
            document, report = add_document(name=path.name, data=data, new=NewDocument(**fields))
        except DocumentError as exc:
            raise CommandError(f"{exc} (nothing was written)") from exc
        paragraphs = document.paragraphs.order_by("order")
        self.stdout.write(f"{document.slug}: {paragraphs.count()} paragraphs, {report.sections.created} "
                          f"sections (anchors {paragraphs.first().anchor} … {paragraphs.last().anchor})")
        self.stdout.write(self.style.SUCCESS(f"Added {document.title} — /sources/{document.slug}/"))
