"""Addresses of other sites given in the data (progress evidence, a unit's successor's source).

Each is parsed and written anew before anything shows it, so that what reaches a page, feed or
CSV is one plain http(s) address: every character that means something in HTML, Markdown or a
spreadsheet is percent-encoded, and a reader is shown the host it goes to.
"""
import re
import urllib.parse

# Left as they are in a path, query or fragment: what RFC 3986 allows there, less what opens or
# closes Markdown or HTML syntax (brackets, parentheses, quotes, '*', '<', '>') and the '%' of an
# escape already made.
_SAFE = "/:@!$&+,;=-._~%"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_UNWRITABLE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")


def web_address(value: str) -> str | None:
    """`value` as an absolute http(s) address with a host, re-serialised; None if it is not one.

    An address with a user name (https://www.gov.cn@evil.example/) is refused: it shows one
    host and goes to another."""
    if _UNWRITABLE.search(value):
        return None
    try:
        parts = urllib.parse.urlsplit(value)
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or parts.username is not None:
        return None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    netloc = host + (f":{port}" if port is not None else "")

    def encoded(part: str, safe: str = _SAFE) -> str:
        return urllib.parse.quote(_LONE_PERCENT.sub("%25", part), safe=safe)
    return urllib.parse.urlunsplit((scheme, netloc, encoded(parts.path) or "/",
                                    encoded(parts.query, _SAFE + "?"),
                                    encoded(parts.fragment, _SAFE + "?")))


def host_of(address: str) -> str:
    """The host a re-serialised address goes to, as a reader is shown it (www.gov.cn)."""
    return urllib.parse.urlsplit(address).netloc
