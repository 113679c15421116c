"""Narrative facts: the 情况说明 read into Facts (amounts, changes, shares, staffing, units,
glossary). Entry point: `extract_facts(source)`."""

from yusuan.recognise.narrative.extract import extract_facts

__all__ = ["extract_facts"]
