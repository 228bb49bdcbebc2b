"""`make import NOTICE=… [YEAR=…]` (`python -m generator import NOTICE [-o DRAFT]`): read the
notice, write the draft beside the earlier years' plans, print a summary and what to do next.

Everything printed passes through escape_for_terminal(): a notice's text (and a file's name) may
hold control characters that would move the cursor or recolour the terminal.
"""
import sys
from pathlib import Path

from generator.diagnostics import PlanError
from generator.i18n import _
from generator.importer import dump, parse, summary, years
from generator.inputs.characters import escape_for_terminal
from generator.inputs.data_folder import PLANS, Inputs
from generator.inputs.notice_file import read_notice


def _say(text: str, file=None) -> None:
    """Print lines of text, each escaped on its own (an escaped line break would join them)."""
    print("\n".join(map(escape_for_terminal, text.split("\n"))), file=file or sys.stdout)


def _error(place: str, message: str) -> None:
    _say(_("{place}: error: {message}").format(place=place, message=message), sys.stderr)


def run(notice: Path, output: Path | None, force: bool, inputs: Inputs,
        year: int | None = None) -> int:
    """Without `output`, the draft is the plan of its year in the data folder:
    data/plans/<year>.yaml."""
    try:
        text = read_notice(notice)
    except PlanError as error:
        _say(str(error), sys.stderr)
        return 1
    draft = parse(text)
    year = year or years.notice_year(draft)
    target = output or (inputs.plan(year).path if year else None)
    if not draft.sections:
        _error(f"{notice}:1:1", _("no task found; expected the plan's tasks as numbered paragraphs "
                                  "(一、 （一） 1. …) or paragraphs opening with a heading, with "
                                  "their units in brackets; {output} was not written").format(
            output=target.as_posix() if target else _("the draft")))
        return 1
    if target is None:
        _error(f"{notice}:1:1", _("the notice's year is in neither its 发文字号 (〔2018〕) nor its "
                                  "title (2018年); give it: make import NOTICE={notice} YEAR=2018"
                                  ).format(notice=notice))
        return 1
    if output is not None and output.exists() and not force:
        _error(str(output), _("exists; not written (pass --force to replace it)"))
        return 1
    if output is None and target.exists():
        _error(target.as_posix(), _("the plan of {year} exists; a draft never replaces a plan "
                                    "(move it away first if it is to be imported anew)").format(
            year=year))
        return 1
    output = target
    earlier, unreadable = years.earlier_plans(inputs, year)
    carried = years.carry_over(draft, earlier)
    comparison = years.compare(draft, earlier[0]) if earlier else None
    renames = [(rename, comparison.previous.name) for rename in comparison.renames] \
        if comparison else []
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(dump(draft, notice.name, carried, renames), encoding="utf-8")
    for number, line in draft.unplaced:
        _say(_("{place}: warning: {message}").format(
            place=f"{notice}:{number}:1",
            message=_("not placed in the draft, kept there as a comment: {text}").format(text=line)),
            sys.stderr)
    for number, column, message in draft.warnings:
        _say(_("{place}: warning: {message}").format(place=f"{notice}:{number}:{column}",
                                                     message=message), sys.stderr)
    for problem in unreadable:
        _say(problem + "\n" + _("(nothing was carried over from that plan)"), sys.stderr)
    tasks = sum(len(section["tasks"]) for section in draft.sections)
    _say(_("{output}: {sections} sections, {tasks} tasks, {units} units; {unplaced} line(s) not "
           "placed").format(output=output.as_posix(), sections=len(draft.sections), tasks=tasks,
                            units=len(draft.units), unplaced=len(draft.unplaced)))
    _say("\n".join(summary(draft)))
    _say("\n".join(_beside_earlier_years(carried, comparison)))
    if output.parent.name == PLANS:
        _say("\n".join(next_steps(output)))
    return 0


def _beside_earlier_years(carried: dict, comparison) -> list[str]:
    out = []
    if carried:
        plans = "、".join(dict.fromkeys(plan for _fields, plan in carried.values()))
        out.append("  " + _("carried over from {plans}: what was decided about {count} unit(s) "
                            "named again (full name, aliases, slug, collective)").format(
            plans=plans, count=len(carried)))
    if comparison is None:
        return out
    previous = comparison.previous.name
    none = _("none")
    out.append("  " + _("units of {plan} no longer named: {units}").format(
        plan=previous, units="、".join(comparison.gone) or none))
    out.append("  " + _("units named for the first time: {units}").format(
        units="、".join(comparison.new) or none))
    for rename in comparison.renames:
        reason = _("the notice names it on {shared} of the {tasks} task(s) {old} was named on") \
            if rename.shared else _("{old} gives it as an alias") if rename.alias else \
            _("the names are alike")
        out.append("  " + _("likely renamed: {old} → {new} ({reason}); if a published source says "
                            "so, declare it under {old} in {plan}: successor: name, date, source"
                            ).format(old=rename.old, new=rename.new, plan=previous,
                                     reason=reason.format(shared=rename.shared, tasks=rename.tasks,
                                                          old=rename.old)))
    return out


def next_steps(plan: Path) -> list[str]:
    ledger = (plan.parent.parent / "urls.txt").as_posix()
    return [_("Next:"),
            "  1. " + _("review {plan} against the notice: the units and their roles, aliases, "
                        "what is collective, the likely renames above").format(plan=plan.as_posix()),
            "  2. " + _("make check     every problem of the data at once; it lists the drafts"),
            "  3. " + _("make serve     preview on http://127.0.0.1:8000/, the draft marked 草稿 "
                        "on its pages"),
            "  4. " + _("delete the line draft: true from {plan}").format(plan=plan.as_posix()),
            "  5. " + _("make urls      publish the new year's URLs in {ledger}").format(
                ledger=ledger),
            "  6. " + _("make site      build site/ with the new year; then commit {plan} and "
                        "{ledger}").format(plan=plan.as_posix(), ledger=ledger)]
