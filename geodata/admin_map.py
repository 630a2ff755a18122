"""The admin's map widgets draw on our offline basemap (countries, rivers, places from
geodata/data/basedata, served by /basemap/<layer>.geojson), never on online tiles."""

# django-leaflet's widget options: no tile layer (LEAFLET_CONFIG has none either); the basemap
# layers are added by the script below when the widget's map starts.
OFFLINE_MAP_SETTINGS = {"TILES": [], "DEFAULT_CENTER": (15.5, 102.5), "DEFAULT_ZOOM": 5}
OFFLINE_MAP_MEDIA = ("curation/offline_basemap.js",)
