// Every queue item with what the fault trials check: its status, attempts, the workers that completed it and the
// Article it became, and whether that Article exists. Full scan, for scripts/fault_trials.py.
// params: none
// returns: id, status, attempts, processed_by, article_id, article_found, error
MATCH (q:QueuedArticle)
OPTIONAL MATCH (a:Article {id: q.article_id})
RETURN q.id AS id, q.status AS status, q.attempts AS attempts, q.processed_by AS processed_by,
  q.article_id AS article_id, a IS NOT NULL AS article_found, q.error AS error
ORDER BY id
