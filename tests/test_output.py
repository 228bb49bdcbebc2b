"""What the generator leaves on disk: deterministic, minimal, and only its own pages."""
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from tests.conftest import FIXTURES, ROOT, build_site


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_of_one_commit_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1496275200")
    monkeypatch.setenv("SITE_URL", "https://fazhi.example.org/")  # the sitemap lists pages only then
    for name in ("first", "second"):
        result = build_site(ROOT / "data", tmp_path / name)
        assert result.returncode == 0, result.stderr
    for folder in ("docs", "site"):
        first, second = digest(tmp_path / "first" / folder), digest(tmp_path / "second" / folder)
        assert first == second and len(first) > 40, folder
    assert "<lastmod>2017-06-01</lastmod>" in (tmp_path / "first/site/sitemap.xml").read_text()


def test_the_page_of_a_removed_task_disappears(tmp_path, capsys):
    data = tmp_path / "data" / "plan.yaml"
    data.parent.mkdir()
    shutil.copy(FIXTURES / "urls.txt", data.with_name("urls.txt"))
    text = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")
    data.write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    assert main(["--data", str(data), "--docs", str(docs)]) == 0
    page = docs / "2020" / "tasks" / "jia-qiang-fa-zhi-ji-gou-jian-she.md"
    assert page.is_file()

    # task （三） and its section go; their URLs are sent to the plan's first section
    end = text.index("  - number: 二\n    title: 加强组织保障")
    data.write_text(text[:end].replace("sections:\n", "redirects:\n"
                    "  - from: /2020/tasks/jia-qiang-fa-zhi-ji-gou-jian-she/\n    to: /2020/sections/wan-shan-jue-ce-ji-zhi/\n"
                    "  - from: /2020/sections/jia-qiang-zu-zhi-bao-zhang/\n    to: /2020/sections/wan-shan-jue-ce-ji-zhi/\n"
                    "sections:\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--data", str(data), "--docs", str(docs)]) == 0
    assert capsys.readouterr().out == f"{docs}/: 13 page(s) written, 2 deleted, 15 unchanged\n"
    assert not page.exists()
    assert not (docs / "2020" / "sections" / "jia-qiang-zu-zhi-bao-zhang").exists()


def test_front_matter_carries_any_text_exactly_as_mkdocs_reads_it():
    """JSON-LD and feed titles go into each page's front matter with Chinese as it is, and the
    engine reads them back unchanged: every character up to U+3100, the line and paragraph
    separators, a byte order mark and a character beyond the BMP, at the start, middle and end."""
    from mkdocs.utils.meta import get_data

    from generator.outputs.render import front_matter

    characters = [chr(c) for c in range(0x3100)] + ["\u2028", "\u2029", "\ufeff", "\U00020000"]
    values = [form.format(c) for c in characters for form in ("{}甲", "甲{}乙", "乙{}")]
    meta = {f"k{i}": value for i, value in enumerate(values)}
    _, read = get_data(front_matter("data/plans/2017.yaml", meta=meta) + "# 标题\n")
    assert [read[key] for key in meta] == values
