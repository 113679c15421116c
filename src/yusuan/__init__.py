"""yusuan: read Chinese budget and final-accounts disclosures, extract their tables, check them."""

__version__ = "0.1.0"
