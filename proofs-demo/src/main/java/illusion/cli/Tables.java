package illusion.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain-text and Markdown tables with aligned columns (numbers right-aligned). */
final class Tables {
  private Tables() {}

  static void print(PrintWriter w, boolean markdown, String[] header, List<String[]> rows) {
    int cols = header.length;
    int[] width = new int[cols];
    boolean[] numeric = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      width[c] = header[c].length();
      numeric[c] = !rows.isEmpty();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
        numeric[c] &= r[c].matches("-?[0-9]+");
      }
    }
    line(w, markdown, header, width, numeric);
    if (markdown) {
      StringBuilder sb = new StringBuilder("|");
      for (int c = 0; c < cols; c++) {
        sb.append(numeric[c] ? " " + "-".repeat(Math.max(1, width[c] - 1)) + ": |" : " " + "-".repeat(width[c]) + " |");
      }
      w.println(sb);
    }
    for (String[] r : rows) {
      line(w, markdown, r, width, numeric);
    }
  }

  private static void line(PrintWriter w, boolean markdown, String[] cells, int[] width, boolean[] numeric) {
    StringBuilder sb = new StringBuilder(markdown ? "|" : "");
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - cells[c].length());
      String cell = numeric[c] ? pad + cells[c] : cells[c] + pad;
      if (markdown) {
        sb.append(' ').append(cell).append(" |");
      } else {
        sb.append(c == 0 ? "" : "  ").append(cell);
      }
    }
    w.println(markdown ? sb.toString() : sb.toString().stripTrailing());
  }
}
