// Deletes every node and relationship (constraints and indexes stay), in batches so a large graph does not need one
// huge transaction; needs an auto-commit transaction (GraphRepository.run_admin). Used by the tests' `graph` fixture.
// params: none
// returns: none
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
