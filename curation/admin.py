"""The review queue: proposals listed by document, kind and state, accepted or rejected in bulk
(admin actions) with a version of each decision. A place is accepted at its most precise
candidate; the new feature is then moved on the map in its own admin page if needed."""

from django.contrib import admin, messages
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from curation.models import Proposal
from curation.proposals import ProposalError, accept, reject


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = (
        "kind",
        "state",
        "feature_slug",
        "name",
        "value",
        "paragraph",
        "stage",
        "candidates_shown",
    )
    list_filter = ("state", "kind", "paragraph__document")
    search_fields = ("name", "feature_slug", "value", "paragraph__anchor")
    list_select_related = ("paragraph", "paragraph__document")
    # The decision is an action (accept writes the mention, fact or feature), not a field to set.
    readonly_fields = (
        "state",
        "kind",
        "paragraph",
        "feature_kind",
        "name",
        "field",
        "details",
        "key",
        "created_at",
        "decided_at",
        "decided_by",
        "paragraph_text",
    )
    fields = (
        "kind",
        "state",
        "paragraph",
        "paragraph_text",
        "feature_kind",
        "feature_slug",
        "name",
        "field",
        "value",
        "details",
        "note",
        "decided_at",
        "decided_by",
        "created_at",
        "key",
    )
    actions = ["accept_selected", "reject_selected"]

    @admin.display(description="stage")
    def stage(self, proposal):
        return proposal.details.get("stage_words", "")

    @admin.display(description="candidates (lon, lat, precision)")
    def candidates_shown(self, proposal):
        options = proposal.details.get("candidates") or []
        return format_html_join(
            "; ", "{} ({}, {}, {})", ((c["name"], c["lon"], c["lat"], c["precision"]) for c in options[:3])
        )

    @admin.display(description="paragraph text")
    def paragraph_text(self, proposal):
        return proposal.paragraph.text

    @admin.action(description="Accept (a place at its first candidate)")
    def accept_selected(self, request, queryset):
        done = 0
        for proposal in queryset.select_related("paragraph__document"):
            try:
                accept(
                    proposal, user=request.user, candidate=0 if proposal.kind == Proposal.Kind.PLACE else None
                )
                done += 1
            except ProposalError as error:
                self.message_user(request, f"{proposal}: {error}", messages.WARNING)
        self.message_user(request, f"{done} accepted.", messages.SUCCESS)

    @admin.action(description="Reject (will not be proposed again)")
    def reject_selected(self, request, queryset):
        for proposal in queryset:
            reject(proposal, user=request.user)
        self.message_user(request, f"{queryset.count()} rejected.", messages.SUCCESS)
