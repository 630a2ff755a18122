"""Which mapped features a paragraph names: pure functions over (names, paragraph text), no database.

Matching is case-insensitive, treats whitespace, hyphens and dashes alike ("East-West" = "East – West"),
accepts "No.8" for "No. 8", and only matches whole words. Two kinds of elliptical coordination are
expanded first: "East-West and Southern Economic Corridor(s)" names two corridors, and
"Route No.8 and No.12" names two routes.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"  # hyphen last: safe inside [...]
_SEPARATOR = rf"[\s{DASHES}]+"
_QUOTE_CHARS = "'\u2019\u2018"
_COMPASS = "north|south|east|west"

# How a paragraph names a country; an alias several features claim is resolved by these.
COUNTRY_NAMES = {
    "KHM": ("Cambodia", "Cambodian"),
    "LAO": ("Lao PDR", "Laos", "Lao"),
    "MMR": ("Myanmar",),
    "THA": ("Thailand", "Thai"),
    "VNM": ("Viet Nam", "Vietnam", "Vietnamese"),
    "CHN": ("China", "Chinese"),
}


@dataclass(frozen=True)
class Feature:
    """What the linker needs of a corridor or a project."""

    kind: str  # "corridor" or "project"
    slug: str
    names: tuple[str, ...]  # name first, then aliases
    countries: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)


@dataclass(frozen=True)
class Match:
    kind: str
    slug: str
    start: int
    end: int
    text: str  # the words of the paragraph that matched

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)


@dataclass(frozen=True)
class Ambiguity:
    """An alias in the text that several features claim and the paragraph does not settle."""

    text: str
    claimants: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Candidate:
    text: str
    kind: str  # "quoted", "project_for" or "place" (geodata.UnmatchedCandidate.Kind)
    start: int
    end: int


@dataclass
class LinkResult:
    matches: list[Match] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)


def alias_key(alias: str) -> str:
    """A normal form: two aliases with the same key are the same name to the linker."""
    text = re.sub(r"\bno\.\s*(?=\d)", "no ", alias.strip().lower())
    text = re.sub(rf"[{_QUOTE_CHARS}]", "'", text)
    return re.sub(_SEPARATOR, " ", text)


def alias_variants(alias: str) -> list[str]:
    """The alias, and for "East-West ..." also "West-East ..." (ap2012 has "West-East Economic Corridor")."""
    swapped = re.sub(rf"^({_COMPASS}){_SEPARATOR}({_COMPASS})(?=\s)", r"\2-\1", alias.strip(), flags=re.I)
    return [alias] if swapped.lower() == alias.strip().lower() else [alias, swapped]


@lru_cache(maxsize=4096)
def alias_pattern(alias: str) -> re.Pattern:
    """A regex for an alias: whole words, any separator, optional dot and space after "No"."""
    tokens = [t for t in re.split(_SEPARATOR, alias.strip()) if t]
    parts = []
    for index, token in enumerate(tokens):
        if token.lower() in {"no", "no."}:
            parts.append(r"no\.?\s*")
            continue
        piece = "".join(f"[{_QUOTE_CHARS}]" if ch in _QUOTE_CHARS else re.escape(ch) for ch in token)
        parts.append(piece)
        if index < len(tokens) - 1:
            parts.append(_SEPARATOR)
    body = "".join(parts)
    if body.endswith(r"\s*"):
        body = body[: -len(r"\s*")]
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


_CORRIDOR_ELLIPSIS = re.compile(
    rf"(?<![\w{DASHES}])(?P<a>[A-Z]\w*(?:[{DASHES}][A-Z]\w*)?)\s+and\s+"
    r"(?P<b>[A-Z]\w*(?:\s+[A-Z]\w*)?)\s+(?P<head>Economic\s+Corridors?)(?!\w)"
)
_ROAD_ELLIPSIS = re.compile(
    r"(?<!\w)(?P<head>(?:National\s+)?(?:Road|Route|Highway))s?\s+"
    r"(?P<numbers>No\.?\s*\d+[A-Z]?(?:\s*,\s*No\.?\s*\d+[A-Z]?)*\s*,?\s*(?:and|&)\s*No\.?\s*\d+[A-Z]?)(?!\w)",
    re.IGNORECASE,
)


def expand_ellipses(text: str) -> list[tuple[str, int, int]]:
    """Phrases the text implies, each with the span of the words that imply it.

    "East-West and Southern Economic Corridor" -> "East-West Economic Corridor",
    "Southern Economic Corridor"; "Route No.8 and No.12" -> "Route No. 8", "Route No. 12".
    """
    phrases = []
    for m in _CORRIDOR_ELLIPSIS.finditer(text):
        for part in (m["a"], m["b"]):
            phrases.append((f"{part} Economic Corridor", m.start(), m.end()))
    for m in _ROAD_ELLIPSIS.finditer(text):
        head = re.sub(r"\s+", " ", m["head"])
        for number in re.findall(r"No\.?\s*(\d+[A-Z]?)", m["numbers"], flags=re.I):
            phrases.append((f"{head} No. {number}", m.start(), m.end()))
    return phrases


def countries_named(text: str) -> set[str]:
    """ISO3 codes of the countries a paragraph names."""
    found = set()
    for iso, names in COUNTRY_NAMES.items():
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names):
            found.add(iso)
    return found


def _raw_hits(features: Sequence[Feature], text: str) -> list[tuple[str, Feature, int, int, str]]:
    """Every (alias key, feature, start, end, matched words) in the text and its expanded phrases."""
    hits = []
    phrases = expand_ellipses(text)
    for feature in features:
        for name in feature.names:
            for variant in alias_variants(name):
                pattern = alias_pattern(variant)
                for m in pattern.finditer(text):
                    hits.append((alias_key(name), feature, m.start(), m.end(), m.group(0)))
                for phrase, start, end in phrases:
                    if pattern.search(phrase):
                        hits.append((alias_key(name), feature, start, end, text[start:end]))
    return hits


def names_feature(*, names: Sequence[str], text: str) -> str | None:
    """The words by which the text names a feature (one of its names or aliases, also inside an
    elliptical phrase such as "Route No.8 and No.12"), or None when it names none of them.

    Unlike find_matches this looks at the one feature alone: whether another feature also claims
    the alias, or a longer name contains it, does not matter to whether the text says the name.
    """
    phrases = expand_ellipses(text)
    for name in names:
        for variant in alias_variants(name):
            pattern = alias_pattern(variant)
            found = pattern.search(text)
            if found:
                return found.group(0)
            for phrase, start, end in phrases:
                if pattern.search(phrase):
                    return text[start:end]
    return None


def find_matches(
    *, features: Sequence[Feature], text: str, curated: Iterable[tuple[str, str]] = ()
) -> LinkResult:
    """The features a paragraph names, one match per feature (its first occurrence).

    An alias claimed by several features of one kind links only the claimant whose countries the
    paragraph names (and no other claimant's); a claimant already linked by curation settles it;
    else it is reported.
    A match lying inside a longer match of another feature of the same kind is dropped
    (the longer name is the one meant).
    """
    curated = set(curated)
    # Claimants are counted per kind: a road and the project named after it may share a name, and a
    # paragraph naming it names both.
    claimants: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for feature in features:
        for name in feature.names:
            claimants.setdefault((feature.kind, alias_key(name)), set()).add(feature.key)
    named = countries_named(text)
    by_key = {feature.key: feature for feature in features}

    result = LinkResult()
    accepted: list[Match] = []
    reported: set[str] = set()
    for key, feature, start, end, words in _raw_hits(features, text):
        owners = claimants[(feature.kind, key)]
        if len(owners) > 1:
            if owners & curated:
                if feature.key not in curated:
                    continue
            else:
                local = [o for o in owners if named & set(by_key[o].countries)]
                if len(local) != 1:
                    if (feature.kind, key) not in reported:
                        reported.add((feature.kind, key))
                        result.ambiguities.append(Ambiguity(text=words, claimants=tuple(sorted(owners))))
                    continue
                if local[0] != feature.key:
                    continue
        accepted.append(Match(kind=feature.kind, slug=feature.slug, start=start, end=end, text=words))

    def inside_longer(match: Match) -> bool:
        return any(
            other.kind == match.kind and other.key != match.key
            and other.start <= match.start and match.end <= other.end
            and (other.end - other.start) > (match.end - match.start)
            for other in accepted
        )

    seen = set()
    for match in sorted(accepted, key=lambda m: (m.start, -(m.end - m.start))):
        if match.key in seen or inside_longer(match):
            continue
        seen.add(match.key)
        result.matches.append(match)
    return result


_PLACE_WORDS = (
    r"Deep\s+Sea\s+Port|Deep\s+Seaport|Seaport|Sea\s+Port|International\s+Port|Port|Bridge|"
    r"International\s+Airport|Airport|Hydropower(?:\s+(?:Plant|Station|Project|Dam))?|SEZ|"
    r"Special\s+Economic\s+Zone|Railway|Line\s+\d+"
)
_PLACE = re.compile(
    rf"(?P<name>[A-Z][\w{_QUOTE_CHARS}{DASHES}]*(?:\s+(?:[A-Z0-9][\w{_QUOTE_CHARS}{DASHES}]*|of))*?)"
    rf"\s+(?P<what>{_PLACE_WORDS})(?!\w)"
)
_QUOTED = re.compile(r"\u201c(?P<a>[^\u201c\u201d]{3,250})\u201d|\"(?P<b>[^\"]{3,250})\"")
_PROJECT_FOR = re.compile(r"(?<!\w)Project for (?:[^.,;:\u201c\u201d\"()]|No\.\s*(?=\d))+")
# A quoted title is a candidate only if it looks like a project or a facility, not a strategy or slogan.
_PROJECT_LIKE = re.compile(rf"(?<!\w)(?:Project|Road|Route|Highway|Expressway|{_PLACE_WORDS})(?!\w)")
_LEADING_WORDS = re.compile(r"^(?:(?:The|the|A|An)\s+)+")
_TRAILING = " .,;:\u2019\u2018'\"\u201c\u201d"


def find_candidates(*, text: str) -> list[Candidate]:
    """Names of projects or places the text gives: quoted titles, "Project for ..." phrases, and
    capitalised names ending in Port, Seaport, Bridge, Airport, Hydropower, SEZ, Railway, Line N ..."""
    found = []
    for m in _QUOTED.finditer(text):
        group = "a" if m["a"] is not None else "b"
        title = m[group].strip(_TRAILING)
        if _PROJECT_LIKE.search(title):
            found.append(Candidate(text=title, kind="quoted", start=m.start(group), end=m.end(group)))
    for m in _PROJECT_FOR.finditer(text):
        phrase = m.group(0).strip(_TRAILING)
        found.append(Candidate(text=phrase, kind="project_for", start=m.start(), end=m.start() + len(phrase)))
    for m in _PLACE.finditer(text):
        name = _LEADING_WORDS.sub("", m["name"])
        if not name:
            continue
        start = m.start("name") + (len(m["name"]) - len(name))
        what = " ".join(m["what"].split())
        found.append(Candidate(text=f"{name} {what}", kind="place", start=start, end=m.end()))
    # A name inside a longer candidate (the title that contains it) is the same thing.
    def inside_another(c: Candidate) -> bool:
        size = c.end - c.start
        return any(o.start <= c.start and c.end <= o.end and (o.end - o.start) > size for o in found)

    kept, spans = [], set()
    for candidate in found:
        if not inside_another(candidate) and (candidate.start, candidate.end) not in spans:
            spans.add((candidate.start, candidate.end))  # a quoted "Project for ..." is one candidate
            kept.append(candidate)
    return kept


def unmatched_candidates(*, text: str, matches: Sequence[Match]) -> list[Candidate]:
    """Candidates no match accounts for. A title or "Project for" phrase needs a project match;
    a place is accounted for by any match overlapping it."""
    result = []
    seen = set()
    for candidate in find_candidates(text=text):
        covering = [m for m in matches if m.start < candidate.end and candidate.start < m.end]
        if candidate.kind != "place":
            covering = [m for m in covering if m.kind == "project"]
        if covering or candidate.text in seen:
            continue
        seen.add(candidate.text)
        result.append(candidate)
    return result
