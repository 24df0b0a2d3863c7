"""Print each reader's copy: the full plan (PDF, DOCX) and the child's one page.

The same writers `genogram export` uses, so a file saved here is the file the command writes.
A child's page that cannot fit one page is refused with the writer's sentence saying what to
shorten, and nothing is written; every file is written atomically. Every export ends in one
sentence: where the file was saved, or why it was not (never silence, never a traceback).
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from genogram.storage.atomic import write_bytes_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportKind:
    key: str
    title: str  # the button
    what: str  # the file chooser's title
    suffix: str
    filter: str
    menu: str = ""  # the File menu's words, with a mnemonic the menu does not use yet

    @property
    def thing(self) -> str:
        """What is saved, for sentences: "the full plan as PDF"."""
        return self.what.removeprefix("Save ")

    @property
    def Thing(self) -> str:  # noqa: N802 - the same words, starting a sentence
        """ "The full plan as PDF", to begin a sentence."""
        return self.thing[:1].upper() + self.thing[1:]


KINDS = (
    ExportKind("pdf", "Full plan as PDF…", "Save the full plan as PDF", ".pdf", "PDF documents (*.pdf)",
               "Export full plan as P&DF…"),
    ExportKind("docx", "Full plan as DOCX…", "Save the full plan as a Word document", ".docx",
               "Word documents (*.docx)", "Export full plan as DOC&X…"),
    ExportKind("child", "Child's one-page plan…", "Save the child's one-page plan as PDF", ".pdf",
               "PDF documents (*.pdf)", "Export child's one-pa&ge plan…"),
)


def build(kind: str, case: Any, plan: Any) -> bytes:
    """The file's bytes; ChildPlanError (with what to shorten) for a child's page that cannot be made."""
    if kind == "pdf":
        from genogram.export.plan_pdf import plan_pdf

        return plan_pdf(case, plan)
    if kind == "docx":
        from genogram.export.plan_docx import plan_docx

        return plan_docx(case, plan)
    from genogram.export.child_plan import child_plan_pdf

    return child_plan_pdf(case, plan)[0]


def suggested_name(case: Any, plan: Any, kind: ExportKind) -> str:
    base = plan.title or case.meta.title or "plan"
    if kind.key == "child":
        base += " - child's page"
    stem = " ".join(re.sub(r"[^\w \-']", " ", base).split())[:60] or "plan"
    return stem + kind.suffix


def export(kind: ExportKind, case: Any, plan: Any, choose: Callable[[ExportKind, str], str | None],
           report: Callable[[str], None], tell: Callable[[str], None] = lambda _text: None,
           confirm_replace: Callable[[str], bool] | None = None) -> str | None:
    """Ask where, build, write. Returns the path written, or None (cancelled or refused).

    `tell` (the status bar) hears where the file went, or that nothing was chosen; `report`
    (a message box) hears why a file could not be made or written. `confirm_replace` (a message
    box unless given) is asked before the extension added to the chosen name replaces a file.
    """
    from genogram.export.child_plan import ChildPlanError

    from .. import savepath

    if case is None or plan is None:
        tell("There is no plan in this case yet, so there is nothing to save: start one on the "
             "Plan tab.")
        return None
    chosen = choose(kind, suggested_name(case, plan, kind))
    if not chosen:
        tell(f"{kind.Thing} was not saved, because no file was chosen.")
        return None
    full = savepath.with_suffix(chosen, kind.suffix, confirm_replace)
    if full is None:
        tell(savepath.kept(chosen, kind.suffix))
        return None
    path = os.path.abspath(full)
    try:
        data = build(kind.key, case, plan)
    except ChildPlanError as exc:
        report(f"The child's page was not saved. {_sentence(str(exc))}")
        return None
    except (ValueError, OSError) as exc:
        report(f"The plan could not be saved: {_sentence(str(exc))}")
        return None
    except ImportError as exc:
        report(f"{kind.Thing} was not saved, because this copy of Kinscape is "
               f"missing a part it needs ({exc.name}); please tell whoever supports Kinscape.")
        return None
    except Exception:  # a writer's fault must not pass in silence: say so, keep the details
        log.exception("building %s failed", kind.key)
        report(f"{kind.Thing} was not saved because of a fault in Kinscape; "
               "please tell whoever supports Kinscape.")
        return None
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        report(f"The plan could not be saved to {path}: {exc.strerror or exc}.")
        return None
    tell(f"Saved {kind.thing} to {path}.")
    return path


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")) if text else ""
