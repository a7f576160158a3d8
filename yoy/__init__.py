"""yoy: what changed between two Chinese government work reports."""

__version__ = "0.1.0"
