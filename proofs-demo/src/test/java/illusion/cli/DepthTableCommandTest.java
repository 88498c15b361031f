package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code illusion depth-table}: formats, plots, exit codes and input errors. */
class DepthTableCommandTest {
  private static final Set<String> MEASURED_FIELDS =
      new TreeSet<>(
          List.of(
              "model", "layerKinds", "strategy", "n", "depth", "thresholdDepth", "gates", "wires",
              "maxWeightBits", "samples", "mismatches", "accuracy", "compileMs", "nativeMs",
              "simulateMs"));

  @Test
  void jsonRowsHaveExactlyTheContractFields() {
    CliRun run =
        CliRun.of(
            "depth-table", "--models", "ids4,diag-stack", "--lengths", "2,4", "--samples", "8",
            "--format", "json");
    assertEquals(Cli.OK, run.code(), run.err());
    JsonArray rows = JsonParser.parseString(run.out()).getAsJsonArray();
    assertEquals(4, rows.size());
    for (JsonElement e : rows) {
      JsonObject row = e.getAsJsonObject();
      if (row.get("model").getAsString().equals("ids4")) {
        assertEquals(MEASURED_FIELDS, new TreeSet<>(row.keySet()));
        assertEquals(0, row.get("mismatches").getAsInt());
        assertEquals(1.0, row.get("accuracy").getAsDouble());
        assertEquals("ids4", row.get("layerKinds").getAsJsonArray().get(0).getAsString());
      } else {
        assertTrue(row.get("refused").getAsString().contains("not solvable"), row.toString());
        assertFalse(row.has("depth"));
      }
    }
  }

  @Test
  void tablePrintsRowsAndTheComputedVerdict() {
    CliRun run =
        CliRun.of("depth-table", "--models", "ids4,s4-window:2", "--lengths", "2..16", "--samples", "4");
    assertEquals(Cli.OK, run.code(), run.err());
    assertTrue(run.out().contains("verdict"), run.out());
    assertTrue(run.out().contains("depth grows with n: ids4"), run.out());
    assertTrue(run.out().contains("constant depth: s4-window:2"), run.out());
    assertEquals(1 + 2 * 4, run.out().lines().takeWhile(l -> !l.isEmpty()).count());
  }

  @Test
  void csvAndMarkdownHaveOneLinePerRow() {
    CliRun csv =
        CliRun.of("depth-table", "--models", "ids4", "--lengths", "2,3", "--samples", "2", "--format", "csv");
    assertEquals(Cli.OK, csv.code(), csv.err());
    assertEquals(3, csv.out().lines().count());
    CliRun md =
        CliRun.of(
            "depth-table", "--models", "ids4", "--lengths", "2,3", "--samples", "2", "--format",
            "markdown");
    assertEquals(Cli.OK, md.code(), md.err());
    assertTrue(md.out().startsWith("| model |"), md.out());
  }

  @Test
  void writesSvgAndPngPlots(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("depth.svg");
    Path png = dir.resolve("depth.png");
    for (Path plot : List.of(svg, png)) {
      CliRun run =
          CliRun.of(
              "depth-table", "--models", "ids4,s4-window:2", "--lengths", "2,4,8", "--samples",
              "2", "--plot", plot.toString());
      assertEquals(Cli.OK, run.code(), run.err());
    }
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text);
    assertEquals(2, text.split("<polyline", -1).length - 1);
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwoBeforeAnyWork(@TempDir Path dir) {
    String[][] bad = {
      {"depth-table", "--group", "Q8"},
      {"depth-table", "--models", "ids5"},
      {"depth-table", "--lengths", "4,2"},
      {"depth-table", "--outputs", "some"},
      {"depth-table", "--prefix", "kogge-stone"},
      {"depth-table", "--format", "xml"},
      {"depth-table", "--samples", "0"},
      {"depth-table", "--plot", dir.resolve("depth.gif").toString()},
      {"depth-table", "--plot", dir.resolve("missing").resolve("depth.svg").toString()},
    };
    for (String[] args : bad) {
      CliRun run = CliRun.of(args);
      assertEquals(Cli.BAD_INPUT, run.code(), String.join(" ", args) + ": " + run.err());
      assertTrue(run.oneLineError(), run.err());
      assertEquals("", run.out());
    }
  }
}
