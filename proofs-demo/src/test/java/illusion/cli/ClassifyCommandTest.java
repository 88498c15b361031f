package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import illusion.group.DerivedSeries;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifyCommandTest {

  /** The JSON report has exactly the documented fields, each agreeing with the library. */
  @ParameterizedTest
  @ValueSource(strings = {"A5", "S5", "A4_x_Z5", "Z60", "S4", "Z1", "S3_x_Z4"})
  void jsonAgreesWithTheLibrary(String name) {
    CliRun run = CliRun.of("classify", "--group", name, "--format", "json");
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(
        List.of("group", "order", "abelian", "solvable", "perfect", "derivedSeries", "derivedLength",
            "abelianizationOrder", "wordProblemClass", "diagonalLayers", "permutationDegree"),
        json.keySet().stream().collect(Collectors.toList()));
    FiniteGroup g = Groups.byName(name);
    DerivedSeries series = DerivedSeries.of(g);
    assertEquals(g.name(), json.get("group").getAsString());
    assertEquals(g.order(), json.get("order").getAsInt());
    assertEquals(series.isSolvable(), json.get("solvable").getAsBoolean());
    assertEquals(series.isAbelian(), json.get("abelian").getAsBoolean());
    assertEquals(series.isPerfect(), json.get("perfect").getAsBoolean());
    int[] orders = new int[json.get("derivedSeries").getAsJsonArray().size()];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = json.get("derivedSeries").getAsJsonArray().get(i).getAsInt();
    }
    assertArrayEquals(series.orders(), orders);
    assertEquals(orders[0] / (orders.length > 1 ? orders[1] : orders[0]), json.get("abelianizationOrder").getAsInt());
    if (series.isSolvable()) {
      assertEquals(orders.length - 1, json.get("derivedLength").getAsInt());
      assertEquals(orders.length - 1, json.get("diagonalLayers").getAsInt());
    } else {
      assertTrue(json.get("derivedLength").isJsonNull());
      assertTrue(json.get("diagonalLayers").isJsonNull());
    }
    assertEquals(g.permutationDegree(), json.get("permutationDegree").getAsInt());
  }

  /** The paper's three groups of order 60 (Sec. 6): NC1-complete, ACC0 with 2 layers, 1 layer. */
  @Test
  void thePapersGroups() {
    JsonObject a5 = json("A5");
    assertEquals("NC1-complete", a5.get("wordProblemClass").getAsString());
    assertTrue(a5.get("perfect").getAsBoolean());
    assertEquals(5, a5.get("permutationDegree").getAsInt());
    JsonObject a4z5 = json("A4_x_Z5");
    assertEquals("ACC0", a4z5.get("wordProblemClass").getAsString());
    assertEquals(2, a4z5.get("diagonalLayers").getAsInt());
    assertEquals(15, a4z5.get("abelianizationOrder").getAsInt());
    JsonObject z60 = json("Z60");
    assertEquals(1, z60.get("diagonalLayers").getAsInt());
    assertEquals(12, z60.get("permutationDegree").getAsInt());
    assertEquals("AC0", json("Z1").get("wordProblemClass").getAsString());
  }

  private static JsonObject json(String group) {
    return JsonParser.parseString(CliRun.of("classify", "--group", group, "--format", "json").out())
        .getAsJsonObject();
  }

  @Test
  void table() {
    CliRun run = CliRun.of("classify", "--group", "S4");
    assertEquals(0, run.code());
    assertTrue(run.out().contains("derivedSeries        24 > 12 > 4 > 1"), run.out());
    assertTrue(run.out().contains("solvable: ACC0"), run.out());
  }

  @Test
  void badInput() {
    for (String[] args :
        new String[][] {
          {"classify", "--group", "Q8"},
          {"classify", "--group", "S13"},
          {"classify", "--group", "S5", "--format", "xml"},
          {"classify"},
        }) {
      CliRun run = CliRun.of(args);
      assertEquals(2, run.code(), String.join(" ", args));
      assertTrue(run.oneLineError(), run.err());
      assertEquals("", run.out());
    }
  }
}
