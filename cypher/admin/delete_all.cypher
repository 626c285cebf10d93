// Deletes every node and relationship (constraints and indexes stay), in batches so a large graph does not need one
// huge transaction (1000 nodes with their relationships fit the tests' 512 MB heap); needs an auto-commit
// transaction (GraphRepository.run_admin). Used by the tests' `graph` fixture.
// params: none
// returns: none
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
