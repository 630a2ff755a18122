"""The OpenAPI description of GET /api/proposals (the site-wide document is geomekong/openapi.py)."""

from curation.models import Proposal
from geodata.parameters import list_parameter as _list
from geodata.parameters import one_of as _values
from geodata.parameters import openapi_parameter as _param
from geodata.places import KINDS
from projects.openapi import Vocabulary, _json, _operation


def proposal_paths(vocabulary: Vocabulary) -> dict:
    candidate = {"type": "object", "required": ["name", "kind", "lon", "lat", "precision", "source"],
                 "properties": {"name": {"type": "string"}, "kind": {"type": "string"},
                                "lon": {"type": "number"}, "lat": {"type": "number"},
                                "precision": {"type": "integer"}, "source": {"type": "string"},
                                "country": {"type": "string"}, "reason": {"type": "string"}}}
    nullable = {"type": "string", "nullable": True}
    proposal = {"type": "object", "required": ["id", "kind", "state", "document", "paragraph", "name"],
                "properties": {
                    "id": {"type": "integer"}, "kind": {"type": "string", "enum": Proposal.Kind.values},
                    "state": {"type": "string", "enum": Proposal.State.values},
                    "document": {"type": "string"}, "paragraph": {"type": "string"},
                    "feature": {"type": "object", "nullable": True, "properties": {
                        "kind": {"type": "string"}, "slug": {"type": "string"}}},
                    "name": {"type": "string"}, "field": nullable, "value": nullable, "stage": nullable,
                    "candidates": {"type": "array", "items": candidate}}}
    document = _param("document", "Document slug (required).", _values(vocabulary.documents),
                      "mjc-strategy-2024") | {"required": True, "allowEmptyValue": False}
    return {"/api/proposals": _operation(
        "listProposals", "The review queue of a document",
        "What the system proposes for a document a curator added (or on demand: manage.py propose): "
        "mentions of mapped features with the stage the wording implies, stated facts (funding, amount, "
        "dated event) and places not mapped yet with candidate positions from the gazetteer. Read-only: "
        "curators accept or reject them in the admin.",
        [document, _list("state", "Proposal state(s).", Proposal.State.values, "pending"),
         _list("kind", "Proposal kind(s).", Proposal.Kind.values, "place")],
        {"200": _json("The proposals.", {"type": "object", "required": ["document", "count", "results"],
                                         "properties": {"document": {"type": "string"},
                                                        "count": {"type": "integer"},
                                                        "results": {"type": "array", "items": proposal}}})},
        ["/api/proposals?document=mjc-strategy-2024&state=pending"], "sources",
    )}


def coverage_paths() -> dict:
    count = {"type": "integer"}
    name = {"type": "object", "required": ["name", "kind", "paragraph"], "properties": {
        "name": {"type": "string"}, "kind": {"type": "string", "enum": list(KINDS)},
        "paragraph": {"type": "string"}}}
    document = {"type": "object", "required": ["document", "detected", "mapped", "explained", "rejected",
                                               "unaccounted", "rejected_names", "share_mapped"],
                "properties": {
                    "document": {"type": "string"}, "short": {"type": "string"}, "year": {"type": "integer"},
                    "detected": count, "mapped": count, "explained": count, "rejected": count,
                    "share_mapped": {"type": "number", "nullable": True, "minimum": 0, "maximum": 1},
                    "unaccounted": {"type": "array", "items": name},
                    "rejected_names": {"type": "array", "items": name | {
                        "required": [*name["required"], "note"],
                        "properties": name["properties"] | {"note": {"type": "string"}}}}}}
    return {"/api/coverage": _operation(
        "coverage", "How much of each document the map covers",
        "Per document: the place names the detector finds (bridges, ports, airports, roads, railways, SEZs, "
        "hospitals, centres and institutes, provinces and towns), how many are mapped, explained "
        "(geodata/data/unmapped_names.json) or rejected by a curator (listed with the curator's note), "
        "the share mapped (null without names), and the names that are none of these.",
        [], {"200": _json("The measure per document.", {"type": "object", "required": ["documents"],
                                                         "properties": {"documents": {"type": "array",
                                                                                      "items": document}}})},
        ["/api/coverage"], "sources",
    )}
