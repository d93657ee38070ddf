"""The PySide6 desktop application. Nothing outside this package imports Qt widgets."""
