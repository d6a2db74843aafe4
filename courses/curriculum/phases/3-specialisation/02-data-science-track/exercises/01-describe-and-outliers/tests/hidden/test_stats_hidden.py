import pytest
from stats import describe, quantile, stdev, zscore_outliers


def test_single_value_describe_has_zero_std():
    assert describe([7]) == {
        "count": 1.0,
        "mean": 7.0,
        "std": 0.0,
        "min": 7.0,
        "25%": 7.0,
        "50%": 7.0,
        "75%": 7.0,
        "max": 7.0,
    }


def test_sample_stdev_needs_two_values():
    with pytest.raises(ValueError):
        stdev([1.0])
    assert stdev([1.0], sample=False) == 0.0


@pytest.mark.parametrize("q", [-0.01, 1.01])
def test_quantile_range_is_checked(q):
    with pytest.raises(ValueError):
        quantile([1, 2, 3], q)


def test_quantile_matches_numpy_linear_method():
    data = [7.5, 1.0, 3.25, 9.0, 2.0, 4.0]
    expected = {0.25: 2.3125, 0.5: 3.625, 0.9: 8.25, 0.33: 2.8125}
    for q, value in expected.items():
        assert quantile(data, q) == pytest.approx(value)


def test_constant_data_has_no_outliers():
    assert zscore_outliers([4, 4, 4, 4]) == []
    assert zscore_outliers([4]) == []


def test_outliers_on_both_sides_in_index_order():
    data = [50.0] * 20 + [0.0] + [50.0] * 20 + [100.0]
    assert zscore_outliers(data, threshold=3.0) == [20, 41]


def test_threshold_is_strict_and_positive():
    data = [0.0, 0.0, 0.0, 10.0]  # mean 2.5, sample std 5 -> z of the 10 is exactly 1.5
    assert zscore_outliers(data, threshold=1.5) == []
    assert zscore_outliers(data, threshold=1.49) == [3]
    with pytest.raises(ValueError):
        zscore_outliers(data, threshold=0)


def test_single_extreme_value_can_mask_itself():
    # With n=5 the largest possible z-score is (n-1)/sqrt(n) ~ 1.79, so nothing exceeds 3.
    assert zscore_outliers([1, 1, 1, 1, 100]) == []


def test_works_with_tuples_and_floats():
    result = describe((0.5, 1.5))
    assert result["mean"] == 1.0
    assert result["std"] == pytest.approx(0.70710678)
