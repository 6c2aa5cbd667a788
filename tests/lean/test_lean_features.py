import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from auditor.lean.features import FEATURE_NAMES, PairFeatures

ARTICLE = "Revenue reached $48.39 billion in 2024, up 22%. Meta has 3.35 billion users."
SOURCE = "Doanh thu đạt 48,39 tỷ USD trong năm 2024, tăng 22%. Meta có 3,35 tỷ người dùng."
UNRELATED = "The tram line opened on Saturday and carries commuters across the river."


# The generic estimator checks feed numeric matrices, which a pair transformer cannot read;
# the checks below are the ones about the estimator contract rather than the input type.
@pytest.mark.parametrize("check", [check_no_attributes_set_in_init, check_parameters_default_constructible,
                                   check_get_params_invariance, check_set_params])
def test_sklearn_contract_checks(check):
    check("PairFeatures", PairFeatures())


def test_fit_returns_self_and_learns_only_suffixed_attributes():
    transformer = PairFeatures()
    assert transformer.fit([[ARTICLE, SOURCE]]) is transformer
    assert transformer.n_features_in_ == 2
    learned = [k for k in vars(transformer) if k not in transformer.get_params()]
    assert learned and all(k.endswith("_") for k in learned)


def test_transform_before_fit_raises():
    with pytest.raises(NotFittedError):
        PairFeatures().transform([[ARTICLE, SOURCE]])


def test_rejects_wrong_width():
    with pytest.raises(ValueError):
        PairFeatures().fit([[ARTICLE, SOURCE, "en"]])


def test_shape_names_and_determinism():
    transformer = clone(PairFeatures()).fit([[ARTICLE, SOURCE]])
    first = transformer.transform([[ARTICLE, SOURCE], [UNRELATED, SOURCE]])
    second = transformer.transform(np.array([[ARTICLE, SOURCE], [UNRELATED, SOURCE]], dtype=object))
    assert first.shape == (2, len(FEATURE_NAMES))
    assert np.array_equal(first, second)
    assert list(transformer.get_feature_names_out()) == list(FEATURE_NAMES)


def test_translation_shares_figures_in_order_and_unrelated_does_not():
    transformer = PairFeatures().fit([[ARTICLE, SOURCE]])
    names = list(transformer.get_feature_names_out())
    rows = transformer.transform([[ARTICLE, SOURCE], [UNRELATED, SOURCE]])
    figure_order = names.index("figure_order_article")
    assert rows[0, figure_order] == 1.0
    assert rows[1, figure_order] == 0.0
    assert rows[0, names.index("same_language")] == 0.0


def test_copy_is_fully_contained_both_ways():
    transformer = PairFeatures().fit([[SOURCE, SOURCE]])
    names = list(transformer.get_feature_names_out())
    row = transformer.transform([[SOURCE, SOURCE]])[0]
    for name in ("word3_contain_article", "word3_contain_source", "tile_cover_article", "same_language"):
        assert row[names.index(name)] == 1.0


def test_length_feature_can_be_left_out():
    transformer = PairFeatures(use_length=False).fit([[ARTICLE, SOURCE]])
    assert "length_ratio_log" not in transformer.get_feature_names_out()
    assert transformer.transform([[ARTICLE, SOURCE]]).shape == (1, len(FEATURE_NAMES) - 1)
