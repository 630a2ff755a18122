"""The parser turns each extracted source text into sections and paragraphs, handling its quirks."""

import pytest

from geodata.parsing import (
    BULLET,
    NUMBERED,
    PRINTED_NUMBERS,
    PROFILES,
    PROSE,
    READING_ORDER,
    SECTION_BULLETS,
    ParseError,
    Profile,
    ends_sentence,
    parse_document,
)
from geodata.services import DEFAULT_SOURCE_DIR

STRATEGY = Profile(prefix="t", anchor_style=PRINTED_NUMBERS, level_rules=((r"^[A-Z]\.\d+\s", 2),))
ACTION_PLAN = Profile(
    prefix="ap",
    anchor_style=SECTION_BULLETS,
    heading_patterns=(r"^\d+(\.\d+)*\.?\s+\S",),
    level_rules=((r"^\d+\.\d+", 2),),
)
FLAT = Profile(prefix="f", anchor_style=READING_ORDER)


def parse(text: str, profile: Profile = STRATEGY):
    return parse_document(text, file_name="test.md", profile=profile)


def parse_real(slug: str):
    profile = PROFILES[slug]
    text = (DEFAULT_SOURCE_DIR / f"{slug}.md").read_text(encoding="utf-8")
    return parse_document(text, file_name=f"{slug}.md", profile=profile)


def by_anchor(parsed) -> dict:
    return {p.anchor: p for p in parsed.paragraphs}


# --- structure ----------------------------------------------------------------------------------


def test_numbered_paragraphs_get_their_printed_number_as_label_and_anchor():
    parsed = parse("Title\n\n1 May, 2024\n\n1. First.\n2. Second.\n\n3. Third?\n")
    assert [(p.anchor, p.label, p.kind) for p in parsed.paragraphs] == [
        ("t-1", "1", NUMBERED),
        ("t-2", "2", NUMBERED),
        ("t-3", "3", NUMBERED),
    ]


def test_the_title_line_and_the_date_line_are_not_paragraphs():
    parsed = parse("\n\n## A title\n\n26 July, 2024\n\nSome prose.\n")
    assert [p.text for p in parsed.paragraphs] == ["Some prose."]
    assert parsed.paragraphs[0].anchor == "t-p1"


def test_markdown_headings_lose_their_bold_and_italic_markers_and_split_their_label():
    parsed = parse(
        "T\n\n#### **A.1 Quality infrastructure**\n\n1. Text.\n\n*(People-Centered Society)*\n\n2. More.\n"
    )
    first, second = parsed.sections
    assert (first.label, first.title, first.path) == (
        "A.1",
        "Quality infrastructure",
        "A.1 Quality infrastructure",
    )
    assert (second.label, second.title) == ("", "(People-Centered Society)")


def test_a_skipped_number_is_a_parse_error_naming_file_and_line():
    with pytest.raises(ParseError, match=r"^test\.md line 4: paragraph 3 follows paragraph 1"):
        parse("T\n\n1. One.\n3. Three.\n")


def test_numbered_sections_with_and_without_a_trailing_dot_are_sections_not_paragraphs():
    parsed = parse(
        "T\n\n1. Pillar 1: Connect\n\n1.1 Actions on roads\n\n- Build a road.\n\n"
        "3 Pillar 3: Green\n\n- Plant trees.\n",
        ACTION_PLAN,
    )
    assert [(s.label, s.title, s.level) for s in parsed.sections] == [
        ("1", "Pillar 1: Connect", 1),
        ("1.1", "Actions on roads", 2),
        ("3", "Pillar 3: Green", 1),
    ]
    assert [p.anchor for p in parsed.paragraphs] == ["ap-1.1-01", "ap-3-01"]
    assert parsed.paragraphs[0].section_order == 1


def test_bullet_markers_are_stripped():
    parsed = parse("T\n\n【Heading】\n\n- plain.\n- ◆ diamond.\n- * star.\n* bare star.\n", FLAT)
    assert [p.text for p in parsed.paragraphs] == ["plain.", "diamond.", "star.", "bare star."]
    assert parsed.sections[0].title == "Heading"


def test_nested_bullets_take_the_parent_anchor_plus_a_letter():
    parsed = parse(
        "T\n\n1.1 S\n\n- One.\n- Two, as follows:\n - first.\n - ✓ second.\n- Three.\n", ACTION_PLAN
    )
    assert [(p.anchor, p.label, p.parent_anchor) for p in parsed.paragraphs] == [
        ("ap-1.1-01", "01", None),
        ("ap-1.1-02", "02", None),
        ("ap-1.1-02a", "02a", "ap-1.1-02"),
        ("ap-1.1-02b", "02b", "ap-1.1-02"),
        ("ap-1.1-03", "03", None),
    ]


