"""Each candidate source scored alone, as if its proposals were the graph's names.

    python -m training.selector.sources

For every source, the distinct (surface, type) pairs it proposes in the open documents are
matched one to one against the gold, as the scorer matches: its precision says how often it is
right, its recall how much of the gold it reaches. The selector's cross-validated score is
printed beside them (span level, before graph building).
"""

from __future__ import annotations

from collections import defaultdict

from training.selector.examples import annotated_documents, gold_documents
from training.selector.train import C_GRID, collect, cross_validated, f1, typed_counts


def source_table() -> str:
    documents = gold_documents()
    examples = collect(documents)
    by_source: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for example in examples:
        for feature in example.features:
            if feature.startswith("src=") and "|" in feature:
                source, type_ = feature[4:].split("|")
                by_source[source].add((example.doc, example.surface, type_))
    lines = ["| source | proposed | precision | recall | F1 |", "| --- | --- | --- | --- | --- |"]
    for source, chosen in sorted(by_source.items(), key=lambda item: -len(item[1])):
        tp, predicted, gold = typed_counts(chosen, documents)
        lines.append(
            f"| {source} | {predicted} | {tp / predicted:.3f} | {tp / gold:.3f} "
            f"| {f1(tp, predicted, gold):.3f} |"
        )
    extra = collect(annotated_documents())  # in every fold's training, never scored
    best = max(
        (
            counts
            for c in C_GRID
            for counts in cross_validated(examples, documents, c, extra).values()
        ),
        key=lambda counts: f1(*counts),
    )
    tp, predicted, gold = best
    lines.append(
        f"| **selector** (cross-validated) | {predicted} | {tp / predicted:.3f} "
        f"| {tp / gold:.3f} | {f1(tp, predicted, gold):.3f} |"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(source_table())
