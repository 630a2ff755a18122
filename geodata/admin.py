"""The curators' admin for the base layer: documents, paragraphs, themes and pillars, countries.

Documents and paragraphs keep a version on every save (django-simple-history): the history view
lists who changed what and when, shows the differences and restores an earlier version.
"""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from geodata.models import Country, Document, Paragraph, Pillar, Section, Theme, UnmatchedCandidate

admin.site.site_header = "GeoMekong curation"
admin.site.site_title = "GeoMekong curation"
admin.site.index_title = "Documents, features and their sources"
admin.site.site_url = "/"


class PillarInline(admin.TabularInline):
    model = Pillar
    fields = ("slug", "code", "name", "theme", "order")
    extra = 0


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("short", "title", "kind", "date_text", "publisher", "paragraph_count", "origin")
    list_filter = ("kind", "origin", "year", "publisher")
    search_fields = ("slug", "short", "title", "publisher")
    readonly_fields = ("anchor_prefix", "file_name", "sha256", "origin")
    exclude = ("text",)
    inlines = [PillarInline]
    history_list_display = ("title", "kind", "date_text")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(paragraph_total=Count("paragraphs"))

    @admin.display(description="paragraphs", ordering="paragraph_total")
    def paragraph_count(self, document):
        return document.paragraph_total


@admin.register(Paragraph)
class ParagraphAdmin(SimpleHistoryAdmin):
    list_display = ("anchor", "document", "kind", "section_path", "pillar", "short_text")
    list_filter = ("document", "kind", "pillar__theme", "pillar")
    search_fields = ("anchor", "text", "section_path")
    list_select_related = ("document", "pillar")
    # Anchors are cited by the data files: they are set by the parser and never edited here.
    readonly_fields = ("anchor", "document", "order", "kind", "label")
    raw_id_fields = ("section", "parent")
    ordering = ("document__year", "document__slug", "order")

    @admin.display(description="text")
    def short_text(self, paragraph):
        return paragraph.text if len(paragraph.text) <= 120 else paragraph.text[:119] + "…"


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("name", "slug")


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ("slug", "document", "code", "name", "theme", "order")
    list_filter = ("document", "theme")
    search_fields = ("slug", "name")


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("path", "document", "level", "pillar")
    list_filter = ("document", "level")
    search_fields = ("path", "title")
    readonly_fields = ("document", "order", "parent")


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Outlines come from the basemap (load_geodata); curators look them up, they do not draw them."""

    list_display = ("iso_a3", "name")
    search_fields = ("iso_a3", "name")
    readonly_fields = ("iso_a3", "name")
    exclude = ("geom",)

    def has_add_permission(self, request):
        return False


@admin.register(UnmatchedCandidate)
class UnmatchedCandidateAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "paragraph")
    list_filter = ("kind", "paragraph__document")
    search_fields = ("text", "paragraph__anchor")
    list_select_related = ("paragraph",)
