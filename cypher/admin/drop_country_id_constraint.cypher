// For the country-id upgrade's test and benchmark (scripts/bench_api.py --migration): removes the country_id
// uniqueness constraint, as a graph written before every actor label was keyed `id` lacks it; apply_schema puts it
// back.
// params: none
// returns: none
DROP CONSTRAINT country_id IF EXISTS
