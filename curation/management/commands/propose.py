"""manage.py propose --document S: what a document's paragraphs name that the map does not link yet."""

from django.core.management.base import BaseCommand, CommandError

from curation.proposals import propose_for_document
from geodata.models import Document


class Command(BaseCommand):
    help = "Propose mentions, stated facts and unmapped places for a document (review them in the admin)."

    def add_arguments(self, parser):
        parser.add_argument("--document", required=True, help="the document's slug")

    def handle(self, *args, document, **options):
        found = Document.objects.filter(slug=document).first()
        if found is None:
            raise CommandError(
                f"unknown document {document!r}; known: "
                + ", ".join(Document.objects.values_list("slug", flat=True))
            )
        self.stdout.write(str(propose_for_document(found)))
