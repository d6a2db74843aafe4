"""The thin shell: read the files, call the core, write the invoice, report skipped lines."""

import sys
from pathlib import Path


def run(timesheet_path: Path, rates_path: Path, output_path: Path) -> int:
    """Write the invoice; 0 when every line was read, 1 when some were skipped."""
    raise NotImplementedError


def main() -> int:  # pragma: no cover - the command line entry point
    if len(sys.argv) != 4:
        print("usage: python invoice_cli.py TIMESHEET.csv RATES.json INVOICE.txt", file=sys.stderr)
        return 2
    return run(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))


if __name__ == "__main__":
    raise SystemExit(main())
