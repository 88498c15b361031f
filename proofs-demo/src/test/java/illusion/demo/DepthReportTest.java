package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Rendering of depth-table rows: formats, verdict and plots are functions of the rows. */
class DepthReportTest {

  /** Rows with depth {@code base + slope * log2 n} for n = 2 .. 2^k. */
  private static List<DepthRow> line(String model, int base, int slope, int k) {
    List<DepthRow> rows = new ArrayList<>();
    for (int e = 1; e <= k; e++) {
      rows.add(
          DepthRow.measured(
              model, List.of("S4"), "convolution", 1 << e, base + slope * e, base, 10L << e,
              30L << e, 5, 64, 0, slope > 0 ? 1.0 : 0.25, 1, 2, 3));
    }
    return rows;
  }

  @Test
  void jsonHasExactlyTheContractFields() {
    List<DepthRow> rows = new ArrayList<>(line("s4-random", 7, 0, 3));
    rows.add(DepthRow.refused("diag-stack", List.of(), "", 8, "A5 is not solvable"));
    JsonArray array = JsonParser.parseString(DepthReport.json(rows)).getAsJsonArray();
    assertEquals(rows.size(), array.size());
    for (int i = 0; i < 3; i++) {
      JsonObject o = array.get(i).getAsJsonObject();
      assertEquals(new TreeSet<>(DepthReport.JSON_FIELDS), new TreeSet<>(o.keySet()));
      assertEquals(rows.get(i).depth(), o.get("depth").getAsInt());
      assertEquals(rows.get(i).gates(), o.get("gates").getAsLong());
    }
    JsonObject refused = array.get(3).getAsJsonObject();
    assertEquals("A5 is not solvable", refused.get("refused").getAsString());
    assertEquals(Set.of("model", "layerKinds", "strategy", "n", "refused"), refused.keySet());
  }

  @Test
  void csvHasOneLinePerRowAndQuotesCommas() {
    List<DepthRow> rows = new ArrayList<>(line("ids4", 4, 2, 4));
    rows.add(DepthRow.refused("diag-stack", List.of(), "", 8, "no series, sorry"));
    String[] lines = DepthReport.csv(rows).split("\n");
    assertEquals(rows.size() + 1, lines.length);
    assertTrue(lines[lines.length - 1].endsWith("\"no series, sorry\""));
    int columns = lines[0].split(",").length;
    assertEquals(DepthReport.JSON_FIELDS.size() + 1, columns);
    assertEquals(columns - 1, lines[1].split(",", -1).length - 1);
  }

  @Test
  void tableAndMarkdownShowEveryRow() {
    List<DepthRow> rows = new ArrayList<>(line("ids4", 4, 2, 4));
    rows.add(DepthRow.refused("diag-stack", List.of(), "", 8, "A5 is not solvable"));
    String table = DepthReport.table(rows);
    assertEquals(rows.size() + 1, table.split("\n").length);
    assertTrue(table.contains("refused: A5 is not solvable"));
    String md = DepthReport.markdown(rows);
    assertEquals(rows.size() + 2, md.split("\n").length);
  }

  /** The verdict's classification is the one the depths imply, whatever the numbers are. */
  @Property(tries = 50)
  void verdictClassifiesByComputedTrend(
      @ForAll @IntRange(min = 1, max = 40) int base,
      @ForAll @IntRange(min = 1, max = 6) int slope,
      @ForAll @IntRange(min = 3, max = 11) int k) {
    List<DepthRow> rows = new ArrayList<>(line("flat", base, 0, k));
    rows.addAll(line("steep", base, slope, k));
    String verdict = DepthReport.verdict(rows);
    String constantLine = lineStarting(verdict, "constant depth");
    String growLine = lineStarting(verdict, "depth grows");
    assertTrue(constantLine.contains("flat (" + base + " from n = 2)"), verdict);
    assertFalse(constantLine.contains("steep"), verdict);
    assertTrue(growLine.contains("steep (~" + slope + ".0 per doubling"), verdict);
    assertTrue(lineStarting(verdict, "exact at every length").contains("steep"));
    assertTrue(verdict.contains("circuit = native evaluator"));
  }

  @Test
  void verdictReportsMismatches() {
    List<DepthRow> rows = new ArrayList<>(line("ids4", 4, 2, 3));
    rows.add(
        DepthRow.measured("ids4", List.of("IDS4"), "finite-state", 16, 12, 12, 1, 1, 1, 64, 3, 1,
            0, 0, 0));
    assertTrue(DepthReport.verdict(rows).contains("MISMATCH between circuit and native evaluator: ids4 (3)"));
    assertEquals(3, DepthReport.mismatches(rows));
  }

  @Test
  void svgIsDeterministicAndHasOneLinePerModel() {
    List<DepthRow> rows = new ArrayList<>(line("a", 3, 0, 10));
    rows.addAll(line("b", 3, 2, 10));
    rows.addAll(line("c", 5, 1, 10));
    String svg = DepthPlot.svg(rows, "A5");
    assertEquals(svg, DepthPlot.svg(rows, "A5"));
    assertEquals(3, svg.split("<polyline", -1).length - 1);
    assertEquals(3 * 10 + 3, svg.split("<circle", -1).length - 1);
  }

  @Test
  void pngDecodesToThePlotSize() throws IOException {
    List<DepthRow> rows = new ArrayList<>(line("a", 3, 0, 5));
    byte[] png = DepthPlot.png(rows, "A5");
    assertArrayEquals(png, DepthPlot.png(rows, "A5"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
  }

  @Property(tries = 100)
  void niceStepGivesAtMostTenIntervals(@ForAll @IntRange(min = 1, max = 100000) int max) {
    int step = DepthPlot.niceStep(max);
    assertTrue((max + step - 1) / step <= 10);
    String digits = Integer.toString(step).replace("0", "");
    assertTrue(Set.of("1", "2", "5").contains(digits));
  }

  private static String lineStarting(String text, String prefix) {
    for (String l : text.split("\n")) {
      if (l.strip().startsWith(prefix)) {
        return l;
      }
    }
    return "";
  }
}
