"""Plans and their outcomes across years: each target and project of one year's plan, joined
with what the next year's report says of it (``kg track``)."""

from kg.track.records import ProjectOutcome, TargetOutcome
from kg.track.run import Outcomes, TrackSummary, find_outcomes, track

__all__ = ["Outcomes", "ProjectOutcome", "TargetOutcome", "TrackSummary", "find_outcomes", "track"]
