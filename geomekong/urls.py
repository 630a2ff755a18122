"""Wires the apps together: each app owns its pages and API endpoints."""

from django.contrib import admin
from django.urls import include, path

from geomekong.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The curators' workplace: staff accounts only (Django's admin login).
    path("admin/", admin.site.urls),
    path("", include("projects.urls")),
    path("", include("corridors.urls")),
    path("", include("geodata.urls")),
]
