"""Custom item data roles shared by the models and their views."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt

ITEM_MIME = "application/x-briefcomposer-items"
EXCERPT_MIME = "application/x-briefcomposer-excerpt"
ANALYSIS_MIME = "application/x-briefcomposer-analysis"  # issue and position ids
SECTION_MIME = "application/x-briefcomposer-sections"  # section ids, for reordering


class Role(enum.IntEnum):
    OBJECT = Qt.ItemDataRole.UserRole + 1  # the core object of the row
    ID = Qt.ItemDataRole.UserRole + 2  # its id
    KIND = Qt.ItemDataRole.UserRole + 3  # "section", "text", "quote", "issue", "position", "group" ...
    WORDS = Qt.ItemDataRole.UserRole + 4  # a section's word count
    LIMIT = Qt.ItemDataRole.UserRole + 5  # a section's word limit (or None)
    GUIDANCE = Qt.ItemDataRole.UserRole + 6  # a section's guidance
    STATUS = Qt.ItemDataRole.UserRole + 7  # a Status
    ACTOR_ID = Qt.ItemDataRole.UserRole + 8  # a position's actor
    SEARCH = Qt.ItemDataRole.UserRole + 9  # text to search in
    COLOUR = Qt.ItemDataRole.UserRole + 10  # an actor's colour (QColor)
