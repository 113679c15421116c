"""Rules on the tables themselves: sums and hierarchy, the same figure across tables, 三公,
codes and names, units, and the tables a disclosure must print."""
