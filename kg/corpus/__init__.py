"""Many reports at once: inputs, report graphs, the build cache, aliases and the corpus."""
