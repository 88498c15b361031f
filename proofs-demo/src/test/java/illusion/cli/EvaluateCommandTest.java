package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  /** {@code shared/paper-data/<file>} beside an ancestor of the working directory. */
  private static Path paperData(String file) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("shared").resolve("paper-data"))) {
        return d.resolve("shared").resolve("paper-data").resolve(file);
      }
    }
    throw new IllegalStateException("shared/paper-data not found above " + Path.of("").toAbsolutePath());
  }

  private static JsonObject json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  @Test
  void ids4IsExactOnThePaperData() {
    JsonObject r =
        json("evaluate", "--model", "ids4", "--group", "A5", "--data", paperData("A5=16.csv").toString(), "--format", "json");
    assertEquals("ids4", r.get("model").getAsString());
    assertEquals("A5", r.get("group").getAsString());
    assertEquals(10000, r.get("sequences").getAsInt());
    assertEquals(16, r.get("length").getAsInt());
    assertEquals(1.0, r.get("accuracy").getAsDouble());
    assertEquals(16, r.getAsJsonArray("positionAccuracy").size());
    r.getAsJsonArray("positionAccuracy").forEach(a -> assertEquals(1.0, a.getAsDouble()));
    assertTrue(r.get("tokensPerSecond").getAsDouble() > 0);
  }

  @Test
  void diagAbelianTracksTheSignOnly() {
    JsonObject r =
        json("evaluate", "--model", "diag-abelian", "--group", "S5", "--length", "64", "--samples", "100", "--seed", "3", "--format", "json");
    assertEquals(1.0, r.get("signAccuracy").getAsDouble());
    assertEquals(1.0, r.get("quotientAccuracy").getAsDouble());
    assertEquals("Z2", r.get("quotient").getAsString());
    assertTrue(r.get("accuracy").getAsDouble() < 0.2);
    assertTrue(r.get("tokenAccuracy").getAsDouble() < 0.2);
  }

  @Test
  void s4ScanIsExactUpToTwoToTheL() {
    JsonObject r =
        json("evaluate", "--model", "s4-scan:2", "--group", "A5", "--length", "8", "--samples", "200", "--seed", "1", "--format", "json");
    JsonArray positions = r.getAsJsonArray("positionAccuracy");
    for (int t = 0; t < 4; t++) {
      assertEquals(1.0, positions.get(t).getAsDouble(), "position " + (t + 1));
    }
    for (int t = 4; t < 8; t++) {
      assertTrue(positions.get(t).getAsDouble() < 0.2, "position " + (t + 1));
    }
    assertEquals(4, r.getAsJsonArray("paths").size() + 2); // 2 layers
  }

  @Test
  void modelFileAndTable() throws Exception {
    Path model = dir.resolve("parity.json");
    Files.copy(Path.of("..", "core", "examples", "parity.json"), model);
    CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--group", "Z2", "--length", "12", "--samples", "300", "--seed", "2");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("accuracy +1\\.0")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("positionAccuracy") && l.contains("t=12 1.0000")), run.out());
  }

  @Test
  void randomModelsRun() {
    for (String name : new String[] {"s4-random", "s4d-random", "selective-random", "ids4-random", "rnn-random"}) {
      JsonObject r = json("evaluate", "--model", name, "--group", "S3", "--length", "32", "--samples", "20", "--seed", "1", "--format", "json");
      double a = r.get("tokenAccuracy").getAsDouble();
      assertTrue(a >= 0 && a <= 1, name);
      assertEquals(20, r.get("sequences").getAsInt());
    }
  }

  private static void assertBadInput(String expected, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(Cli.BAD_INPUT, run.code(), run.out());
    assertTrue(run.oneLineError(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertEquals("", run.out());
  }

  @Test
  void badInputIsOneLine() {
    assertBadInput(
        "illusion: A5 is not solvable: its derived series stops at a perfect group of order 60",
        "evaluate", "--model", "diag-stack", "--group", "A5", "--length", "8", "--samples", "10", "--seed", "1");
    assertBadInput("give either --data FILE or --length", "evaluate", "--model", "ids4", "--group", "A5", "--data", "x.csv", "--length", "8");
    assertBadInput("give --data FILE, or all of", "evaluate", "--model", "ids4", "--group", "A5", "--length", "8");
    assertBadInput("unknown model 'lstm'", "evaluate", "--model", "lstm", "--group", "A5", "--length", "8", "--samples", "1", "--seed", "1");
    assertBadInput("no such model file", "evaluate", "--model", "nope.json", "--group", "A5", "--length", "8", "--samples", "1", "--seed", "1");
    assertBadInput(
        "model parity reads 2 tokens and labels with 2, but S3 has 6 elements",
        "evaluate", "--model", Path.of("..", "core", "examples", "parity.json").toString(), "--group", "S3", "--length", "4", "--samples", "1", "--seed", "1");
  }
}
