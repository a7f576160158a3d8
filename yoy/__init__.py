"""yoy: what changed between two Chinese government work reports."""

__version__ = "0.1.0"

# The years a report can have: the People's Republic's first year, and a far bound that still refuses
# typos such as 20225 or 0000. Here (`yoy.models` re-exports them) so that the command line's option
# types need no record module at start-up.
MIN_YEAR, MAX_YEAR = 1949, 2100
