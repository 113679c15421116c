"""Rules: a catalog of checks over the document model, each one small function.

Add a rule by writing a function in any module of this package and decorating it with
`@rule(...)`; the engine discovers the module by itself.
"""

from yusuan.rules.engine import RuleSpec, catalog, make_finding, rule, run_rules

__all__ = ["RuleSpec", "catalog", "make_finding", "rule", "run_rules"]
