"""Import order files one by one: a bad file is logged, never fatal; the unexpected is raised."""

import json
from pathlib import Path


def read_order(path: str | Path) -> dict[str, int | float]:
    """Read one order file and return its id and total."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise TypeError(f"{path}: an order must be a JSON object")
    order_id, total = data["id"], data["total"]
    if type(order_id) is not int or type(total) not in (int, float):
        raise TypeError(f"{path}: id must be an int and total a number")
    if total < 0:
        raise ValueError(f"{path}: total must not be negative, got {total}")
    return {"id": order_id, "total": total}


def import_orders(paths: list[str | Path], store: list[dict], log: list[str]) -> dict[str, int]:
    """Import every readable order into `store`, logging what happened to each file."""
    counts = {"imported": 0, "missing": 0, "corrupt": 0, "invalid": 0}
    for path in paths:
        name = Path(path).name
        try:
            order = read_order(path)
        except FileNotFoundError:
            counts["missing"] += 1
            log.append(f"missing {name}")
        except json.JSONDecodeError:
            counts["corrupt"] += 1
            log.append(f"corrupt {name}")
        except (KeyError, TypeError, ValueError) as error:
            counts["invalid"] += 1
            log.append(f"invalid {name}: {type(error).__name__}")
        else:
            store.append(order)
            counts["imported"] += 1
            log.append(f"imported {name}")
        finally:
            log.append(f"checked {name}")
    return counts
