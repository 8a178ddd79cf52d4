"""rules.data_evidence: name shapes the text treats as data are typed datasets."""
import pytest
from rulehelp import ctx_of

from kg.extract.entities import entities_in


def labels(text):
    return {e.name: e.label for e in entities_in(ctx_of(text))}


@pytest.mark.parametrize(
    "text, name",
    [
        ("We describe how ZORBQA was collected, followed by its statistics.", "ZORBQA"),
        ("The website from which ZORBQA was mined used a QA system.", "ZORBQA"),
        ("ZDST7 (Henderson et al., 2014b) contains 23,354 turns.", "ZDST7"),
        ("The model is evaluated on the documents of OpenZorb2.", "OpenZorb2"),
        ("Studies report generalization from MNLI to ZANS3.", "ZANS3"),
        ("We use CIFAR-10/100 [25] and ZINIC-10 [26] for all runs.", "ZINIC-10"),
    ],
)
def test_data_contexts_make_a_dataset(text, name):
    assert labels(text)[name] == "DATASET"


@pytest.mark.parametrize(
    "text, name",
    [
        ("ZorbNet was released last year and beats the baselines.", "ZorbNet"),  # released: models too
        ("ZorbNet contains 12 layers and 8 heads.", "ZorbNet"),  # parts of a model, not data items
        ("We compare samples from ZorbGAN2 with real ones.", "ZorbGAN2"),  # samples: a model makes them too
    ],
)
def test_other_contexts_leave_the_kind(text, name):
    assert labels(text)[name] == "MODEL"


def test_a_known_model_keeps_its_kind():
    assert labels("BERT was annotated by nobody; it contains 110M parameters.")["BERT"] == "MODEL"


def test_a_data_set_apposition_makes_a_dataset():
    assert labels("Scores rise on ZeCoRD, a data set that measures reading comprehension.")["ZeCoRD"] == "DATASET"
    assert labels("We train ZeCoRD, a model that reads comprehension data.")["ZeCoRD"] == "MODEL"


@pytest.mark.parametrize("text, name, label", [
    ("Apollo-7B reaches 70.9 on ZLVU and 63.3 on Zideo-MME.", "ZLVU", "DATASET"),
    ("It gives an 18.2 percentage point gain on ZorkArena today.", "ZorkArena", "DATASET"),
    ("ZorbNet runs at 2.5 fps on ZorbChip.", "ZorbChip", "MODEL"),  # a speed: the hardware
    ("ZorbNet is 1.8 times faster on ZorbChip.", "ZorbChip", "MODEL"),
])
def test_a_score_reported_on_a_name_makes_it_data(text, name, label):
    assert labels(text)[name] == label
