// Leases locked, claimable items to a worker: $rows = [{id, owner, lease_ms}, ...]. Run only after
// write/queue_lock in the same transaction has shown each item queued (or processing with an expired lease).
// The lease ends on the server's clock, so workers on hosts whose clocks disagree still agree on expiry.
// params: $rows
// returns: id, payload, attempts
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET
  q.status = 'processing',
  q.lease_owner = row.owner,
  q.lease_until = datetime() + duration({milliseconds: row.lease_ms}),
  q.claimed_at = datetime(),
  q.attempts = q.attempts + 1
RETURN q.id AS id, q.payload AS payload, q.attempts AS attempts
