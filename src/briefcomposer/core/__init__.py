"""The brief model and its rules. Imports no Qt, no docx and does no file I/O."""
