"""Words worked out from names by a library that is slow to start, kept between builds.

jieba loads its dictionary for a second, and pypinyin takes a quarter of one to import its own,
to cut or read the few hundred names of a plan: more than the generator's other work for a plan
of the real one's size. What they made of each name is kept in a file under .cache/, for the
version of the library and the text of the module that asked, so that a rebuild starts neither
unless a name is new. The file is only ever a shortcut: one that cannot be read, or was made by
another version, is ignored, and one that cannot be written is left out.
"""
import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import unicodedata
from pathlib import Path

from generator import ROOT

# Beside Zensical's cache, which `make clean` deletes with it.
FOLDER = ROOT / ".cache"


class WordCache:
    def __init__(self, path: Path, library: str, module: str):
        self.path = path
        self.library = library  # the package whose work is kept
        self.module = Path(module)  # the source that asks it, and may change what it asks
        self.words: dict[str, str] | None = None
        self.added = False

    @functools.cached_property
    def version(self) -> str:
        """Worked out once a run, for reading the file and for writing it."""
        made_by = (importlib.metadata.version(self.library).encode() + self.module.read_bytes()
                   + unicodedata.unidata_version.encode())
        return hashlib.sha256(made_by).hexdigest()

    def get(self, name: str) -> str | None:
        return self._words().get(name)

    def put(self, name: str, words: str) -> None:
        self._words()[name] = words
        self.added = True

    def _words(self) -> dict[str, str]:
        if self.words is None:
            self.words = {}
            try:
                kept = json.loads(self.path.read_text(encoding="utf-8"))
                if kept.get("version") == self.version and isinstance(kept.get("words"), dict):
                    self.words = kept["words"]
            except (OSError, ValueError, AttributeError):
                pass
        return self.words

    def save(self) -> None:
        """Keep what this run worked out, through a temporary file: two builds at once never
        leave half a file."""
        if not self.added:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps({"version": self.version, "words": self.words},
                                            ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.path)
            self.added = False
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
