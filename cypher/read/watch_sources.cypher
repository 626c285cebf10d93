// Every watched source with its health and counters, for GET /sources and the watcher's metrics, by URL.
// params: none
// returns: id, url, kind, name, status, last_poll, last_ok, last_error, last_error_at, polls, errors, consecutive_errors, found, queued, duplicates, not_english, no_text, failed
MATCH (s:WatchSource)
RETURN
  s.id AS id,
  s.url AS url,
  s.kind AS kind,
  s.name AS name,
  s.status AS status,
  s.last_poll AS last_poll,
  s.last_ok AS last_ok,
  s.last_error AS last_error,
  s.last_error_at AS last_error_at,
  s.polls AS polls,
  s.errors AS errors,
  s.consecutive_errors AS consecutive_errors,
  s.found AS found,
  s.queued AS queued,
  s.duplicates AS duplicates,
  s.not_english AS not_english,
  s.no_text AS no_text,
  s.failed AS failed
ORDER BY url
