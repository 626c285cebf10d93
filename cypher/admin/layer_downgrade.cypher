// For the upgrade test: makes the graph look as an older version wrote it (layer edges without score, event_type,
// top_event_ids and the per-period summary; no BETWEEN entries and no per-pair summaries; participations without
// actor, type and date), so that admin/layer_upgrade, admin/layer_periods_upgrade, admin/pairs_without_summary (with
// write/upsert_pair_summaries) and admin/participation_upgrade can be shown to bring it back.
// params: none
// returns: none
MATCH ()-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->()
REMOVE r.score, r.event_type, r.top_event_ids, r.periods, r.period_counts, r.period_scores, r.period_first,
  r.period_last, r.period_top, r.month_base, r.month_cum_counts, r.month_cum_scores, r.year_base, r.year_cum_counts,
  r.year_cum_scores
WITH count(*) AS edges
CALL () {
  MATCH ()-[p:BETWEEN]->()
  DELETE p
}
CALL () {
  MATCH ()-[s:PAIR_SUMMARY]->()
  DELETE s
}
MATCH ()-[p:PARTICIPATED_IN]->()
REMOVE p.actor, p.type, p.date
