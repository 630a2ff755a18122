"""The admin's map widget in a real chromium: a curator moves a project's point on the offline
basemap, saves, and the public API serves the new geometry; the save is a new version."""

import pytest

from projects.models import Project
from tests.curation.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_moving_a_point_in_the_admin_map_changes_the_api_geometry_and_adds_a_version(
        page, page_log, live_server, curator, loaded, screenshot):
    project = Project.objects.get(slug="neak-loeung-bridge")
    versions = project.history.count()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/projects/project/{project.pk}/change/")
    page.wait_for_selector(".leaflet-container[data-basemap=ready]")
    # The offline basemap is drawn under the feature (country outlines as SVG paths), no tiles.
    assert page.locator(".leaflet-container path.leaflet-interactive, .leaflet-container path").count() > 0
    assert page.locator(".leaflet-tile").count() == 0

    page.click("a.leaflet-draw-edit-edit")
    marker = page.locator(".leaflet-marker-icon.leaflet-edit-marker-selected")
    box = marker.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 40, y + 30, steps=8)
    page.mouse.up()
    page.click(".leaflet-draw-actions a:has-text('Save')")
    screenshot(page, "admin-project-map-moved")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    response = page.request.get(f"{live_server.url}/api/projects.geojson")
    feature = next(f for f in response.json()["features"] if f["properties"]["slug"] == project.slug)
    lon, lat = feature["geometry"]["coordinates"]
    assert (lon, lat) != (105.28, 11.26)
    assert lon > 105.28 and lat < 11.26  # moved right and down on the map: east and south
    assert abs(lon - 105.28) < 0.5 and abs(lat - 11.26) < 0.5
    project.refresh_from_db()
    assert project.history.count() == versions + 1
    assert project.history.latest().history_user.username == "curator"
    assert page_log.external_requests == []
    assert page_log.console_errors == []
