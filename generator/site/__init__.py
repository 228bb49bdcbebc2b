"""Stage 3: every output of the site listed once (kinds.py declares each kind; pages.py makes
the outputs), its URL kept by the ledger, its place in the nav and the engine's configuration."""
