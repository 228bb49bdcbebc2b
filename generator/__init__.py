"""Validate the plans in data/plans/ and render them into the Markdown pages MkDocs builds."""
