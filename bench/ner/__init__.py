"""Entity recogniser: data preparation, training (`python -m bench.ner.train`) and evaluation (`.evaluate`)."""
