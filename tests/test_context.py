"""kg.extract.context: one tokenisation and the facts every rule reads, built once."""
from kg.extract.context import build_context
from kg.extract.nlp import CJK, SPACE, WORD, tokenize
from kg.records import Span


def test_tokens_are_offset_exact_and_rebuild_the_text():
    text = "我们提出CubeMLP，在CMU-MOSI上  测试。\nT5-XL (3B)  "
    words, spaces, idx, kinds = tokenize(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    assert all(text[i : i + len(w)] == w for w, i in zip(words, idx))
    assert kinds[words.index("提")] == CJK and kinds[words.index("CubeMLP")] == WORD and kinds[words.index("\n")] == SPACE


def test_breaks_end_tokens_inside_a_word_run():
    words, *_ = tokenize("Vision TransformersViT自适应", (19,))
    assert "Transformers" in words and "ViT" in words


def test_context_regions_sentences_cues_and_matches():
    text = "Title Here\nWe propose FooNet. It beats BERT on GLUE.\nhttps://x.org/BERT"
    ctx = build_context(text, [Span(0, 10), Span(11, 52)], Span(0, 10))
    assert ctx.contribution and [k for k, _, _ in ctx.cues] == ["WE_VERB"]
    # The link after the body is outside every region: no match, no capitalised word there.
    assert [m.name for m in ctx.matches] == ["BERT", "GLUE"]
    assert all(ctx.in_region[i] for i in ctx.caps)
    i = ctx.tok_at[text.index("FooNet")]
    assert ctx.words[i] == "FooNet" and ctx.sent[i] != ctx.sent[ctx.tok_at[text.index("It")]]
    assert ctx.taken[ctx.tok_at[text.index("BERT")]] and not ctx.taken[i]


def test_a_roman_numeral_is_a_version_of_a_known_name():
    from rulehelp import ctx_of

    ctx = ctx_of("We parse the Penn Treebank III corpus and the Penn Treebank I corpus.")
    names = [ctx.text[m.a : m.b] for m in ctx.matches]
    assert names == ["Penn Treebank III", "Penn Treebank"]


def test_title_like_and_shouted_lines():
    from rulehelp import ctx_of

    ctx = ctx_of("Lexical Comparison Between Corpora by Using Word Embeddings\nWe evaluate on Zorb, Quin and Frob.\n"
                 "V1: LANGUAGE AGENT TREE SEARCH")
    s0, s1 = ctx.sent[0], ctx.sent[ctx.words.index("We")]
    assert ctx.title_like(s0) and ctx.title_like(s0, share=1)
    assert ctx.title_like(s1) and not ctx.title_like(s1, share=1)  # a short list of names is not a heading
    k = ctx.words.index("AGENT")
    assert ctx.shouted(k, k + 1) and not ctx.shouted(ctx.words.index("Zorb"), ctx.words.index("Zorb") + 1)
