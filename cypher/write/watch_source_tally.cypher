// Counts one page's outcome on its source, in the transaction that records the page: $rows = [{id, queued,
// duplicates, not_english, no_text, failed}] (each 0 or 1).
// params: $rows
// returns: id
UNWIND $rows AS row
MATCH (s:WatchSource {id: row.id})
SET
  s.queued = s.queued + row.queued,
  s.duplicates = s.duplicates + row.duplicates,
  s.not_english = s.not_english + row.not_english,
  s.no_text = s.no_text + row.no_text,
  s.failed = s.failed + row.failed
RETURN s.id AS id
