// For the upgrade test: makes the graph look as an older version wrote it (layer edges without score, event_type
// and top_event_ids; no BETWEEN entries; participations without actor and date), so that admin/layer_upgrade and
// admin/participation_upgrade can be shown to bring it back.
// params: none
// returns: none
MATCH ()-[r:
  MET_WITH|AGREED_WITH|COOPERATES_WITH|SUPPORTS|CONCEDES_TO|AIDS|
  DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO|ATTACKS|SANCTIONS|ACCUSES|THREATENS|
  REQUESTS|REJECTS|COERCES|PROTESTS_AGAINST|RETREATS_FROM
]->()
REMOVE r.score, r.event_type, r.top_event_ids
WITH count(*) AS edges
CALL () {
  MATCH ()-[p:BETWEEN]->()
  DELETE p
}
MATCH ()-[p:PARTICIPATED_IN]->()
REMOVE p.actor, p.date
