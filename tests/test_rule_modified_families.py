"""rules.modified_families: a kind family a modifier makes a kind, in running text."""
from kg.extract.entities import find_entities
from kg.records import Span


def _models(text, title=None):
    full = (title + "\n" if title else "") + text
    models, _ = find_entities(full, [Span(0, len(full))], Span(0, len(title)) if title else None)
    return {m.name for m in models}


def test_modified_families_are_kinds():
    assert "Transformer" not in _models("MeshGPT: graph convolution VQ-VAE + decoder-only transformer 自回归生成三角网格")
    assert "Transformer" not in _models("Specifically, we introduce an interference-aware Transformer architecture.")
    assert "Transformer" not in _models("TripoSG — SDF VAE + Rectified Flow Transformer + 扩展")


def test_the_family_itself_is_kept():
    assert "Transformer" in _models("We fine-tune a standard Transformer and compare it with the Transformer baseline.")
    # participles and kind compounds use the family
    assert "Transformer" in _models("Our fine-tuned Transformer baselines show promising results.")
    assert "Transformer" in _models("SeqDiffuSeq uses an encoder-decoder Transformers architecture.")
    # one unmodified mention is enough
    assert "Transformer" in _models("A decoder-only transformer. We start from the Transformer of Vaswani et al.")
    # a family the title names is the title rules'
    assert "Transformer" in _models("A step toward memory-efficient Transformer alternatives.",
                                    title="Retentive Network: RetNet — A Successor to Transformer")
