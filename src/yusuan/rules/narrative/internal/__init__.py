"""The 情况说明 against its own figures: the comparison grids it prints between its paragraphs,
the 合计 it writes after listing parts, the units it counts against the units it lists, one
change it states twice."""
