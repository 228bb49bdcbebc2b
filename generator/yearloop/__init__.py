"""The year's loop beside the stages: the units' progress forms written and read back, and the
year's report drafted from the entries."""
