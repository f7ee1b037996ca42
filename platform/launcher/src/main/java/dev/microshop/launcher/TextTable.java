package dev.microshop.launcher;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as left-aligned columns two spaces apart, the first row being the header. */
final class TextTable {

    private TextTable() {}

    static void print(List<List<String>> rows, PrintStream out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(cell).append(" ".repeat(widths[column] + 2 - cell.length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
