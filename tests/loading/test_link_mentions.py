"""manage.py link_mentions: automatic links in the database, curated ones kept, idempotent."""

from io import StringIO

from django.core.management import call_command

from corridors.models import Corridor, CorridorMention
from geodata.models import Origin, UnmatchedCandidate
from projects.models import Project, ProjectMention


def links() -> set[tuple]:
    fields = ("paragraph__anchor", "origin", "matched_text")
    corridor = CorridorMention.objects.values_list("corridor__slug", *fields)
    project = ProjectMention.objects.values_list("project__slug", *fields)
    return set(corridor) | set(project)


def candidates() -> set[tuple]:
    return set(UnmatchedCandidate.objects.values_list("paragraph__anchor", "text", "kind"))


def link() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("link_mentions", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_paragraphs_are_linked_to_the_features_they_name(loaded):
    link()
    mentions = links()
    assert ("east-west-economic-corridor", "mjc2024-10", Origin.AUTOMATIC,
            "East-West and Southern Economic Corridor") in mentions
    assert ("southern-economic-corridor", "jmci2016-03", Origin.AUTOMATIC,
            "East-West and Southern Economic Corridors") in mentions
    assert ("east-west-economic-corridor", "ap2012-1.2-01", Origin.AUTOMATIC,
            "West-East Economic Corridor") in mentions
    assert ("lao-national-road-8", "ap2012-1.1-10", Origin.AUTOMATIC, "Route No.8 and No.12") in mentions
    assert ("lao-national-road-12", "ap2012-1.1-10", Origin.AUTOMATIC, "Route No.8 and No.12") in mentions
    assert ("hcmc-urban-railway-line-1", "mjc2024-3", Origin.AUTOMATIC,
            "Ho Chi Minh City Urban Railway Line 1") in mentions
    assert ("cambodia-national-road-1", "ap2012-1.1-02", Origin.AUTOMATIC, "National Road No. 1") in mentions
    assert ("vietnam-national-road-1", "ap2012-1.1-11", Origin.AUTOMATIC, "National Road No. 1") in mentions


def test_the_third_mekong_bridge_paragraph_links_road_12_and_the_bridge_project(loaded):
    link()
    corridors = set(CorridorMention.objects.filter(paragraph__anchor="ap2012-1.1-08")
                    .values_list("corridor__slug", flat=True))
    projects = set(ProjectMention.objects.filter(paragraph__anchor="ap2012-1.1-08")
                   .values_list("project__slug", flat=True))
    assert corridors == {"lao-national-road-12"}
    assert projects == {"third-mekong-bridge"}


def test_hanoi_line_1_is_not_linked_to_the_hcmc_phase_iv_paragraph(loaded):
    link()
    assert not ProjectMention.objects.filter(project__slug="hanoi-urban-railway-line-1",
                                             paragraph__anchor="mjc2024-3").exists()


def test_curated_links_stay_curated(loaded):
    """A curated link the linker also finds is not downgraded; its matched words are filled in."""
    link()
    mention = CorridorMention.objects.get(corridor__slug="east-west-economic-corridor",
                                          paragraph__anchor="jmci2016-03")
    assert mention.origin == Origin.CURATED
    assert mention.note == "names the East-West Economic Corridor"
    assert mention.matched_text == "East-West and Southern Economic Corridors"


def test_a_second_run_changes_nothing(loaded):
    out, _ = link()
    before = links(), candidates()
    out, _ = link()
    assert "0 created, 0 updated, 0 removed" in out
    assert (links(), candidates()) == before


def test_automatic_links_that_no_longer_match_are_removed(loaded):
    link()
    Corridor.objects.filter(slug="lao-national-road-8").update(aliases=[], name="Lao Road Eight")
    out, _ = link()
    assert "1 removed" in out
    assert not CorridorMention.objects.filter(corridor__slug="lao-national-road-8",
                                              paragraph__anchor="ap2012-1.1-10").exists()
    # Its curated link stays, though the name no longer matches.
    assert CorridorMention.objects.filter(corridor__slug="lao-national-road-8",
                                          origin=Origin.CURATED).exists()


def test_an_ambiguous_alias_is_reported_not_linked(loaded):
    """When the paragraph does not say which of two claimants it means: reported, not linked."""
    paragraph = loaded["ap2012-1.1-11"]
    paragraph.text = "Cambodia and Viet Nam will maintain National Road No. 1."
    paragraph.save()
    _, err = link()
    assert ("ambiguous: ap2012-1.1-11: 'National Road No. 1' is claimed by "
            "corridor cambodia-national-road-1, corridor vietnam-national-road-1") in err
    assert not CorridorMention.objects.filter(paragraph__anchor="ap2012-1.1-11").exists()


def test_names_no_feature_matches_are_stored_as_candidates(loaded):
    link()
    candidates = set(UnmatchedCandidate.objects.values_list("paragraph__anchor", "text"))
    assert ("ap2012-1.1-08", "Vung Ang Seaport") in candidates
    assert ("ap2012-1.1-01", "Cambodia National Road No. 5 Rehabilitation Project") in candidates
    # Mapped names are not candidates.
    assert not any("Third Mekong Bridge" in text for _, text in candidates)
    assert not any("Neak Loeung" in text for _, text in candidates)


def test_a_candidate_disappears_once_a_feature_has_its_name(loaded):
    link()
    project = Project.objects.get(slug="third-mekong-bridge")
    project.aliases = [*project.aliases, "Vung Ang Seaport"]  # only to prove the bookkeeping
    project.save()
    link()
    assert not UnmatchedCandidate.objects.filter(text="Vung Ang Seaport").exists()
