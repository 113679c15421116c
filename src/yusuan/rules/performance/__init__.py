"""Rules on the performance forms: the 部门整体 and project 绩效目标表 (funding, indicators,
targets, goal levels) and the 绩效自评表 (execution rates, scores, spending)."""
