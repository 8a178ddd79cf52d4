"""Reading digests: every encoding they arrive in, line ends, and what is refused."""
from __future__ import annotations

import logging

import pytest

from kg.errors import ReadError
from kg.read import Skipped, iter_paths, read_bytes, read_file, read_paths

ZH = "1、[CV] 自适应令牌剪枝 Adaptive Token Pruning\n张伟，李娜\n[清华大学 & 北京大学]\n本文提出一种新方法，实验表明效果很好。\n"
EN = "1、[LG] MO2: Model-Based Offline Options\nS Salter, M Wulfmeier\n[DeepMind]\nhttps://arxiv.org/abs/2209.01947\n"


@pytest.mark.parametrize(
    "data, encoding, text",
    [
        (ZH.encode("utf-8"), "utf-8", ZH),
        (b"\xef\xbb\xbf" + ZH.encode("utf-8"), "utf-8-sig", ZH),
        (ZH.encode("utf-16"), "utf-16-le", ZH),  # Python writes a little-endian BOM
        (b"\xfe\xff" + ZH.encode("utf-16-be"), "utf-16-be", ZH),
        (EN.encode("utf-16-le"), "utf-16-le", EN),  # no BOM: found from the NUL bytes
        (EN.encode("utf-16-be"), "utf-16-be", EN),
        (ZH.encode("utf-32"), "utf-32-le", ZH),
        (ZH.encode("gb18030"), "gb18030", ZH),
        (ZH.encode("gbk"), "gb18030", ZH),  # GBK is a subset of GB18030
        (ZH.replace("\n", "\r\n").encode("utf-8"), "utf-8", ZH),
        (ZH.replace("\n", "\r").encode("utf-8"), "utf-8", ZH),
        (ZH.replace("\n", "\r\n").encode("gb18030"), "gb18030", ZH),
        ("Café résumé naïve, “quoted” – Zürich\n".encode("cp1252"), "cp1252", "Café résumé naïve, “quoted” – Zürich\n"),
    ],
)
def test_encodings_and_line_ends(data, encoding, text):
    doc = read_bytes(data, "d.txt")
    assert (doc.encoding, doc.text) == (encoding, text)


def test_zero_width_characters_are_removed():
    doc = read_bytes("转发 12 \u200b\u200b\n评论\u2060 3\n".encode(), "d.txt")
    assert doc.text == "转发 12 \n评论 3\n"


def test_a_few_damaged_bytes_cost_characters_not_the_file(caplog):
    data = (EN * 40).encode() + b"\xff" + EN.encode()
    with caplog.at_level(logging.WARNING, logger="kg.read"):
        doc = read_bytes(data, "d.txt")
    assert doc.encoding == "utf-8" and doc.text.count("\ufffd") == 1
    assert "1 byte(s) that are not UTF-8" in caplog.text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\r\n\t", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file"),
        (b"abc\x00def\x00\x01\x02" * 10, "binary file"),
        (bytes(range(1, 32)) * 5, "binary file"),
        (b"\xef\xbb\xbf\xff\xff", "byte-order mark"),
    ],
)
def test_refused_with_a_reason(data, reason):
    with pytest.raises(ReadError) as e:
        read_bytes(data, "bad.bin")
    assert reason in e.value.reason and e.value.path == "bad.bin"


def test_explicit_encoding_wins_and_fails_clearly():
    data = ZH.encode("gb18030")
    assert read_bytes(data, "d.txt", encoding="gb18030").text == ZH
    with pytest.raises(ReadError, match="cannot decode as utf-8"):
        read_bytes(data, "d.txt", encoding="utf-8")
    with pytest.raises(ReadError, match="cannot decode as no-such-codec"):
        read_bytes(b"abc", "d.txt", encoding="no-such-codec")


def test_files_folders_and_skips(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_bytes(ZH.encode("gb18030"))
    (tmp_path / "b" / "c.md").write_text(EN, encoding="utf-8")
    (tmp_path / "b" / "d.TXT").write_bytes(b"")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    paths = list(iter_paths([tmp_path]))
    assert [p[len(str(tmp_path)) + 1 :] for p in paths] == ["a.txt", "b/c.md", "b/d.TXT"]
    got = list(read_paths([tmp_path]))
    assert [type(x).__name__ for x in got] == ["Document", "Document", "Skipped"]
    assert isinstance(got[2], Skipped) and got[2].reason == "empty file"
    assert read_file(tmp_path / "a.txt").encoding == "gb18030"
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_file(tmp_path / "b")


def test_folders_include_markdown_and_restructuredtext_digests(tmp_path):
    for name in ("a.markdown", "b.rst", "c.text", "d.html", "e.json"):
        (tmp_path / name).write_text(EN, encoding="utf-8")
    assert [p[len(str(tmp_path)) + 1 :] for p in iter_paths([tmp_path])] == ["a.markdown", "b.rst", "c.text"]


def test_a_skipped_file_is_yielded_not_warned(tmp_path, caplog):
    # The caller reports every Skipped (the CLI prints "skipped PATH: reason"); a warning
    # from kg.read as well printed the same line twice on the terminal.
    with caplog.at_level(logging.INFO, logger="kg.read"):
        got = list(read_paths([tmp_path / "missing.txt"]))
    assert [type(g) for g in got] == [Skipped] and got[0].reason == "no such file"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "skipped" in caplog.text  # still there with -v
