"""The review queue: proposals listed by document, kind and state, accepted or rejected in bulk
(admin actions: a place at its most precise candidate) or one at a time on its page, where the
curator reads the paragraph, picks the candidate position of a place, writes a note and presses
Accept or Reject. Each decision is a version; a new feature is then moved on the map in its own
admin page if needed."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from curation.models import Proposal
from curation.proposals import ProposalError, accept, reject


def candidate_label(candidate: dict) -> str:
    where = f"{candidate['lon']:.4f}, {candidate['lat']:.4f}"
    return f"{candidate['name']} ({where}; precision {candidate['precision']}): {candidate.get('reason', '')}"


class ProposalForm(forms.ModelForm):
    """The curator's note, and for a place the candidate position to accept it at."""

    candidate = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None,
        help_text="For a place: the position the new project gets (from the gazetteer, with its "
                  "precision code and why it is a candidate). Move it on the map afterwards if needed.")

    class Meta:
        model = Proposal
        fields = ("feature_slug", "value", "note")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = (self.instance.details or {}).get("candidates") or []
        if self.instance.kind != Proposal.Kind.PLACE or not options:
            del self.fields["candidate"]
            return
        self.fields["candidate"].choices = [(i, candidate_label(c)) for i, c in enumerate(options)]
        self.fields["candidate"].initial = 0


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    form = ProposalForm
    change_form_template = "admin/curation/proposal/change_form.html"
    list_display = (
        "kind_shown",
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
        "candidate",
        "note",
        "decided_at",
        "decided_by",
        "created_at",
        "key",
    )
    actions = ["accept_selected", "reject_selected"]

    @admin.display(description="kind", ordering="kind")
    def kind_shown(self, proposal):
        return proposal.kind  # the short code: the list's columns stay readable

    @admin.display(description="stage")
    def stage(self, proposal):
        return proposal.details.get("stage_words", "")

    @admin.display(description="candidates (lon, lat, precision)")
    def candidates_shown(self, proposal):
        options = proposal.details.get("candidates") or []
        return format_html_join(
            "; ", "{} ({}, {}; precision {})",
            ((c["name"], round(c["lon"], 3), round(c["lat"], 3), c["precision"]) for c in options[:3]),
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

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is None or obj.kind != Proposal.Kind.PLACE or not obj.details.get("candidates"):
            fields.remove("candidate")
        return fields

    def get_readonly_fields(self, request, obj=None):
        # A decision is kept as it was made: a decided proposal's page only shows it.
        decided = obj is not None and obj.state != Proposal.State.PENDING
        return (*self.readonly_fields, *(["feature_slug", "value", "note"] if decided else []))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.chosen_candidate = form.cleaned_data.get("candidate")

    def response_change(self, request, obj):
        """The Accept and Reject buttons of a pending proposal's page (the note is saved first)."""
        decision = next((d for d in ("_accept", "_reject") if d in request.POST), None)
        if decision is None or obj.state != Proposal.State.PENDING:
            return super().response_change(request, obj)
        try:
            if decision == "_accept":
                candidate = getattr(obj, "chosen_candidate", None)
                accept(obj, user=request.user, candidate=candidate, note=obj.note)
            else:
                reject(obj, user=request.user, note=obj.note)
        except ProposalError as error:
            self.message_user(request, f"Not accepted: {error}", messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(request, f"{obj}: {obj.get_state_display()}.", messages.SUCCESS)
        return HttpResponseRedirect("../")
