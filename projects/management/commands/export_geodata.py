"""manage.py export_geodata: the /export/ files from the command line, with the same filters."""

import shutil
from dataclasses import fields
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from corridors.filters import CorridorFilters
from geodata.file_formats import FORMATS
from geodata.query_params import FilterError
from projects import file_contents
from projects.filters import ProjectFilters


def _filter_names() -> list[str]:
    """Every filter of either dataset, in the projects' order (new filters appear by themselves)."""
    names = [f.name for f in fields(ProjectFilters)]
    return names + [f.name for f in fields(CorridorFilters) if f.name not in names]


class Command(BaseCommand):
    help = ("Write the projects or corridors matching the map API's filters to a file: "
            f"{', '.join(FORMATS)}. Filters take the API's values, e.g. --theme connectivity "
            "--year-min 2012 --sector road,bridge. A CSV gets its metadata in FILE.metadata.txt.")

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=list(FORMATS), dest="fmt")
        parser.add_argument("--out", required=True, type=Path, help="The file to write")
        parser.add_argument("--dataset", choices=list(file_contents.DATASETS), default="projects")
        parser.add_argument("--site", default="", help="Base URL the url fields are relative to")
        for name in _filter_names():
            parser.add_argument(f"--{name.replace('_', '-')}", dest=f"filter_{name}", metavar="VALUE",
                                help=f"As the API's {name} parameter")

    def handle(self, *args, fmt: str, out: Path, dataset: str, site: str, **options):
        query = {key.removeprefix("filter_"): str(value) for key, value in options.items()
                 if key.startswith("filter_") and value is not None}
        ignored = sorted(set(query) - set(file_contents.filter_names(dataset)))
        if ignored:
            flags = ", ".join("--" + n.replace("_", "-") for n in ignored)
            self.stderr.write(f"ignored for {dataset}: {flags}")
        try:
            filters = file_contents.parse_filters(kind=dataset, query=query)
        except FilterError as error:
            raise CommandError(f"--{error.parameter.replace('_', '-')}: {error.message}") from None
        now = timezone.now()
        if fmt == "geojson":
            out.write_text(file_contents.geojson_export(kind=dataset, filters=filters, now=now, site=site),
                           encoding="utf-8")
        else:
            export = file_contents.open_file_export(kind=dataset, filters=filters, fmt=fmt, now=now,
                                                    site=site)
            with export as src, out.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        if fmt == "csv":
            sidecar = out.with_name(out.name + ".metadata.txt")
            sidecar.write_text(file_contents.sidecar_text(kind=dataset, filters=filters, now=now, site=site),
                               encoding="utf-8")
        self.stdout.write(f"wrote {out} ({dataset}, {filters.as_query() or 'no filters'})")
