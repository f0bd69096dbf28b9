"""Widgets of the terminal app, grouped by the page (screen area) they belong to."""
