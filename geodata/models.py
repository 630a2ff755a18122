"""Source documents as first-class data: documents, their sections, pillars and paragraphs."""

from django.contrib.gis.db.models import MultiPolygonField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords


class Theme(models.Model):
    """A cross-document theme (e.g. Connectivity & infrastructure) that pillars map to."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class Document(models.Model):
    class Kind(models.TextChoices):
        STRATEGY = "strategy", "strategy"
        ACTION_PLAN = "action-plan", "action plan"
        STATEMENT = "statement", "joint statement"
        PRESS_RELEASE = "press-release", "press release"
        NEWS = "news", "news"

    class Origin(models.TextChoices):
        """Where the document comes from: the manifest in geodata/data/sources, or added by a curator
        (add_document or the admin upload) and not yet written to files by dump_geodata."""

        MANIFEST = "manifest", "listed in the manifest"
        ADDED = "added", "added by a curator"

    slug = models.SlugField(max_length=80, unique=True)
    short = models.CharField(max_length=20, help_text="Short label, e.g. MJC2024")
    anchor_prefix = models.CharField(max_length=50, unique=True, help_text="e.g. mjc2024")
    title = models.CharField(max_length=300)
    date_text = models.CharField(max_length=20, help_text="As in the manifest: 2024-07-26, 2007-01, 2016")
    year = models.PositiveSmallIntegerField(db_index=True)
    date_note = models.TextField(blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    adopted_at = models.CharField(max_length=300, blank=True)
    structure = models.TextField(blank=True)
    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64, help_text="Checksum of the imported file")
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    url = models.URLField(max_length=500, blank=True, help_text="Where the document is published")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MANIFEST)
    # Documents added by curators (add_document, the admin upload) are read by the generic parser;
    # their text is kept so dump_geodata can write it back to a file, and their paragraphs are
    # linked to features through reviewed proposals, not by link_mentions.
    source_format = models.CharField(max_length=10, blank=True,
                                     help_text="The added file's format: markdown, text, html or pdf")
    text = models.TextField(blank=True, help_text="The document's text as parsed (Markdown)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "slug"]

    def __str__(self):
        return self.title


class Pillar(models.Model):
    """A pillar as printed in one document, mapped to one cross-document theme."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pillars")
    slug = models.SlugField(max_length=80, unique=True, help_text="e.g. mjc2024-a, ap2012-1")
    code = models.CharField(max_length=20, help_text="As printed: 1, A, ...")
    name = models.CharField(max_length=200)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="pillars")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["document__year", "order"]

    def __str__(self):
        return f"{self.document.short} {self.code} {self.name}"


class Section(models.Model):
    """A heading of a document; sections nest (II > A > A.1)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children")
    label = models.CharField(max_length=20, blank=True, help_text="As printed: II, A.1, 1.1")
    title = models.CharField(max_length=400)
    level = models.PositiveSmallIntegerField()
    order = models.PositiveIntegerField()
    path = models.CharField(max_length=800, help_text="II > A > A.1 Quality infrastructure ...")
    pillar = models.ForeignKey(Pillar, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["document", "order"]
        constraints = [
            models.UniqueConstraint(fields=["document", "order"], name="section_order_unique"),
        ]

    def __str__(self):
        return self.path


class Paragraph(models.Model):
    class Kind(models.TextChoices):
        NUMBERED = "numbered", "numbered paragraph"
        BULLET = "bullet", "bullet"
        PROSE = "prose", "unnumbered paragraph"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="paragraphs")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children")
    anchor = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=20, blank=True, help_text="Printed number or bullet position")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    section_path = models.CharField(max_length=800, blank=True)
    pillar = models.ForeignKey(Pillar, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="paragraphs")
    text = models.TextField()
    order = models.PositiveIntegerField()
    search_vector = models.GeneratedField(
        expression=SearchVector("text", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["document", "order"]
        indexes = [GinIndex(fields=["search_vector"], name="paragraph_search_gin")]
        constraints = [
            models.UniqueConstraint(fields=["document", "order"], name="paragraph_order_unique"),
        ]

    def __str__(self):
        return self.anchor

    def get_absolute_url(self):
        return f"/sources/{self.document.slug}/#{self.anchor}"


class Origin(models.TextChoices):
    """Who made a link or a fact: the curators, or the automatic linker (or the test-data generator)."""

    CURATED = "curated", "curated"
    AUTOMATIC = "automatic", "automatic (matched by alias)"
    GENERATED = "generated", "generated test data (not a real link)"


class Provenance(models.TextChoices):
    """Whether a fact is stated by a cited paragraph or added by curation; `generated` marks the
    made-up facts of generated test projects (manage.py generate_synthetic), never curated data."""

    STATED = "stated", "stated in a cited source"
    CURATED = "curated", "added by curation"
    GENERATED = "generated", "generated test data (not a fact)"


class MentionBase(models.Model):
    """A link from a mapped feature to a paragraph that mentions it."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    matched_text = models.CharField(max_length=300, blank=True,
                                    help_text="The words the linker matched")
    note = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.paragraph.anchor} ({self.get_origin_display()})"


class Country(models.Model):
    """A country outline from the basemap (clipped to the region); checks and lengths use it."""

    iso_a3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=120)
    geom = MultiPolygonField(srid=4326)

    class Meta:
        ordering = ["iso_a3"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name


class UnmatchedCandidate(models.Model):
    """A name the text gives (a title, a port, a bridge ...) that no mapped feature matches yet."""

    class Kind(models.TextChoices):
        QUOTED = "quoted", "quoted title"
        PROJECT_FOR = "project_for", "'Project for ...' phrase"
        PLACE = "place", "named place or facility"

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="unmatched_candidates")
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=Kind.choices)

    class Meta:
        ordering = ["paragraph__document__year", "paragraph__order", "text"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "text"], name="unmatched_candidate_unique"),
        ]

    def __str__(self):
        return f"{self.text} ({self.paragraph.anchor})"


class DataVersion(models.Model):
    """One row: a counter bumped by every write to the published data, and when it last moved.

    Statement-level triggers (geodata.dataversion, installed after every migrate on every table
    of the project's apps) bump it in the writing transaction, so loaders, bulk updates, raw SQL
    and admin edits all count; the HTTP layer derives ETag and Last-Modified from it.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="dataversion_single_row")]

    def __str__(self):
        return f"data version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
