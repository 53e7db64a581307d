"""Publish: what the site and other tools read: lookups, views, rendered HTML, JSON and exports."""
