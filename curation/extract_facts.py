"""What a paragraph states about a feature it names: the stage its wording implies, and the facts a
curator would otherwise look up — a funding instrument, an amount with its currency, a dated event.

Pure functions over text (no database), so each pattern is tested on the sources' own phrasings.
Only what the words say is proposed; a curator accepts or rejects each proposal."""

import datetime as dt
import re
from dataclasses import dataclass, field

from projects.vocabularies import FundingType, Stage

# The wording, the stage it implies (projects.vocabularies.Stage) and the word shown to the curator.
STAGE_WORDS = [
    (
        r"\b(opened|inaugurat\w+|opening ceremony|completed|completion of|came into operation|"
        r"put into operation|began operations?|commenced operations?)\b",
        Stage.COMPLETED,
        "opened",
    ),
    (
        r"\b(under construction|construction (?:work )?(?:began|started|commenced|is under way)|"
        r"groundbreaking|ground-breaking)\b",
        Stage.IMPLEMENTATION,
        "under construction",
    ),
    (
        r"\b(signed|signing|loan agreement|exchange of notes|concluded an agreement)\b",
        Stage.IMPLEMENTATION,
        "signed",
    ),
    (
        r"\b(feasibility stud(?:y|ies)|master plan|preparatory survey|surveys?|stud(?:y|ies))\b",
        Stage.STUDY,
        "study",
    ),
    (r"\b(will|plans? to|planned|proposed|pledged|intends? to)\b", Stage.PROPOSED, "proposed"),
]

FUNDING_WORDS = [
    (r"\b(?:ODA|yen|concessional|Japanese ODA) loans?\b|\bloan aid\b", FundingType.ODA_LOAN),
    (r"\bgrant aid\b|\bgrant assistance\b|\bgrants?\b(?= (?:of|for|to))", FundingType.GRANT_AID),
    (r"\btechnical (?:cooperation|assistance)\b", FundingType.TECHNICAL_COOPERATION),
    (r"\bJapan-ASEAN Integration Fund\b|\bJAIF\b", FundingType.JAIF),
    (r"\bprivate[- ]sector investment finance\b", FundingType.PRIVATE_INVESTMENT_FINANCE),
    (r"\bpublic[- ]private partnerships?\b|\bPPP\b", FundingType.PRIVATE_PPP),
]

_NUMBER = r"(?P<number>[0-9]{1,3}(?:[,.][0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_SCALE = r"(?:\s*(?P<scale>billion|million|thousand|bn|mn))?"
CURRENCIES = {
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "us dollars": "USD",
    "dollars": "USD",
    "baht": "THB",
    "dong": "VND",
    "kip": "LAK",
}
# "US$ 2.5 million", "¥10 billion" (currency first) and "11.715 billion yen" (currency last).
_AMOUNTS = (
    re.compile(rf"(?P<pre>US\$|¥|\$)\s*{_NUMBER}{_SCALE}", re.IGNORECASE),
    re.compile(
        rf"{_NUMBER}{_SCALE}\s*(?P<post>yen|JPY|USD|US dollars|dollars|baht|dong|kip)\b", re.IGNORECASE
    ),
)
SCALES = {"billion": 10**9, "bn": 10**9, "million": 10**6, "mn": 10**6, "thousand": 10**3}

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH = "(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + ")"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>[0-9]{{1,2}}),?\s+(?P<year>(?:19|20)[0-9]{{2}})|"
    rf"(?P<day2>[0-9]{{1,2}})\s+(?P<month2>"
    + "|".join(m.capitalize() for m in MONTHS)
    + r")\s+(?P<year2>(?:19|20)[0-9]{2}))\b"
)
EVENTS = [
    (r"\bsign\w*|\bagreement\b|\bexchange of notes\b", "signed"),
    (r"\bopen\w*|\binaugurat\w*|\bcomplet\w*", "opened"),
    (r"\bapprov\w*", "approved"),
    (r"\bstart\w*|\bbegan\b|\bcommenc\w*|\bgroundbreaking\b", "started"),
]


@dataclass(frozen=True)
class StatedFact:
    field: str  # "funding", "amount" or "date"
    value: str  # as shown to the curator: a funding code, "11.715 billion JPY", "2020-03-24"
    words: str  # the words of the paragraph that state it
    details: dict = field(default_factory=dict, compare=False, hash=False)


def stage_of(text: str) -> tuple[str, str] | None:
    """(Stage value, the word) the wording implies, the most advanced first; None when it says none."""
    for pattern, stage, word in STAGE_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return stage.value, word
    return None


def funding_facts(text: str) -> list[StatedFact]:
    facts = []
    for pattern, code in FUNDING_WORDS:
        match = re.search(pattern, text, re.IGNORECASE if code != FundingType.JAIF else 0)
        if match:
            facts.append(StatedFact("funding", code.value, match.group(0), {"label": code.label}))
    return facts


def amount_facts(text: str) -> list[StatedFact]:
    facts = []
    matches = sorted((m for pattern in _AMOUNTS for m in pattern.finditer(text)), key=lambda m: m.start())
    for match in matches:
        number = float(match["number"].replace(",", ""))
        scale = SCALES.get((match["scale"] or "").lower(), 1)
        groups = match.groupdict()
        currency = CURRENCIES[(groups.get("pre") or groups.get("post")).lower()]
        amount = number * scale
        shown = f"{match['number']} {match['scale'] + ' ' if match['scale'] else ''}{currency}"
        facts.append(
            StatedFact("amount", shown, match.group(0).strip(), {"amount": amount, "currency": currency})
        )
    return facts


def date_facts(text: str) -> list[StatedFact]:
    facts = []
    for match in _DATE.finditer(text):
        month = MONTHS[(match["month"] or match["month2"]).lower()]
        day, year = int(match["day"] or match["day2"]), int(match["year"] or match["year2"])
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue  # "February 30": not a date, not a fact
        # The event is named near the date, before it ("signed on March 24") or after ("On March 24,
        # JICA signed"), within its sentence.
        before = re.split(r"[.;]\s", text[max(0, match.start() - 80) : match.start()])[-1]
        after = re.split(r"[.;]\s", text[match.end() : match.end() + 80])[0]
        event = next(
            (
                name
                for window in (before, after)
                for pattern, name in EVENTS
                if re.search(pattern, window, re.IGNORECASE)
            ),
            "",
        )
        facts.append(StatedFact("date", date.isoformat(), match.group(0), {"event": event, "year": year}))
    return facts


def stated_facts(text: str) -> list[StatedFact]:
    """Every funding instrument, amount and date the text states, in that order."""
    return funding_facts(text) + amount_facts(text) + date_facts(text)
