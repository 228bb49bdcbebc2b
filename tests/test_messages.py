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
