"""Creates the files it is sent in a folder: generator/outputs/write.py runs it as a process of its
own, so that creating thousands of pages takes the second core while the next ones render.
(A thread would not: it needs Python's lock back after every system call, and gets it only
when the rendering thread lets go, every 5 ms.)

It reads, for each file, the lengths of its path and of its content (two unsigned 32-bit
big-endian integers), the path (UTF-8, relative, `/` between folders) and the content, until
the end of its input. It imports nothing beyond the standard library and is started with
`-I -S`, so it is running 10 ms after it was asked for.
"""
import os
import struct
import sys

HEADER = struct.Struct("!II")


def N_(message: str) -> str:
    """A message for generator/outputs/write.py to translate: this process imports nothing of the
    generator (it runs isolated, with -I -S), so it prints the English, marked for the catalog."""
    return message


# What the disk says of the commonest refusals (os.strerror), for the catalog.
OS_ERRORS = (N_("No space left on device"), N_("Permission denied"), N_("Read-only file system"),
             N_("File exists"),
             N_("Disk quota exceeded"), N_("File name too long"), N_("Is a directory"),
             N_("Not a directory"), N_("Too many open files"), N_("Input/output error"))


def _exactly(size: int) -> bytes:
    found = sys.stdin.buffer.read(size)
    if len(found) != size:
        raise EOFError(N_("the input ended inside a file"))
    return found


def main(folder: str) -> int:
    made: set[str] = set()
    try:
        while header := sys.stdin.buffer.read(HEADER.size):
            if len(header) != HEADER.size:
                raise EOFError(N_("the input ended inside a file's header"))
            name_size, size = HEADER.unpack(header)
            name = _exactly(name_size).decode("utf-8")
            content = memoryview(_exactly(size))
            parent = os.path.dirname(name)
            if parent not in made:
                os.makedirs(os.path.join(folder, parent) if parent else folder, exist_ok=True)
                made.add(parent)
            handle = os.open(os.path.join(folder, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                while content:
                    content = content[os.write(handle, content):]
            finally:
                os.close(handle)
    except OSError as error:
        # the error number, the reason and the file, for write.py to say in the language of the run
        print("\t".join([str(error.errno), str(error.strerror)]
                        + ([str(error.filename)] if error.filename else [])), file=sys.stderr)
        return 1
    except EOFError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
