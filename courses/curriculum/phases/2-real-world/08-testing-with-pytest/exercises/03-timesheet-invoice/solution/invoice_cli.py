"""The thin shell: read the files, call the core, write the invoice, report skipped lines."""

import json
import sys
from pathlib import Path

from timesheet import bill, parse_timesheet, render_invoice


def run(timesheet_path: Path, rates_path: Path, output_path: Path) -> int:
    """Write the invoice; 0 when every line was read, 1 when some were skipped."""
    entries, bad = parse_timesheet(timesheet_path.read_text(encoding="utf-8").splitlines())
    rates = json.loads(rates_path.read_text(encoding="utf-8"))
    text = render_invoice(bill(entries, {name.lower(): cents for name, cents in rates.items()}))
    output_path.write_text(text, encoding="utf-8")
    for number in bad:
        print(f"line {number}: skipped", file=sys.stderr)
    return 1 if bad else 0


def main() -> int:  # pragma: no cover - the command line entry point
    if len(sys.argv) != 4:
        print("usage: python invoice_cli.py TIMESHEET.csv RATES.json INVOICE.txt", file=sys.stderr)
        return 2
    return run(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))


if __name__ == "__main__":
    raise SystemExit(main())
