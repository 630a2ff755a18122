"""What the system proposes after a document is added, for a curator to accept or reject."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from geodata.models import Paragraph


class Proposal(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", "mention (a paragraph names a mapped feature)"
        FACT = "fact", "stated fact (funding, amount, date)"
        PLACE = "place", "place not mapped yet"

    class State(models.TextChoices):
        PENDING = "pending", "to review"
        ACCEPTED = "accepted", "accepted"
        REJECTED = "rejected", "rejected"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    # related_name="+": geodata knows nothing of curation.
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")
    feature_kind = models.CharField(max_length=10, blank=True, help_text="project or corridor")
    feature_slug = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=300, help_text="The words of the paragraph")
    field = models.CharField(max_length=20, blank=True, help_text="fact: funding, amount or date")
    value = models.CharField(max_length=300, blank=True)
    details = models.JSONField(
        default=dict, blank=True, help_text="stage, currency and amount, event, candidate positions"
    )
    # The same proposal (kind, paragraph, feature or name, field, value) is made once: a rejected
    # one does not come back when the document is proposed again.
    key = models.CharField(max_length=600, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph__document__slug", "paragraph__order", "kind", "id"]
        indexes = [models.Index(fields=["state", "kind"], name="proposal_state_kind")]

    def __str__(self):
        target = self.feature_slug or self.name
        return f"{self.get_kind_display().split(' (')[0]}: {target} in {self.paragraph.anchor}"

    @property
    def document_slug(self) -> str:
        return self.paragraph.document.slug
