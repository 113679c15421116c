"""Rules: a catalog of checks over the document model, each one small function, one package per
subject (engine/, tables/, narrative/, projects/; see ARCHITECTURE.md).

Add a rule by writing a function in a module of the package of its subject and decorating it
with `@rule(...)`; the engine discovers the module by itself.
"""

from yusuan.rules.engine import RuleSpec, catalog, make_finding, rule, run_rules

__all__ = ["RuleSpec", "catalog", "make_finding", "rule", "run_rules"]
