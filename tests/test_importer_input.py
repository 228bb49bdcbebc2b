"""What the importer takes from a notice it cannot trust: characters it refuses where they stand,
nothing it prints that could drive the terminal, and work that grows with the notice's length."""
import pytest

import generator.importer.structure as structure
from generator.__main__ import main
from generator.importer import parse
from generator.inputs import limits
from tests.conftest import NOTICE

TEXT = NOTICE.read_text(encoding="utf-8")
# a line of the notice's body, and a place in it between two Han characters
LINE = next(number for number, line in enumerate(TEXT.splitlines(), 1) if "（一）" in line
            or "(一)" in line)
COLUMN = 5


def with_character(character: str) -> str:
    lines = TEXT.splitlines(keepends=True)
    line = lines[LINE - 1]
    indent = len(line) - len(line.lstrip())
    lines[LINE - 1] = line[: indent + COLUMN - 1] + character + line[indent + COLUMN - 1:]
    return "".join(lines), indent + COLUMN


@pytest.mark.parametrize("character, named", [
    ("\x1b", "the control character U+001B"),
    ("\x07", "the control character U+0007"),
    ("\x85", "the control character U+0085"),
    ("\u202e", "the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("\u2066", "the bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("\u200b", "the invisible character U+200B (ZERO WIDTH SPACE)"),
    ("\ufeff", "the invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
    ("\ufffe", "the noncharacter U+FFFE"),
    ("\ufdd0", "the noncharacter U+FDD0"),
    ("\U0010ffff", "the noncharacter U+10FFFF"),
])
def test_a_forbidden_character_is_refused_where_it_stands(tmp_path, capsys, character, named):
    text, column = with_character(character)
    notice, draft = tmp_path / "notice.txt", tmp_path / "draft.yaml"
    notice.write_text(text, encoding="utf-8")
    assert main(["import", str(notice), "-o", str(draft)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", (
        f"{notice}:{LINE}:{column}: error: {named} is not allowed in a notice; delete it "
        "(it is invisible or breaks what the draft shows)\n"))
    assert not draft.exists()


def test_every_forbidden_character_is_named_up_to_twenty(tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text("一、甲\u200b\n" + "（一）乙\x1b[2J。\n" * 25, encoding="utf-8")
    assert main(["import", str(notice), "-o", str(tmp_path / "draft.yaml")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{notice}:1:4: error: the invisible character U+200B (ZERO WIDTH SPACE) is "
                      "not allowed in a notice; delete it (it is invisible or breaks what the "
                      "draft shows)")
    assert err[1].startswith(f"{notice}:2:5: error: the control character U+001B is not allowed")
    assert err[20:] == [f"{notice}:21:5: error: 6 more such characters from here on"]


def test_windows_line_ends_are_read(tmp_path, capsys):
    notice, draft = tmp_path / "notice.txt", tmp_path / "draft.yaml"
    notice.write_bytes(TEXT.replace("\n", "\r\n").encode())
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    assert "22 tasks" in capsys.readouterr().out


def test_nothing_printed_can_drive_the_terminal(tmp_path, capsys):
    """Names of files come from the user's shell; printed, ESC and bidi controls are escaped."""
    folder = tmp_path / "a\x1b]0;pwned\x07\u202e"
    folder.mkdir()
    notice, draft = folder / "notice.txt", folder / "draft.yaml"
    notice.write_text(TEXT, encoding="utf-8")
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert "a\\x1b]0;pwned\\x07\\u202e/draft.yaml: 5 sections, 22 tasks" in printed
    assert not {"\x1b", "\x07", "\u202e"} & set(printed)


def nested_notice(lines: int, depth: int) -> str:
    """The notice of issue 23: tasks whose paragraphs are brackets nested `depth` deep."""
    line = "（七）任务。" + "〔" * depth + "〕" * depth
    return "某项工作安排\n\n一、第一部分\n\n" + "\n".join([line] * lines) + "\n"


def test_a_notice_of_deeply_nested_brackets_costs_work_in_proportion_to_its_length(monkeypatch):
    """70 lines of 2,490 nested brackets, 1 MB: each character is looked at as a possible note at
    most once (time grew with the square of the nesting when each bracket was tried in turn)."""
    text = nested_notice(70, 2490)
    assert limits.MAX_NOTICE_BYTES - 2000 < len(text.encode()) <= limits.MAX_NOTICE_BYTES
    read, looked_at = structure.notes.read, []

    def counting(wording, start=0):
        looked_at.append(len(wording))
        return read(wording, start)

    monkeypatch.setattr(structure.notes, "read", counting)
    draft = parse(text)
    # per line: its number （七） and its one outermost bracket, each read once
    assert len(looked_at) == 2 * 70 and sum(looked_at) < len(text)
    tasks = [task for section in draft.sections for task in section["tasks"]]
    assert [(t["number"], t["title"], t.get("lead"), t.get("responsible")) for t in tasks] == \
        [("七", "任务", None, None)] * 70


def test_the_1_mb_nested_notice_is_imported(tmp_path, capsys):
    notice, draft = tmp_path / "notice.txt", tmp_path / "draft.yaml"
    notice.write_text(nested_notice(70, 2490), encoding="utf-8")
    assert main(["import", str(notice), "-o", str(draft)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == \
        f"{draft}: 1 sections, 70 tasks, 0 units; 0 line(s) not placed"
