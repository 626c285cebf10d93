// Indexes the loader needs (ingest/load.py): re-ingesting the same text under another URL, or with none, is
// recognised by the canonical-text hash, looked up for every article written.
// params: none
// returns: none
CREATE INDEX article_text_hash IF NOT EXISTS FOR (n:Article) ON (n.text_hash);
