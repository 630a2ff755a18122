"""dump_geodata writes the database back to the geodata/data/ files: the committed data comes back as
the same files (in the dump's sorted order), and loading a dump changes nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command

from curation.files import feature_collection_text
from geodata.models import Paragraph
from projects.models import Project

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "geodata" / "data"


@pytest.fixture
def real_data(db):
    """The committed sources and data files, loaded as `make run` loads them."""
    for command in ("import_sources", "load_geodata", "link_mentions"):
        call_command(command, stdout=StringIO(), stderr=StringIO())


def canonical(text: str) -> str:
    """A data file in the dump's order: features by slug, each feature's sources in document and
    paragraph order, corridor lists sorted (as load_geodata stores them)."""
    order = {p.anchor: (p.document.year, p.document.slug, p.order)
             for p in Paragraph.objects.select_related("document")}
    features = sorted(json.loads(text)["features"], key=lambda f: f["properties"]["slug"])
    for feature in features:
        props = feature["properties"]
        props["sources"].sort(key=lambda s: order[s["anchor"]])
        if isinstance(props.get("corridors"), list):
            props["corridors"].sort()
    return feature_collection_text(features)


def dump(out: Path) -> str:
    stdout = StringIO()
    call_command("dump_geodata", out=out, stdout=stdout)
    return stdout.getvalue()


@pytest.mark.parametrize("name", ["corridors.geojson", "projects.geojson"])
def test_the_dump_writes_the_committed_files_layout(name):
    """The writer's layout is the committed files' own: given their features, it gives their bytes."""
    committed = (DATA / name).read_text(encoding="utf-8")
    assert feature_collection_text(json.loads(committed)["features"]) == committed


def test_dumping_the_committed_data_reproduces_the_files(real_data, tmp_path):
    dump(tmp_path)
    for name in ("corridors.geojson", "projects.geojson"):
        committed = (DATA / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == canonical(committed), name
    manifest = (DATA / "sources" / "manifest.toml").read_text(encoding="utf-8")
    assert (tmp_path / "sources" / "manifest.toml").read_text(encoding="utf-8") == manifest
    for source in (DATA / "sources").glob("*.md"):
        if source.name != "README.md":
            assert (tmp_path / "sources" / source.name).read_bytes() == source.read_bytes()


def test_loading_a_dump_of_edited_data_changes_nothing(real_data, tmp_path):
    project = Project.objects.get(slug="neak-loeung-bridge")
    project.geom = Point(105.27512, 11.25001, srid=4326)
    project.status_note = "Moved by a curator onto the bridge's mid-point."
    project.save()
    dump(tmp_path)
    stdout = StringIO()
    call_command("load_geodata", corridors=tmp_path / "corridors.geojson",
                 projects=tmp_path / "projects.geojson", stdout=stdout, stderr=StringIO())
    assert "corridors: 0 created, 0 updated, 14 unchanged, 0 deleted" in stdout.getvalue()
    projects = Project.objects.count()
    assert f"projects: 0 created, 0 updated, {projects} unchanged, 0 deleted" in stdout.getvalue()
    stdout = StringIO()
    call_command("import_sources", source_dir=tmp_path / "sources", stdout=stdout)
    assert "Sources unchanged" in stdout.getvalue()
    project.refresh_from_db()
    assert project.geom.coords == (105.27512, 11.25001)


def test_a_second_dump_writes_nothing(real_data, tmp_path):
    dump(tmp_path)
    second = dump(tmp_path)
    assert "0 file(s) written" in second
