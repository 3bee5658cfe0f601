"""What a check found at a place in a file: one type for every checker dejakit has.

The glossary linter (and the glossary reader it runs) reports a line of a TOML file, the layout
check a page of a PDF, the DOCX check a part of a Word package. Each finding names the file, the
place, the rule that found it, how bad it is, what is wrong, and the text it is about, and all
print alike, in the style of compiler messages (``file:place: severity: check: message``)::

    glossaries/energy.toml:12: error: entry 3 'Gas': no English pivot term; add en = "…"
    out/pm.pdf:p.2: error: kinsoku: line starts with „。“ — '。政府は'
    out/pm.docx:word/document.xml: error: unstyled: paragraph in 'Normal' — 'Ein Absatz'

`Finding.as_json` gives the one JSON shape of a finding, for ``--json`` output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["Finding", "Severity", "count_checks"]

# An error makes the file unusable or wrong as it stands; a warning is worth a look.
Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One finding of a check: where (file and place), which rule, how bad, what, about what.

    The place is the one the file has: a `line` of a text file, a `page` of a PDF or a `part`
    of a zip package such as a DOCX (0 or "" where it has none).
    """

    file: str
    message: str  # what is wrong and, where it can say so, how to fix it
    severity: Severity = "error"
    check: str = ""  # the rule: "kinsoku", "unstyled" …; "" where the message alone tells it
    line: int = 0  # 1-based
    page: int = 0  # 1-based
    part: str = ""  # e.g. "word/document.xml"
    excerpt: str = ""  # the text the finding is about (its first characters)

    @property
    def place(self) -> str:
        """Return where in the file: "12" (a line), "p.2" (a page), a part's name, or ""."""
        if self.line:
            return str(self.line)
        if self.page:
            return f"p.{self.page}"
        return self.part

    def __str__(self) -> str:
        where = f"{self.file}:{self.place}" if self.place else self.file
        check = f"{self.check}: " if self.check else ""
        excerpt = f" — {self.excerpt!r}" if self.excerpt else ""
        return f"{where}: {self.severity}: {check}{self.message}{excerpt}"

    def as_json(self) -> dict[str, str | int]:
        """Return the finding as a JSON object: the fields that are set, in reading order."""
        fields: dict[str, str | int] = {
            "file": self.file,
            "line": self.line,
            "page": self.page,
            "part": self.part,
            "severity": self.severity,
            "check": self.check,
            "message": self.message,
            "excerpt": self.excerpt,
        }
        return {key: value for key, value in fields.items() if value}


def count_checks(findings: Iterable[Finding]) -> Counter[str]:
    """Return how many findings each check made."""
    return Counter(finding.check for finding in findings)
