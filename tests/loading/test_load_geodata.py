"""manage.py load_geodata: validate everything first, then write all or nothing, idempotently."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from corridors.models import Corridor, CorridorMention
from geodata.models import Country, Origin
from projects.models import Project, ProjectMention
from tests.loading.conftest import FIXTURES, load


def run(**files) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    options = {"corridors": FIXTURES / "corridors.geojson", "projects": FIXTURES / "projects.geojson"}
    options.update({k: FIXTURES / v for k, v in files.items()})
    call_command("load_geodata", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def snapshot() -> dict:
    """Everything load_geodata writes, to compare before and after."""
    return {
        "corridors": sorted(Corridor.objects.values_list("slug", "name", "parent__slug")),
        "projects": sorted(Project.objects.values_list("slug", "name", "status", "years")),
        "corridor_mentions": sorted(CorridorMention.objects.values_list("corridor__slug",
                                                                        "paragraph__anchor")),
        "project_mentions": sorted(ProjectMention.objects.values_list("project__slug", "paragraph__anchor",
                                                                      "stage", "year")),
        "countries": Country.objects.count(),
    }


def test_loads_corridors_projects_and_countries(paragraphs):
    """The fixture files load: every feature, its geometry type, relations and curated sources."""
    out, _ = run()
    assert "corridors: 7 created, 0 updated, 0 unchanged, 0 deleted" in out
    assert "projects: 5 created" in out
    assert set(Country.objects.values_list("iso_a3", flat=True)) >= {"KHM", "LAO", "MMR", "THA", "VNM"}

    road9 = Corridor.objects.get(slug="lao-national-road-9")
    assert road9.parent.slug == "east-west-economic-corridor"
    assert road9.geom.geom_type == "MultiLineString"  # LineString in the file, promoted
    assert road9.aliases == ["National Road No. 9", "Route 9"]

    bridge = Project.objects.get(slug="neak-loeung-bridge")
    assert bridge.geom.geom_type == "Point"
    assert list(bridge.corridors.values_list("slug", flat=True)) == ["southern-economic-corridor"]
    mention = bridge.mentions.get()
    assert (mention.paragraph.anchor, mention.origin, mention.stage) == ("ap2012-1.1-03", Origin.CURATED,
                                                                         "implementation")
    assert mention.note == "to be implemented steadily"


def test_a_second_run_changes_nothing(paragraphs):
    """Loading the same files again reports every feature unchanged and writes nothing new."""
    run()
    before = snapshot()
    out, _ = run()
    assert "countries: 0 created, 0 updated, 8 unchanged, 0 deleted" in out
    assert "corridors: 0 created, 0 updated, 7 unchanged, 0 deleted" in out
    assert "projects: 0 created, 0 updated, 5 unchanged, 0 deleted" in out
    assert snapshot() == before


def test_a_new_version_updates_creates_and_deletes_by_slug(paragraphs):
    """Features are matched by slug: a changed one is updated, a new one created, a dropped one deleted."""
    run()
    out, _ = run(projects="projects-v2.geojson")
    assert "projects: 1 created, 1 updated, 3 unchanged, 1 deleted" in out
    assert not Project.objects.filter(slug="hanoi-urban-railway-line-1").exists()
    assert Project.objects.get(slug="neak-loeung-bridge").description == (
        "Fixture project Neak Loeung Bridge, second version.")
    assert Project.objects.filter(slug="cai-mep-thi-vai-port").exists()


def test_a_broken_file_is_refused_with_every_problem_and_nothing_written(paragraphs):
    """Bad geometry, unknown anchor, wrong country, unknown vocabulary, a stated year missing from
    years ...: all listed, DB unchanged."""
    run()
    before = snapshot()
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson",
                     projects=FIXTURES / "projects-broken.geojson", stdout=StringIO(), stderr=err)
    listed = err.getvalue()
    expected = [
        "projects-broken.geojson: feature 'neak-loeung-bridge': field 'countries': point lies",
        "projects-broken.geojson: feature 'neak-loeung-bridge': field 'milestones': must include 2015",
        "projects-broken.geojson: feature 'hcmc-urban-railway-line-1': field 'geometry': is not valid",
        "projects-broken.geojson: feature 'hanoi-urban-railway-line-1': field 'sources': "
        "anchor 'ap2012-9.9-99' is not a paragraph",
        "projects-broken.geojson: feature 'third-mekong-bridge': field 'sector': unknown value 'tunnel'",
        "projects-broken.geojson: feature 'third-mekong-bridge': field 'funding_types': "
        "unknown value(s) ['loan']",
        "projects-broken.geojson: feature 'lao-national-road-9-improvement': field 'corridors': "
        "no corridor has the slug(s) ['no-such-corridor']",
        "projects-broken.geojson: feature 'lao-national-road-9-improvement': field 'precision': "
        "must be a whole number from 1 to 6",
        "projects-broken.geojson: feature 'lao-national-road-9-improvement': field 'location_note': "
        "is required",
    ]
    for line in expected:
        assert line in listed
    assert len(listed.strip().splitlines()) == len(expected)
    assert snapshot() == before


def test_the_country_check_says_how_far_outside_and_where_the_point_is(paragraphs):
    """A point claimed for the wrong country names the distance and the country it is really in."""
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson",
                     projects=FIXTURES / "projects-broken.geojson", stdout=StringIO(), stderr=err)
    line = next(x for x in err.getvalue().splitlines() if "'neak-loeung-bridge'" in x)
    km = int(line.split("point lies ")[1].split(" km")[0])
    assert 20 < km < 80  # Neak Loeung is some 40 km from the Vietnamese border
    assert line.endswith("outside VNM (it is in KHM)")


def test_a_refused_first_load_leaves_an_empty_database(paragraphs):
    """Even the country outlines are rolled back when the feature files have problems."""
    with pytest.raises(CommandError):
        load(projects="projects-broken.geojson", stdout=StringIO(), stderr=StringIO())
    assert not Country.objects.exists() and not Corridor.objects.exists() and not Project.objects.exists()


def test_a_missing_file_is_a_problem_not_a_traceback(paragraphs, tmp_path):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_geodata", corridors=tmp_path / "none.geojson",
                     projects=FIXTURES / "projects.geojson", stdout=StringIO(), stderr=err)
    assert "none.geojson: feature '-': field '-': cannot read the file" in err.getvalue()


def _with_props(tmp_path, slug: str, **props):
    """The fixture projects file with some properties of one project replaced."""
    collection = json.loads((FIXTURES / "projects.geojson").read_text(encoding="utf-8"))
    [feature] = [f for f in collection["features"] if f["properties"]["slug"] == slug]
    feature["properties"].update(props)
    path = tmp_path / "projects.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def test_a_stated_status_that_the_sources_contradict_is_refused(paragraphs, tmp_path):
    """Ha Noi Line 1 'completed' (stated) while its only citation states implementation: refused."""
    path = _with_props(tmp_path, "hanoi-urban-railway-line-1", status="completed")
    with pytest.raises(CommandError):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path,
                     stdout=StringIO(), stderr=(err := StringIO()))
    assert ("feature 'hanoi-urban-railway-line-1': field 'status': 'completed' is marked stated, but the "
            "latest paragraph that states a stage (ap2012-2.2-01) says 'implementation'") in err.getvalue()
    assert not Project.objects.exists()


@pytest.mark.parametrize(("props", "field", "message"), [
    ({"status_basis": "ap2012-1.1-09"}, "status_basis",
     "a stated status's basis is the paragraph that states it: 'ap2012-2.2-01'"),
    ({"status_as_of": 2015}, "status_as_of",
     "a stated status holds as of its paragraph's year 2012, not 2015"),
    ({"status_as_of": None}, "status_as_of", "must be a whole number from 1950 to 2100"),
    ({"status_basis": ""}, "status_basis", "is required"),
    ({"status_provenance": "curated", "status": "completed", "status_basis": "ap2012-2.2-01"}, "status_basis",
     "a curated status's basis names the public record"),
    ({"status_provenance": "curated", "status": "completed", "status_basis": "A record, 2010",
      "status_as_of": 2010}, "status_as_of", "2010 is older than the stage ap2012-2.2-01 states (2012)"),
    ({"status_provenance": "curated", "status": "completed", "status_basis": "A record, 2015",
      "status_as_of": 2015, "status_note": ""}, "status_note", "a curated status needs a note"),
])
def test_a_current_status_without_its_year_or_basis_is_refused(paragraphs, tmp_path, props, field, message):
    """The current-status rule (projects.current_status): each broken part is named with its field."""
    path = _with_props(tmp_path, "hanoi-urban-railway-line-1", **props)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path,
                     stdout=StringIO(), stderr=err)
    assert f"feature 'hanoi-urban-railway-line-1': field '{field}': {message}" in err.getvalue()


def test_the_stated_stage_is_kept_apart_from_a_curated_current_status(paragraphs, tmp_path):
    """A curated current status (completed as of 2015) leaves the stage the source states (2012)."""
    path = _with_props(tmp_path, "hanoi-urban-railway-line-1", status="completed",
                       status_provenance="curated", status_as_of=2015,
                       status_basis="A named public record, 2015", status_note="opened after the source")
    call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path, stdout=StringIO())
    line = Project.objects.get(slug="hanoi-urban-railway-line-1")
    assert (line.status, line.status_as_of) == ("completed", 2015)
    assert line.status_basis == "A named public record, 2015"
    assert (line.stated_stage, line.stated_stage_year) == ("implementation", 2012)


def test_the_file_is_the_truth_for_curated_links(paragraphs):
    """A cited paragraph's link is curated again even if it was automatic; an edited note is restored."""
    run()
    bridge = Project.objects.get(slug="neak-loeung-bridge")
    bridge.mentions.filter(paragraph__anchor="ap2012-1.1-03").update(
        origin=Origin.AUTOMATIC, note="edited in the database", matched_text="Neak Loeung Bridge")
    out, _ = run()
    assert "projects: 0 created, 1 updated, 4 unchanged" in out
    mention = bridge.mentions.get(paragraph__anchor="ap2012-1.1-03")
    assert (mention.origin, mention.note) == (Origin.CURATED, "to be implemented steadily")
    assert mention.matched_text == "Neak Loeung Bridge"  # the linker's words are kept


