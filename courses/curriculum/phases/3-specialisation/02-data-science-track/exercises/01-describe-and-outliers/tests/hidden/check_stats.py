"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from stats import describe, mean, median, quantile, stdev, zscore_outliers


def check_centre_of_unsorted_data(observe):
    for data in [[9, 1, 5], [7, 3, 1, 5], (2.5, -1.0, 4.0, 0.5, 10.0, 3.0), [4]]:
        observe(mean(data))
        observe(median(data))


@pytest.mark.parametrize("data", [[1.0, 2.0, 4.0, 7.0], (3, 3, 3), [10, -10], [5.5]])
def check_sample_and_population_spread(observe, data):
    observe.call(stdev, data)
    observe.call(stdev, data, sample=False)


def check_quantile_linear_method_and_range(observe):
    data = [7.5, 1.0, 3.25, 9.0, 2.0, 4.0]
    for q in [0, 0.25, 0.33, 0.5, 0.9, 1]:
        observe(quantile(data, q))
    for q in [-0.01, 1.01]:
        observe.raises(quantile, data, q)
    observe(quantile((4, 2), 0.75))


def check_describe_keys_and_values(observe):
    result = describe((12, 3, 7, 7, 20, 1))
    observe(list(result))
    observe(result)
    observe(describe([7]))
    observe(describe((0.5, 1.5)))


def check_empty_input(observe):
    for function in (mean, median, stdev, describe):
        observe.raises(function, [])
    observe.raises(quantile, [], 0.5)
    observe.raises(stdev, [2.0])
    observe(stdev([2.0], sample=False))
    observe(zscore_outliers([]))
    observe.raises(zscore_outliers, [], 0)


def check_outliers_on_both_sides_in_index_order(observe):
    data = [50.0] * 20 + [100.0] + [50.0] * 20 + [0.0]
    observe(zscore_outliers(data))
    observe(zscore_outliers(data, threshold=6.4))
    observe(zscore_outliers([10, 11, 9, 10, 12, 10, 11, 95, 10, 9], threshold=2.5))


def check_threshold_is_strict_and_must_be_positive(observe):
    data = [0.0, 0.0, 0.0, 10.0]  # mean 2.5, sample std 5: the z-score of the 10 is exactly 1.5
    for threshold in [1.5, 1.49, 0.5, 0.49]:
        observe(zscore_outliers(data, threshold=threshold))
    observe(zscore_outliers(data, 0.001))
    for threshold in [0, -1.0]:
        observe.raises(zscore_outliers, data, threshold)


def check_default_threshold_and_smallest_samples(observe):
    spike = [0.0] * 7 + [10.0] + [0.0] * 7  # the z-score of the 10 is about 3.6
    observe(zscore_outliers(spike))
    observe(zscore_outliers(spike, threshold=3.7))
    observe(zscore_outliers([0, 10], 0.5))  # two values: both have |z| = 0.707...
    observe(zscore_outliers([0, 10, 5], 0.9))


def check_no_outliers_without_spread(observe):
    observe(zscore_outliers([4, 4, 4, 4], threshold=0.1))
    observe(zscore_outliers([4], threshold=0.1))
    observe(zscore_outliers([1, 1, 1, 1, 100]))  # one extreme value hides itself
    observe(zscore_outliers([1, 1, 1, 1, 100], threshold=1.7))


def check_inputs_are_left_alone(observe):
    data = [3, 1, 2, 8, 5]
    median(data)
    quantile(data, 0.5)
    describe(data)
    zscore_outliers(data, 0.5)
    observe(data)
    observe(median(data))
