"""Import order files one by one: a bad file is logged, never fatal; the unexpected is raised."""

from pathlib import Path


def read_order(path: str | Path) -> dict[str, int | float]:
    """Read one order file and return {"id": ..., "total": ...}.

    Raise TypeError, KeyError or ValueError for a file with the wrong content.
    """
    raise NotImplementedError


def import_orders(paths: list[str | Path], store: list[dict], log: list[str]) -> dict[str, int]:
    """Import every readable order into `store`, logging what happened to each file.

    Return {"imported": n, "missing": n, "corrupt": n, "invalid": n}.
    """
    raise NotImplementedError
