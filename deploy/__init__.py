"""The production shape: nginx in front of two app instances (production.py)."""
