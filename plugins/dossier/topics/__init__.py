"""Topics: key phrases per article and the stories (themes) of the whole dossier.

In: the dossier's articles, entities and events after the corpus steps, each article's candidate
phrases (`phrases.article_phrases`, found once per seed from its parse) and the registry's `topics:`,
`rename_topics` and `hide_topics`. Out: `model.TopicsFound` (the topics, each article's key phrases,
the registry's problems); the dossier is read, never changed. Entry point: `stage.find_themes`.

The steps, one module each:
- `phrases`: noun phrases of the parse in word families, scored against everyday English;
- `weigh`: each article's (or a small dossier's paragraph's) features, key phrases and actors, weighed;
- `grouping`: features grouped into themes; `episodes`: a theme cut where its news is far apart in time;
- `naming`: a theme's name, actor plus what happens; `curated`: the analyst's topics, renames, hides;
- `describe`: a theme as a `Topic` with its articles, actors, chronology and description;
- `analysis`: the types these share (`Analysis`, `Theme`, `EntityFeature`, `Paragraph`).

A dossier of fewer than `stage.SMALL` articles is grouped by paragraph: two articles share too few
phrases to tell themes apart, but their paragraphs do, so one article can hold several themes.
"""
