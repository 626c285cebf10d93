// One queue item's state, for GET /articles/{id} and `geokg queue status ID` (no row: unknown id).
// params: $id
// returns: id, status, attempts, error, lease_owner, lease_until, enqueued_at, done_at, processed_by, article_id
MATCH (q:QueuedArticle {id: $id})
RETURN
  q.id AS id,
  q.status AS status,
  q.attempts AS attempts,
  q.error AS error,
  q.lease_owner AS lease_owner,
  q.lease_until AS lease_until,
  q.enqueued_at AS enqueued_at,
  q.done_at AS done_at,
  q.processed_by AS processed_by,
  q.article_id AS article_id
