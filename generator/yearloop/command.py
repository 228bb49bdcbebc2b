"""The command line the year's commands share: `python -m generator.yearloop.<command>`."""
import argparse
from pathlib import Path

from generator.i18n import _
from generator.inputs.data_folder import DATA_HELP, DEFAULT_DATA


def parser(command: str, description: str) -> argparse.ArgumentParser:
    """A command's parser, with --data as every command of the generator takes it."""
    parser = argparse.ArgumentParser(prog=f"python -m generator.yearloop.{command}",
                                     description=description)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=_(DATA_HELP))
    return parser
