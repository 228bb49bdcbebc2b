"""Problems found in the data, reported in compiler form: FILE:LINE:COL: 错误：MESSAGE (in English,
with LANGUAGE=en: FILE:LINE:COL: error: MESSAGE)."""
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.i18n import _
from generator.inputs.characters import escape_for_terminal

if TYPE_CHECKING:
    from generator.model.plan import Origin


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: str  # "error" or "warning"
    message: str

    @classmethod
    def at(cls, origin: "Origin | None", message: str) -> "Diagnostic":
        """An error where a record of the model was written (its Origin), if it knows."""
        file, line, column = (origin.file, origin.line, origin.column) if origin else ("", 1, 1)
        return cls(file, line, column, "error", message)

    def __str__(self) -> str:
        form = _("{place}: error: {message}") if self.severity == "error" else \
            _("{place}: warning: {message}")
        # a message quotes the data, which may hold a line break or an escape sequence
        return escape_for_terminal(form.format(place=f"{self.file}:{self.line}:{self.column}",
                                               message=self.message))


class PlanError(Exception):
    """Raised with every problem of a run, so that one mistake does not hide the next."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__("\n".join(map(str, self.diagnostics)))
