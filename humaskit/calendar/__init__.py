"""The monthly content calendar across agencies."""
