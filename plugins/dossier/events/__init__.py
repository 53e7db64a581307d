"""Events: dated happenings per article, merged across articles, with conflicts, summaries, quotes."""
