"""Topics: key phrases per article and the stories of the whole dossier."""
