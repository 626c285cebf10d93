// Write-locks queue items and returns their state as committed by everyone else: $rows = [{id}, ...].
// Neo4j reads are read-committed and take no locks, so a status read before locking can be stale by the time we
// write. The dummy SET takes the node's write lock first (waiting for any transaction that holds it to finish);
// the properties are read only after it, so they are current, and nobody can change them until we commit.
// Callers lock ids in queue order (enqueued_at, seq) so that two claimers do not wait on each other in a cycle.
// params: $rows
// returns: id, status, lease_owner, attempts, lease_expired, error
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET q._lock = true
REMOVE q._lock
RETURN
  q.id AS id,
  q.status AS status,
  q.lease_owner AS lease_owner,
  q.attempts AS attempts,
  coalesce(q.lease_until < datetime(), false) AS lease_expired,
  q.error AS error
