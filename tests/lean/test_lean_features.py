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


def test_article_side_features_leave_out_the_shares_of_the_source():
    from auditor.lean.features import SOURCE_SIDE_FEATURES

    pair = [[ARTICLE, SOURCE, "en", "vi"]]
    full = PairFeatures(use_paraphrase=False).fit(pair)
    article_side = PairFeatures(use_paraphrase=False, use_source_side=False).fit(pair)
    names, kept = list(full.get_feature_names_out()), list(article_side.get_feature_names_out())
    assert not set(SOURCE_SIDE_FEATURES) & set(kept)
    assert len(kept) == len(names) - len(SOURCE_SIDE_FEATURES)
    row = full.transform(pair)[0]
    assert np.array_equal(article_side.transform(pair)[0], [row[names.index(n)] for n in kept])


def test_padding_the_source_with_another_story_lowers_its_shares_not_the_articles():
    # What the article-side feature set is for: a source followed by unrelated text (a day's
    # wire, a page with other stories) covers the article as much as the bare source does.
    article = "Revenue rose 22% to $48.39 billion, the company said on Monday. Users grew to 3.35 billion."
    source = "The company said on Monday that revenue rose 22% to $48.39 billion. Users grew to 3.35 billion."
    padded = source + "\n\n" + " ".join([UNRELATED] * 6)
    transformer = PairFeatures(use_paraphrase=False).fit([[article, source, "en", "en"]])
    names = list(transformer.get_feature_names_out())
    bare, longer = transformer.transform([[article, source, "en", "en"], [article, padded, "en", "en"]])
    for name in ("word3_contain_article", "word5_contain_article", "tile_cover_article", "sentence_cover_article",
                 "region_cover_article", "anchor_contain_article", "unquoted5_contain_article"):
        assert longer[names.index(name)] == bare[names.index(name)], name
    for name in ("word3_contain_source", "tile_cover_source", "sentence_cover_source", "length_ratio_log"):
        assert longer[names.index(name)] < bare[names.index(name)], name


def test_a_transformer_pickled_before_the_article_side_option_keeps_the_source_features():
    transformer = PairFeatures(use_paraphrase=False).fit([["a", "b"]])
    state = transformer.__getstate__()
    del state["use_source_side"]
    old = PairFeatures.__new__(PairFeatures)
    old.__setstate__(state)
    assert old.use_source_side is True
    assert "word3_contain_source" in old.get_feature_names_out()
