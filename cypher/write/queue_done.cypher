// Marks items processed: $rows = [{id, owner, article_id}, ...], article_id the :Article the item became. Runs in
// the transaction that wrote the article to the graph, after write/queue_lock showed the item still leased to this
// owner, so "in the graph" and "done" commit together.
// processed_by records every worker that completed the item (exactly one, unless something is badly wrong).
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (q:QueuedArticle {id: row.id})
SET
  q.status = 'done',
  q.done_at = datetime(),
  q.article_id = row.article_id,
  q.processed_by = coalesce(q.processed_by, []) + row.owner
REMOVE q.lease_owner, q.lease_until, q.error
RETURN q.id AS id
