// The oldest items a worker may claim: queued ones, and processing ones whose lease has expired (their worker died
// or hung). Read without locks: write/queue_lock re-checks each one after locking it.
// Each branch is a seek on the (status, enqueued_at, seq) index read in index order up to $limit: the planner does
// that only when every indexed property has a predicate (hence the IS NOT NULLs) and ORDER BY names them all.
// params: $limit
// returns: id
CALL () {
  MATCH (q:QueuedArticle {status: 'queued'})
  WHERE q.enqueued_at IS NOT NULL AND q.seq IS NOT NULL
  RETURN q
  ORDER BY q.status, q.enqueued_at, q.seq
  LIMIT $limit
  UNION
  MATCH (q:QueuedArticle {status: 'processing'})
  WHERE q.enqueued_at IS NOT NULL AND q.seq IS NOT NULL AND q.lease_until < datetime()
  RETURN q
  ORDER BY q.status, q.enqueued_at, q.seq
  LIMIT $limit
}
RETURN q.id AS id
ORDER BY q.enqueued_at, q.seq
LIMIT $limit
