// The watcher's sources, registered at its start: $rows = [{id, url, kind, name}], id = hash of the URL. Counters
// start at 0 the first time; a known source keeps its counters and health, and takes the current kind and name.
// params: $rows
// returns: id
UNWIND $rows AS row
MERGE (s:WatchSource {id: row.id})
  ON CREATE SET
    s.url = row.url,
    s.status = 'new',
    s.polls = 0,
    s.errors = 0,
    s.consecutive_errors = 0,
    s.found = 0,
    s.queued = 0,
    s.duplicates = 0,
    s.not_english = 0,
    s.no_text = 0,
    s.failed = 0,
    s.created_at = datetime()
SET s.kind = row.kind, s.name = row.name, s.active = true
RETURN s.id AS id
