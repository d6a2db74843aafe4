from visitors import first_seen_order, new_visitors, returning_visitors, unique_visitors


def test_empty_inputs():
    assert unique_visitors([]) == 0
    assert returning_visitors([], ["a"]) == set()
    assert new_visitors([], ["a", "a"]) == {"a"}
    assert first_seen_order([]) == []


def test_ids_are_case_sensitive():
    assert unique_visitors(["ann", "Ann", "ann"]) == 2


def test_accepts_any_iterable_and_returns_sets():
    result = returning_visitors(("a", "b"), iter(["b", "c"]))
    assert result == {"b"}
    assert isinstance(result, set)


def test_inputs_are_not_modified():
    log = ["x", "y", "x"]
    first_seen_order(log)
    unique_visitors(log)
    assert log == ["x", "y", "x"]
