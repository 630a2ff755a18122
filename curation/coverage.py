"""Coverage as a measure (GET /api/coverage): per document, the place names the detector finds
(geodata.places), how many of them are mapped (a feature the paragraph names by that name),
explained (geodata/data/unmapped_names.json) or rejected by a curator (a rejected place proposal,
listed with the curator's note), and the names that are none of these — what the map still misses.
The coverage page (geomekong.coverage) shows the same measure."""

from django.db.models import Prefetch

from curation.models import Proposal
from geodata.linking import alias_key, find_matches
from geodata.models import Document, Paragraph
from geodata.places import detect_place_names, explanation_for, read_explanations
from projects.services import linkable_features


def coverage_measure() -> list[dict]:
    features = linkable_features()
    known = {alias_key(name) for feature in features for name in feature.names}
    explanations = read_explanations()
    rejected = {
        (anchor, alias_key(name)): {"name": name, "paragraph": anchor, "note": note}
        for anchor, name, note in Proposal.objects.filter(
            kind=Proposal.Kind.PLACE, state=Proposal.State.REJECTED
        ).values_list("paragraph__anchor", "name", "note")
    }
    paragraphs = Prefetch("paragraphs", queryset=Paragraph.objects.order_by("order").only(
        "anchor", "text", "document_id"))
    measure = []
    for document in Document.objects.order_by("year", "slug").prefetch_related(paragraphs):
        counts = {"detected": 0, "mapped": 0, "explained": 0, "rejected": 0}
        missing, rejected_names = [], []
        for paragraph in document.paragraphs.all():
            spans = [(m.start, m.end) for m in find_matches(features=features, text=paragraph.text).matches]
            for name in detect_place_names(paragraph.text):
                counts["detected"] += 1
                key = alias_key(name.text)
                if key in known or any(start < name.end and name.start < end for start, end in spans):
                    counts["mapped"] += 1
                elif explanation_for(name=name, anchor=paragraph.anchor, explanations=explanations):
                    counts["explained"] += 1
                elif (paragraph.anchor, key) in rejected:
                    counts["rejected"] += 1
                    rejected_names.append({**rejected[(paragraph.anchor, key)], "kind": name.kind})
                else:
                    missing.append({"name": name.text, "kind": name.kind, "paragraph": paragraph.anchor})
        detected = counts["detected"]
        measure.append({"document": document.slug, "short": document.short, "year": document.year, **counts,
                        "unaccounted": missing, "rejected_names": rejected_names,
                        "share_mapped": round(counts["mapped"] / detected, 3) if detected else None})
    return measure
