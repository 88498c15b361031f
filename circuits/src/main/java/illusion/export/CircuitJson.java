package illusion.export;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.Literals;
import illusion.circuit.NodeKind;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes {@link Circuit}s as JSON, streaming (a circuit of 10^7 gates is never held as a
 * JSON tree). Reading then writing, or writing then reading, is exact: the circuit read back
 * {@link Circuit#equals equals} the one written (node and sum numbering, BigInteger weights and
 * thresholds, sum bases, complemented fan-ins, names).
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>{@code
 * {"format":"illusion-circuit","version":1,"nodes":7,"sums":2,
 * "items":[
 * ["input","x[0]"],
 * ["input","x[1]"],
 * ["sum",null,[[3,0],[-1180591620717411303424,1]]],
 * ["const",true],
 * ["and",0,-2],
 * ["sum",0,[[5,3]]],
 * ["atLeast",1,4],
 * ["not",3],
 * ["atMost",0,-2]
 * ],
 * "outputs":[
 * ["y[0]",4],
 * ["y[1]",6]
 * ]}
 * }</pre>
 *
 * <ul>
 *   <li>{@code items} lists nodes and sums in an order where every reference points back. Node
 *       items are numbered 0, 1, 2, ... in order of appearance, and sum items separately 0, 1, ...;
 *       both numberings are those of the {@link Circuit}.
 *   <li>Node items: {@code ["input", name]}, {@code ["const", true|false]}, {@code ["and",
 *       lit...]}, {@code ["or", lit...]}, {@code ["maj", lit...]}, {@code ["not", lit]}, {@code
 *       ["atLeast", sum, θ]} ({@code [sum ≥ θ]}) and {@code ["atMost", sum, θ]} ({@code [sum ≤
 *       θ]}). A literal is a node number n, or {@code -n-1} for its complement (see {@link
 *       Literals}).
 *   <li>Sum items: {@code ["sum", base, [[weight, node], ...]]}, base a sum number or {@code
 *       null}: the sum is base + Σ weight·node.
 *   <li>Weights and θ are integers of any size, written as JSON numbers in full (no exponent, no
 *       fraction); read them as text to keep them exact. The reader also accepts them as decimal
 *       strings ({@code "-1180591620717411303424"}).
 *   <li>{@code outputs}: {@code [name, node]} pairs in output order.
 *   <li>{@code nodes} and {@code sums} are the counts; optional on input, checked when present.
 * </ul>
 *
 * The reader rebuilds the circuit through {@link CircuitBuilder}, so files written by other tools
 * are normalized (and may get fewer nodes) the same way. A malformed file is rejected with one
 * {@link IllegalArgumentException} line naming the problem and its JSON path, e.g. a forward
 * reference, an unknown item kind or a weight that is not an integer.
 */
