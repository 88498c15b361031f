package illusion.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.util.Map;

/** Prints a flat report as an aligned two-column table or as JSON (nulls kept). */
final class Reports {
  private Reports() {}

  static void print(PrintWriter out, Map<String, Object> report, boolean json) {
    if (json) {
      out.println(new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(report));
      return;
    }
    int width = report.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Object> e : report.entrySet()) {
      out.printf("%-" + width + "s  %s%n", e.getKey(), text(e.getValue()));
    }
  }

  private static String text(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof int[]) {
      StringBuilder sb = new StringBuilder();
      for (int x : (int[]) v) {
        sb.append(sb.length() == 0 ? "" : " > ").append(x);
      }
      return sb.toString();
    }
    return v.toString();
  }
}
