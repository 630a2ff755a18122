"""manage.py dump_geodata: write the database's corridors, projects and added documents as files."""

from pathlib import Path

from django.core.management.base import BaseCommand

from curation.dump import DEFAULT_DATA_DIR, dump_geodata


class Command(BaseCommand):
    help = ("Write corridors.geojson, projects.geojson and the documents curators added (a Markdown file "
            "each and their manifest entries) in the geodata/data/ format: sorted by slug, stable, so the "
            "edits made in the admin can be reviewed and committed as files. load_geodata of the output "
            "changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=DEFAULT_DATA_DIR,
                            help="Folder to write (default: geodata/data, the committed files)")

    def handle(self, *args, out: Path, **options):
        report = dump_geodata(out_dir=out)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"{len(report.written)} file(s) written, "
                                             f"{len(report.unchanged)} unchanged"))
