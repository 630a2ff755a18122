"""The site's OpenAPI document at /api/openapi.json and /api/docs: the map API's operations
(projects.openapi) and the curation review queue's (curation.openapi), one document for clients."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curation.openapi import coverage_paths, proposal_paths
from projects.openapi import Vocabulary, openapi_schema, operations


def site_openapi(vocabulary: Vocabulary | None = None) -> dict:
    vocabulary = vocabulary or Vocabulary.load()
    schema = openapi_schema(vocabulary)
    schema["paths"].update({**proposal_paths(vocabulary), **coverage_paths()})
    return schema


@require_GET
def openapi_json(request):
    return JsonResponse(site_openapi(), json_dumps_params={"indent": 2})


@require_GET
def api_docs(request):
    schema = site_openapi()
    return render(request, "api/docs.html", {"info": schema["info"], "operations": operations(schema)})
