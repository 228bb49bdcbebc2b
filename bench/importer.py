"""`python bench/importer.py`: the importer's CPU time on notices of growing nesting and size.

The notice of issue 23 (lines of `（七）任务。` closed by brackets nested DEPTH deep) at growing
depth, then every notice of tests/corpus/ and the 2017 notice. Each figure is the fastest of
REPEAT runs of `parse()` in this process (CPU time), with the notice's size; a linear reader's
time doubles when the depth doubles, a quadratic one's quadruples.
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer import parse  # noqa: E402

REPEAT = 3
LINES = 70
DEPTHS = (311, 622, 1245, 2490)


def nested(lines: int, depth: int) -> str:
    line = "（七）任务。" + "〔" * depth + "〕" * depth
    return "某项工作安排\n\n一、第一部分\n\n" + "\n".join([line] * lines) + "\n"


def cpu(text: str) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.process_time()
        parse(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    print("| notice | size | CPU (fastest of 3) |\n| --- | --- | --- |")
    for depth in DEPTHS:
        text = nested(LINES, depth)
        print(f"| {LINES} lines nested {depth:,} deep | {len(text.encode()):,} bytes | "
              f"{cpu(text):.3f} s |")
    notices = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + \
        [ROOT / "source" / "bazhong-2017-45.txt"]
    for path in notices:
        text = path.read_text(encoding="utf-8")
        print(f"| {path.name} | {len(text.encode()):,} bytes | {cpu(text):.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
