"""Projects named by the sources, each at its real place with honest provenance."""

from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from corridors.models import Corridor
from geodata.models import MentionBase, Paragraph, Provenance
from geodata.precision import PRECISION_CHOICES
from projects.vocabularies import FundingType, Sector, Stage, Status


class Project(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=300)
    aliases = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    description = models.TextField(blank=True)
    countries = ArrayField(models.CharField(max_length=3), default=list)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    # The current status: as of a year, on a basis (the paragraph that states it, or the public
    # record a curator names); apart from it, the stage the latest citing paragraph states.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    status_provenance = models.CharField(max_length=10, choices=Provenance.choices)
    status_note = models.TextField(blank=True)
    status_as_of = models.PositiveSmallIntegerField(null=True, blank=True,
                                                    help_text="The year the status is known for")
    status_basis = models.TextField(blank=True, help_text="The cited paragraph's anchor (stated), or "
                                    "the public record that states the status (curated)")
    stated_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True,
                                    help_text="The stage the latest paragraph that states one gives "
                                    "(kept by projects.history from the mentions)")
    stated_stage_year = models.PositiveSmallIntegerField(null=True, blank=True)
    # The years of the documents that name the project ("named in"), exactly (projects.years).
    years = ArrayField(models.PositiveSmallIntegerField(), default=list)
    years_provenance = models.CharField(max_length=10, choices=Provenance.choices)
    years_note = models.TextField(blank=True)
    # Dated events a cited paragraph states: [{"year", "event", "anchor"}] (projects.years).
    milestones = models.JSONField(default=list, blank=True)
    milestone_years = ArrayField(models.PositiveSmallIntegerField(), default=list, blank=True)
    funding_types = ArrayField(models.CharField(max_length=30, choices=FundingType.choices),
                               default=list)
    funding_provenance = models.CharField(max_length=10, choices=Provenance.choices)
    funding_note = models.TextField(blank=True)
    corridors = models.ManyToManyField(Corridor, blank=True, related_name="projects")
    precision = models.PositiveSmallIntegerField(choices=PRECISION_CHOICES)
    location_note = models.TextField()
    geom = models.GeometryField(srid=4326)
    paragraphs = models.ManyToManyField(Paragraph, through="ProjectMention", related_name="projects")
    # Test data made by manage.py generate_synthetic, never a real project (removed with --clear).
    generated = models.BooleanField(default=False, db_default=False)
    # A version on every save (admin, loader, accepted proposal): who, when, what changed.
    history = HistoricalRecords(m2m_fields=[corridors])

    class Meta:
        ordering = ["name"]
        # One index per filter of the map API (see docs/performance.md); the geography and
        # web-mercator expression indexes are in migrations (RunSQL).
        indexes = [
            GinIndex(fields=["years"], name="project_years_gin"),
            GinIndex(fields=["countries"], name="project_countries_gin"),
            GinIndex(fields=["funding_types"], name="project_funding_gin"),
            models.Index(fields=["sector"], name="project_sector"),
            models.Index(fields=["status"], name="project_status"),
            models.Index(fields=["precision"], name="project_precision"),
            models.Index(fields=["name", "slug"], name="project_name_slug"),  # the API's order
            # icontains is UPPER(column) LIKE UPPER('%text%'): trigram indexes answer it.
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="project_name_trgm"),
            GinIndex(OpClass(Upper("description"), name="gin_trgm_ops"), name="project_description_trgm"),
            models.Index(fields=["id"], condition=models.Q(generated=True), name="project_generated"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/projects/{self.slug}/"


class ProjectMention(MentionBase):
    """A paragraph that names a project, with the stage and year it states."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="mentions")
    stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "paragraph"], name="project_mention_unique"),
        ]


class FacetSnapshot(models.Model):
    """The facet counts of all projects (no filter), kept by projects/facet_snapshot.py.

    One row at most. Triggers (migration 0004) delete it on any write to the tables the counts
    read, whatever writes (a service, the admin, SQL); the services compute it again after their
    writes, and until then /api/facets counts live.
    """

    counts = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)


class StatedFact(models.Model):
    """A fact a paragraph states about a project — a funding instrument, an amount with its currency,
    a dated event — accepted by a curator from a proposal (curation.proposals). The paragraph is the
    fact's source."""

    class Field(models.TextChoices):
        FUNDING = "funding", "funding instrument"
        AMOUNT = "amount", "amount"
        DATE = "date", "dated event"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stated_facts")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=10, choices=Field.choices)
    value = models.CharField(max_length=300, help_text="e.g. oda_loan, 11.715 billion JPY, 2020-03-24")
    words = models.CharField(max_length=300, help_text="The words of the paragraph that state it")
    details = models.JSONField(default=dict, blank=True, help_text="amount and currency, or event and year")
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "field", "value"]
        constraints = [models.UniqueConstraint(fields=["project", "paragraph", "field", "value"],
                                               name="stated_fact_unique")]

    def __str__(self):
        return f"{self.project.slug}: {self.get_field_display()} {self.value} ({self.paragraph.anchor})"
