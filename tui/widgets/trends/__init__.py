"""Widgets of the trends area."""
