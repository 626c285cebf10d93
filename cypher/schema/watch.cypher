// What `geokg watch` remembers (service/shared/watch_state.py): its sources and their health (:WatchSource), the
// conditional-GET validators of every listing it fetched (:WatchListing, by URL) and every story it has seen
// (:WatchSeen, by key: "url:" + hash of a URL's variant form, "text:" + hash of the story's text). The unique keys
// make two watcher threads that meet the same story at once serialise on it, so it is queued once.
// params: none
// returns: none
CREATE CONSTRAINT watch_source_id IF NOT EXISTS FOR (n:WatchSource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT watch_listing_url IF NOT EXISTS FOR (n:WatchListing) REQUIRE n.url IS UNIQUE;
CREATE CONSTRAINT watch_seen_key IF NOT EXISTS FOR (n:WatchSeen) REQUIRE n.key IS UNIQUE;
