"""Pain and side-effect diary for people receiving ketamine infusions for chronic pain."""

__version__ = "0.1.0"
