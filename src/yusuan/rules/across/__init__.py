"""Rules across two documents of one department (`@rule(..., pair=True)`, run by
`run_pair_rules(earlier, later)`): a 决算's 年初预算数 against the same year's published 预算, a
budget's last-year figures against last year's budget, a project's budget in the 决算 against
the 预算, the department's name across years. Every location names its file."""
