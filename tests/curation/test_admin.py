"""The curators' admin: staff only, the loader's checks next to the field, a version on every save,
restore of an earlier version; the public API stays read-only."""

import json

import pytest
from django.contrib.auth.models import User

from corridors.models import Corridor
from projects.models import Project
from tests.curation.forms import all_errors, error_of, form_fields

pytestmark = pytest.mark.django_db


def change_url(project: Project) -> str:
    return f"/admin/projects/project/{project.pk}/change/"


def submit(client, url: str, **changes):
    data = form_fields(client.get(url).content)
    data.update(changes)
    return client.post(url, data)


def api_geometry(client, slug: str) -> dict:
    body = client.get("/api/projects.geojson").json()
    return next(f["geometry"] for f in body["features"] if f["properties"]["slug"] == slug)


def test_the_admin_asks_anonymous_visitors_to_log_in(client, loaded):
    response = client.get("/admin/projects/project/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_logged_in_user_who_is_not_staff_cannot_reach_the_admin(client, loaded):
    User.objects.create_user(username="reader", password="a-reader-password")
    assert client.login(username="reader", password="a-reader-password")
    response = client.get("/admin/projects/project/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_curator_logs_in_with_a_password_and_sees_the_project_list(client, curator, loaded):
    from tests.curation.conftest import PASSWORD

    page = client.get("/admin/login/")
    data = form_fields(page.content) | {"username": "curator", "password": PASSWORD}
    response = client.post("/admin/login/?next=/admin/", data, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    listing = client.get("/admin/projects/project/?sector=bridge").content.decode()
    assert "Neak Loeung Bridge" in listing and "Third Mekong Bridge" in listing
    assert "Ho Chi Minh City Urban Railway" not in listing


def test_list_filters_by_country_and_number_of_sources(admin_client, loaded):
    listing = admin_client.get("/admin/projects/project/?country=VNM").content.decode()
    assert "Ho Chi Minh City Urban Railway Line 1" in listing and "Neak Loeung Bridge" not in listing
    listing = admin_client.get("/admin/projects/project/?sources=0").content.decode()
    assert "0 projects" in listing or "Neak Loeung Bridge" not in listing


def test_saving_a_moved_point_changes_the_api_geometry_and_adds_a_version(admin_client, curator, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    versions = project.history.count()
    moved = {"type": "Point", "coordinates": [105.3, 11.3]}
    response = submit(admin_client, change_url(project), geom=json.dumps(moved))
    assert response.status_code == 302, all_errors(response.content)
    assert api_geometry(admin_client, "neak-loeung-bridge")["coordinates"] == [105.3, 11.3]
    assert project.history.count() == versions + 1
    latest = project.history.latest()
    assert latest.history_user == curator
    assert latest.history_type == "~"
    changed = latest.diff_against(latest.prev_record).changed_fields
    assert changed == ["geom"]


def test_a_point_outside_its_countries_is_refused_next_to_the_countries_field(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    in_laos = {"type": "Point", "coordinates": [102.6, 17.97]}  # Vientiane
    response = submit(admin_client, change_url(project), geom=json.dumps(in_laos))
    assert response.status_code == 200
    assert "outside KHM" in error_of(response.content, "countries")
    assert "LAO" in error_of(response.content, "countries")
    project.refresh_from_db()
    assert project.geom.coords == (105.28, 11.26)


def test_years_must_hold_the_year_of_every_citing_document(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    response = submit(admin_client, change_url(project), years="2015")
    assert "must include [2012]" in error_of(response.content, "years")
    project.refresh_from_db()
    assert project.years == [2012]


def test_a_point_outside_the_region_is_refused_next_to_the_map(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    tokyo = {"type": "Point", "coordinates": [139.7, 35.7]}
    response = submit(admin_client, change_url(project), geom=json.dumps(tokyo))
    assert "outside the region" in error_of(response.content, "geom")


def test_an_unknown_precision_is_refused_next_to_the_field(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    response = submit(admin_client, change_url(project), precision="9")
    assert error_of(response.content, "precision")
    project.refresh_from_db()
    assert project.precision == 1


def test_restoring_an_earlier_version_brings_back_its_values_as_a_new_version(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    before_edit = project.history.latest()
    submit(admin_client, change_url(project), status_note="edited by a curator")
    project.refresh_from_db()
    assert project.status_note == "edited by a curator"
    versions = project.history.count()
    url = f"/admin/projects/project/{project.pk}/history/{before_edit.history_id}/"
    page = admin_client.get(url)
    assert page.status_code == 200 and b"Revert" in page.content
    response = admin_client.post(url, form_fields(page.content))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status_note == "as the cited paragraphs state"
    assert project.history.latest().history_type == "~"
    assert project.history.count() == versions + 1
    assert sorted(project.corridors.values_list("slug", flat=True)) == ["southern-economic-corridor"]


def test_the_history_page_lists_who_changed_what(admin_client, loaded):
    project = Project.objects.get(slug="neak-loeung-bridge")
    submit(admin_client, change_url(project), status_note="edited by a curator")
    page = admin_client.get(f"/admin/projects/project/{project.pk}/history/").content.decode()
    assert "curator" in page and "Status note" in page


def test_a_corridor_line_is_checked_like_the_loader_does(admin_client, loaded):
    corridor = Corridor.objects.get(slug="lao-national-road-9")
    url = f"/admin/corridors/corridor/{corridor.pk}/change/"
    point = {"type": "Point", "coordinates": [105.0, 16.5]}
    response = submit(admin_client, url, geom=json.dumps(point))
    assert response.status_code == 200
    corridor.refresh_from_db()
    assert corridor.geom.geom_type == "MultiLineString"
    versions = corridor.history.count()
    response = submit(admin_client, url, description="Lao National Road No. 9, Savannakhet – Dansavanh.")
    assert response.status_code == 302
    assert corridor.history.count() == versions + 1


def test_mentions_and_documents_are_versioned_too(admin_client, linked):
    project = Project.objects.get(slug="neak-loeung-bridge")
    mention = project.mentions.get(paragraph__anchor="ap2012-1.1-03")
    url = f"/admin/projects/projectmention/{mention.pk}/change/"
    response = submit(admin_client, url, note="the 2012 plan says: implement steadily")
    assert response.status_code == 302
    assert mention.history.latest().note == "the 2012 plan says: implement steadily"
    document = mention.paragraph.document
    response = submit(admin_client, f"/admin/geodata/document/{document.pk}/change/",
                      publisher="Ministry of Foreign Affairs of Japan")
    assert response.status_code == 302
    assert document.history.latest().publisher == "Ministry of Foreign Affairs of Japan"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/projects.geojson", "/api/corridors.geojson", "/api/facets",
                                 "/api/paragraphs?q=bridge"])
def test_the_public_api_stays_read_only_even_for_staff(admin_client, loaded, method, url):
    response = getattr(admin_client, method)(url)
    assert response.status_code in {403, 405}
    assert Project.objects.count() == 5


def test_load_geodata_refuses_to_overwrite_an_admin_edit_until_dumped_or_discarded(admin_client, loaded):
    from django.core.management.base import CommandError

    from tests.loading.conftest import load

    project = Project.objects.get(slug="neak-loeung-bridge")
    submit(admin_client, change_url(project), status_note="edited by a curator")
    with pytest.raises(CommandError, match="nothing was written"):
        load()
    project.refresh_from_db()
    assert project.status_note == "edited by a curator"
    load(discard_edits=True)
    project.refresh_from_db()
    assert project.status_note == "as the cited paragraphs state"
    load()  # the file's values are the database's again: nothing to protect
