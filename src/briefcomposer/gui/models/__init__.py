"""Qt item models over one `Brief`; each is the only writer of its part of the brief."""
