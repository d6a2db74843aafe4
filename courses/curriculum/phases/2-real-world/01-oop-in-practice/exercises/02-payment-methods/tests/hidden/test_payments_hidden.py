from decimal import Decimal

import pytest
from payments import BankTransfer, Card, PaymentMethod, Wallet


def test_card_fee_rounds_half_up():
    # 1.5% of 1.00 is 0.015; plus 0.20 gives 0.215 which rounds to 0.22
    assert Card(Decimal("10")).pay(Decimal("1")).fee == Decimal("0.22")


@pytest.mark.parametrize("amount", [10.0, True, "10"])
def test_floats_bools_and_strings_are_not_money(amount):
    with pytest.raises(TypeError):
        BankTransfer().pay(amount)


def test_wallet_balance_is_read_only_and_cannot_start_negative():
    wallet = Wallet(Decimal("5"))
    with pytest.raises(AttributeError):
        wallet.balance = Decimal("1000")
    with pytest.raises(ValueError):
        Wallet(Decimal("-1"))


def test_a_new_subclass_gets_pay_for_free():
    class Voucher(PaymentMethod):
        name = "voucher"

        def fee(self, amount):
            return Decimal("0")

    assert Voucher().pay(3).total == Decimal("3.00")


def test_subclass_without_fee_cannot_be_created():
    class Broken(PaymentMethod):
        name = "broken"

    with pytest.raises(TypeError):
        Broken()


def test_card_exactly_at_limit_is_accepted():
    card = Card(Decimal("40.80"))
    assert card.pay(Decimal("40")).total == Decimal("40.80")
