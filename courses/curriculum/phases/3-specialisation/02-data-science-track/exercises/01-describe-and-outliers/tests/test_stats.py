import pytest
from stats import describe, mean, median, quantile, stdev, zscore_outliers

DATA = [2, 4, 4, 4, 5, 5, 7, 9]


def test_mean_and_median():
    assert mean(DATA) == 5.0
    assert median(DATA) == 4.5
    assert median([3, 1, 2]) == 2


def test_results_are_builtin_floats():
    for value in (mean(DATA), median([3, 1, 2]), stdev(DATA), quantile(DATA, 0.5)):
        assert type(value) is float
    assert all(type(v) is float for v in describe(DATA).values())


def test_sample_and_population_stdev():
    assert stdev(DATA, sample=False) == pytest.approx(2.0)
    assert stdev(DATA) == pytest.approx(2.1380899)


def test_quantile_interpolates_linearly():
    assert quantile([1, 2, 3, 4], 0.5) == pytest.approx(2.5)
    assert quantile([10, 20, 30, 40, 50], 0.1) == pytest.approx(14.0)
    assert quantile([5, 1, 3], 0) == 1
    assert quantile([5, 1, 3], 1) == 5


def test_describe_matches_pandas_conventions():
    assert describe(DATA) == {
        "count": 8.0,
        "mean": 5.0,
        "std": pytest.approx(2.1380899),
        "min": 2.0,
        "25%": 4.0,
        "50%": 4.5,
        "75%": 5.5,
        "max": 9.0,
    }


def test_zscore_finds_the_spike():
    readings = [10, 11, 9, 10, 12, 10, 11, 95, 10, 9]
    result = zscore_outliers(readings, threshold=2.5)
    assert result == [7]
    assert type(result) is list


def test_empty_input_is_rejected():
    for function in (mean, median, describe):
        with pytest.raises(ValueError):
            function([])
    assert zscore_outliers([]) == []


def test_inputs_are_not_modified():
    data = [3, 1, 2]
    median(data)
    quantile(data, 0.5)
    describe(data)
    assert data == [3, 1, 2]
