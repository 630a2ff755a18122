"""The curators' admin for the base layer: documents, paragraphs, themes and pillars, countries.

Documents and paragraphs keep a version on every save (django-simple-history): the history view
lists who changed what and when, shows the differences and restores an earlier version.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from geodata.documents import DocumentError, NewDocument, prepare_document, store_document
from geodata.extract import FORMATS
from geodata.models import Country, Document, Paragraph, Pillar, Section, Theme, UnmatchedCandidate

admin.site.site_header = "GeoMekong curation"
admin.site.site_title = "GeoMekong curation"
admin.site.index_title = "Documents, features and their sources"
admin.site.site_url = "/"


class PillarInline(admin.TabularInline):
    model = Pillar
    fields = ("slug", "code", "name", "theme", "order")
    extra = 0


class DocumentUploadForm(forms.ModelForm):
    """Adding a document is uploading its file: read and split as `manage.py add_document` does."""

    file = forms.FileField(help_text="Markdown, plain text, HTML or a PDF with a text layer "
                                     f"({', '.join(sorted(FORMATS))})")
    # add_document's own names for the model's fields.
    _FIELDS = {"slug": "slug", "title": "title", "date": "date_text", "publisher": "publisher", "url": "url",
               "kind": "kind", "short": "short", "prefix": "anchor_prefix"}

    class Meta:
        model = Document
        fields = ("file", "slug", "title", "date_text", "publisher", "url", "kind", "short", "anchor_prefix")
        labels = {"date_text": "Date", "anchor_prefix": "Anchor prefix"}
        help_texts = {"date_text": "YYYY-MM-DD (YYYY-MM or YYYY when only that is known)",
                      "short": "Short label; made from the anchor prefix when empty",
                      "anchor_prefix": "Paragraph anchors are <prefix>-01, …; made from the slug when empty"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("short", "anchor_prefix"):
            self.fields[name].required = False
        self.fields["publisher"].required = True
        self.prepared = None

    def validate_unique(self):
        pass  # prepare_document checks the slug and the prefix, with the file's name in the message

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None or self.errors:
            return data
        new = NewDocument(**{arg: data.get(field) or "" for arg, field in self._FIELDS.items()})
        try:
            self.prepared = prepare_document(name=upload.name, data=upload.read(), new=new)
        except DocumentError as error:
            self.add_error(self._FIELDS.get(error.field, "file"), str(error))
        return data

    def save(self, commit=True):
        document, _ = store_document(self.prepared)
        self.save_m2m = lambda: None
        return document


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("short", "title", "kind", "date_text", "publisher", "paragraph_count", "origin")
    list_filter = ("kind", "origin", "year", "publisher")
    search_fields = ("slug", "short", "title", "publisher")
    readonly_fields = ("anchor_prefix", "file_name", "sha256", "origin")
    exclude = ("text",)
    inlines = [PillarInline]
    history_list_display = ("title", "kind", "date_text")
    add_form = DocumentUploadForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": DocumentUploadForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:  # an upload was stored by its form
            super().save_model(request, obj, form, change)

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
