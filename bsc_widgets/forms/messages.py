"""Message areas: errors as role=alert, confirmations as role=status, always in words, never colour alone."""
from __future__ import annotations

import functools
import traceback

from ..base.errors import BscError
from ..base.language import N_, _
from ..base.log import server_log
from ..render import render
from .words import Words

SORRY = N_("Something went wrong on this page. Nothing you saved was lost; please reload the page, and tell "
            "your coach if it happens again.")


def report_unexpected(area: "MessageArea") -> None:
    """The traceback to the server log; a plain sentence to the person."""
    server_log().error("workbook failed:\n%s", traceback.format_exc())
    area.show_error(_(SORRY))


def message_html(text: str, kind: str = "error", details: list[str] | None = None) -> str:
    return render("common.html", "message", text=text, kind=kind, details=list(details or []))


class MessageArea(Words):
    """One place on a page where problems and confirmations are said."""

    def show_error(self, error: BscError | str) -> None:
        if isinstance(error, BscError):
            self.value = message_html(error.message, "error", [str(p) for p in error.problems])
        else:
            self.value = message_html(str(error), "error")

    def show(self, text: str, kind: str = "ok") -> None:
        self.value = message_html(text, kind)

    def clear(self) -> None:
        self.value = ""


def guarded(area: MessageArea):
    """Decorate a widget callback: problems become messages in `area`, never a silent failure."""
    from ..base.errors import BscError

    def wrap(handler):
        @functools.wraps(handler)
        def run(*args, **kwargs):
            try:
                return handler(*args, **kwargs)
            except BscError as exc:
                area.show_error(exc)
            except Exception:  # noqa: BLE001 - the browser must never see a traceback
                report_unexpected(area)
        return run
    return wrap
