"""Shipping quotes for a small web shop (amounts in pounds, weights in kilograms)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

FREE_SHIPPING_FROM = Decimal("50.00")  # standard shipping is free from this subtotal up
BANDS = (  # (heaviest weight in the band, inclusive; price)
    (Decimal("0.5"), Decimal("3.50")),
    (Decimal("2"), Decimal("5.90")),
    (Decimal("10"), Decimal("9.80")),
)
PER_EXTRA_KG = Decimal("1.20")  # above 10 kg, for every started kilogram over 10
EXPRESS_FACTOR = Decimal("1.35")
REMOTE_SURCHARGE = Decimal("4.00")
REMOTE_AREAS = ("HS", "ZE")
REMOTE_KW_DISTRICTS = range(15, 18)  # KW15, KW16 and KW17
CENT = Decimal("0.01")


class ShippingError(ValueError):
    """A weight, subtotal or postcode the shop cannot quote for."""


def band_price(weight_kg: Decimal) -> Decimal:
    """The standard price of a parcel of `weight_kg` (which must be more than 0)."""
    if weight_kg <= 0:
        raise ShippingError(f"a parcel weighs more than 0 kg, not {weight_kg}")
    for heaviest, price in BANDS:
        if weight_kg <= heaviest:
            return price
    heaviest, price = BANDS[-1]
    return price + PER_EXTRA_KG * math.ceil(weight_kg - heaviest)


def is_remote(postcode: str) -> bool:
    """True for the Outer Hebrides (HS), Shetland (ZE) and Orkney (KW15 to KW17).

    Case and surrounding spaces do not matter; only the outward code (the part before the
    space) is read, so "kw15 1ab", "KW15" and " ZE2 9QQ " are all remote. "" is not.
    """
    parts = postcode.strip().upper().split()
    if not parts:
        return False
    outward = parts[0]
    area = outward.rstrip("0123456789")
    district = outward[len(area) :]
    if area in REMOTE_AREAS:
        return True
    return area == "KW" and district.isdigit() and int(district) in REMOTE_KW_DISTRICTS


def quote(
    subtotal: Decimal, weight_kg: Decimal, *, express: bool = False, postcode: str = ""
) -> Decimal:
    """What the customer pays for shipping, rounded half-up to the penny.

    Standard shipping costs the band price, or nothing once the subtotal reaches
    FREE_SHIPPING_FROM. Express costs the band price times EXPRESS_FACTOR and is never free.
    Remote postcodes add REMOTE_SURCHARGE to either, free shipping included.
    """
    if subtotal < 0:
        raise ShippingError(f"a subtotal cannot be negative: {subtotal}")
    price = band_price(weight_kg)
    if express:
        price = price * EXPRESS_FACTOR
    elif subtotal > FREE_SHIPPING_FROM:
        price = Decimal("0")
    if is_remote(postcode):
        price += REMOTE_SURCHARGE
    return price.quantize(CENT, rounding=ROUND_HALF_UP)
