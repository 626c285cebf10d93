// Ids of failed items, oldest first, for `geokg queue retry --all-failed` / `geokg worker --retry-failed` (an
// index-ordered seek, see read/queue_candidates).
// params: $limit
// returns: id
MATCH (q:QueuedArticle {status: 'failed'})
WHERE q.enqueued_at IS NOT NULL AND q.seq IS NOT NULL
RETURN q.id AS id
ORDER BY q.status, q.enqueued_at, q.seq
LIMIT $limit
