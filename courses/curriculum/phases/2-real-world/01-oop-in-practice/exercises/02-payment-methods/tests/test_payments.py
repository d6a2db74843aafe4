from decimal import Decimal

import pytest
from payments import BankTransfer, Card, PaymentError, PaymentMethod, Receipt, Wallet


def test_payment_method_is_abstract():
    with pytest.raises(TypeError):
        PaymentMethod()


def test_card_fee_and_receipt():
    receipt = Card(limit=Decimal("500")).pay(Decimal("40"))
    assert receipt == Receipt("card", Decimal("40.00"), Decimal("0.80"), Decimal("40.80"))


def test_card_refuses_over_limit():
    card = Card(limit=Decimal("100"))
    with pytest.raises(PaymentError):
        card.pay(Decimal("99"))  # 99 plus a 1.69 fee is over the limit


def test_wallet_deducts_and_refuses_when_empty():
    wallet = Wallet(Decimal("50"))
    assert wallet.pay(30).total == Decimal("30.00")
    assert wallet.balance == Decimal("20.00")
    with pytest.raises(PaymentError):
        wallet.pay(25)
    assert wallet.balance == Decimal("20.00")


@pytest.mark.parametrize(
    ("amount", "fee"),
    [(Decimal("10"), Decimal("0.50")), (Decimal("99.99"), Decimal("0.50")), (100, Decimal("0"))],
)
def test_bank_transfer_fee(amount, fee):
    receipt = BankTransfer().pay(amount)
    assert receipt.method == "bank transfer"
    assert receipt.fee == fee
    assert receipt.total == Decimal(amount) + fee


@pytest.mark.parametrize("amount", [0, -5, Decimal("0.001")])
def test_non_positive_amounts_are_rejected(amount):
    with pytest.raises(ValueError):
        BankTransfer().pay(amount)


def test_all_methods_share_the_same_interface():
    methods = [Card(Decimal("1000")), Wallet(Decimal("1000")), BankTransfer()]
    receipts = [method.pay(Decimal("200")) for method in methods]
    assert [r.method for r in receipts] == ["card", "wallet", "bank transfer"]
    assert all(isinstance(m, PaymentMethod) for m in methods)


def test_wallet_balance_is_read_only_and_exact_payment_is_allowed():
    wallet = Wallet(Decimal("12"))
    with pytest.raises(AttributeError):
        wallet.balance = Decimal("1000")
    assert wallet.pay(12).total == Decimal("12.00")
    assert wallet.balance == Decimal("0")


def test_card_fee_rounds_halves_up():
    # 1.5 % of 3.00 is 0.045; plus 0.20 gives 0.245, which rounds up to 0.25
    assert Card(Decimal("100")).pay(3).fee == Decimal("0.25")
