"""Reads: documents for the reader, and paragraphs by full-text search (PostgreSQL FTS)."""

import html
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, QuerySet

from geodata.models import Document, Paragraph, Pillar, Section, Theme
from geodata.parsing import PROFILES
from geodata.query_params import shown

SEARCH_CONFIG = "english"
# Markers no source text contains: the headline is escaped as a whole, then they become <mark>.
_START, _STOP = "\x02", "\x03"


class UnknownFilter(ValueError):
    def __init__(self, *, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class ParagraphFilters:
    q: str = ""
    document: str = ""
    pillar: str = ""
    theme: str = ""


@dataclass(frozen=True)
class Block:
    """One item of a document in reading order: a heading or a paragraph."""

    section: Section | None = None
    paragraph: Paragraph | None = None


def document_list() -> QuerySet[Document]:
    return Document.objects.annotate(paragraph_count=Count("paragraphs")).order_by("year", "slug")


def document_get(*, slug: str) -> Document | None:
    return Document.objects.filter(slug=slug).first()


def document_blocks(*, document: Document) -> list[Block]:
    """Headings and paragraphs in reading order, with each paragraph's pillar."""
    sections = list(Section.objects.filter(document=document).order_by("order"))
    paragraphs = (Paragraph.objects.filter(document=document)
                  .select_related("document", "pillar__theme")
                  .order_by("order"))
    truncated = PROFILES[document.slug].truncated_in_source if document.slug in PROFILES else frozenset()
    by_section: dict[int | None, list[Paragraph]] = {}
    for paragraph in paragraphs:
        paragraph.truncated_in_source = paragraph.anchor in truncated
        by_section.setdefault(paragraph.section_id, []).append(paragraph)
    # A paragraph belongs to the heading just above it, so a section's own paragraphs come
    # right after its heading and before its sub-headings.
    blocks = [Block(paragraph=p) for p in by_section.get(None, [])]
    for section in sections:
        blocks.append(Block(section=section))
        blocks += [Block(paragraph=p) for p in by_section.get(section.pk, [])]
    return blocks


def document_pillars(*, document: Document) -> QuerySet[Pillar]:
    return Pillar.objects.filter(document=document).select_related("theme").order_by("order")


def paragraph_get(*, anchor: str) -> Paragraph | None:
    return (Paragraph.objects.select_related("document", "pillar__theme")
            .filter(anchor=anchor).first())


def paragraph_search(*, filters: ParagraphFilters, limit: int, offset: int) -> tuple[int, list[Paragraph]]:
    """Paragraphs matching the filters: ranked by relevance when q is given, else in document order.

    Each result carries `snippet`: HTML-escaped text with <mark> around the matched words
    ("" without q). Raises UnknownFilter for a document, pillar or theme that does not exist.
    """
    queryset = Paragraph.objects.select_related("document", "pillar__theme")
    queryset = _apply_filters(queryset, filters=filters)
    if filters.q:
        query = SearchQuery(filters.q, search_type="websearch", config=SEARCH_CONFIG)
        queryset = (queryset.filter(search_vector=query)
                    .annotate(rank=SearchRank(F("search_vector"), query),
                              headline=SearchHeadline("text", query, config=SEARCH_CONFIG,
                                                      start_sel=_START, stop_sel=_STOP,
                                                      max_words=40, min_words=20))
                    .order_by("-rank", "document__year", "order"))
    else:
        queryset = queryset.order_by("document__year", "document__slug", "order")
    count = queryset.count()
    results = list(queryset[offset:offset + limit])
    for paragraph in results:
        paragraph.snippet = _safe_headline(getattr(paragraph, "headline", ""))
    return count, results


def _apply_filters(queryset: QuerySet[Paragraph], *, filters: ParagraphFilters) -> QuerySet[Paragraph]:
    if filters.document:
        if not Document.objects.filter(slug=filters.document).exists():
            raise UnknownFilter(parameter="document", message=f"unknown document {shown(filters.document)}")
        queryset = queryset.filter(document__slug=filters.document)
    if filters.pillar:
        if not Pillar.objects.filter(slug=filters.pillar).exists():
            raise UnknownFilter(parameter="pillar", message=f"unknown pillar {shown(filters.pillar)}")
        queryset = queryset.filter(pillar__slug=filters.pillar)
    if filters.theme:
        if not Theme.objects.filter(slug=filters.theme).exists():
            raise UnknownFilter(parameter="theme", message=f"unknown theme {shown(filters.theme)}")
        queryset = queryset.filter(pillar__theme__slug=filters.theme)
    return queryset


def _safe_headline(headline: str) -> str:
    return html.escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>")
