// The article queue (service/shared/queue.py): one :QueuedArticle per submitted article. The id constraint makes enqueueing
// the same payload twice merge into one item. The (status, enqueued_at, seq) index hands out "the oldest items with
// this status" in index order, so a claim reads only the few items it needs however long the backlog.
// params: none
// returns: none
CREATE CONSTRAINT queued_article_id IF NOT EXISTS FOR (n:QueuedArticle) REQUIRE n.id IS UNIQUE;
CREATE INDEX queued_article_order IF NOT EXISTS FOR (n:QueuedArticle) ON (n.status, n.enqueued_at, n.seq);
