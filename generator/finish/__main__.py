"""`python -m generator.finish SITE`: what follows the engine's build (generator/finish/)."""
import sys

from generator.finish import main

sys.exit(main(sys.argv[1:]))
