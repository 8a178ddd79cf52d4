"""rules.guesses: which merged names the vetoes and retypings may act on."""
from kg.extract.candidate import Entity
from kg.extract.rules.guesses import SHAPE_GUESSES, guessed_models


def _e(name, label="MODEL", known=False, sources=("shape",)):
    return Entity(name, label, known, set(sources))


def test_only_models_found_by_guesses_alone():
    prior = [
        _e("ZorbNet"),                                   # its look alone: a guess
        _e("CH", sources=("acronym",)),                  # a short form's definition: a guess
        _e("Quux", sources=("shape", "cue")),            # a cue says it is a model: evidence
        _e("BERT", known=True, sources=("gazetteer",)),  # known
        _e("ZorbQA", label="DATASET"),                   # not typed a model
    ]
    assert [e.name for e in guessed_models(prior)] == ["ZorbNet", "CH"]


def test_a_narrower_set_of_guesses_leaves_definitions_alone():
    prior = [_e("ZorbNet", sources=("title-case",)), _e("CH", sources=("acronym",))]
    assert [e.name for e in guessed_models(prior, SHAPE_GUESSES)] == ["ZorbNet"]
