package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import illusion.ssm.ModelJson;
import illusion.ssm.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path dir;

  /** The JSON report: cases compared, no mismatches, per-kind tallies that add up; exit 0. */
  @Test
  void randomCasesPass() {
    CliRun run = CliRun.of("verify", "--cases", "640", "--seed", "3", "--kinds", "s4,selective", "--format", "json");
    assertEquals(0, run.code(), run.err() + run.out());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    long cases = json.get("cases").getAsLong();
    assertTrue(cases >= 640);
    assertEquals(0, json.get("mismatches").getAsLong());
    assertTrue(json.get("passed").getAsBoolean());
    assertTrue(json.get("counterexample").isJsonNull());
    long sum = 0;
    for (var k : json.get("kinds").getAsJsonArray()) {
      String kind = k.getAsJsonObject().get("kind").getAsString();
      assertTrue(List.of("s4", "selective").contains(kind), kind);
      sum += k.getAsJsonObject().get("cases").getAsLong();
    }
    assertEquals(cases, sum);
  }

  /** Same seed, same report: only the timing fields differ. */
  @Test
  void reportIsDeterministic() {
    String[] args = {"verify", "--cases", "300", "--seed", "8", "--kinds", "s4d", "--format", "json"};
    JsonObject a = JsonParser.parseString(CliRun.of(args).out()).getAsJsonObject();
    JsonObject b = JsonParser.parseString(CliRun.of(args).out()).getAsJsonObject();
    for (JsonObject j : List.of(a, b)) {
      j.remove("seconds");
      j.remove("casesPerSecond");
    }
    assertEquals(a, b);
  }

  /** A given model on a given token sequence, and on random sequences of a given length. */
  @Test
  void givenModel() throws IOException {
    Path model = dir.resolve("m.json");
    Files.writeString(model, ModelJson.write(RandomModels.build("selective-random", 3, 5)));
    CliRun one = CliRun.of("verify", "--model", model.toString(), "--tokens", "2 0 1 1", "--outputs", "last");
    assertEquals(0, one.code(), one.err() + one.out());
    assertTrue(one.out().contains("PASS: 1 cases, 0 mismatches"), one.out());
    CliRun many = CliRun.of("verify", "--model", model.toString(), "--length", "6", "--cases", "200", "--format", "json");
    assertEquals(0, many.code(), many.err());
    assertEquals(200, JsonParser.parseString(many.out()).getAsJsonObject().get("cases").getAsLong());
  }

  /** Bad input: exit 2 with one line on stderr, nothing on stdout, no file left. */
  @Test
  void badInput() throws IOException {
    Path model = dir.resolve("m.json");
    Files.writeString(model, ModelJson.write(RandomModels.build("s4-random", 3, 5)));
    String m = model.toString();
    String[][] bad = {
      {"verify", "--cases", "0"},
      {"verify", "--cases", "-5"},
      {"verify", "--cases", "ten"},
      {"verify", "--kinds", "lstm"},
      {"verify", "--max-length", "0"},
      {"verify", "--max-length", "65"},
      {"verify", "--threads", "0"},
      {"verify", "--timeout", "0"},
      {"verify", "--tokens", "1 2"},
      {"verify", "--model", dir.resolve("missing.json").toString()},
      {"verify", "--model", m, "--tokens", "1 3"},
      {"verify", "--model", m, "--tokens", "1 -1"},
      {"verify", "--model", m, "--tokens", ""},
      {"verify", "--model", m, "--tokens", "1 x"},
      {"verify", "--model", m, "--tokens", "99999999999"},
      {"verify", "--model", m, "--outputs", "first"},
      {"verify", "--model", m, "--length", "0"},
      {"verify", "--model", m, "--length", "100000"},
      {"verify", "--model", m, "--cases", "2000000"},
      {"verify", "--model", m, "--kinds", "s4"},
      {"verify", "--model", m, "--tokens", "1", "--length", "3"},
      {"verify", "--counterexample", dir.resolve("no/such/dir/x.json").toString(), "--cases", "1"},
      {"verify", "--format", "xml"},
    };
    for (String[] args : bad) {
      CliRun run = CliRun.of(args);
      assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err() + run.out());
      assertTrue(run.oneLineError(), String.join(" ", args) + ": " + run.err());
      assertEquals("", run.out(), String.join(" ", args));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(model), files.toList());
    }
  }
}
