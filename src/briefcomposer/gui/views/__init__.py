"""The panes of the composer window."""
