package illusion.demo;

import com.google.common.collect.ImmutableList;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders depth-table rows as an aligned text table, Markdown, CSV or JSON, and states the verdict
 * the rows support (which models keep constant depth as n grows, which grow, which are exact).
 * Every rendering is a pure function of the rows.
 */
public final class DepthReport {

  /**
   * The JSON field names of a measured row, in order. A refused row has {@code model}, {@code
   * layerKinds}, {@code strategy}, {@code n} and {@code refused}.
   */
  public static final ImmutableList<String> JSON_FIELDS =
      ImmutableList.of(
          "model",
          "layerKinds",
          "strategy",
          "n",
          "depth",
          "thresholdDepth",
          "gates",
          "wires",
          "maxWeightBits",
          "samples",
          "mismatches",
          "accuracy",
          "compileMs",
          "nativeMs",
          "simulateMs");

  private static final ImmutableList<String> HEADERS =
      ImmutableList.of(
          "model",
          "layers",
          "strategy",
          "n",
          "depth",
          "thr.depth",
          "gates",
          "wires",
          "w.bits",
          "samples",
          "mismatches",
          "accuracy",
          "compile ms",
          "native ms",
          "simulate ms");

  /** Columns 3 onwards are numbers and are right-aligned. */
  private static final int FIRST_NUMERIC = 3;

  private DepthReport() {}

  /** A JSON array of row objects with exactly {@link #JSON_FIELDS} (or the refused fields). */
  public static String json(List<DepthRow> rows) {
    JsonArray array = new JsonArray();
    for (DepthRow r : rows) {
      JsonObject o = new JsonObject();
      o.addProperty("model", r.model());
      JsonArray kinds = new JsonArray();
      r.layerKinds().forEach(kinds::add);
      o.add("layerKinds", kinds);
      o.addProperty("strategy", r.strategy());
      o.addProperty("n", r.n());
      if (r.isRefused()) {
        o.addProperty("refused", r.refused().get());
      } else {
        o.addProperty("depth", r.depth());
        o.addProperty("thresholdDepth", r.thresholdDepth());
        o.addProperty("gates", r.gates());
        o.addProperty("wires", r.wires());
        o.addProperty("maxWeightBits", r.maxWeightBits());
        o.addProperty("samples", r.samples());
        o.addProperty("mismatches", r.mismatches());
        o.addProperty("accuracy", r.accuracy());
        o.addProperty("compileMs", r.compileMs());
        o.addProperty("nativeMs", r.nativeMs());
        o.addProperty("simulateMs", r.simulateMs());
      }
      array.add(o);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array) + "\n";
  }

