"""dossier: turn a folder of pasted news articles into a cross-linked dossier (the core, no Pelican)."""
