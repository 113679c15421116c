"""Rules on the 情况说明 against the tables and against itself: amounts, rates, shares, changes,
names of 类/款/项, years, units, missing words."""
