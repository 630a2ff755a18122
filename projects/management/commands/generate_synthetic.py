"""manage.py generate_synthetic: fill the database with generated projects to test the map at scale."""

from django.core.management.base import BaseCommand, CommandError

from geodata.progress import progress_bar
from projects.synthetic import clear_generated, generate_projects


class Command(BaseCommand):
    help = ("Add N generated projects (clustered around the region's cities and along the corridors, "
            "every sector, status, funding type and precision code, years 2000-2030, linked to real "
            "paragraphs), all marked as generated. --clear first removes the generated projects.")

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=0, metavar="N", help="How many to add")
        parser.add_argument("--seed", type=int, default=1, help="The same seed draws the same projects")
        parser.add_argument("--clear", action="store_true", help="Remove the generated projects first")

    def handle(self, *args, projects: int, seed: int, clear: bool, **options):
        if projects < 0:
            raise CommandError("--projects: must be 0 or more")
        if not projects and not clear:
            raise CommandError("nothing to do: give --projects N and/or --clear")
        if clear:
            self.stdout.write(f"removed {clear_generated()} generated projects")
        if projects:
            with progress_bar(total=projects, unit="rows", description="generating") as bar:
                counts = generate_projects(count=projects, seed=seed, progress=bar.update)
            self.stdout.write(f"added {counts}")