def _with_sources(tmp_path, slug: str, sources: list[dict]):
    """The fixture projects file with one project's sources replaced."""
    collection = json.loads((FIXTURES / "projects.geojson").read_text(encoding="utf-8"))
    [feature] = [f for f in collection["features"] if f["properties"]["slug"] == slug]
    feature["properties"]["sources"] = sources
    path = tmp_path / "projects.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def test_a_mention_whose_paragraph_does_not_name_the_feature_is_refused(paragraphs, tmp_path):
    """The bridge citing the NR1 paragraph (which names no bridge) is refused; nothing is written."""
    path = _with_sources(tmp_path, "neak-loeung-bridge", [
        {"anchor": "ap2012-1.1-03", "stage": "implementation", "year": None, "note": ""},
        {"anchor": "ap2012-1.1-02", "stage": None, "year": None, "note": "the road the bridge is on"},
    ])
    err = StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path,
                     stdout=StringIO(), stderr=err)
    assert ("projects.geojson: feature 'neak-loeung-bridge': field 'sources': source 'ap2012-1.1-02': "
            "the paragraph does not name the feature") in err.getvalue()
    assert not Project.objects.exists()


def test_a_mention_with_a_reason_loads_and_keeps_the_reason(paragraphs, tmp_path):
    """A paragraph that refers to the feature without its name is accepted when the source says why."""
    path = _with_sources(tmp_path, "neak-loeung-bridge", [
        {"anchor": "ap2012-1.1-03", "stage": "implementation", "year": None, "note": ""},
        {"anchor": "ap2012-1.1-02", "stage": None, "year": None, "note": "NR1.",
         "reason": "test: the bridge carries this road over the Mekong"},
    ])
    call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path, stdout=StringIO())
    mention = ProjectMention.objects.get(project__slug="neak-loeung-bridge",
                                         paragraph__anchor="ap2012-1.1-02")
    assert mention.note == ("NR1. Refers to it without naming it: "
                            "test: the bridge carries this road over the Mekong")


def test_a_reason_on_a_paragraph_that_names_the_feature_is_refused(paragraphs, tmp_path):
    """Reasons are the short list of real exceptions: one on a naming paragraph is an error."""
    path = _with_sources(tmp_path, "neak-loeung-bridge", [
        {"anchor": "ap2012-1.1-03", "stage": "implementation", "year": None, "note": "",
         "reason": "not needed"},
    ])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_geodata", corridors=FIXTURES / "corridors.geojson", projects=path,
                     stdout=StringIO(), stderr=err)
    assert ("source 'ap2012-1.1-03': the paragraph names the feature ('Neak Loeung Bridge'); "
            "drop the \"reason\"") in err.getvalue()
