"""Helpers shared by the test layers (plain functions and data, not fixtures)."""


# What people may type or paste into any field: every workbook is tested against these.
HOSTILE = {
    "empty": "",
    "huge": "A teacher’s long note. " * 4600,  # about 100 kB
    "emoji": "Great week 🎉👩🏽‍🏫 — 子どもたち, niños, أطفال",
    "script": "<script>window.__pwned = 1; alert('x')</script>",
    "img": "\"><img src=x onerror=\"window.__pwned=1\">",
    "formula": "=HYPERLINK(\"http://evil\")",
}


def widget_text(widget) -> str:
    """Every piece of HTML and every value shown anywhere inside a widget tree (for component tests)."""
    out = []
    stack = [widget]
    while stack:
        wdg = stack.pop()
        for attr in ("value", "description"):
            v = getattr(wdg, attr, None)
            if isinstance(v, str):
                out.append(v)
        stack.extend(getattr(wdg, "children", ()) or ())
    return "\n".join(out)
