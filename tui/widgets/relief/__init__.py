"""Widgets of the relief area."""
