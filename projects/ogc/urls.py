from django.urls import path

from projects.ogc import views

app_name = "ogc"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("conformance", views.conformance, name="conformance"),
    path("api", views.api, name="api"),
    path("collections", views.collections, name="collections"),
    path("collections/<slug:collection_id>", views.collection, name="collection"),
    path("collections/<slug:collection_id>/queryables", views.queryables, name="queryables"),
    path("collections/<slug:collection_id>/items", views.items, name="items"),
    path("collections/<slug:collection_id>/items/<slug:feature_id>", views.item, name="item"),
]
