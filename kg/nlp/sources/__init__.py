"""Candidate sources beside the name rules of kg.nlp.names and kg.nlp.lists: each proposes
names with a type and says what it saw; the selector (kg.nlp.select) decides among them.

| source | what it proposes |
| --- | --- |
| gazetteer, head, brand, quoted, list | the name rules (kg.nlp.names, kg.nlp.lists) |
| enumeration | every item of a 、 list, with the class noun that closes it |
| government | an organ of government written with its region (庐江县人民政府) |
| town | a town, township or subdistrict of the gazetteer (台湖镇) |
| phase | a name followed by its phase, whatever it ends with (伊利三期) |
| region | the report's own region in its short forms (大邑 for 大邑县) |
| statistical | the places and organizations of a statistical tagger (LAC) |
"""
