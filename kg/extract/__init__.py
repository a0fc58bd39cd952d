"""Extraction on top of the segmented report: quantities, metrics, entities, actions."""
