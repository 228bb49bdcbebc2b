"""A maintainer's year on make targets: `make import` of next year's notice beside the real 2017
plan, the draft previewed by `make serve` (marked 草稿, searchable) and left out of `make urls` and
`make site` until its marker is deleted.

The notice is made in the test from the published 2017 notice (source/), changed by rule: 2017 →
2018 in its 发文字号, title and dates, a unit renamed everywhere, one task removed (the others
renumbered). It is test input, never data: no 2018 plan is added to data/.
"""
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from generator.build import load_plan
from generator.importer import parse, years
from generator.model.numerals import from_numeral, to_numeral
from tests.conftest import NOTICE, ROOT, require_slow, search_from_home

PLAN_2017 = load_plan(ROOT / "data")
RENAMED = "市政府法制办"
DRAFT_MARKER = "\ndraft: true\n"


def removed_task():
    """The first task naming an agency that no other task names (other than the renamed one):
    with it removed, that unit is gone from the notice too."""
    for task in PLAN_2017.tasks:
        alone = [unit.name for unit in (*task.lead_units, *task.responsible_units)
                 if unit.name != RENAMED and not unit.collective and
                 all(unit not in (*other.lead_units, *other.responsible_units)
                     for other in PLAN_2017.tasks if other is not task)]
        if alone:
            return task, alone
    raise AssertionError("every unit of the 2017 plan is on two tasks or more")


def changed_notice(folder, renamed_to: str, renamed: str = RENAMED):
    """The 2017 notice as a notice of 2018 would change it; returns its path."""
    text = NOTICE.read_text(encoding="utf-8")
    for old, new in (("〔2017〕", "〔2018〕"), ("2017年度", "2018年度"), ("2017年6月1日", "2018年6月1日"),
                     ("2017-06-26", "2018-06-26"), (renamed, renamed_to)):
        assert old in text
        text = text.replace(old, new)
    task, _ = removed_task()
    numbered = re.compile(r"^(\s*)\((\w+)\)")
    lines = []
    for line in text.splitlines():
        found = numbered.match(line)
        number = from_numeral(found.group(2)) if found else None
        if number == task.number:
            continue
        if number and number > task.number:
            line = f"{found.group(1)}({to_numeral(number - 1)}){line[found.end():]}"
        lines.append(line)
    notice = folder / "notice-2018.txt"
    notice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notice


def copy_data(root):
    data = root / "data"
    (data / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "plans" / "2017.yaml", data / "plans")
    shutil.copy(ROOT / "data" / "urls.txt", data)
    return data


def make(target: str, root, language: str | None = "en", **variables) -> subprocess.CompletedProcess:
    """`make TARGET` as a maintainer runs it, on the data, docs and site folders under `root`."""
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    if language:
        env["LANGUAGE"] = language
    folders = {"DATA": root / "data", "DOCS": root / "docs", "SITE": root / "site",
               "BUILD": root / "build", **variables}
    return subprocess.run(["make", "-s", "--no-print-directory", "-C", str(ROOT), target,
                           *(f"{key}={value}" for key, value in folders.items())],
                          capture_output=True, text=True, env=env)


def said(output: str) -> list[str]:
    """The lines the generator printed, without make's own report of its exit status."""
    return [line for line in output.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]


def expected_report(notice, renamed_to: str) -> dict:
    """What `make import` must report, worked out from the 2017 plan and the changed notice."""
    task, alone = removed_task()
    names_2017 = [unit.name for unit in PLAN_2017.units]
    gone = [name for name in names_2017 if name == RENAMED or name in alone]
    on = [t for t in PLAN_2017.tasks if t is not task and
          RENAMED in [unit.name for unit in (*t.lead_units, *t.responsible_units)]]
    shared = [t for t in on if renamed_to not in [u.name for u in (*t.lead_units,
                                                                 *t.responsible_units)]]
    twice = f"{renamed_to}、{renamed_to}"
    both = [t.number - (t.number > task.number) for t in on if t not in shared]
    duplicates = [(number, line.index(twice) + len(renamed_to) + 2)
                  for number, line in enumerate(notice.read_text(encoding="utf-8").splitlines(), 1)
                  if twice in line]
    return {"gone": gone, "new": [] if renamed_to in names_2017 else [renamed_to],
            "shared": len(shared), "tasks": len(on), "duplicates": duplicates,
            "named twice": [to_numeral(number) for number in both]}


