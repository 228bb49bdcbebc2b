"""What maintainers read is Chinese by default, English with LANGUAGE=en, from one catalog."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from generator import i18n
from generator.__main__ import main
from generator.inputs import validate
from tests.conftest import FIXTURES, ROOT

CATALOG = i18n.LOCALE / "zh_CN" / "LC_MESSAGES"
FIELD = re.compile(r"\{(\w*)[^{}]*\}")


def messages_in_the_code() -> set[str]:
    """Every message id the code passes to _() or ngettext()."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "generator"), method_map=[("**.py", "python")]):
        found.update([message] if isinstance(message, str) else message[:1])
    return found


def _singular(message) -> str:
    return message if isinstance(message, str) else message[0]


def test_every_message_of_the_code_has_its_chinese():
    with (CATALOG / "generator.po").open("rb") as file:
        catalog = read_po(file)
    # a message with a plural (ngettext) is known by its singular
    translated = {_singular(m.id): m.string for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(messages_in_the_code() - set(translated))
    assert missing == [], f"untranslated: run `make messages` and translate {missing}"


def test_each_translation_keeps_the_fields_of_its_message():
    with (CATALOG / "generator.po").open("rb") as file:
        catalog = read_po(file)
    for message in catalog:
        if message.id and message.string:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                assert sorted(FIELD.findall(string)) == sorted(FIELD.findall(ids[-1])), message.id


def test_the_compiled_catalog_is_the_catalog():
    """generator.mo is what `make messages` compiled from generator.po as it is now."""
    with (CATALOG / "generator.po").open("rb") as file:
        source = {_singular(m.id): tuple(m.string) if isinstance(m.string, (tuple, list)) else m.string
                  for m in read_po(file) if m.id and m.string}
    with (CATALOG / "generator.mo").open("rb") as file:
        compiled = {_singular(m.id): tuple(m.string) if isinstance(m.string, (tuple, list)) else m.string
                    for m in read_mo(file) if m.id}
    assert compiled == source, "run `make messages`"


@pytest.mark.parametrize("language, line", [
    (None, "{data}:35:20: 错误：{message}"),
    ("en", "{data}:35:20: error: {message}"),
])
def test_a_mistake_is_reported_in_chinese_unless_english_is_asked_for(tmp_path, language, line):
    plan = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")
    data = tmp_path / "plan.yaml"
    data.write_text(plan.replace("lead: [市政府法制办, 市司法局]", "lead: {市政府法制办, 市司法局"),
                    encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
    if language:
        env["LANGUAGE"] = language
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(data)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    first = result.stderr.splitlines()[0]
    assert re.fullmatch(re.escape(line.format(data=data, message="@")).replace("@", ".+"), first), first


def test_every_title_of_the_schema_is_in_the_catalog():
    """The messages quote the schema's titles (validate.expected), translated through the list of
    them in validate.py: a title added to the schema must be added there."""
    def titles(schema):
        if isinstance(schema, dict):
            if isinstance(schema.get("title"), str):
                yield schema["title"]
            for value in schema.values():
                yield from titles(value)
        elif isinstance(schema, list):
            for value in schema:
                yield from titles(value)

    assert set(titles(validate.SCHEMA)) <= set(validate.TITLES)


SMALL = (FIXTURES / "small_plan.yaml").read_text(encoding="utf-8")
LEDGER = (FIXTURES / "urls.txt").read_text(encoding="utf-8")
PROGRESS = "- task: 三\n  date: 2020-03-15\n  status: 推进中\n  unit: 市政府法制办\n  text: 完成草案。\n"

# Common mistakes, each as (file, old, new) and the lines of `check` that report it, in Chinese.
CHINESE = {
    "unknown field, with the nearest": (
        "plan.yaml", "        title: 加强法制机构建设\n", "        titel: 加强法制机构建设\n",
        ["{plan}:46:9: 错误：任务（三）：缺少必填字段 'title'（一行文字）",
         "{plan}:47:9: 错误：任务（三）：未知字段 'titel'（是否应为 'title'？）；应为以下之一："
         "number、title、text、lead、responsible、responsibility、slug"]),
    "missing required field": (
        "plan.yaml", "  number: 某府办发〔2020〕1号\n", "",
        ["{plan}:3:3: 错误：document：缺少必填字段 'number'（一行文字）"]),
    "unit not in units": (
        "plan.yaml", "lead: [市政府法制办, 市司法局]", "lead: [市法制办, 市司法局]",
        ["{plan}:34:16: 错误：任务（一）：牵头单位“市法制办”不在 units 中（是否应为“市政府法制办”？）"]),
    "YAML bracket left open": (
        "plan.yaml", "lead: [市政府法制办, 市司法局]", "lead: {市政府法制办, 市司法局",
        ["{plan}:35:20: 错误：YAML 格式错误：解析流式映射时，应为 ',' 或 '}}'，实际为 ':'"
         "（始于第 34 行第 15 列）"]),
    "impossible day": (
        "plan.yaml", "  number: 某府办发〔2020〕1号\n", "  number: 2017-02-30\n",
        ["{plan}:4:11: 错误：document：“2017-02-30”不是日历上的日期：2017年2月只有 28 天"]),
    "URL not in the ledger": (
        "urls.txt", "/units/shi-cai-zheng-ju/ unit 市财政局\n", "",
        ["{ledger}:19:1: 错误：/units/shi-cai-zheng-ju/（单位“市财政局”）不在已发布网址台账中；"
         "请运行 `make urls` 发布"]),
    "progress entry's unit not on the task": (
        "progress/2020.yaml", "", "",
        ["{progress}:4:9: 错误：第 1 条进展：单位“市政府法制办”未列于任务（三）；该任务的单位为市财政局"]),
}


@pytest.mark.parametrize("case", CHINESE)
def test_common_mistakes_are_reported_in_chinese(tmp_path, capsys, monkeypatch, case):
    file, old, new, expected = CHINESE[case]
    files = {"plan.yaml": SMALL, "urls.txt": LEDGER} | (
        {file: PROGRESS} if file == "progress/2020.yaml" else {})
    assert old in files[file]
    files[file] = files[file].replace(old, new, 1)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.delenv("LANGUAGE")
    assert main(["check", "--data", str(tmp_path / "plan.yaml")]) == 1
    names = {"plan": tmp_path / "plan.yaml", "ledger": tmp_path / "urls.txt",
             "progress": (tmp_path / "progress/2020.yaml").as_posix()}
    assert capsys.readouterr().err.splitlines()[:-1] == [line.format(**names) for line in expected]
