"""Dialogs. Each has an `ask()` classmethod that tests patch so nothing blocks."""
