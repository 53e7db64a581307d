"""Language: the spaCy model, sentences, time expressions and clauses that later stages read."""
