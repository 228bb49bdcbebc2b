"""Validate the plans in data/plans/ and render them into the Markdown pages MkDocs builds."""
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent  # the project: mkdocs.yml, .cache/
SCHEMAS = PACKAGE / "schema"  # the JSON Schemas of the data files and of the downloads
