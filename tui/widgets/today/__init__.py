"""Widgets of the today area."""
