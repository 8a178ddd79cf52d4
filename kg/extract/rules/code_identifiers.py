"""Identifiers from code written in running text: ``expMean``, ``inferProgs``,
``numLayers``.

lowerCamelCase — a lower-case word of two letters or more with capitalised words glued
after it — is how programs name variables and functions; models are named in
UpperCamelCase ("ResNet", "DeBERTa") or with a one-letter prefix ("vLLM", "sMLP",
"xLSTM"). A name only its shape found that is written in lowerCamelCase (letters only)
is an identifier of the paper's code (or a compound of ordinary words, "dieKarotte"), and
it is vetoed for the entry; names other evidence supports are left alone. So is an
exception class written in UpperCamelCase with the suffix programs give errors
("ImportError", "ValueError", "TimeoutException"): an error message quoted in a
description, not a system; and a shared library's file name, "lib" and a lower-case
name ("libsqlite3", "libstdc++"), the way Unix names its libraries.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import SHAPE_GUESSES, guessed_models

NAME = "identifier"
_LOWER_CAMEL = re.compile(r"^[a-z]{2,}(?:[A-Z][a-z]+)+$")
_EXCEPTION = re.compile(r"^(?:[A-Z][a-z]+)+(?:Error|Exception|Warning)$")
_LIBRARY = re.compile(r"^lib[a-z][a-z0-9_+]*$")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in guessed_models(prior, SHAPE_GUESSES):
        if _LOWER_CAMEL.match(e.name) or _EXCEPTION.match(e.name) or _LIBRARY.match(e.name):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
