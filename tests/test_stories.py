"""stories.places_named finds what the one-regex search it replaced found (it is faster, not different)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from minutemine.stories import places_named

PLACE = st.from_regex(r"[A-Z][a-z]{1,6}(?:(?:-on-|'s |-)[A-Z][a-z]{1,5})?", fullmatch=True)
FILLER = st.sampled_from([" ", ", ", "'s ", "-based ", ". ", "\n", "_", "2", "é", " reading "])


def by_one_regex(text: str, places: list[str]) -> set[str]:
    """The search `story_blocks` used before: one alternation of every place, longest first."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(places, key=lambda p: (-len(p), p)))) + r")\b")
    return set(pattern.findall(text))


@settings(max_examples=300, deadline=None)
@given(places=st.lists(PLACE, min_size=1, max_size=6, unique=True),
       parts=st.lists(st.tuples(st.integers(0, 5), FILLER), max_size=12))
def test_places_named_equals_the_alternation_regex_on_texts_made_of_places(places, parts):
    text = "".join(places[i % len(places)] + filler for i, filler in parts)
    found = places_named(text, places)
    # The alternation finds one match per position, so a place inside a longer place
    # that was matched there is not reported; places_named reports both.  Every place
    # the regex finds, places_named finds, and anything more is named on its own somewhere.
    assert by_one_regex(text, places) <= found
    for extra in found - by_one_regex(text, places):
        assert re.search(r"\b" + re.escape(extra) + r"\b", text)
