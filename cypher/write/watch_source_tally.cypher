// Adds a poll's page outcomes to its source's counters, with write/watch_source_polled: $rows = [{id, queued,
// duplicates, not_english, no_text, failed}] (pages of this poll with each outcome).
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
