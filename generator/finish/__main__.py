import sys

from generator.finish import main

sys.exit(main(sys.argv[1:]))