public final class CircuitJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "illusion-circuit";

  /** The format version written and read. */
  public static final int VERSION = 1;

  /** {@code ["and"} etc., by {@link illusion.circuit.NodeKind} ordinal (unit-weight kinds). */
  private static final String[] ITEM_PREFIX = new String[NodeKind.values().length];

  static {
    for (NodeKind k : NodeKind.values()) {
      ITEM_PREFIX[k.ordinal()] = "[\"" + k.name().toLowerCase(Locale.ROOT) + "\"";
    }
  }

  private CircuitJson() {}

  // ---- writing ----

  /** Writes {@code circuit} to {@code out} (not closed; pass a buffered writer for large circuits). */
  public static void write(Circuit circuit, Writer out) throws IOException {
    Objects.requireNonNull(circuit, "circuit");
    int n = circuit.nodeCount();
    int sums = circuit.sumCount();
    out.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION);
    out.write(",\"nodes\":" + n + ",\"sums\":" + sums + ",\n\"items\":[");
    int[] emitAt = emitPositions(circuit);
    boolean first = true;
    int nextSum = 0;
    StringBuilder line = new StringBuilder(64);
    for (int node = 0; node <= n; node++) {
      for (; nextSum < sums && emitAt[nextSum] <= node; nextSum++) {
        line.setLength(0);
        appendSum(circuit, nextSum, line);
        first = writeItem(out, line, first);
      }
      if (node == n) {
        break;
      }
      line.setLength(0);
      appendNode(circuit, node, line);
      first = writeItem(out, line, first);
    }
    out.write("\n],\n\"outputs\":[");
    for (int o = 0; o < circuit.outputCount(); o++) {
      line.setLength(0);
      line.append(o == 0 ? "\n[" : ",\n[");
      appendString(circuit.outputName(o), line);
      line.append(',').append(circuit.outputNode(o)).append(']');
      out.append(line);
    }
    out.write("\n]}\n");
  }

  /** The JSON text of {@code circuit}. */
  public static String toJson(Circuit circuit) {
    StringWriter w = new StringWriter();
    try {
      write(circuit, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static boolean writeItem(Writer out, StringBuilder line, boolean first)
      throws IOException {
    out.write(first ? "\n" : ",\n");
    out.append(line);
    return false;
  }

  /**
   * For each sum, the node before which it is written: the first position after all its terms
   * (and its base) exist, made monotone so that sums keep their numbering.
   */
  private static int[] emitPositions(Circuit c) {
    int[] at = new int[c.sumCount()];
    int prev = 0;
    for (int s = 0; s < at.length; s++) {
      int ready = prev;
      for (int t = 0; t < c.sumTermCount(s); t++) {
        ready = Math.max(ready, c.sumTermNode(s, t) + 1);
      }
      at[s] = ready;
      prev = ready;
    }
    return at;
  }

  private static void appendNode(Circuit c, int node, StringBuilder sb) {
    switch (c.kind(node)) {
      case INPUT:
        sb.append("[\"input\",");
        appendString(c.inputName(c.inputOrdinal(node)), sb);
        sb.append(']');
        return;
      case CONSTANT:
        sb.append("[\"const\",").append(c.constantValue(node)).append(']');
        return;
      case THRESHOLD:
        sb.append(c.thresholdAtMost(node) ? "[\"atMost\"," : "[\"atLeast\",")
            .append(c.thresholdSum(node))
            .append(',')
            .append(c.thresholdTheta(node))
            .append(']');
        return;
      default:
        sb.append(ITEM_PREFIX[c.kind(node).ordinal()]);
        for (int i = 0; i < c.literalCount(node); i++) {
          sb.append(',').append(c.literal(node, i));
        }
        sb.append(']');
    }
  }

  private static void appendSum(Circuit c, int s, StringBuilder sb) {
    int base = c.sumBase(s);
    sb.append("[\"sum\",").append(base < 0 ? "null" : Integer.toString(base)).append(",[");
    for (int t = 0; t < c.sumTermCount(s); t++) {
      sb.append(t == 0 ? "[" : ",[")
          .append(c.sumTermWeight(s, t))
          .append(',')
          .append(c.sumTermNode(s, t))
          .append(']');
    }
    sb.append("]]");
  }

  private static void appendString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    sb.append('"');
  }

  // ---- reading ----

  /** Reads a circuit from {@code in} (not closed). */
  public static Circuit read(Reader in) throws IOException {
    return new Parser(new JsonReader(in)).parse();
  }

  /** Parses a circuit from JSON text. */
  public static Circuit fromJson(String json) {
    try {
      return read(new StringReader(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a circuit file; error messages start with the file name. */
  public static Circuit read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static final class Parser {
    private final JsonReader in;
    private final CircuitBuilder b = new CircuitBuilder();
    /** File node number -> builder literal. */
    private final IntArrayList nodes = new IntArrayList();
    private final List<CircuitBuilder.Sum> sums = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final IntArrayList outputRefs = new IntArrayList();
    private final List<String> outputPaths = new ArrayList<>();

    Parser(JsonReader in) {
      this.in = in;
    }

    Circuit parse() throws IOException {
      try {
        return parseDocument();
      } catch (MalformedJsonException | EOFException | IllegalStateException e) {
        throw new IllegalArgumentException(
            "malformed circuit JSON at " + in.getPath() + ": " + firstLine(e.getMessage()), e);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "malformed number in circuit JSON at " + in.getPath() + ": " + e.getMessage(), e);
      }
    }

    private Circuit parseDocument() throws IOException {
      String format = null;
      long version = -1;
      long declaredNodes = -1;
      long declaredSums = -1;
      boolean sawItems = false;
      in.beginObject();
      while (in.hasNext()) {
        String key = in.nextName();
        switch (key) {
          case "format":
            format = in.nextString();
            break;
          case "version":
            version = in.nextLong();
            break;
          case "nodes":
            declaredNodes = in.nextLong();
            break;
          case "sums":
            declaredSums = in.nextLong();
            break;
          case "items":
            sawItems = true;
            in.beginArray();
            for (int index = 0; in.hasNext(); index++) {
              item(index);
            }
            in.endArray();
            break;
          case "outputs":
            in.beginArray();
            while (in.hasNext()) {
              String path = in.getPath();
              in.beginArray();
              outputNames.add(in.nextString());
              outputRefs.add(in.nextInt());
              outputPaths.add(path);
              in.endArray();
            }
            in.endArray();
            break;
          default:
            throw error("unknown key \"" + key + "\"");
        }
      }
      in.endObject();
      in.peek(); // strict: refuses any content after the circuit object
      if (!FORMAT.equals(format)) {
        throw new IllegalArgumentException(
            "not a circuit JSON file: \"format\" is "
                + (format == null ? "missing" : "\"" + format + "\"")
                + ", expected \""
                + FORMAT
                + "\"");
      }
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "unsupported circuit JSON version " + version + " (this reader supports " + VERSION + ")");
      }
      if (!sawItems) {
        throw new IllegalArgumentException("circuit JSON has no \"items\"");
      }
      if (declaredNodes >= 0 && declaredNodes != nodes.size()) {
        throw new IllegalArgumentException(
            "circuit JSON declares " + declaredNodes + " nodes but defines " + nodes.size());
      }
      if (declaredSums >= 0 && declaredSums != sums.size()) {
        throw new IllegalArgumentException(
            "circuit JSON declares " + declaredSums + " sums but defines " + sums.size());
      }
      for (int o = 0; o < outputNames.size(); o++) {
        int ref = outputRefs.getInt(o);
        if (ref < 0 || ref >= nodes.size()) {
          throw new IllegalArgumentException(
              "output at " + outputPaths.get(o) + " refers to undefined node " + ref);
        }
        try {
          b.output(outputNames.get(o), nodes.getInt(ref));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("output at " + outputPaths.get(o) + ": " + e.getMessage(), e);
        }
      }
      return b.build();
    }

    private void item(int index) throws IOException {
      in.beginArray();
      String kind = in.nextString();
      try {
        switch (kind) {
          case "input":
            nodes.add(b.input(in.nextString()));
            break;
          case "const":
            nodes.add(b.constant(in.nextBoolean()));
            break;
          case "and":
            nodes.add(b.and(literals()));
            break;
          case "or":
            nodes.add(b.or(literals()));
            break;
          case "maj":
            nodes.add(b.maj(literals()));
            break;
          case "not":
            nodes.add(b.not(literal()));
            break;
          case "atLeast":
            {
              CircuitBuilder.Sum s = sumRef();
              nodes.add(b.atLeast(s, integer("θ")));
              break;
            }
          case "atMost":
            {
              CircuitBuilder.Sum s = sumRef();
              nodes.add(b.atMost(s, integer("θ")));
              break;
            }
          case "sum":
            sum();
            break;
          default:
            throw new IllegalArgumentException("unknown item kind \"" + kind + "\"");
        }
        if (in.hasNext()) {
          throw new IllegalArgumentException("too many values for \"" + kind + "\"");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "circuit JSON item $.items[" + index + "]: " + e.getMessage(), e);
      }
      in.endArray();
    }

    private void sum() throws IOException {
      CircuitBuilder.Sum base = null;
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
      } else {
        base = sumRef();
      }
      List<BigInteger> weights = new ArrayList<>();
      IntArrayList lits = new IntArrayList();
      in.beginArray();
      while (in.hasNext()) {
        in.beginArray();
        weights.add(integer("weight"));
        lits.add(literal());
        if (in.hasNext()) {
          throw new IllegalArgumentException("a sum term is [weight, node]");
        }
        in.endArray();
      }
      in.endArray();
      BigInteger[] w = weights.toArray(new BigInteger[0]);
      int[] l = lits.toIntArray();
      sums.add(base == null ? b.sum(w, l) : b.extend(base, w, l));
    }

    private CircuitBuilder.Sum sumRef() throws IOException {
      int s = in.nextInt();
      if (s < 0 || s >= sums.size()) {
        throw new IllegalArgumentException(
            "sum "
                + s
                + (s >= 0 ? " is not defined yet (forward reference)" : " is not a sum number")
                + "; "
                + sums.size()
                + " sums defined");
      }
      return sums.get(s);
    }

    private int[] literals() throws IOException {
      IntArrayList l = new IntArrayList();
      while (in.hasNext()) {
        l.add(literal());
      }
      return l.toIntArray();
    }

    /** A file literal, mapped to a builder literal. */
    private int literal() throws IOException {
      if (in.peek() != JsonToken.NUMBER) {
        throw new IllegalArgumentException("expected a node number, found " + in.peek());
      }
      int l = in.nextInt();
      int node = Literals.node(l);
      if (node >= nodes.size()) {
        throw new IllegalArgumentException(
            "literal "
                + l
                + " refers to node "
                + node
                + ", which is not defined yet (forward reference); "
                + nodes.size()
                + " nodes defined");
      }
      int mapped = nodes.getInt(node);
      return Literals.isNegated(l) ? Literals.negate(mapped) : mapped;
    }

    private BigInteger integer(String what) throws IOException {
      // Gson's strict number scanner can reject valid integers of more than 19 digits; read the
      // token leniently (as text) and validate it ourselves.
      Strictness strictness = in.getStrictness();
      in.setStrictness(Strictness.LENIENT);
      String text;
      try {
        JsonToken t = in.peek();
        if (t != JsonToken.NUMBER && t != JsonToken.STRING) {
          throw new IllegalArgumentException("bad " + what + ": expected an integer, found " + t);
        }
        text = in.nextString();
      } finally {
        in.setStrictness(strictness);
      }
      try {
        return new BigInteger(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad " + what + " " + text + ": not an integer", e);
      }
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException(message + " in circuit JSON at " + in.getPath());
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "unexpected end";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }
  }
}
