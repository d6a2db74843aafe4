"""``python -m submissions.sandbox runtimes build|status``: the learner runtimes' command line.

An entry of its own, because running ``-m submissions.sandbox.runtimes`` would execute a
module the package has already imported (Python warns that it may behave unpredictably).
"""

from __future__ import annotations

import logging
import sys

from .runtimes import main

if __name__ == "__main__":
    if sys.argv[1:2] != ["runtimes"]:
        sys.exit("usage: python -m submissions.sandbox runtimes {build,status} [name ...]")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main(sys.argv[2:]))
