"""aicareer: find the AI role that fits you, and plan the way in."""

__version__ = "0.3.0"
