"""Wires the apps together: each app owns its pages and API endpoints."""

from django.urls import include, path

from geomekong.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("projects.urls")),
    path("", include("corridors.urls")),
    path("", include("geodata.urls")),
]
