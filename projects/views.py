from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from geodata.basemap import LAYERS, UnknownLayer, layer_bytes

# The basemap files change only with a release of the code.
BASEMAP_MAX_AGE = 7 * 24 * 3600


@require_safe
def map_page(request):
    return render(request, "projects/map.html")


@require_safe
@xframe_options_exempt  # the embed view exists to be shown in other sites' iframes
def embed_page(request):
    return render(request, "projects/embed.html")


@require_safe
def basemap_layer(request, layer: str):
    try:
        content = layer_bytes(layer=layer)
    except UnknownLayer:
        return JsonResponse(
            {"error": f"Unknown basemap layer; known layers: {', '.join(LAYERS)}", "parameter": "layer"},
            status=404,
        )
    response = HttpResponse(content, content_type="application/geo+json")
    response["Cache-Control"] = f"public, max-age={BASEMAP_MAX_AGE}"
    return response
