"""Writes the dossier's own page families: entity pages, entity indexes, topics, and dossier.json."""
from __future__ import annotations

import json
import os

from pelican.generators import Generator

from dossier.contract import to_json
from dossier.model import TYPE_FOLDERS


class DossierGenerator(Generator):
    def generate_context(self):
        self.index = self.context.get("dossier")

    def generate_output(self, writer):
        if self.index is None:
            return
        relative = self.settings["RELATIVE_URLS"]
        self.generate_entities(writer, relative)
        self.generate_entity_indexes(writer, relative)
        self.generate_topics(writer, relative)
        self.write_json()

    def generate_entities(self, writer, relative):
        template = self.get_template("entity")
        for entity in self.index.dossier.entities:
            writer.write_file(entity.url + "index.html", template, self.context, relative,
                              url=entity.url, entity=entity, page_name=entity.url)

    def generate_entity_indexes(self, writer, relative):
        template = self.get_template("entities")
        for entity_type, folder in TYPE_FOLDERS.items():
            writer.write_file(f"{folder}/index.html", template, self.context, relative, url=f"{folder}/",
                              entity_type=entity_type, entities=self.index.by_type[entity_type],
                              page_name=folder)

    def generate_topics(self, writer, relative):
        template = self.get_template("topic")
        for topic in self.index.dossier.topics:
            writer.write_file(topic.url + "index.html", template, self.context, relative,
                              url=topic.url, topic=topic, page_name=topic.url)

    def write_json(self):
        data = to_json(self.index.dossier, self.settings.get("SITEURL", ""))
        path = os.path.join(self.output_path, "dossier.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=False)
            handle.write("\n")