  /** RFC 4180 CSV with a header line; a refused row leaves the metrics empty and ends with the reason. */
  public static String csv(List<DepthRow> rows) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(JSON_FIELDS);
    header.add("refused");
    sb.append(String.join(",", header)).append('\n');
    for (DepthRow r : rows) {
      List<String> cells = cells(r, false);
      List<String> out = new ArrayList<>();
      for (String c : cells) {
        out.add(csvQuote(c));
      }
      out.add(csvQuote(r.refused().orElse("")));
      sb.append(String.join(",", out)).append('\n');
    }
    return sb.toString();
  }

  /** A GitHub-flavoured Markdown table; a refused row says so in the depth column. */
  public static String markdown(List<DepthRow> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", HEADERS)).append(" |\n|");
    for (int i = 0; i < HEADERS.size(); i++) {
      sb.append(i >= FIRST_NUMERIC ? "---:|" : "---|");
    }
    sb.append('\n');
    for (DepthRow r : rows) {
      List<String> cells = cells(r, true);
      List<String> escaped = new ArrayList<>();
      for (String c : cells) {
        escaped.add(c.replace("|", "\\|"));
      }
      sb.append("| ").append(String.join(" | ", escaped)).append(" |\n");
    }
    return sb.toString();
  }

  /** An aligned plain-text table; a refused row prints its reason after the length. */
  public static String table(List<DepthRow> rows) {
    List<List<String>> body = new ArrayList<>();
    for (DepthRow r : rows) {
      body.add(r.isRefused() ? cells(r, true).subList(0, FIRST_NUMERIC + 1) : cells(r, true));
    }
    int[] width = new int[HEADERS.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = HEADERS.get(i).length();
    }
    for (List<String> cells : body) {
      for (int i = 0; i < cells.size(); i++) {
        width[i] = Math.max(width[i], cells.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendAligned(sb, HEADERS, width);
    for (int k = 0; k < rows.size(); k++) {
      List<String> cells = body.get(k);
      appendAligned(sb, cells, width);
      if (rows.get(k).isRefused()) {
        sb.setLength(sb.length() - 1);
        sb.append("  refused: ").append(rows.get(k).refused().get()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void appendAligned(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      line.append(i >= FIRST_NUMERIC ? pad + c : c + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  /** The cells of one row in header order; a refused row has its metrics empty (or "refused"). */
  private static List<String> cells(DepthRow r, boolean forPeople) {
    List<String> c = new ArrayList<>();
    c.add(r.model());
    c.add(forPeople ? r.layerKindsSummary() : String.join(" ", r.layerKinds()));
    c.add(r.strategy());
    c.add(Integer.toString(r.n()));
    if (r.isRefused()) {
      c.add(forPeople ? "refused: " + r.refused().get() : "");
      while (c.size() < HEADERS.size()) {
        c.add("");
      }
      return c;
    }
    c.add(Integer.toString(r.depth()));
    c.add(Integer.toString(r.thresholdDepth()));
    c.add(Long.toString(r.gates()));
    c.add(Long.toString(r.wires()));
    c.add(Integer.toString(r.maxWeightBits()));
    c.add(Integer.toString(r.samples()));
    c.add(Long.toString(r.mismatches()));
    c.add(String.format(Locale.ROOT, "%.4f", r.accuracy()));
    c.add(Long.toString(r.compileMs()));
    c.add(Long.toString(r.nativeMs()));
    c.add(Long.toString(r.simulateMs()));
    return c;
  }

  private static String csvQuote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * The verdict the rows support, one claim per line, computed from the rows alone: which models
   * keep one depth over the upper half of the measured lengths (Thm 4.2, 4.4: TC0), which grow and
   * by how much per doubling of n (least-squares slope of depth against log2 n), which are exact
   * on every length, which were refused, and whether every circuit agreed with its native
   * evaluator.
   */
  public static String verdict(List<DepthRow> rows) {
    Map<String, List<DepthRow>> byModel = new LinkedHashMap<>();
    for (DepthRow r : rows) {
      byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
    }
    List<String> constant = new ArrayList<>();
    List<String> growing = new ArrayList<>();
    List<String> single = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    List<String> inexact = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> layersGrow = new ArrayList<>();
    for (Map.Entry<String, List<DepthRow>> e : byModel.entrySet()) {
      String model = e.getKey();
      List<DepthRow> measured = new ArrayList<>();
      Map<String, List<Integer>> reasons = new LinkedHashMap<>();
      for (DepthRow r : e.getValue()) {
        if (r.isRefused()) {
          reasons.computeIfAbsent(r.refused().get(), k -> new ArrayList<>()).add(r.n());
        } else {
          measured.add(r);
        }
      }
      reasons.forEach(
          (reason, ns) ->
              refused.add(
                  model
                      + (measured.isEmpty() && reasons.size() == 1 ? "" : " at n = " + lengths(ns))
                      + " (" + reason + ")"));
      if (measured.isEmpty()) {
        continue;
      }
      measured.sort((a, b) -> Integer.compare(a.n(), b.n()));
      DepthTrend trend = DepthTrend.of(measured);
      if (measured.size() == 1) {
        single.add(model + " (depth " + measured.get(0).depth() + " at n = " + measured.get(0).n() + ")");
      } else if (trend.isConstant()) {
        constant.add(model + " (" + trend.lastDepth() + " from n = " + trend.constantFrom() + ")");
      } else {
        growing.add(
            String.format(
                Locale.ROOT,
                "%s (~%.1f per doubling: %d at n = %d, %d at n = %d)",
                model,
                trend.perDoubling(),
                measured.get(0).depth(),
                measured.get(0).n(),
                trend.lastDepth(),
                measured.get(measured.size() - 1).n()));
      }
      DepthRow first = measured.get(0);
      DepthRow last = measured.get(measured.size() - 1);
      if (last.layerKinds().size() != first.layerKinds().size()) {
        layersGrow.add(
            String.format(
                Locale.ROOT,
                "%s (%d at n = %d, %d at n = %d)",
                model,
                first.layerKinds().size(),
                first.n(),
                last.layerKinds().size(),
                last.n()));
      }
      double minAccuracy = 1;
      long mismatches = 0;
      for (DepthRow r : measured) {
        minAccuracy = Math.min(minAccuracy, r.accuracy());
        mismatches += r.mismatches();
      }
      if (minAccuracy == 1) {
        exact.add(model);
      } else {
        inexact.add(String.format(Locale.ROOT, "%s (down to %.3f)", model, minAccuracy));
      }
      if (mismatches > 0) {
        mismatched.add(model + " (" + mismatches + ")");
      }
    }
    StringBuilder sb = new StringBuilder("verdict\n");
    line(sb, "constant depth", constant);
    line(sb, "depth grows with n", growing);
    line(sb, "one length only", single);
    line(sb, "layers grow with n", layersGrow);
    line(sb, "exact at every length", exact);
    line(sb, "not exact", inexact);
    for (String r : refused) {
      sb.append("  refused: ").append(r).append('\n');
    }
    if (mismatched.isEmpty()) {
      sb.append("  circuit = native evaluator on every sample and output bit\n");
    } else {
      line(sb, "MISMATCH between circuit and native evaluator", mismatched);
    }
    return sb.toString();
  }

  /** For example {@code "2, 4, 8"}. */
  private static String lengths(List<Integer> ns) {
    StringBuilder sb = new StringBuilder();
    for (int n : ns) {
      sb.append(sb.length() == 0 ? "" : ", ").append(n);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, List<String> items) {
    if (!items.isEmpty()) {
      sb.append("  ").append(label).append(": ").append(String.join(", ", items)).append('\n');
    }
  }

  /** The total number of mismatches over all rows. */
  public static long mismatches(List<DepthRow> rows) {
    long total = 0;
    for (DepthRow r : rows) {
      total += r.mismatches();
    }
    return total;
  }
}