def test_a_check_mark_bullet_without_indent_still_nests_under_the_bullet_above():
    parsed = parse("T\n\n1.4 S\n\n- Actions:\n\n- ✓ Share results.\n- ✓ Pilot.\n", ACTION_PLAN)
    assert [p.parent_anchor for p in parsed.paragraphs] == [None, "ap-1.4-01", "ap-1.4-01"]


def test_a_nested_bullet_without_a_parent_is_a_parse_error():
    with pytest.raises(ParseError, match=r"test\.md line 5: nested bullet"):
        parse("T\n\n1.1 S\n\n - orphan.\n", ACTION_PLAN)


# --- page breaks ---------------------------------------------------------------------------------


def test_a_lowercase_line_after_a_blank_continues_the_paragraph():
    parsed = parse("T\n\n1. Japan provided vaccines\n\nand medical equipment.\n\n2. Next.\n")
    assert by_anchor(parsed)["t-1"].text == "Japan provided vaccines and medical equipment."


def test_an_unfinished_sentence_continues_even_when_the_next_line_is_capitalised():
    parsed = parse(
        "T\n\n1.1 S\n\n- Japan will implement “Siem Reap Water Supply Expansion\n\nProject”.\n\n- Next.\n",
        ACTION_PLAN,
    )
    assert parsed.paragraphs[0].text == "Japan will implement “Siem Reap Water Supply Expansion Project”."
    assert len(parsed.paragraphs) == 2


def test_a_word_hyphenated_across_a_page_break_is_joined_without_a_space():
    parsed = parse("T\n\n1. The Year of ASEAN-\n\nJapan Friendship.\n")
    assert parsed.paragraphs[0].text == "The Year of ASEAN-Japan Friendship."


def test_a_finished_sentence_followed_by_a_capitalised_line_starts_a_new_paragraph():
    parsed = parse("T\n\nFirst prose.\n\nSecond prose.\n")
    assert [p.anchor for p in parsed.paragraphs] == ["t-p1", "t-p2"]


def test_a_heading_is_never_swallowed_by_an_unfinished_paragraph():
    parsed = parse("T\n\n1. the application of the ASEAN Smart City\n\n\n\n### **B.3 Support**\n\n2. Next.\n")
    assert parsed.paragraphs[0].text == "the application of the ASEAN Smart City"
    assert parsed.sections[0].label == "B.3"
    assert parsed.paragraphs[1].section_order == 0


# --- markup -------------------------------------------------------------------------------------


def test_sup_tags_are_removed_but_their_words_kept_and_escaped_dollars_undone():
    parsed = parse("T\n\n1. The 15<sup>th</sup> anniversary and US\\$1.3 million.\n")
    assert parsed.paragraphs[0].text == "The 15th anniversary and US$1.3 million."


# --- the real documents -------------------------------------------------------------------------


def test_the_2024_strategy_has_exactly_55_numbered_paragraphs_in_order():
    numbered = [p for p in parse_real("mjc-strategy-2024").paragraphs if p.kind == NUMBERED]
    assert [p.label for p in numbered] == [str(n) for n in range(1, 56)]


def test_no_2024_paragraph_ends_mid_sentence_except_the_one_truncated_in_the_source():
    """Paragraph 30 stops at "…the application of the ASEAN Smart City" in the published text
    (blank lines and the B.3 heading follow): that is the source, not a page break, so it is
    listed explicitly in the profile and shown as such on the reader page."""
    truncated = PROFILES["mjc-strategy-2024"].truncated_in_source
    assert truncated == {"mjc2024-30"}
    paragraphs = by_anchor(parse_real("mjc-strategy-2024"))
    assert paragraphs["mjc2024-30"].text.endswith("the application of the ASEAN Smart City")
    unfinished = [a for a, p in paragraphs.items() if not ends_sentence(p.text) and a not in truncated]
    assert unfinished == []


def test_2024_page_break_joins():
    paragraphs = by_anchor(parse_real("mjc-strategy-2024"))
    assert (
        "Japan provided vaccines and medical equipment to the Mekong countries"
        in paragraphs["mjc2024-8"].text
    )
    assert "reiterate the importance of the role of tourism" in paragraphs["mjc2024-21"].text
    assert "50th Year of ASEAN-Japan Friendship and Cooperation in 2023" in paragraphs["mjc2024-3"].text
    assert "promote energy transition through" in paragraphs["mjc2024-43"].text
    assert "ASEAN Agreement on Transboundary Haze Pollution" in paragraphs["mjc2024-49"].text
    assert paragraphs["mjc2024-25"].text.endswith(
        "respecting human rights, which is a foundation of stable society."
    )
    assert paragraphs["mjc2024-1"].text.count("15th anniversary") == 1
    assert "US$1.3 million" in paragraphs["mjc2024-9"].text
    assert not any("<" in p.text or "\\" in p.text for p in paragraphs.values())


