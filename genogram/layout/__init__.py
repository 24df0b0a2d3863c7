"""Layout: pure functions from the model (and the user's hints) to geometry in points."""
