"""The pedoman: loading, validation and the model other engines read."""

from humaskit.guideline.loader import Guideline, find_guideline, load_guideline, resolve_guideline

__all__ = ["Guideline", "find_guideline", "load_guideline", "resolve_guideline"]
