package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.export.CircuitJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimitiveCommandTest {
  private static final Set<String> FIELDS =
      Set.of(
          "primitive", "n", "bits", "depth", "thresholdDepth", "gates", "wires", "maxFanIn",
          "maxWeightBits", "samples", "mismatches");

  /** The result of one run: exit code, stdout, stderr. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Illusion.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonArray json(Run r) {
    assertEquals(0, r.code(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonArray();
  }

  /**
   * Iterated addition has one depth for every n (the growth table of the constant-depth claim),
   * and every sample verifies; each JSON row has exactly the documented fields.
   */
  @Test
  void iteratedSumKeepsOneDepthAcrossLengths() {
    JsonArray rows =
        json(run("primitive", "iterated-sum", "--lengths", "4,16,64,256", "--bits", "8", "--verify", "256", "--format", "json"));
    assertEquals(4, rows.size());
    Set<Integer> depths = new TreeSet<>();
    long previousGates = 0;
    for (JsonElement e : rows) {
      JsonObject row = e.getAsJsonObject();
      assertEquals(FIELDS, row.keySet());
      assertEquals("iterated-sum", row.get("primitive").getAsString());
      assertEquals(256, row.get("samples").getAsInt());
      assertEquals(0, row.get("mismatches").getAsInt());
      depths.add(row.get("depth").getAsInt());
      assertTrue(row.get("gates").getAsLong() > previousGates);
      previousGates = row.get("gates").getAsLong();
    }
    assertEquals(Set.of(2), depths);
  }

  /** Brent–Kung prefix depth grows with log n: strictly increasing over 4, 16, 64, 256. */
  @Test
  void brentKungDepthGrows() {
    JsonArray rows = json(run("primitive", "prefix-brent-kung", "--lengths", "4,16,64,256", "--verify", "64", "--format", "json"));
    int previous = 0;
    for (JsonElement e : rows) {
      int depth = e.getAsJsonObject().get("depth").getAsInt();
      assertTrue(depth > previous);
      previous = depth;
      assertEquals(0, e.getAsJsonObject().get("mismatches").getAsInt());
    }
  }

  /** Every listed primitive builds at a small size and verifies with no mismatch. */
  @Test
  void everyPrimitiveVerifies() {
    for (Primitive p : Primitive.values()) {
      int n = p == Primitive.TABLE_LOOKUP || p == Primitive.MATRIX_PRODUCT ? 4 : 9;
      JsonArray rows = json(run("primitive", p.id, "--n", Integer.toString(n), "--verify", "200", "--seed", "7", "--format", "json"));
      JsonObject row = rows.get(0).getAsJsonObject();
      assertEquals(p.id, row.get("primitive").getAsString());
      assertEquals(200, row.get("samples").getAsInt());
      assertEquals(0, row.get("mismatches").getAsInt(), p.id);
      assertTrue(row.get("gates").getAsInt() > 0, p.id);
    }
  }

  /** 'list' names every primitive, one per line after the header. */
  @Test
  void listNamesEveryPrimitive() {
    Run r = run("primitive", "list");
    assertEquals(0, r.code());
    for (Primitive p : Primitive.values()) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(p.id + " ")), p.id);
    }
  }

  /** Bad input is one line on stderr, exit 2 and nothing on stdout. */
  @Test
  void badInputExitsTwo() {
    List<String[]> bad =
        List.of(
            new String[] {"primitive", "no-such-thing"},
            new String[] {"primitive", "add", "--n", "0"},
            new String[] {"primitive", "add", "--bits", "4"},
            new String[] {"primitive", "add", "--n", "4", "--lengths", "4"},
            new String[] {"primitive", "multiply", "--n", "100000"},
            new String[] {"primitive", "table-lookup", "--n", "40"},
            new String[] {"primitive", "iterated-sum", "--lengths", "4,0"},
            new String[] {"primitive", "add", "--format", "yaml"},
            new String[] {"primitive", "add", "--verify", "-1"},
            new String[] {"primitive", "sum-mod", "--modulus", "0"},
            new String[] {"primitive", "lower-weights", "--k", "1"},
            new String[] {"primitive", "add", "--export", "json"},
            new String[] {"primitive", "add", "--n", "banana"});
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("illusion: "), r.err());
    }
  }

  /** A size too large is refused before anything is built or printed, naming the limit. */
  @Test
  void refusesHugeRequestsBeforeBuilding() {
    Run r = run("primitive", "matrix-product", "--lengths", "4,2000");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("limit"), r.err());
  }

  /** CSV and Markdown have the documented header and one line per row. */
  @Test
  void csvAndMarkdown() {
    Run csv = run("primitive", "add", "--lengths", "2,3", "--format", "csv");
    assertEquals(
        "primitive,n,bits,depth,thresholdDepth,gates,wires,maxFanIn,maxWeightBits,samples,mismatches",
        csv.out().lines().findFirst().orElseThrow());
    assertEquals(3, csv.out().lines().count());
    Run md = run("primitive", "add", "--lengths", "2,3", "--format", "markdown");
    assertEquals(4, md.out().lines().count());
    assertTrue(md.out().lines().allMatch(l -> l.startsWith("|")));
  }

  /** --export json writes the circuit the row describes; Verilog writes a module. */
  @Test
  void exportsJsonAndVerilog(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mult.json");
    JsonArray rows = json(run("primitive", "multiply", "--n", "5", "--export", "json", "--out", file.toString(), "--format", "json"));
    Circuit c = CircuitJson.read(file);
    CircuitStats st = CircuitStats.of(c);
    JsonObject row = rows.get(0).getAsJsonObject();
    assertEquals(row.get("gates").getAsInt(), st.gates());
    assertEquals(row.get("depth").getAsInt(), st.depth());
    Path v = dir.resolve("add.v");
    assertEquals(0, run("primitive", "add", "--n", "3", "--export", "verilog", "--out", v.toString()).code());
    assertTrue(Files.readString(v).contains("module add"));
  }

  /**
   * DOT and GraphML exports of a small circuit name its gates; a circuit too large for a picture
   * is refused (exit 2) and leaves no file, and the report is not printed either.
   */
  @Test
  void graphExports(@TempDir Path dir) throws Exception {
    Path dot = dir.resolve("add.dot");
    assertEquals(0, run("primitive", "add", "--n", "3", "--export", "dot", "--out", dot.toString()).code());
    assertTrue(Files.readString(dot).contains("digraph"));
    Path graphml = dir.resolve("add.graphml");
    assertEquals(0, run("primitive", "add", "--n", "3", "--export", "graphml", "--out", graphml.toString()).code());
    assertTrue(Files.readString(graphml).contains("<graphml"));
    Path big = dir.resolve("big.dot");
    Run r = run("primitive", "iterated-sum", "--n", "200", "--export", "dot", "--out", big.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(big));
  }

  /**
   * Verification counts disagreeing samples: an instance whose reference is wrong in exactly the
   * lanes where input 0 is 1 reports about half the samples, and such a row makes the exit code 1.
   */
  @Test
  void mismatchesAreCountedAndFailTheRun() {
    Primitive.Instance real = Primitive.ADD.build(new Primitive.Params(4, 1, 3, null, 1));
    Primitive.Instance wrong =
        new Primitive.Instance(real.circuit) {
          @Override
          long[] expected(long[] in) {
            long[] e = real.expected(in);
            e[0] ^= in[0];
            return e;
          }
        };
    int mismatches = PrimitiveCommand.verify(wrong, 640, 3);
    assertTrue(mismatches > 200 && mismatches < 440, "mismatches " + mismatches);
    assertEquals(0, PrimitiveCommand.verify(real, 640, 3));
    PrimitiveCommand.Row bad = new PrimitiveCommand.Row("add", 4, 4, 2, 2, 15, 69, 8, 4, 640, mismatches);
    assertEquals(Cli.CHECK_FAILED, PrimitiveCommand.exitCode(List.of(bad)));
  }
}
