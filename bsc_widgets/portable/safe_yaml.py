"""Reading ``framework.yaml`` safely: plain data only, refused plainly when it is not.

PyYAML's ``safe_load`` builds no objects, but it still expands aliases (a "billion laughs"
file takes minutes), recurses on deep nesting (a Python traceback), and keeps the last of two
equal keys (a second ``links:`` silently drops the first). Our export never writes anchors,
aliases, deep nesting or repeated keys, so a file holding any of them is refused, with the row.
"""
from __future__ import annotations

from collections.abc import Hashable

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from ..base.language import _

MAX_DEPTH = 20  # the export nests four levels deep


class _Loader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, _("it uses an alias (*name), which this file format does not allow"),
                                event.start_mark)
        if getattr(event, "anchor", None):
            raise ComposerError(None, None, _("it uses an anchor (&name), which this file format does not allow"),
                                event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ComposerError(None, None, _("it is nested more than %(n)s levels deep", n=MAX_DEPTH),
                                event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise ConstructorError(None, None, _("a key is a list or a mapping, not a name"),
                                       key_node.start_mark)
            if key in seen:
                raise ConstructorError(None, None, _("“%(key)s” appears twice (first on row %(row)s)",
                                                           key=str(key)[:60], row=seen[key]),
                                       key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def load(text: str):
    """The document's plain data; raises ``yaml.MarkedYAMLError`` (with the row) for anything else."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
