"""Widgets of the diary area."""
