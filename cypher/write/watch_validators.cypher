// Conditional-GET validators of fetched listings: $rows = [{url, etag, last_modified}] (either may be null). Saved
// only once every entry of the listing has been dealt with, so a watcher killed mid-poll fetches it in full again.
// params: $rows
// returns: url
UNWIND $rows AS row
MERGE (l:WatchListing {url: row.url})
SET l.etag = row.etag, l.last_modified = row.last_modified, l.updated_at = datetime()
RETURN l.url AS url
