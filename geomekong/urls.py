"""Wires the apps together: each app owns its pages and API endpoints."""

from django.contrib import admin
from django.urls import include, path

from curation.api import coverage, proposal_list
from geomekong.filter_list import filter_list
from geomekong.health import healthz
from geomekong.openapi import api_docs, openapi_json
from geomekong.reader import document_reader
from geomekong.tiles import tile
from geomekong.views import coverage_page

# Error pages in the shape of each part of the site: JSON for /api/, OGC's for /ogc/, HTML pages.
handler400 = "geomekong.errors.bad_request"
handler403 = "geomekong.errors.permission_denied"
handler404 = "geomekong.errors.page_not_found"
handler500 = "geomekong.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The curators' workplace: staff accounts only (Django's admin login).
    path("admin/", admin.site.urls),
    path("coverage/", coverage_page, name="coverage"),
    path("sources/<slug:slug>/", document_reader, name="document-reader"),
    path("api/proposals", proposal_list, name="api-proposals"),
    path("api/coverage", coverage, name="api-coverage"),
    path("api/filters", filter_list, name="api-filters"),
    path("api/openapi.json", openapi_json, name="api-openapi"),
    path("api/docs", api_docs, name="api-docs"),
    path("tiles/<str:layer>/<int:z>/<int:x>/<int:y>.mvt", tile, name="tile"),
    path("", include("projects.urls")),
    path("", include("corridors.urls")),
    path("", include("geodata.urls")),
]
