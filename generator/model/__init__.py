"""Stage 2: the plans and their progress as frozen records with their lookups, and the units
across the years."""
