"""What jieba's dictionary says about a word, asked before any text has been cut."""

import subprocess
import sys


def test_words_are_known_before_any_text_is_cut() -> None:
    # jieba loads its dictionary lazily; a fresh process asking first must get the same answer.
    probe = (
        "from kg.nlp.words import is_known, jieba_frequency, tag_of\n"
        "print(is_known('城市'), jieba_frequency('城市') > 0, tag_of('修'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True", "v"]