@pytest.mark.parametrize("renamed_to", ["市司法局", "市法治建设局"])
def test_make_import_reports_gone_new_renamed_and_named_twice(tmp_path, renamed_to):
    """市司法局 is a unit of 2017 already (named beside 法制办 once: the list names it twice now);
    市法治建设局, a name made up for the test, is new."""
    copy_data(tmp_path)
    notice = changed_notice(tmp_path, renamed_to)
    expected = expected_report(notice, renamed_to)
    result = make("import", tmp_path, NOTICE=notice)
    assert result.returncode == 0, result.stderr
    plans = (tmp_path / "data" / "plans").as_posix()
    ledger = (tmp_path / "data" / "urls.txt").as_posix()
    out = result.stdout.splitlines()
    assert f"  units of {plans}/2017.yaml no longer named: {'、'.join(expected['gone'])}" in out
    assert f"  units named for the first time: {'、'.join(expected['new']) or 'none'}" in out
    assert (f"  likely renamed: {RENAMED} → {renamed_to} (the notice names it on "
            f"{expected['shared']} of the {expected['tasks']} task(s) {RENAMED} was named on); "
            f"if a published source says so, declare it under {RENAMED} in {plans}/2017.yaml: "
            "successor: name, date, source") in out
    renames = [line for line in out if line.startswith("  likely renamed:")]
    assert len(renames) == 1, renames  # the unit gone with its task has no successor
    assert out[-7:] == [
        "Next:",
        f"  1. review {plans}/2018.yaml against the notice: the units and their roles, aliases, "
        "what is collective, the likely renames above",
        "  2. make check     every problem of the data at once; it lists the drafts",
        "  3. make serve     preview on http://127.0.0.1:8000/, the draft marked 草稿 on its pages",
        f"  4. delete the line draft: true from {plans}/2018.yaml",
        f"  5. make urls      publish the new year's URLs in {ledger}",
        f"  6. make site      build site/ with the new year; then commit {plans}/2018.yaml and "
        f"{ledger}"]
    warnings = [line for line in result.stderr.splitlines() if "named twice" in line]
    assert warnings == [f"{notice}:{line}:{column}: warning: task （{task}）: unit '{renamed_to}' "
                        "is named twice in one list; the draft names it once"
                        for (line, column), task in zip(expected["duplicates"],
                                                        expected["named twice"], strict=True)]
    assert len(warnings) == (renamed_to == "市司法局")

    draft = tmp_path / "data" / "plans" / "2018.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../generator/schema/"
                           "plan-input.schema.json\n# Draft imported from notice-2018.txt by "
                           "`make import`: review it against the notice, then delete the line "
                           "draft: true below; until then `make site` leaves it out.\ndraft: true\n")
    plan = yaml.safe_load(text)
    units = {unit["name"]: unit for unit in plan["units"]}
    # what 2017 decided about the units named again is carried over, each exactly
    for unit in PLAN_2017.units:
        if unit.name in units:
            assert units[unit.name].get("aliases", []) == list(unit.aliases), unit.name
            assert units[unit.name].get("collective", False) == unit.collective, unit.name
    assert f"  # likely takes over the work of {RENAMED} of {plans}/2017.yaml" in text

    again = make("import", tmp_path, NOTICE=notice)
    assert again.returncode != 0
    assert said(again.stderr) == [
        f"{plans}/2018.yaml: error: the plan of 2018 exists; a draft never replaces a plan "
        "(move it away first if it is to be imported anew)"]
    assert draft.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("unit, alias", [(unit.name, alias) for unit in PLAN_2017.units
                                         for alias in unit.aliases
                                         if unit.name not in (RENAMED, *removed_task()[1])])
