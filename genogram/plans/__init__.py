"""Plans: plan types and story outlines as data, and the timescales they must respect."""
