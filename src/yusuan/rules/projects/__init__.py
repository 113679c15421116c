"""Rules on projects: each project's budget against the 项目支出表 and the narrative, its
costing detail, funding sources, codes, names, prior years, contacts and document numbers."""
