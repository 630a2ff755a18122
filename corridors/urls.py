from django.urls import path

from corridors import api, views

app_name = "corridors"
urlpatterns = [
    path("api/corridors.geojson", api.corridors_geojson, name="api-corridors"),
    path("corridors/<slug:slug>/", views.corridor_detail, name="detail"),
]
