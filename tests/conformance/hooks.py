"""Schemathesis hooks: the documented rules that tie values together, which OpenAPI 3.0 cannot
express — year_min <= year_max; a bbox's minimum corner south-west of its maximum, latitudes within
±90; an OGC datetime that is a real calendar date and does not end before it starts.

Generated valid ("positive") cases are repaired to keep those rules (swapping the ends of a range,
folding a latitude into ±90, moving a 31st to the 28th); negative cases are sent as generated, and
the hostile-input test (test_hostile_input.py) sends the broken forms on purpose.
The rules are written here from the descriptions, not imported
from the server's parsers, so a parser that drifts from its description is still caught.
"""

import re

import schemathesis
from schemathesis import GenerationMode

_DATE = re.compile(r"\b([0-9]{4})-([0-9]{2})-(29|30|31)\b")
_YEAR = re.compile(r"^([0-9]{4})")


def _wrap(value: float, limit: float) -> float:
    """A number brought into [-limit, limit] (a longitude or latitude of the globe)."""
    return (value + limit) % (2 * limit) - limit


def _repair_bbox(value, *, ogc: bool):
    """Corners sorted and inside the globe. The map API's schema bounds every number to ±180, so
    only the latitudes need folding; OGC's allows any number (heights), so both are brought in."""
    as_text = isinstance(value, str)
    try:
        numbers = [float(item) for item in (value.split(",") if as_text else value)]
    except (TypeError, ValueError):
        return value
    if len(numbers) not in (4, 6):
        return value
    dims = len(numbers) // 2
    low, high = numbers[:dims], numbers[dims:]
    for corner in (low, high):
        corner[0] = _wrap(corner[0], 180) if ogc else corner[0]
        corner[1] = _wrap(corner[1], 90) if ogc else corner[1] / 2
    for axis in range(dims):
        if low[axis] > high[axis]:
            low[axis], high[axis] = high[axis], low[axis]
    repaired = [*low, *high]
    return ",".join(map(repr, repaired)) if as_text else repaired


def _repair_datetime(value):
    if not isinstance(value, str):
        return value
    # Any 29th-31st becomes the 28th: every month has one (the schema's pattern allows 29-31 anywhere).
    value = _DATE.sub(lambda m: f"{m.group(1)}-{m.group(2)}-28", value)
    start, slash, end = value.partition("/")
    low, high = _YEAR.match(start), _YEAR.match(end)
    if slash and low and high and int(low.group(1)) > int(high.group(1)):
        value = f"{end}/{start}"
    return value


@schemathesis.hook
def map_case(ctx, case):
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not isinstance(case.query, dict):
        return case
    case.query = _repaired(ctx, dict(case.query))
    return case


def _integer(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _repaired(ctx, query: dict) -> dict:
    low, high = _integer(query.get("year_min")), _integer(query.get("year_max"))
    if low is not None and high is not None and low > high:
        query["year_min"], query["year_max"] = query["year_max"], query["year_min"]
    if "bbox" in query:
        ogc = ctx.operation is not None and ctx.operation.path.startswith("/collections")
        query["bbox"] = _repair_bbox(query["bbox"], ogc=ogc)
    if "datetime" in query:
        query["datetime"] = _repair_datetime(query["datetime"])
    return query
