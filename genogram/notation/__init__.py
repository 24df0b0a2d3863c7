"""Notation: the one place that decides how every fact is drawn, as backend-neutral glyphs."""
