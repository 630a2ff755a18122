"""manage.py export_geodata writes the same files as /export/, with the same filters."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.interop.conftest import layer_summaries


def test_gpkg_with_filters_holds_what_the_api_holds(world, client, tmp_path, ogrinfo):
    out = tmp_path / "connectivity.gpkg"
    call_command("export_geodata", "--format", "gpkg", "--out", str(out), "--theme", "connectivity",
                 "--year-min", "2012", "--year-max", "2013")
    url = "/api/projects.geojson?theme=connectivity&year_min=2012&year_max=2013"
    api = json.loads(client.get(url).content)
    layers = layer_summaries(ogrinfo("-so", "-al", str(out)))
    counted = sum(info["count"] for name, info in layers.items() if name.startswith("projects_"))
    assert counted == len(api["features"]) == 3


def test_corridors_and_every_format(world, tmp_path, ogrinfo):
    for fmt in ("geojson", "zip", "csv", "kml"):
        out = tmp_path / f"corridors.{fmt}"
        call_command("export_geodata", "--format", fmt, "--out", str(out), "--dataset", "corridors")
        path = f"/vsizip/{out}" if fmt == "zip" else str(out)
        layers = layer_summaries(ogrinfo("-so", "-al", path))
        assert sum(i["count"] for i in layers.values() if i["geometry"] not in (None, "None")) == 2, fmt
    assert "GeoMekong corridors" in (tmp_path / "corridors.csv.metadata.txt").read_text()


def test_a_bad_filter_names_the_option(world, tmp_path):
    with pytest.raises(CommandError, match="--sector: unknown value 'roads'"):
        call_command("export_geodata", "--format", "gpkg", "--out", str(tmp_path / "x.gpkg"),
                     "--sector", "roads")
    assert not (tmp_path / "x.gpkg").exists()
