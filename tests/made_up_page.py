"""A made-up news page the session 7 clean-up tests put their lines into: a menu, a headline, a byline, five
paragraphs of prose and a footer. Shared, so that each test file names only the lines it is about."""

from __future__ import annotations

from kabar.clean.lines import clean_lines

MENU = ["News", "World", "Business", "Science", "Opinion"]
HEADLINE = "Farmers in the north are planting later to save water, and the sky pays the price"
BYLINE = "By Jane Doe"
P1 = (
    "The smoke arrives every November. For two weeks the city's schools close, flights are cancelled and the "
    "hospitals fill with children who cannot breathe, while officials argue over whose fault it is this time."
)
P2 = (
    "The cause lies a few hundred kilometres away, in the fields of the farming province upwind, where a law "
    "meant to save groundwater pushed the rice harvest later into the autumn and left farmers little time."
)
P3 = (
    "With only days between the harvest and the sowing of wheat, many farmers burn what is left of the rice "
    "plants rather than pay for machines to clear it, and the wind carries the smoke straight to the city."
)
P4 = (
    "Officials have handed out masks and banned the burning, but enforcement has been weak, and economists say "
    "that only paying farmers to leave the straw alone would change the sums that make them light the fields."
)
P5 = (
    "Some villages have tried it already. They rent the machines together and sell the straw to a power "
    "plant, which burns it under filters, and their fields were green again within a week of the harvest."
)
FOOTER = ["About us", "Contact", "Privacy Policy", "Copyright 2026 The Daily Example. All rights reserved."]


def body_of(lines: list[str]) -> str:
    """The body kabar keeps of the made-up page with `lines` between its byline and its footer."""
    return "\n".join(clean_lines("\n".join([*MENU, HEADLINE, BYLINE, *lines, *FOOTER])).paragraphs)
