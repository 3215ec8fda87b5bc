"""TextWrapper, beside the Go part of textwrap (wrap, fill, shorten)."""

from textwrap import wrap as _wrap, fill as _fill, shorten as _shorten


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _options(self):
        kw = {"width": self.width, "initial_indent": self.initial_indent, "subsequent_indent": self.subsequent_indent,
              "break_long_words": self.break_long_words, "break_on_hyphens": self.break_on_hyphens}
        if self.max_lines is not None:
            kw["max_lines"] = self.max_lines
            kw["placeholder"] = self.placeholder
        return kw

    def wrap(self, text):
        return _wrap(text, **self._options())

    def fill(self, text):
        return "\n".join(self.wrap(text))
