"""Widgets of the infusions area."""
