"""The three paragraphs of a short article written for the clean tests (a harbour board's vote), which
a cleaner must keep whole whatever page chrome is put around them."""

PARAGRAPHS = (
    "The harbour board voted on Monday to extend the northern breakwater by two hundred metres "
    "after a winter of storms flooded the fish market three times.",
    "Work is expected to start in the spring and to last eighteen months, the board's chair told "
    "reporters after the vote, adding that the cost would be shared with the region.",
    "Fishing crews welcomed the decision but asked for the old slipway to stay open while the "
    "contractors are on site, since it is the only one deep enough at low tide.",
)
