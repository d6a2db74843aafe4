"""Hidden checks for the payment methods: they record what the code does, never assert."""

from decimal import Decimal

import pytest
from payments import BankTransfer, Card, PaymentError, PaymentMethod, Wallet

D = Decimal


def pay(method, amount):
    """The receipt's fields, or the name of the exception the payment raised."""
    try:
        receipt = method.pay(amount)
    except (PaymentError, TypeError, ValueError) as error:
        return type(error).__name__
    return (receipt.method, receipt.amount, receipt.fee, receipt.total)


def check_card_fee_rounds_halves_up(observe):
    card = Card(D("10000"))
    # 3.00 -> 0.245 and 7.00 -> 0.305: half-up and banker's rounding disagree on both
    for amount in [D("3"), D("7.00"), 1, D("1"), D("40"), D("123.45"), 2000]:
        observe(pay(card, amount))


def check_amounts_are_rounded_to_cents_before_anything_else(observe):
    bank = BankTransfer()
    for amount in [D("2.345"), D("2.335"), D("0.005"), D("0.004"), D("99.995"), D("99.994")]:
        observe(pay(bank, amount))
    observe(pay(Card(D("100")), D("0.125")))


@pytest.mark.parametrize("amount", [10.0, True, False, "10", None, 0.5])
def check_only_decimal_and_int_are_money(observe, amount):
    observe(pay(BankTransfer(), amount))
    wallet = Wallet(D("50"))
    observe(pay(wallet, amount))
    observe(wallet.balance + D("0.00"))
    observe(pay(BankTransfer(), 12))


@pytest.mark.parametrize("amount", [0, -1, D("-0.01"), D("0"), D("-250")])
def check_non_positive_amounts(observe, amount):
    wallet = Wallet(D("10"))
    observe(pay(wallet, amount))
    observe(pay(Card(D("10")), amount))
    observe(wallet.balance + D("0.00"))
    observe(pay(wallet, D("0.01")))


def check_card_limit_is_inclusive_and_applies_to_the_total(observe):
    observe(pay(Card(D("40.80")), D("40")))
    observe(pay(Card(D("40.79")), D("40")))
    observe(pay(Card(D("40.50")), D("40")))
    observe(pay(Card(100), 98))
    observe(pay(Card(100), 99))
    card = Card(D("30"))
    observe([pay(card, amount) for amount in [10, 25, 29, 30]])


def check_bank_transfer_fee_boundary(observe):
    bank = BankTransfer()
    for amount in [D("99.99"), 100, D("100.00"), D("100.01"), 1, D("5000")]:
        observe(pay(bank, amount))


def check_wallet_balance_boundaries_and_read_only(observe):
    wallet = Wallet(D("50"))
    observe(wallet.balance + D("0.00"))
    observe(pay(wallet, 30))
    observe(wallet.balance)
    observe(pay(wallet, D("20.01")))
    observe(wallet.balance)
    observe.raises(setattr, wallet, "balance", D("1000"))
    observe(wallet.balance)
    observe(pay(wallet, D("20")))
    observe(wallet.balance)
    observe(pay(wallet, D("0.01")))
    observe(wallet.balance)
    empty = Wallet(0)
    observe(pay(empty, 1))
    observe(empty.balance + D("0.00"))
    for start in [D("-0.01"), -1, D("-100")]:
        observe.raises(Wallet, start)
    observe(pay(Wallet(D("0.01")), D("0.01")))


def check_the_contract_and_a_fourth_method(observe):
    observe.raises(PaymentMethod)

    class Broken(PaymentMethod):
        name = "broken"

    observe.raises(Broken)

    class Voucher(PaymentMethod):
        name = "voucher"

        def fee(self, amount):
            return amount / 3

    observe(pay(Voucher(), 10))
    observe(pay(Voucher(), D("0.5")))

    class Unnamed(PaymentMethod):
        def fee(self, amount):
            return D("1")

    observe(pay(Unnamed(), 4))

    class Picky(PaymentMethod):
        name = "picky"

        def fee(self, amount):
            return D("0.333")

        def authorise(self, total):
            self.seen = total
            if total > 5:
                raise PaymentError("too much")

    picky = Picky()
    observe(pay(picky, 5))
    observe(picky.seen)
    observe(pay(picky, D("4.66")))
    observe(picky.seen)
    methods = [Card(D("1000")), Wallet(D("1000")), BankTransfer(), Voucher()]
    observe([pay(method, D("200")) for method in methods])
    observe([method.name for method in methods])
