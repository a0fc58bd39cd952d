// Organizations and the projects they act on
// 机构及其参与的项目
//
// Question: which organizations take part in which projects? "agent" when the action names the
// organization as its agent; "same sentence" when the organization is named in the sentence of
// an action on the project (依托临江大学…加快建设青溪种业创新中心).
// The Cypher version of organizations-and-projects.rq, for the Neo4j import files
// (kg build -f neo4j) in Neo4j or LadybugDB.
// Parameters: $organization ('' for every organization), e.g. {"organization": "东盟"}
// Columns: organization, project, verb, status, link, year
MATCH (a:Action)-[:OBJECT]->(p:Project), (a)-[:WAS_DERIVED_FROM]->(s:Sentence)
MATCH (o:Organization)
WHERE a.verb IS NOT NULL AND a.actionStatus IS NOT NULL
  AND p.label IS NOT NULL AND o.label IS NOT NULL
  AND ($organization = '' OR o.label = $organization)
WITH a, p, o, s, EXISTS { MATCH (a)-[:AGENT]->(o) } AS agent
WHERE agent OR EXISTS { MATCH (o)-[:MENTIONED_IN]->(s) }
RETURN DISTINCT o.label AS organization, p.label AS project, a.verb AS verb,
       CASE a.actionStatus
         WHEN 'CompletedActionStatus' THEN 'completed'
         WHEN 'ActiveActionStatus' THEN 'ongoing'
         ELSE 'planned'
       END AS status,
       CASE WHEN agent THEN 'agent' ELSE 'same sentence' END AS link,
       a.year AS year
ORDER BY organization, project, year
