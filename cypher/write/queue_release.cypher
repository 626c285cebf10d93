// Gives leased items back to the queue: $rows = [{id, error, refund}, ...]. After a failed attempt error is its
// reason and refund 0; on shutdown error is null (the last error is kept) and refund 1, because an item that was
// claimed but never started must not count towards the attempt limit. Run after write/queue_lock in the same
// transaction.
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET
  q.status = 'queued',
  q.attempts = q.attempts - row.refund,
  q.error = coalesce(row.error, q.error)
REMOVE q.lease_owner, q.lease_until
RETURN q.id AS id
