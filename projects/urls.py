from django.urls import include, path

from projects import api, api_files, api_spatial, views, views_detail

app_name = "projects"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("projects/<slug:slug>/", views_detail.project_detail, name="detail"),
    path("api/projects.geojson", api.projects_geojson, name="api-projects"),
    path("api/facets", api.facets, name="api-facets"),
    path("api/corridors/<slug:slug>/projects.geojson", api_spatial.corridor_projects_geojson,
         name="api-corridor-projects"),
    path("api/corridors/<slug:slug>/profile", api_spatial.corridor_profile_json, name="api-corridor-profile"),
    path("api/projects/<slug:slug>/nearby", api_spatial.project_nearby, name="api-project-nearby"),
    path("api/near", api_spatial.near, name="api-near"),
    path("embed/", views.embed_page, name="embed"),
    path("export/<slug:kind>.<slug:fmt>", api_files.export_file, name="export"),
    path("ogc/", include("projects.ogc.urls")),
    path("basemap/<slug:layer>.geojson", views.basemap_layer, name="basemap"),
]
