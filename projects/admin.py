"""The curators' admin for projects and their paragraph links.

A project is edited on the offline basemap (django-leaflet's map widget: draw or move the point or
line), checked with the loader's own functions (projects.services.PROJECT_PROPERTIES and the
geometry and country checks) and versioned on every save (django-simple-history: history, diff,
restore).
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from geodata.admin_filters import CountryFilter
from geodata.admin_map import FeatureAdmin
from geodata.forms import LoaderCheckedForm
from projects.current_status import check_current_status
from projects.history import refresh_stated_stage
from projects.models import Project, ProjectMention
from projects.services import PROJECT_GEOMETRIES, PROJECT_PROPERTIES
from projects.vocabularies import FundingType
from projects.years import check_years


class ProjectForm(LoaderCheckedForm):
    property_spec = PROJECT_PROPERTIES
    geometry_types = PROJECT_GEOMETRIES

    class Meta:
        model = Project
        fields = "__all__"

    def properties(self, data):
        props = super().properties(data)
        props["corridors"] = [c.slug for c in data.get("corridors") or []]
        for name in ("aliases", "countries", "years", "funding_types"):
            props[name] = list(data.get(name) or [])
        return props

    def clean(self):
        data = super().clean()
        if not self.instance.pk:
            return data
        mentions = list(self.instance.mentions.select_related("paragraph__document"))
        sources = [{"anchor": m.paragraph.anchor, "year": m.year, "stage": m.stage} for m in mentions]
        anchor_years = {m.paragraph.anchor: m.paragraph.document.year for m in mentions}
        # The loader's rules: years hold the year of every citing document and every year a source
        # states; the current status follows projects.current_status.
        if isinstance(data.get("years"), list):
            texts = {m.paragraph.anchor: m.paragraph.text for m in mentions}
            for name, message in check_years(years=data["years"], sources=sources, anchor_years=anchor_years,
                                              milestones=data.get("milestones"), texts=texts):
                self._problem(name, message)
        props = {**self.properties(data), "sources": sources}
        for name, message in check_current_status(props=props, anchor_years=anchor_years):
            self._problem(name, message)
        return data


class ProjectMentionInline(admin.TabularInline):
    model = ProjectMention
    fields = ("paragraph", "origin", "stage", "year", "matched_text", "note")
    raw_id_fields = ("paragraph",)
    extra = 0


class FundingFilter(admin.SimpleListFilter):
    title = "funding type"
    parameter_name = "funding"

    def lookups(self, request, model_admin):
        return FundingType.choices

    def queryset(self, request, queryset):
        return queryset.filter(funding_types__contains=[self.value()]) if self.value() else queryset


class SourceCountFilter(admin.SimpleListFilter):
    title = "number of sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("0", "none"), ("1", "one"), ("2+", "two or more")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "0":
            return queryset.filter(source_total=0)
        if value == "1":
            return queryset.filter(source_total=1)
        if value == "2+":
            return queryset.filter(source_total__gte=2)
        return queryset


@admin.register(Project)
class ProjectAdmin(FeatureAdmin):
    form = ProjectForm
    list_display = ("name", "slug", "sector", "country_list", "status", "status_provenance", "precision",
                    "funding_list", "funding_provenance", "source_count")
    list_filter = ("sector", CountryFilter, "status", "status_provenance", "precision", FundingFilter,
                   "funding_provenance", "years_provenance", SourceCountFilter, "corridors")
    search_fields = ("slug", "name", "description", "location_note")
    filter_horizontal = ("corridors",)
    inlines = [ProjectMentionInline]
    history_list_display = ("status", "precision")
    readonly_fields = ("stated_stage", "stated_stage_year")

    def save_related(self, request, form, formsets, change):
        """After the mentions are saved, the stage they state (no new version: it is derived)."""
        super().save_related(request, form, formsets, change)
        refresh_stated_stage(project=form.instance)
    fieldsets = [
        (None, {"fields": ("slug", "name", "aliases", "description", "sector", "countries", "corridors")}),
        ("Current status", {"fields": ("status", "status_as_of", "status_basis", "status_provenance",
                                       "status_note")}),
        ("Stage the sources state", {"fields": ("stated_stage", "stated_stage_year")}),
        ("Years", {"fields": ("years", "years_provenance", "years_note", "milestones")}),
        ("Funding", {"fields": ("funding_types", "funding_provenance", "funding_note")}),
        ("Location", {"fields": ("precision", "location_note", "geom")}),
    ]

    @admin.display(description="funding")
    def funding_list(self, project):
        return ", ".join(project.funding_types)


@admin.register(ProjectMention)
class ProjectMentionAdmin(SimpleHistoryAdmin):
    list_display = ("project", "paragraph", "origin", "stage", "year", "matched_text")
    list_filter = ("origin", "stage", "paragraph__document")
    search_fields = ("project__name", "project__slug", "paragraph__anchor", "matched_text")
    raw_id_fields = ("project", "paragraph")
    list_select_related = ("project", "paragraph")
