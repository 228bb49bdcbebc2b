"""Stage 1: what the maintainers write (plans, progress, the ledger, the site settings), found
once from --data, read with the line and column of every value, and checked against its schema."""
