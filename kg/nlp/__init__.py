"""The spaCy pipeline and its components: the only package that imports spaCy."""

from kg.nlp.mentions import find_mentions
from kg.nlp.pipeline import load_pipeline

__all__ = ["find_mentions", "load_pipeline"]
