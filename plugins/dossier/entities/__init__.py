"""Entities: names found per article, typed, merged across the dossier, with roles and relations."""
