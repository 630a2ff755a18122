"""GET /export/<dataset>.<format>: the map's current selection as a file for GIS tools.

Thin: the filters are the map API's (same parsing, same 400s); projects.file_contents says
what goes in the file and geodata.file_formats writes it.
"""

from urllib.parse import urlencode

from django.http import FileResponse, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from geodata.file_formats import FORMATS
from geodata.query_params import FilterError
from projects import file_contents

METADATA_FORMAT = "txt"


def _not_found(message: str, parameter: str) -> JsonResponse:
    return JsonResponse({"error": message, "parameter": parameter}, status=404)


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_file(request, kind: str, fmt: str):
    if kind not in file_contents.DATASETS:
        known = ", ".join(file_contents.DATASETS)
        return _not_found(f"unknown dataset {kind!r}; expected one of: {known}", "dataset")
    if fmt not in FORMATS and fmt != METADATA_FORMAT:
        known = [*FORMATS, METADATA_FORMAT]
        return _not_found(f"unknown format {fmt!r}; expected one of: {', '.join(known)}", "format")
    try:
        filters = file_contents.parse_filters(kind=kind, query=request.GET)
    except FilterError as error:
        return JsonResponse(error.as_json(), status=400)
    now = timezone.now()
    site = request.build_absolute_uri("/")
    name = file_contents.file_name(kind=kind, filters=filters, fmt="geojson", now=now)
    name = name.removesuffix(".geojson")

    if fmt == METADATA_FORMAT:
        text = file_contents.sidecar_text(kind=kind, filters=filters, now=now, site=site)
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{name}-metadata.txt"'
        return response
    if fmt == "geojson":
        text = file_contents.geojson_export(kind=kind, filters=filters, now=now, site=site)
        return _attachment(HttpResponse(text, content_type=FORMATS[fmt].content_type), f"{name}.geojson")

    handle = file_contents.open_file_export(kind=kind, filters=filters, fmt=fmt, now=now, site=site)
    response = FileResponse(handle, as_attachment=True, filename=f"{name}.{FORMATS[fmt].extension}",
                            content_type=FORMATS[fmt].content_type)
    if fmt == "csv":
        # A CSV cannot carry its metadata: point at the sidecar for the same selection.
        query = urlencode(filters.as_query())
        sidecar = f"/export/{kind}.{METADATA_FORMAT}" + (f"?{query}" if query else "")
        response["Link"] = f'<{sidecar}>; rel="describedby"; type="text/plain"'
    return response
