"""Economic corridors and the roads that make them, as PostGIS lines."""

from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from simple_history.models import HistoricalRecords

from geodata.models import MentionBase, Paragraph


class Corridor(models.Model):
    class Kind(models.TextChoices):
        ECONOMIC_CORRIDOR = "economic_corridor", "economic corridor"
        SUB_CORRIDOR = "sub_corridor", "sub-corridor"
        NATIONAL_ROAD = "national_road", "national road"
        EXPRESSWAY = "expressway", "expressway"
        ROAD_LINK = "road_link", "road link"

    class GeometryMethod(models.TextChoices):
        DERIVED_FROM_ROADS = "derived_from_roads", "derived from the basemap roads"
        WAYPOINTS = "waypoints", "segments between real waypoints"
        MIXED = "mixed", "roads where covered, waypoints elsewhere"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    aliases = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children")
    countries = ArrayField(models.CharField(max_length=3), default=list)
    description = models.TextField(blank=True)
    start_name = models.CharField(max_length=120)
    end_name = models.CharField(max_length=120)
    waypoints = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    approx_length_km = models.FloatField(help_text="Documented approximate real length")
    length_note = models.TextField(blank=True)
    geometry_method = models.CharField(max_length=20, choices=GeometryMethod.choices)
    geometry_note = models.TextField(blank=True)
    geom = models.MultiLineStringField(srid=4326)
    paragraphs = models.ManyToManyField(Paragraph, through="CorridorMention", related_name="corridors")
    history = HistoricalRecords()  # a version on every save: who, when, what changed

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/corridors/{self.slug}/"


class CorridorMention(MentionBase):
    corridor = models.ForeignKey(Corridor, on_delete=models.CASCADE, related_name="mentions")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["corridor", "paragraph"], name="corridor_mention_unique"),
        ]
