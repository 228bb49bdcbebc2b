"""Golden pages: the fixture plan's generated files, kept under tests/golden/ and compared byte
for byte by tests/test_golden.py. `make golden` rewrites them after an intended change, so the
diff of a template change shows what every page gains or loses."""
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script by `make golden`

from generator.build import load_site  # noqa: E402
from generator.inputs.data_folder import Inputs  # noqa: E402
from generator.outputs.render import render  # noqa: E402

PLAN = ROOT / "tests" / "fixtures" / "small_plan.yaml"
GOLDEN = ROOT / "tests" / "golden"


def generated() -> dict[str, bytes]:
    """Every file the generator makes of the fixture plan, by its path under docs/."""
    name = PLAN.relative_to(ROOT).as_posix()  # the stamp names it; the same on every machine
    _, site = load_site(Inputs.at(PLAN, ROOT))
    return {path: text.encode("utf-8") for path, text in sorted(render(site, name).items())}


def kept() -> dict[str, bytes]:
    return {path.relative_to(GOLDEN).as_posix(): path.read_bytes()
            for path in sorted(GOLDEN.rglob("*")) if path.is_file()}


def main() -> int:
    files = generated()
    before = kept()
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, content in files.items():
        (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / path).write_bytes(content)
    changed = sorted(path for path in files.keys() | before.keys()
                     if files.get(path) != before.get(path))
    print(f"{GOLDEN.relative_to(ROOT)}/: {len(files)} file(s), {len(changed)} changed")
    for path in changed:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
