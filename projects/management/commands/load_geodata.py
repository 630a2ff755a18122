"""manage.py load_geodata: countries, corridors and projects from the curated GeoJSON files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from geodata.countries import DEFAULT_COUNTRIES_FILE
from geodata.validation import LoadError
from projects.services import DEFAULT_CORRIDORS_FILE, DEFAULT_PROJECTS_FILE, load_geodata


class Command(BaseCommand):
    help = ("Validate corridors.geojson, projects.geojson and countries.geojson, then load them in one "
            "transaction (upsert by slug, delete what the files no longer hold). On any problem nothing "
            "is written and every problem is listed.")

    def add_arguments(self, parser):
        parser.add_argument("--corridors", type=Path, default=DEFAULT_CORRIDORS_FILE)
        parser.add_argument("--projects", type=Path, default=DEFAULT_PROJECTS_FILE)
        parser.add_argument("--countries", type=Path, default=DEFAULT_COUNTRIES_FILE)
        parser.add_argument("--discard-edits", action="store_true",
                            help="Overwrite the features curators edited in the admin that the files do "
                                 "not hold (by default these are refused: run dump_geodata first)")

    def handle(self, *args, corridors: Path, projects: Path, countries: Path, discard_edits: bool, **options):
        try:
            report = load_geodata(corridors_path=corridors, projects_path=projects, countries_path=countries,
                                  discard_edits=discard_edits)
        except LoadError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(error.problems)} problem(s) found; nothing was written.") from None
        self.stdout.write(f"countries: {report.countries}")
        self.stdout.write(f"corridors: {report.corridors}")
        self.stdout.write(f"projects: {report.projects}")
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
