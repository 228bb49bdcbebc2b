"""Data text made safe for the page it goes into: Markdown, or HTML inside it."""
import functools
import re

# Every ASCII punctuation mark can start Markdown, HTML or a link; as a character reference it
# can only ever be shown as itself.
_MARKUP = re.compile(r"[!-/:-@\[-`{-~]")


@functools.lru_cache(maxsize=1 << 16)  # a unit's or a task's name is on many pages
def text(value: str) -> str:
    """Data text as Markdown or HTML that shows exactly these characters and never becomes
    markup."""
    return _MARKUP.sub(lambda match: f"&#{ord(match.group())};", value)
