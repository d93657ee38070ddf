"""briefcomposer: compose UK-government-style briefing notes from policy articles."""

__version__ = "0.1.0"
