"""A name read after a cue ends at its possessive (validator/facts/employer_name.py `name_after`): "part
of Leeds’s biggest employer" names a place, "at Acme's resort" names Acme; a name that starts with a
possessive stays whole when read before its verb ("Aon's Assessment Solutions provides ...")."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welcome to Quillmore's Harbour Island Resort! You will guide our guests.", "Quillmore"),
        ("Join Brightwave’s Data Team and build our pipelines.", "Brightwave"),
        ("Corvell's Assessment Services provides clients with testing tools.", "Corvell's Assessment Services"),
    ],
)
def test_names_and_possessives(text, name):
    assert run(text, "en").name == name


@pytest.mark.parametrize(
    "text",
    [
        "We invite you to become part of Leeds’s most comprehensive healthcare network.",
        "Join London's biggest community of volunteers this summer.",
    ],
)
def test_a_place_with_a_possessive_is_no_name(text):
    assert run(text, "en").name is None
