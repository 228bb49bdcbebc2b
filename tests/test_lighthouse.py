"""Lighthouse 12.2.3 (npm, mobile) on every kind of page of both engines' builds, served by nginx
with the precompressed copies: accessibility, best practices and SEO at 100. Performance depends
on the machine: `make lighthouse` prints it (README, Performance)."""
import pytest

from bench.lighthouse import run

pytestmark = pytest.mark.slow


def test_every_kind_of_page_scores_100_but_for_performance(engine_site):
    found = run(engine_site)
    assert len(found) == 7
    low = {kind: (result["scores"], result["lost"]) for kind, result in found.items()
           if any(result["scores"][category] < 100
                  for category in ("accessibility", "best-practices", "seo"))}
    assert low == {}
