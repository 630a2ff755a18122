from django.urls import path

from geodata import api, views

app_name = "geodata"
urlpatterns = [
    path("sources/", views.document_list, name="document-list"),
    path("api/paragraphs", api.paragraph_list, name="api-paragraph-list"),
    # Anchors contain dots (ap2012-1.1-07), so not a slug converter.
    path("api/paragraphs/<str:anchor>", api.paragraph_detail, name="api-paragraph-detail"),
]
