"""Date normaliser (provisional stub: being replaced by the extraction work)."""

from __future__ import annotations

import re

from pydantic import BaseModel

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,?\s+(\d{4})\b")


class DateSpan(BaseModel):
    start: int
    end: int
    text: str
    iso: str  # "2017-12-13", "2018-02", "2018", or a range "2018-04-01/2019-03-31"


def find_dates(text: str, default_year: int | None = None) -> list[DateSpan]:
    out = []
    for m in _DMY.finditer(text):
        month = _MONTHS.index(m.group(2)[:3].lower()) + 1
        out.append(DateSpan(start=m.start(), end=m.end(), text=m.group(0),
                            iso=f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"))
    return out
