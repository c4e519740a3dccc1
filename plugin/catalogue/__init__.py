"""The 302 guidance as data: kinds, continuum levels, sections, prompts, fields, checks."""

from functools import cache

from .catalogue import Catalogue
from .checks import Finding, Party
from .loader import load_catalogue


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped with the product, loaded and validated once per process."""
    return load_catalogue()


__all__ = ["Catalogue", "Finding", "Party", "default_catalogue", "load_catalogue"]