def test_a_unit_named_by_its_alias_is_a_likely_rename(tmp_path, unit, alias):
    """Each alias the 2017 plan gives, written in the notice instead of the unit's name."""
    draft = parse(changed_notice(tmp_path, alias, unit).read_text(encoding="utf-8"))
    previous = years.Earlier(2017, "2017.yaml", yaml.safe_load(
        (ROOT / "data" / "plans" / "2017.yaml").read_text(encoding="utf-8")))
    comparison = years.compare(draft, previous)
    assert unit in comparison.gone and alias in comparison.new
    rename, = [rename for rename in comparison.renames if rename.old == unit]
    assert (rename.new, rename.alias) == (alias, True)
    named_on = [task for task in PLAN_2017.tasks if task is not removed_task()[0] and
                unit in [u.name for u in (*task.lead_units, *task.responsible_units)]]
    assert (rename.shared, rename.tasks) == (len(named_on), len(named_on))


def test_make_import_speaks_chinese_by_default(tmp_path):
    copy_data(tmp_path)
    notice = changed_notice(tmp_path, "市司法局")
    expected = expected_report(notice, "市司法局")
    result = make("import", tmp_path, language=None, NOTICE=notice)
    assert result.returncode == 0, result.stderr
    plans = (tmp_path / "data" / "plans").as_posix()
    out = result.stdout.splitlines()
    assert f"  {plans}/2017.yaml 中不再出现的单位：{'、'.join(expected['gone'])}" in out
    assert "  首次出现的单位：无" in out
    assert (f"  可能更名：{RENAMED} → 市司法局（在 {RENAMED} 原先负责的 {expected['tasks']} 项任务"
            f"中，通知有 {expected['shared']} 项改由它承担）；如有公开发布的文件为据，在 "
            f"{plans}/2017.yaml 的 {RENAMED} 下写明 successor：name、date、source") in out
    assert out[-7] == "下一步："
    (line, column), = expected["duplicates"]
    task, = expected["named twice"]
    assert f"{notice}:{line}:{column}: 警告：任务（{task}）：单位“市司法局”在同一列表中出现两次；" \
           "草稿中只保留一次" in result.stderr.splitlines()
    text = (tmp_path / "data" / "plans" / "2018.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# 草稿：由 `make import` 从 notice-2018.txt 导入。")


def test_make_import_without_a_notice_or_a_year_says_what_to_give(tmp_path):
    copy_data(tmp_path)
    result = make("import", tmp_path)
    assert result.returncode != 0
    assert said(result.stderr)[-1] == (
        "python -m generator: error: import needs the notice: make import NOTICE=notice.txt "
        "[YEAR=2018]")
    notice = tmp_path / "notice.txt"
    notice.write_text("\n".join(line for line in changed_notice(tmp_path, "市司法局").read_text(
        encoding="utf-8").splitlines() if "2018" not in line) + "\n", encoding="utf-8")
    result = make("import", tmp_path, NOTICE=notice)
    assert (result.returncode != 0, said(result.stderr)) == (True, [
        f"{notice}:1:1: error: the notice's year is in neither its 发文字号 (〔2018〕) nor its "
        f"title (2018年); give it: make import NOTICE={notice} YEAR=2018"])
    assert make("import", tmp_path, NOTICE=notice, YEAR=2019).returncode == 0
    assert (tmp_path / "data" / "plans" / "2019.yaml").is_file()


