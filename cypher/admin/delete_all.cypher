// Deletes every node and relationship (constraints and indexes stay), in batches so a large graph does not need one
// huge transaction; needs an auto-commit transaction (GraphRepository.run_admin). Used by the tests' `graph` fixture.
// Actors go last: a busy country holds thousands of relationships (participations, mentions, the pair index, the
// relationship layer's edges and summaries with their lists), and a batch of 1000 nodes that holds every actor would
// delete most of the graph's relationships at once, past the tests' transaction memory. Deleted first, the events
// and articles take those relationships with them, a few each.
// params: none
// returns: none
MATCH (n)
WITH n
ORDER BY CASE WHEN n:Country OR n:Organization THEN 1 ELSE 0 END
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
