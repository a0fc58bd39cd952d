// Completed projects of the review year, by place
// 回顾年份已完成的项目（按地点）
//
// Question: which projects did each report say were completed (建成, 竣工, 投用…) in the year it
// looks back on, and where? The place is the action's stated location, else the report's region.
// The Cypher version of completed-projects-by-place.rq, for the Neo4j import files
// (kg build -f neo4j) in Neo4j or LadybugDB.
// Parameters: $region ('' for every region), e.g. {"region": "上海市"}
// Columns: place, project, verb, year, region, report
MATCH (a:Action)-[:OBJECT]->(p:Project),
      (a)-[:WAS_DERIVED_FROM]->(s:Sentence)-[:IN_REPORT]->(r:Report)
WHERE a.actionStatus = 'CompletedActionStatus'
  AND a.verb IS NOT NULL AND p.label IS NOT NULL
  AND r.reviewYear IS NOT NULL AND r.label IS NOT NULL
  // Of the review year: the action's year, or a sentence of the review section when no year.
  AND (a.year = r.reviewYear OR (a.year IS NULL AND s.sectionKind = 'review'))
  AND ($region = '' OR r.region = $region)
OPTIONAL MATCH (a)-[:LOCATION]->(l:Place)
RETURN coalesce(l.label, r.region, '') AS place, p.label AS project, a.verb AS verb,
       r.reviewYear AS year, coalesce(r.region, '') AS region, r.label AS report
ORDER BY place, project, verb
