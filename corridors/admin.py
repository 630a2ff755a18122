"""The curators' admin for corridors and their paragraph links: lines drawn and moved on the offline
basemap, checked with the loader's own functions, versioned on every save (history, diff, restore)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from corridors.models import Corridor, CorridorMention
from corridors.services import CORRIDOR_PROPERTIES
from geodata.admin_filters import CountryFilter
from geodata.admin_map import FeatureAdmin
from geodata.forms import LoaderCheckedForm


class CorridorForm(LoaderCheckedForm):
    property_spec = CORRIDOR_PROPERTIES
    geometry_types = ("LineString", "MultiLineString")

    class Meta:
        model = Corridor
        fields = "__all__"

    def properties(self, data):
        props = super().properties(data)
        parent = data.get("parent")
        props["parent"] = parent.slug if parent else None
        for name in ("aliases", "countries", "waypoints"):
            props[name] = list(data.get(name) or [])
        return props

    def clean(self):
        data = super().clean()
        parent = data.get("parent")
        if parent is not None and self.instance.pk and parent.pk == self.instance.pk:
            self.add_error("parent", "a corridor cannot be its own parent")
        return data


class CorridorMentionInline(admin.TabularInline):
    model = CorridorMention
    fields = ("paragraph", "origin", "matched_text", "note")
    raw_id_fields = ("paragraph",)
    extra = 0


@admin.register(Corridor)
class CorridorAdmin(FeatureAdmin):
    form = CorridorForm
    list_display = ("name", "slug", "kind", "parent", "country_list", "geometry_method", "approx_length_km",
                    "source_count")
    list_filter = ("kind", CountryFilter, "geometry_method", "parent")
    search_fields = ("slug", "name", "description", "start_name", "end_name")
    list_select_related = ("parent",)
    inlines = [CorridorMentionInline]
    history_list_display = ("kind", "geometry_method")
    fieldsets = [
        (None, {"fields": ("slug", "name", "aliases", "kind", "parent", "countries", "description")}),
        ("Route", {"fields": ("start_name", "end_name", "waypoints", "approx_length_km", "length_note")}),
        ("Geometry", {"fields": ("geometry_method", "geometry_note", "geom")}),
    ]


@admin.register(CorridorMention)
class CorridorMentionAdmin(SimpleHistoryAdmin):
    list_display = ("corridor", "paragraph", "origin", "matched_text")
    list_filter = ("origin", "paragraph__document")
    search_fields = ("corridor__name", "corridor__slug", "paragraph__anchor", "matched_text")
    raw_id_fields = ("corridor", "paragraph")
    list_select_related = ("corridor", "paragraph")
