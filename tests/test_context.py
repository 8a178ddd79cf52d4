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


def test_a_size_after_a_version_folds_away_and_the_version_stays():
    from rulehelp import ctx_of

    ctx = ctx_of("We fine-tune Qwen 2.5-14B and Qwen 2.5-235B, and report 2.5-fold gains.")
    assert [ctx.text[m.a : m.b] for m in ctx.matches] == ["Qwen 2.5", "Qwen 2.5"]
    # Only a parameter count folds away: "Qwen 2.5-fold" is no version.
    ctx = ctx_of("Qwen 2.5-fold faster.")
    assert [ctx.text[m.a : m.b] for m in ctx.matches] == ["Qwen"]


def test_a_version_glued_to_a_chinese_name_needs_its_v():
    from rulehelp import ctx_of

    ctx = ctx_of("比较文心一言v3.5和通义千问v2.5的反馈，通义千问2倍更快。")
    assert [ctx.text[m.a : m.b] for m in ctx.matches] == ["文心一言v3.5", "通义千问v2.5", "通义千问"]


def test_a_tier_written_in_capitals_is_the_tier():
    from rulehelp import ctx_of

    ctx = ctx_of("Claude 3 OPUS and Claude 3 Opus agree; OPUS is a corpus.")
    assert [ctx.text[m.a : m.b] for m in ctx.matches][:2] == ["Claude 3 OPUS", "Claude 3 Opus"]


def test_the_title_starts_past_its_decoration():
    for deco in ("4️⃣ ", "🚀 ", "1. ", "#2 ", "• "):
        full = deco + "Zorblax: Benchmarking Quintar Models\nWe introduce Zorblax."
        t = len(deco) + len("Zorblax: Benchmarking Quintar Models")
        ctx = build_context(full, [Span(0, len(full))], Span(0, t))
        assert ctx.text[ctx.title.start : ctx.title.end] == "Zorblax: Benchmarking Quintar Models"
    # A number that is part of the title's first word, a quote or a bracket is no decoration.
    for title in ("3D-Aware Fields for Zorblax", "“Zorblax” Is All You Need", "[LG] Zorblax", "1.5-Pints Technical Report"):
        ctx = build_context(title, [Span(0, len(title))], Span(0, len(title)))
        assert ctx.title == Span(0, len(title))
