"""The admin's map widgets draw on our offline basemap (countries, rivers, places from
geodata/data/basedata, served by /basemap/<layer>.geojson), never on online tiles."""

from django.contrib import admin
from django.db.models import Count
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

# django-leaflet's widget options: no tile layer (LEAFLET_CONFIG has none either); the basemap
# layers are added by the script below when the widget's map starts.
OFFLINE_MAP_SETTINGS = {"TILES": [], "DEFAULT_CENTER": (15.5, 102.5), "DEFAULT_ZOOM": 5}
OFFLINE_MAP_MEDIA = ("curation/offline_basemap.js",)


class FeatureAdmin(SimpleHistoryAdmin, LeafletGeoAdmin):
    """What the corridor and project admins share: versions (history, diff, restore), the map
    widget on the offline basemap, and the list columns for countries and number of sources."""

    settings_overrides = OFFLINE_MAP_SETTINGS

    class Media:
        js = OFFLINE_MAP_MEDIA

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_total=Count("mentions", distinct=True))

    @admin.display(description="countries")
    def country_list(self, feature):
        return ", ".join(feature.countries)

    @admin.display(description="sources", ordering="source_total")
    def source_count(self, feature):
        return feature.source_total