def test_2024_section_paths_and_the_unnumbered_introduction():
    parsed = parse_real("mjc-strategy-2024")
    paragraphs = by_anchor(parsed)
    sections = {s.order: s for s in parsed.sections}
    assert sections[paragraphs["mjc2024-10"].section_order].path == (
        "II > A > A.1 Quality infrastructure and sustainable urban development"
    )
    assert sections[paragraphs["mjc2024-4"].section_order].path == (
        "I > Achievements of Mekong-Japan Cooperation > (People-Centered Society)"
    )
    assert [p.anchor for p in parsed.paragraphs if p.kind == PROSE] == ["mjc2024-p1"]
    assert paragraphs["mjc2024-p1"].text.startswith(
        "The 15th Mekong-Japan Foreign Ministers' Meeting was held"
    )


def test_2012_pillars_are_sections_and_actions_join_across_page_breaks():
    parsed = parse_real("tokyo-strategy-2012-action-plan")
    top = [(s.label, s.title) for s in parsed.sections if s.level == 1]
    assert top == [
        ("1", "Pillar 1: Enhancing Mekong Connectivity"),
        ("2", "Pillar 2: Developing Together"),
        ("3", "Pillar 3: Ensuring Human Security and Environmental Sustainability"),
        ("4", "Trans- disciplinary actions and measures"),
        ("5", "Follow-up mechanism"),
    ]
    paragraphs = by_anchor(parsed)
    assert paragraphs["ap2012-1.1-21"].text.endswith(
        "in order to enhance international collaboration in this area."
    )
    assert paragraphs["ap2012-1.4-01"].text.endswith("environment, natural disasters, and many others.")
    assert paragraphs["ap2012-2.2-07"].text.endswith("and for the creation of new industries and services.")
    assert paragraphs["ap2012-2.3-04"].text == (
        "Mekong region countries will facilitate the implementation of the ASEAN Comprehensive Investment "
        "Agreement (ACIA) and ASEAN Framework for Agreement on Services (AFAS)."
    )
    assert paragraphs["ap2012-4-10"].text.endswith(
        "to promote foreigners’ understanding of the recovery of Japan."
    )
    assert all(p.kind in {BULLET, PROSE} for p in parsed.paragraphs)
    assert [p.anchor for p in parsed.paragraphs if p.kind == PROSE] == ["ap2012-p1"]


def test_2012_check_mark_bullets_nest_under_the_action_above():
    paragraphs = by_anchor(parse_real("tokyo-strategy-2012-action-plan"))
    assert [a for a, p in paragraphs.items() if p.parent_anchor == "ap2012-1.4-01"] == [
        "ap2012-1.4-01a",
        "ap2012-1.4-01b",
    ]
    jetro = [a for a, p in paragraphs.items() if p.parent_anchor == "ap2012-2.2-12"]
    assert jetro == ["ap2012-2.2-12a", "ap2012-2.2-12b", "ap2012-2.2-12c", "ap2012-2.2-12d"]
    assert paragraphs["ap2012-2.2-12"].text.endswith("welcome the following initiatives conducted by JETRO:")


def test_2007_header_block_is_metadata_and_priority_areas_are_headings():
    parsed = parse_real("japan-mekong-partnership-program-2007")
    texts = " ".join(p.text for p in parsed.paragraphs)
    for metadata in ("The World and Japan", "[Title]", "[Date]", "[Source]", "GRIPS"):
        assert metadata not in texts
    assert [(s.label, s.title) for s in parsed.sections if s.level == 2][:3] == [
        ("(1)", "Integrate Economies of the Region and Beyond"),
        ("(2)", "Expand Trade and Investment between Japan and the Region"),
        ("(3)", "Pursue Universal Values and Common Goals of the Region"),
    ]
    assert [s.title for s in parsed.sections if s.level == 1] == [
        "Three Goals",
        "Three Priority Areas",
        "Three New Initiatives",
    ]
    assert by_anchor(parsed)["jmpp2007-09"].text.endswith("promotion of natural rubber industries, etc.)")


def test_2016_bracketed_headings_and_reading_order_anchors():
    parsed = parse_real("japan-mekong-connectivity-initiative-2016")
    assert [s.title for s in parsed.sections] == [
        "Pillars of Cooperation",
        "Points to note on implementation",
        "How to promote the initiative",
        "Upcoming schedule",
    ]
    assert parsed.paragraphs[0].anchor == "jmci2016-01"
    assert not parsed.paragraphs[0].text.startswith("Japan-Mekong Connectivity Initiative")


def test_meti_2020_short_lines_are_headings_and_last_updated_is_metadata():
    parsed = parse_real("meti-mekong-japan-economic-cooperation-2020")
    top = [s.title for s in parsed.sections if s.level == 1]
    assert top == [
        "Latest information",
        "Outline",
        "Efforts",
        "Links to related information",
        "Division in Charge",
    ]
    texts = [p.text for p in parsed.paragraphs]
    assert not any(t.startswith(("Last updated", "Mekong-Japan Cooperation")) for t in texts)
    assert all(ends_sentence(t) for t in texts)
