"""A small stock-keeping API: items identified by SKU, taken and restocked."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

MAX_STOCK = 10_000
Sku = Annotated[str, Field(pattern=r"^[A-Z]{3}-[0-9]{3}$")]


class NewItem(BaseModel):
    sku: Sku
    quantity: Annotated[int, Field(ge=0, le=MAX_STOCK)]


class Movement(BaseModel):
    amount: Annotated[int, Field(ge=1)]


def create_app() -> FastAPI:
    app = FastAPI()
    stock: dict[str, int] = {}

    def find(sku: str) -> int:
        if sku not in stock:
            raise HTTPException(status_code=404, detail=f"unknown sku {sku}")
        return stock[sku]

    @app.post("/items", status_code=201)
    def add_item(item: NewItem) -> dict[str, object]:
        if item.sku in stock:
            raise HTTPException(status_code=409, detail=f"sku {item.sku} already exists")
        stock[item.sku] = item.quantity
        return {"sku": item.sku, "quantity": item.quantity}

    @app.get("/items")
    def list_items(below: Annotated[int | None, Query(ge=1)] = None) -> list[dict[str, object]]:
        return [
            {"sku": sku, "quantity": quantity}
            for sku, quantity in sorted(stock.items())
            if below is None or quantity <= below
        ]

    @app.get("/items/{sku}")
    def read_item(sku: str) -> dict[str, object]:
        return {"sku": sku, "quantity": find(sku)}

    @app.post("/items/{sku}/take")
    def take(sku: str, movement: Movement) -> dict[str, object]:
        available = find(sku)
        if movement.amount > available:
            raise HTTPException(status_code=409, detail=f"only {available} left")
        stock[sku] = available - movement.amount
        return {"sku": sku, "quantity": stock[sku]}

    @app.post("/items/{sku}/restock")
    def restock(sku: str, movement: Movement) -> dict[str, object]:
        available = find(sku)
        if available + movement.amount > MAX_STOCK:
            raise HTTPException(status_code=409, detail=f"stock is limited to {MAX_STOCK}")
        stock[sku] = available + movement.amount
        return {"sku": sku, "quantity": stock[sku]}

    return app
