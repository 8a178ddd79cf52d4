"""rules.task_names: a name right after "Task <n>" names a shared task, vetoed."""
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import task_names


def test_a_shared_task_name_is_vetoed():
    got = found(task_names, "The X-PuDu system took part in SemEval-2022 Task 6, iSarcasmEval - Intended Sarcasm Detection.")
    assert set(got) == {"iSarcasmEval"} and got["iSarcasmEval"].label == GENERIC
    assert "ZorbQA" in found(task_names, "We won Subtask B: ZorbQA of the challenge.")


def test_names_elsewhere_and_known_names_are_left_alone():
    assert not found(task_names, "We ranked first in Task 2 with ZorbNet.")  # not right after the number
    assert not found(task_names, "Task 1: GLUE results are shown.")  # a known benchmark
