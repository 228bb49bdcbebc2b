"""Validate data/plan.yaml and render it into the Markdown pages MkDocs builds."""
