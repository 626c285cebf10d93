// The end of one poll of a source: $rows = [{id, ok, error, found}]. ok: the listing was read (an unchanged
// listing, 304, counts as ok); error: why not (null when ok); found: entries the listing named that were new.
// params: $rows
// returns: id, status
UNWIND $rows AS row
MATCH (s:WatchSource {id: row.id})
SET
  s.polls = s.polls + 1,
  s.last_poll = datetime(),
  s.status = CASE WHEN row.ok THEN 'ok' ELSE 'error' END,
  s.last_ok = CASE WHEN row.ok THEN datetime() ELSE s.last_ok END,
  s.last_error = CASE WHEN row.ok THEN s.last_error ELSE row.error END,
  s.last_error_at = CASE WHEN row.ok THEN s.last_error_at ELSE datetime() END,
  s.errors = s.errors + CASE WHEN row.ok THEN 0 ELSE 1 END,
  s.consecutive_errors = CASE WHEN row.ok THEN 0 ELSE s.consecutive_errors + 1 END,
  s.found = s.found + row.found
RETURN s.id AS id, s.status AS status
