"""Monthly order report.   usage: python order_report.py ORDERS.csv REPORT.txt

Written in a hurry for the March close. It works. Nobody dares to touch it.
"""

import csv
import sys
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

data = {}
errors = []
seen = set()


def main():
    global data, errors, seen
    if len(sys.argv) != 3:
        print("usage: python order_report.py ORDERS.csv REPORT.txt")
        sys.exit(2)
    f = open(sys.argv[1], newline="", encoding="utf-8")
    reader = csv.DictReader(f)
    # all six columns must be there (Gary's export once dropped placed_on)
    cols = ["order_id", "customer", "sku", "quantity", "unit_price", "placed_on"]
    missing = []
    for c in cols:
        if reader.fieldnames is None or c not in reader.fieldnames:
            missing.append(c)
    if len(missing) > 0:
        print("missing columns: " + ", ".join(missing))
        f.close()
        sys.exit(2)
    n = 1
    for row in reader:
        n = n + 1
        # ---- check the row
        oid = (row.get("order_id") or "").strip()
        if oid == "":
            errors.append("line " + str(n) + ": missing order_id")
            continue
        cust = (row.get("customer") or "").strip()
        if cust == "":
            errors.append("line " + str(n) + ": missing customer")
            continue
        sku = (row.get("sku") or "").strip().upper()
        if sku == "":
            errors.append("line " + str(n) + ": missing sku")
            continue
        try:
            q = int((row.get("quantity") or "").strip())
        except ValueError:
            errors.append("line " + str(n) + ": quantity is not a whole number")
            continue
        if q < 1:
            errors.append("line " + str(n) + ": quantity must be at least 1")
            continue
        try:
            p = Decimal((row.get("unit_price") or "").strip())
        except Exception:
            errors.append("line " + str(n) + ": unit_price is not a number")
            continue
        if not p.is_finite() or p < 0 or p.as_tuple().exponent < -2:
            errors.append("line " + str(n) + ": unit_price must be 0 or more, in pence")
            continue
        try:
            d = datetime.strptime((row.get("placed_on") or "").strip(), "%Y-%m-%d").date()
        except ValueError:
            errors.append("line " + str(n) + ": placed_on is not a YYYY-MM-DD date")
            continue
        if (oid, sku) in seen:
            errors.append("line " + str(n) + ": duplicate of an earlier line for " + oid + "/" + sku)
            continue
        seen.add((oid, sku))
        # ---- add it up
        if cust not in data:
            data[cust] = {"orders": set(), "net": Decimal("0"), "last": d}
        data[cust]["orders"].add(oid)
        data[cust]["net"] = data[cust]["net"] + q * p
        if d > data[cust]["last"]:
            data[cust]["last"] = d
    f.close()

    # ---- discounts and VAT
    rows = []
    for cust in data:
        net = data[cust]["net"]
        if net >= Decimal("1000"):
            rate = Decimal("0.10")
        elif net >= Decimal("500"):
            rate = Decimal("0.05")
        else:
            rate = Decimal("0")
        disc = (net * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        vat = ((net - disc) * Decimal("0.20")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        gross = net - disc + vat
        rows.append([cust, len(data[cust]["orders"]), net, disc, vat, gross, data[cust]["last"]])
    rows.sort(key=lambda r: r[0])
    rows.sort(key=lambda r: r[5], reverse=True)

    # ---- the report
    out = "ORDER REPORT\n"
    out = out + "============\n"
    out = out + "customer".ljust(20) + "orders".rjust(7) + "net".rjust(11) + "discount".rjust(11)
    out = out + "vat".rjust(11) + "gross".rjust(11) + "  last order\n"
    t_orders = 0
    t_net = Decimal("0")
    t_disc = Decimal("0")
    t_vat = Decimal("0")
    t_gross = Decimal("0")
    for r in rows:
        line = r[0][:20].ljust(20) + str(r[1]).rjust(7)
        for money in r[2:6]:
            line = line + str(money.quantize(Decimal("0.01"))).rjust(11)
        line = line + "  " + r[6].isoformat()
        out = out + line + "\n"
        t_orders = t_orders + r[1]
        t_net = t_net + r[2]
        t_disc = t_disc + r[3]
        t_vat = t_vat + r[4]
        t_gross = t_gross + r[5]
    out = out + "-" * 83 + "\n"
    line = "TOTAL".ljust(20) + str(t_orders).rjust(7)
    for money in [t_net, t_disc, t_vat, t_gross]:
        line = line + str(money.quantize(Decimal("0.01"))).rjust(11)
    out = out + line + "\n"
    if len(errors) > 0:
        out = out + "\n"
        if len(errors) == 1:
            out = out + "1 row skipped:\n"
        else:
            out = out + str(len(errors)) + " rows skipped:\n"
        for e in errors:
            out = out + "  " + e + "\n"

    g = open(sys.argv[2], "w", encoding="utf-8")
    g.write(out)
    g.close()
    print("wrote " + sys.argv[2] + ": " + str(len(rows)) + " customers, " + str(len(errors)) + " rows skipped")
    if len(errors) > 0:
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
