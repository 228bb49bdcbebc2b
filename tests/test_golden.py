"""The fixture plan's pages, byte for byte as kept in tests/golden/ (`make golden` rewrites them)."""
import difflib

import pytest

from tests import golden

GENERATED = golden.generated()
KEPT = golden.kept()


def test_the_same_files_are_generated():
    assert sorted(GENERATED) == sorted(KEPT), "run `make golden` after an intended change"


@pytest.mark.parametrize("path", sorted(GENERATED.keys() | KEPT.keys()))
def test_each_file_is_byte_for_byte_the_golden_one(path):
    made, kept = GENERATED.get(path), KEPT.get(path)
    if made != kept:
        diff = difflib.unified_diff(
            (kept or b"").decode("utf-8").splitlines(keepends=True),
            (made or b"").decode("utf-8").splitlines(keepends=True),
            f"tests/golden/{path}", f"generated {path}")
        pytest.fail("differs from its golden copy (run `make golden` if the change is intended):\n"
                    + "".join(diff), pytrace=False)
