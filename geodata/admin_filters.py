"""List filters the curators' admin shares between corridors and projects."""

from django.contrib import admin


class CountryFilter(admin.SimpleListFilter):
    """Features whose `countries` list holds the chosen ISO code (the codes in use are offered)."""

    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        lists = model_admin.model.objects.values_list("countries", flat=True)
        return [(code, code) for code in sorted({c for codes in lists for c in codes})]

    def queryset(self, request, queryset):
        return queryset.filter(countries__contains=[self.value()]) if self.value() else queryset