@pytest.mark.slow
def test_a_draft_is_checked_but_not_published_until_its_marker_is_deleted(tmp_path):
    copy_data(tmp_path)
    make("import", tmp_path, NOTICE=changed_notice(tmp_path, "市司法局"))
    draft = tmp_path / "data" / "plans" / "2018.yaml"
    plans = (tmp_path / "data" / "plans").as_posix()
    ledger = (tmp_path / "data" / "urls.txt")
    published = ledger.read_text(encoding="utf-8")

    checked = make("check", tmp_path)
    assert checked.returncode == 0, checked.stderr
    gone = expected_report(changed_notice(tmp_path, "市司法局"), "市司法局")["gone"]
    counts = (len(PLAN_2017.sections), len(PLAN_2017.tasks), len(PLAN_2017.units))
    assert checked.stdout.splitlines() == [
        f"{plans}/2017.yaml: ok: {counts[0]} sections, {counts[1]} tasks, {counts[2]} units",
        f"{plans}/2018.yaml: ok, a draft: {counts[0]} sections, {counts[1] - 1} tasks, "
        f"{counts[2] - len(gone)} units; make site leaves it out",
        "Next: preview with make serve (drafts marked 草稿); once a draft is reviewed, delete its "
        "line draft: true, then make urls and make site"]
    urls = make("urls", tmp_path)
    assert urls.stdout.splitlines()[:2] == [
        f"{plans}/2018.yaml: a draft; none of its URLs is published until its line draft: true "
        "is deleted", f"{ledger.as_posix()}: 0 new URL(s) published"]
    assert ledger.read_text(encoding="utf-8") == published
    require_slow()
    site = make("site", tmp_path)
    assert site.returncode == 0, site.stderr
    assert f"{plans}/2018.yaml: a draft, left out of the site; delete its line draft: true once " \
           "it is reviewed, then make urls and make site" in site.stdout.splitlines()
    assert (tmp_path / "site" / "2017" / "index.html").is_file()
    assert not (tmp_path / "site" / "2018").exists()
    assert "2018" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")

    draft.write_text(draft.read_text(encoding="utf-8").replace(DRAFT_MARKER, "\n", 1),
                     encoding="utf-8")
    urls = make("urls", tmp_path)
    assert urls.returncode == 0, urls.stderr
    assert "  /2018/" in urls.stdout.splitlines()
    site = make("site", tmp_path)
    assert site.returncode == 0, site.stderr
    assert "a draft, left out of the site" not in site.stdout
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "巴府办发〔2018〕45号" in home and "草稿" not in home
    assert (tmp_path / "site" / "2018" / "index.html").is_file()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def mkdocs_serve(root):
    """`make serve` (mkdocs serve through the hook) on the data under `root`, on a free port."""
    port = free_port()
    (root / "docs").mkdir(exist_ok=True)  # as `make serve` makes it
    env = {**os.environ, "PLAN_DATA": str(root / "data"), "PLAN_DOCS": str(root / "docs")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload",
                               "--dev-addr", f"127.0.0.1:{port}", "--config-file",
                               str(ROOT / "mkdocs.yml")], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                # the index is written after the pages: once it answers, the build is done
                with urllib.request.urlopen(origin + "/pagefind/pagefind.js") as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "mkdocs serve did not build the site in time"
            time.sleep(1)
        yield origin
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_make_serve_marks_the_draft_and_searches(tmp_path, page):
    copy_data(tmp_path)
    make("import", tmp_path, NOTICE=changed_notice(tmp_path, "市司法局"))
    require_slow()
    with mkdocs_serve(tmp_path) as origin:
        first = search_from_home(page, origin, "法制办")
        assert "法制办" in first.inner_text()
        banner = ["草稿", "本页所属的工作安排是从通知导入的草稿，尚在审核，未正式发布。"]
        for path in ("/", "/2018/", "/2018/matrix/"):
            page.goto(origin + path)
            shown = page.locator(".admonition.warning").first
            assert shown.is_visible(), path
            assert [line for line in shown.inner_text().splitlines() if line] == banner, path
        page.goto(origin + "/2018/")
        page.locator("article a[href*='sections/']").first.click()
        assert "/2018/sections/" in page.url
        assert page.locator(".admonition.warning").first.inner_text().startswith("草稿")
        page.goto(origin + "/2017/")
        assert page.locator(".admonition.warning").count() == 0
        assert "巴府办发〔2017〕45号" in page.locator("article").inner_text()
