// Gives countries written before every actor label was keyed `id` (older versions merged them on `iso3` only) their
// `id`, the ISO3 code, for at most $batch of them; returns how many it changed. Run after the schema at every startup
// (service.graph.schema.apply_schema, before the other upgrades, which read actors by `id`) in a loop until it
// changes fewer than $batch: each batch is its own transaction, so a start interrupted halfway leaves finished
// batches in place and the next start goes on from there; on an up-to-date graph it changes nothing.
// params: $batch
// returns: upgraded
MATCH (c:Country)
  WHERE c.id IS NULL AND c.iso3 IS NOT NULL
WITH c
  LIMIT $batch
SET c.id = c.iso3
RETURN count(c) AS upgraded
