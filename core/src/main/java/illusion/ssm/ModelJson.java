package illusion.ssm;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import illusion.number.Precision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and writes models in the JSON format documented in {@code core/MODEL-FORMAT.md}
 * ({@value #FORMAT}). Reading validates everything before returning (shapes, values representable
 * at the declared precision, exponents, readout residues and tokens, the chain of vocabularies) and
 * reports the first problem as an {@link IllegalArgumentException} naming the source and the JSON
 * path, e.g. {@code model.json: $.layers[0].B[1][0]: 0.1 is not representable with 4 fraction
 * bits ...}. Writing is deterministic and {@code read(write(m))} equals m.
 */
public final class ModelJson {
  /** The format tag written to and accepted in the {@code "format"} field. */
  public static final String FORMAT = "illusion-model/1";

  /** The largest model file read. */
  static final long MAX_FILE_BYTES = 256L << 20;

  private static final Gson GSON = new Gson();
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private ModelJson() {}

  /**
   * The most bytes of model file read on this heap: {@link #MAX_FILE_BYTES}, or less when the
   * JSON tree of a file (about {@value #HEAP_BYTES_PER_FILE_BYTE} bytes of heap per byte of JSON)
   * would not fit.
   */
  static long fileLimit() {
    return Math.min(MAX_FILE_BYTES, Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_FILE_BYTE);
  }

  /** Heap a byte of model JSON takes while parsing (text, tree, numbers), generously. */
  static final long HEAP_BYTES_PER_FILE_BYTE = 16;

  /**
   * Reads a model file; error messages start with the file name. At most {@link #fileLimit()}
   * bytes are read, so that an endless or oversized input (a device, a pipe, a huge file) is
   * refused with its size and the limit rather than exhausting the heap; the bytes must be UTF-8.
   */
  public static Model read(Path file) {
    checkNotNull(file, "file");
    long limit = fileLimit();
    byte[] bytes;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > limit) {
        throw new IllegalArgumentException(
            String.format(
                "%s: model file has %d bytes, more than the %d this heap can parse",
                file, Files.size(file), limit));
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such model file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length > limit) {
      throw new IllegalArgumentException(
          String.format("%s: model file has more than the %d bytes this heap can parse", file, limit));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not valid UTF-8 text");
    }
    return parse(text, file.toString());
  }

  /** Parses a model from JSON text; error messages start with {@code source}. */
  public static Model parse(String json, String source) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      // Gson appends a second line pointing to its troubleshooting page: keep the first
      throw new IllegalArgumentException(
          source + ": malformed JSON: " + (why == null ? "unreadable" : why.lines().findFirst().orElse("")));
    }
    return new Reader(source).model(root);
  }

  /** The model as JSON text in the documented format (integers as numbers, other values as exact decimal strings). */
  public static String write(Model model) {
    StringBuilder s = new StringBuilder();
    s.append("{\n");
    s.append("  \"format\": ").append(GSON.toJson(FORMAT)).append(",\n");
    s.append("  \"name\": ").append(GSON.toJson(model.name())).append(",\n");
    s.append("  \"tracks\": ").append(GSON.toJson(model.tracks())).append(",\n");
    s.append("  \"inputVocabulary\": ").append(model.inputVocabulary()).append(",\n");
    s.append("  \"layers\": [");
    for (int i = 0; i < model.depth(); i++) {
      s.append(i == 0 ? "\n" : ",\n");
      writeLayer(s, model.layer(i), model.readout(i));
    }
    s.append("\n  ]\n}\n");
    return s.toString();
  }

  private static void writeLayer(StringBuilder s, Layer layer, Readout readout) {
    Precision p = layer.precision();
    String in = "      ";
    s.append("    {\n");
    s.append(in).append("\"kind\": \"").append(layer.kind().id()).append("\",\n");
    s.append(in)
        .append("\"precision\": {\"bits\": ")
        .append(p.bits())
        .append(", \"fractionBits\": ")
        .append(p.fractionBits())
        .append("},\n");
    if (layer instanceof S4Layer) {
      field(s, "A", ((S4Layer) layer).rawA(), p);
    } else if (layer instanceof RnnLayer) {
      field(s, "A", ((RnnLayer) layer).rawA(), p);
    } else if (layer instanceof S4DLayer) {
      s.append(in).append("\"A\": ");
      vector(s, ((S4DLayer) layer).rawA(), p);
      s.append(",\n");
    } else if (layer instanceof SelectiveLayer) {
      SelectiveLayer sel = (SelectiveLayer) layer;
      s.append(in).append("\"base\": ");
      vector(s, sel.rawBase(), p);
      s.append(",\n").append(in).append("\"exponents\": [");
      int[][] e = sel.exponents();
      for (int i = 0; i < e.length; i++) {
        s.append(i == 0 ? "\n" : ",\n").append(in).append("  [");
        for (int j = 0; j < e[i].length; j++) {
          s.append(j == 0 ? "" : ", ");
          s.append(e[i][j] == SelectiveLayer.RESET ? "\"RESET\"" : Integer.toString(e[i][j]));
        }
        s.append(']');
      }
      s.append('\n').append(in).append("],\n");
    } else {
      long[][][] a = ((Ids4Layer) layer).rawA();
      s.append(in).append("\"A\": [");
      for (int t = 0; t < a.length; t++) {
        s.append(t == 0 ? "\n" : ",\n").append(in).append("  [");
        for (int i = 0; i < a[t].length; i++) {
          s.append(i == 0 ? "" : ", ");
          vector(s, a[t][i], p);
        }
        s.append(']');
      }
      s.append('\n').append(in).append("],\n");
    }
    field(s, "B", layer.rawB(), p);
    field(s, "C", layer.rawC(), p);
    field(s, "D", layer.rawD(), p);
    s.append(in).append("\"readout\": {\n");
    s.append(in).append("  \"moduli\": ");
    ints(s, readout.moduli());
    s.append(",\n");
    s.append(in)
        .append("  \"outputVocabulary\": ")
        .append(readout.outputVocabulary())
        .append(",\n");
    s.append(in).append("  \"default\": ").append(readout.defaultToken()).append(",\n");
    s.append(in).append("  \"entries\": [");
    long[] idx = readout.entryIndices();
    int[] tok = readout.entryTokens();
    for (int k = 0; k < idx.length; k++) {
      s.append(k == 0 ? "\n" : ",\n").append(in).append("    [");
      ints(s, readout.residues(idx[k]));
      s.append(", ").append(tok[k]).append(']');
    }
    s.append(idx.length == 0 ? "]\n" : "\n" + in + "  ]\n");
    s.append(in).append("}\n");
    s.append("    }");
  }

  private static void field(StringBuilder s, String name, long[][] m, Precision p) {
    String in = "      ";
    s.append(in).append('"').append(name).append("\": [");
    for (int i = 0; i < m.length; i++) {
      s.append(i == 0 ? "\n" : ",\n").append(in).append("  ");
      vector(s, m[i], p);
    }
    s.append('\n').append(in).append("],\n");
  }

  private static void ints(StringBuilder s, int[] v) {
    s.append('[');
    for (int j = 0; j < v.length; j++) {
      s.append(j == 0 ? "" : ", ").append(v[j]);
    }
    s.append(']');
  }

  private static void vector(StringBuilder s, long[] v, Precision p) {
    s.append('[');
    for (int j = 0; j < v.length; j++) {
      s.append(j == 0 ? "" : ", ");
      String x = p.format(v[j]);
      s.append(x.indexOf('.') >= 0 ? '"' + x + '"' : x);
    }
    s.append(']');
  }

  /** A problem already located by source and JSON path. */
  private static final class LocatedException extends IllegalArgumentException {
    LocatedException(String message) {
      super(message);
    }
  }

  /** A validating reader that names the JSON path of every problem. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    private LocatedException error(String path, String message) {
      return new LocatedException(source + ": " + path + ": " + message);
    }

    Model model(JsonElement root) {
      JsonObject o = object(root, "$");
      only(o, "$", Set.of("format", "name", "tracks", "inputVocabulary", "layers"));
      if (o.has("format")) {
        String format = string(o.get("format"), "$.format");
        if (!format.equals(FORMAT)) {
          throw error("$.format", "unsupported format '" + format + "', expected '" + FORMAT + "'");
        }
      }
      String name = string(require(o, "name", "$"), "$.name");
      String tracks = o.has("tracks") ? string(o.get("tracks"), "$.tracks") : "";
      int vocab = integer(require(o, "inputVocabulary", "$"), "$.inputVocabulary", 1, Integer.MAX_VALUE);
      Model.Builder model;
      try {
        model = Model.builder(name, vocab).tracks(tracks);
      } catch (IllegalArgumentException e) {
        throw error("$", e.getMessage());
      }
      JsonArray layers = array(require(o, "layers", "$"), "$.layers");
      if (layers.isEmpty()) {
        throw error("$.layers", "a model needs at least one layer");
      }
      for (int i = 0; i < layers.size(); i++) {
        String path = "$.layers[" + i + "]";
        JsonObject l = object(layers.get(i), path);
        Layer layer = layer(l, path);
        Readout readout = readout(require(l, "readout", path), path + ".readout");
        try {
          model.add(layer, readout);
        } catch (IllegalArgumentException e) {
          throw error(path, e.getMessage());
        }
      }
      return model.build();
    }

    private Layer layer(JsonObject l, String path) {
      LayerKind kind;
      String kindName = string(require(l, "kind", path), path + ".kind");
      try {
        kind = LayerKind.byId(kindName);
      } catch (IllegalArgumentException e) {
        throw error(path + ".kind", e.getMessage());
      }
      Set<String> allowed =
          kind == LayerKind.SELECTIVE
              ? Set.of("kind", "precision", "base", "exponents", "B", "C", "D", "readout")
              : Set.of("kind", "precision", "A", "B", "C", "D", "readout");
      only(l, path, allowed);
      Precision p = precision(require(l, "precision", path), path + ".precision");
      long[][] b = matrix(require(l, "B", path), path + ".B", p);
      long[][] c = matrix(require(l, "C", path), path + ".C", p);
      long[][] d = l.has("D") ? matrix(l.get("D"), path + ".D", p) : null;
      try {
        switch (kind) {
          case S4:
            return S4Layer.builder(p).a(matrix(require(l, "A", path), path + ".A", p)).b(b).c(c).d(d).build();
          case RNN:
            return RnnLayer.builder(p).a(matrix(require(l, "A", path), path + ".A", p)).b(b).c(c).d(d).build();
          case S4D:
            return S4DLayer.builder(p).a(vector(require(l, "A", path), path + ".A", p)).b(b).c(c).d(d).build();
          case SELECTIVE:
            return SelectiveLayer.builder(p)
                .base(vector(require(l, "base", path), path + ".base", p))
                .exponents(exponents(require(l, "exponents", path), path + ".exponents"))
                .b(b)
                .c(c)
                .d(d)
                .build();
          default:
            {
              JsonArray as = array(require(l, "A", path), path + ".A");
              long[][][] a = new long[as.size()][][];
              for (int t = 0; t < a.length; t++) {
                a[t] = matrix(as.get(t), path + ".A[" + t + "]", p);
              }
              return Ids4Layer.builder(p).a(a).b(b).c(c).d(d).build();
            }
        }
      } catch (LocatedException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    private Readout readout(JsonElement e, String path) {
      JsonObject o = object(e, path);
      only(o, path, Set.of("moduli", "outputVocabulary", "default", "entries"));
      JsonArray ms = array(require(o, "moduli", path), path + ".moduli");
      int[] moduli = new int[ms.size()];
      for (int c = 0; c < moduli.length; c++) {
        moduli[c] = integer(ms.get(c), path + ".moduli[" + c + "]", 1, Integer.MAX_VALUE);
      }
      int vocab =
          integer(require(o, "outputVocabulary", path), path + ".outputVocabulary", 1, Integer.MAX_VALUE);
      Integer defaultToken =
          o.has("default")
              ? integer(o.get("default"), path + ".default", Integer.MIN_VALUE, Integer.MAX_VALUE)
              : null;
      Readout.Builder r;
      try {
        r = Readout.builder(moduli, vocab);
        if (defaultToken != null) {
          r.defaultToken(defaultToken);
        }
      } catch (IllegalArgumentException ex) {
        throw error(path, ex.getMessage());
      }
      if (o.has("entries")) {
        JsonArray entries = array(o.get("entries"), path + ".entries");
        for (int k = 0; k < entries.size(); k++) {
          String ep = path + ".entries[" + k + "]";
          JsonArray entry = array(entries.get(k), ep);
          if (entry.size() != 2) {
            throw error(ep, "an entry is [[residues...], token], got " + entry);
          }
          JsonArray rs = array(entry.get(0), ep + "[0]");
          int[] residues = new int[rs.size()];
          for (int c = 0; c < residues.length; c++) {
            int channel = c;
            residues[c] =
                integer(rs.get(c), () -> ep + "[0][" + channel + "]", Integer.MIN_VALUE, Integer.MAX_VALUE);
          }
          int token = integer(entry.get(1), () -> ep + "[1]", Integer.MIN_VALUE, Integer.MAX_VALUE);
          try {
            r.put(residues, token);
          } catch (IllegalArgumentException ex) {
            throw error(ep, ex.getMessage());
          }
        }
      }
      return r.build();
    }

    private Precision precision(JsonElement e, String path) {
      JsonObject o = object(e, path);
      only(o, path, Set.of("bits", "fractionBits"));
      int bits = integer(require(o, "bits", path), path + ".bits", Integer.MIN_VALUE, Integer.MAX_VALUE);
      int f = integer(require(o, "fractionBits", path), path + ".fractionBits", Integer.MIN_VALUE, Integer.MAX_VALUE);
      try {
        return Precision.of(bits, f);
      } catch (IllegalArgumentException ex) {
        throw error(path, ex.getMessage());
      }
    }

    private long[][] matrix(JsonElement e, String path, Precision p) {
      JsonArray rows = array(e, path);
      long[][] m = new long[rows.size()][];
      for (int i = 0; i < m.length; i++) {
        m[i] = vector(rows.get(i), path + "[" + i + "]", p);
      }
      return m;
    }

    private long[] vector(JsonElement e, String path, Precision p) {
      JsonArray a = array(e, path);
      long[] v = new long[a.size()];
      for (int j = 0; j < v.length; j++) {
        int index = j;
        v[j] = number(a.get(j), () -> path + "[" + index + "]", p);
      }
      return v;
    }

    private int[][] exponents(JsonElement e, String path) {
      JsonArray rows = array(e, path);
      int[][] m = new int[rows.size()][];
      for (int i = 0; i < m.length; i++) {
        JsonArray row = array(rows.get(i), path + "[" + i + "]");
        m[i] = new int[row.size()];
        for (int j = 0; j < m[i].length; j++) {
          String ep = path + "[" + i + "][" + j + "]";
          JsonElement x = row.get(j);
          if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isString()) {
            if (!x.getAsString().strip().equalsIgnoreCase("RESET")) {
              throw error(ep, "expected an exponent 0.." + SelectiveLayer.MAX_EXPONENT + " or \"RESET\", got " + x);
            }
            m[i][j] = SelectiveLayer.RESET;
          } else {
            m[i][j] = integer(x, ep, 0, SelectiveLayer.MAX_EXPONENT);
          }
        }
      }
      return m;
    }

    /** A parameter; the path is built only for an error message. */
    private long number(JsonElement e, Supplier<String> path, Precision p) {
      if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean()) {
        throw error(path.get(), "expected a number like 0.375, -1 or \"3/8\", got " + e);
      }
      try {
        return p.parse(e.getAsString());
      } catch (IllegalArgumentException ex) {
        throw error(path.get(), ex.getMessage());
      }
    }

    private int integer(JsonElement e, String path, int min, int max) {
      return integer(e, () -> path, min, max);
    }

    /** An integer in [min, max]; the path is built only for an error message. */
    private int integer(JsonElement e, Supplier<String> path, int min, int max) {
      String text = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsString() : null;
      if (text == null || !INTEGER.matcher(text).matches()) {
        throw error(path.get(), "expected an integer, got " + e);
      }
      long v;
      try {
        v = Long.parseLong(text);
      } catch (NumberFormatException ex) {
        throw error(path.get(), text + " is out of range");
      }
      if (v < min || v > max) {
        throw error(path.get(), v + " is outside " + min + ".." + max);
      }
      return (int) v;
    }

    private String string(JsonElement e, String path) {
      if (!(e instanceof JsonPrimitive) || !e.getAsJsonPrimitive().isString()) {
        throw error(path, "expected a string, got " + e);
      }
      return e.getAsString();
    }

    private JsonObject object(JsonElement e, String path) {
      if (!e.isJsonObject()) {
        throw error(path, "expected an object, got " + abbreviate(e));
      }
      return e.getAsJsonObject();
    }

    private JsonArray array(JsonElement e, String path) {
      if (!e.isJsonArray()) {
        throw error(path, "expected an array, got " + abbreviate(e));
      }
      return e.getAsJsonArray();
    }

    private JsonElement require(JsonObject o, String key, String path) {
      JsonElement e = o.get(key);
      if (e == null || e.isJsonNull()) {
        throw error(path, "missing field \"" + key + "\"");
      }
      return e;
    }

    private void only(JsonObject o, String path, Set<String> allowed) {
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw error(
              path,
              "unknown field \"" + e.getKey() + "\" (expected " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
      }
    }

    private static String abbreviate(JsonElement e) {
      String s = e.toString();
      return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
  }
}
