"""The site's URLs plus views that fail on purpose, for the error-handling tests."""

from django.db import OperationalError
from django.urls import path

from geomekong.urls import *  # noqa: F403 - the handlers too
from geomekong.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("a bug with a secret in its message: hunter2")


def lost_database(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


urlpatterns = [
    path("api/boom", boom),
    path("ogc/boom", boom),
    path("boom/", boom),
    path("api/lost-database", lost_database),
    path("lost-database/", lost_database),
    *site_urlpatterns,
]
