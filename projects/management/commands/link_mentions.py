"""manage.py link_mentions: link paragraphs to the corridors and projects they name."""

from django.core.management.base import BaseCommand

from projects.services import link_mentions


class Command(BaseCommand):
    help = ("Find the paragraphs that name each corridor and project (by name and aliases) and record "
            "automatic links; curated links stay as they are. Also stores the names the text gives "
            "that no feature matches, for the coverage page.")

    def handle(self, *args, **options):
        report = link_mentions()
        self.stdout.write(str(report))
        for ambiguity in report.ambiguities:
            self.stderr.write(f"ambiguous: {ambiguity}")
