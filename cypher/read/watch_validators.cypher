// Saved conditional-GET validators for the listing URLs $urls (no row: none saved).
// params: $urls
// returns: url, etag, last_modified
UNWIND $urls AS url
MATCH (l:WatchListing {url: url})
RETURN l.url AS url, l.etag AS etag, l.last_modified AS last_modified
