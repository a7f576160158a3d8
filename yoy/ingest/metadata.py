"""A report's metadata read from its title and header: region, year, date, session, speaker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from yoy.ingest.patterns import ADDRESS, DATE, DATELINE, OPEN_ADDRESS, PLAN_YEAR, SESSION, SPEAKER, TITLE_YEAR
from yoy.models import MAX_YEAR, MIN_YEAR, Kind, Level, Region
from yoy.regions import detect_region

# Where date, session and speaker are looked for when no address ends the header: a title, a
# dateline and a speaker line (each under 120 characters) with room for a session name.
HEADER_WINDOW_CHARS = 600
# Where a report's opening stands: the 各位代表 address and the 向大会报告工作 formula are looked for
# this far into the text (a header of a title, dateline, session and speaker, then a first
# paragraph; twice the header window, as set with the first reader and kept since).
OPENING_WINDOW_CHARS = 1200
# What the header keeps after `各位代表:`, so a speaker written right before the address is inside
# it (a line break and a few characters; set with the first header reader and kept since).
AFTER_ADDRESS_CHARS = 4


@dataclass(frozen=True, slots=True)
class Stated:
    """What the user says of the inputs (`yoy ingest --region/--year`): used instead of what the text
    says, for a page whose title or header does not tell (a news digest headline without its year)."""

    region: Region | None = None
    year: int | None = None


NOTHING_STATED = Stated()


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a report's title and header say about it."""

    region: str
    level: Level
    year: int
    date: str | None
    session: str | None
    speaker: str | None


def _header_end(ftext: str, kind: Kind) -> int:
    """Where a speech's header ends: at its address (a digest has none: a fixed window)."""
    if kind is not Kind.SUMMARY and (m := OPEN_ADDRESS.search(ftext, 0, OPENING_WINDOW_CHARS)):
        return m.end() + AFTER_ADDRESS_CHARS  # up to 各位代表: — the speaker stands right before it
    if kind is not Kind.SUMMARY and (m := ADDRESS.search(ftext, 0, OPENING_WINDOW_CHARS)):
        return m.end()  # 各位代表,现在… : the header is what stands before the address
    return HEADER_WINDOW_CHARS


def _year(fheader: str, ftitle: str, ftext: str) -> int | None:
    """The year from the dateline, else the title, else the year the plan section names most."""
    if dateline := DATELINE.search(fheader):
        return int(dateline.group(1))
    if (year := next((int(m.group(1)) for p in TITLE_YEAR if (m := p.search(ftitle))), None)) is not None:
        return year
    if plans := [int(y) for y in PLAN_YEAR.findall(ftext)]:
        return max(set(plans), key=plans.count)
    return None


def _date(fheader: str, year: int) -> str | None:
    """The ISO date of the dateline (or the header's first date) when it is in the report's year."""
    d = DATELINE.search(fheader) or DATE.search(fheader)
    if d is None or int(d.group(1)) != year:
        return None
    try:
        return Date(int(d.group(1)), int(d.group(2)), int(d.group(3))).isoformat()
    except ValueError:
        return None


def read_metadata(text: str, ftext: str, ftitle: str, kind: Kind, stated: Stated = NOTHING_STATED
                  ) -> Metadata | str:
    """The metadata of a report (`text`, folded `ftext`, folded title `ftitle`), or the reason it
    cannot be told; `stated`: the region and year the user gave, which win."""
    header_end = _header_end(ftext, kind)
    fheader, header = ftext[:header_end], text[:header_end]
    region = stated.region or detect_region(ftitle, fheader, ftext)
    if region is None:
        return ("cannot tell which region's report it is (no known region in its title or header;"
                " give --region)")
    # Dateline, session and speaker may be split over lines (`…人民代表大会\n第二次会议上`): match
    # them on the header without whitespace (the same characters drop from both forms).
    keep = [i for i, ch in enumerate(fheader) if not ch.isspace()]
    fheader, header = "".join(fheader[i] for i in keep), "".join(header[i] for i in keep)
    year = stated.year or _year(fheader, ftitle, ftext)
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return "cannot tell the report's year (no year in its title, dateline or plan; give --year)"
    session = header[s.start():s.end()] if (s := SESSION.search(fheader)) else None
    speaker = header[s.start(1):s.end(1)] if (s := SPEAKER.search(fheader)) else None
    return Metadata(region.name, region.level, year, _date(fheader, year), session, speaker)
