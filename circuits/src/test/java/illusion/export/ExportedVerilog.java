package illusion.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader and evaluator of the restricted structural Verilog that {@link VerilogExporter}
 * writes: one module with scalar {@code input wire} / {@code output wire} ports, declarations
 * {@code wire [signed] [[h:0]] name = expr;}, {@code assign port = expr;}, and expressions over
 * {@code ~ & | + >= <= ?:}, parentheses and sized decimal or 1-bit binary literals. It is an
 * independent second reading of the exporter's output, so a circuit can be checked against the
 * {@link illusion.circuit.Simulator} without a Verilog simulator.
 *
 * <p>Stricter than Verilog, so that a faulty exporter fails loudly rather than relying on implicit
 * conversions: every net is declared once and before it is read; the operands of {@code + >= <=}
 * and the branches of {@code ?:} have the same width and signedness; {@code ~ & |} and conditions
 * take 1-bit unsigned operands; a declaration's expression has exactly the declared type; every
 * literal and every intermediate or stored value fits its type (so no value ever wraps); every
 * output is assigned exactly once. Anything else is refused with an {@link IllegalArgumentException}
 * naming the line.
 */
final class ExportedVerilog {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:(//[^\\n]*|/\\*.*?\\*/|`[^\\n]*)"
              + "|(\\d+'s?d\\d+|1'b[01])"
              + "|([A-Za-z_][A-Za-z0-9_]*)"
              + "|(\\d+)"
              + "|(>=|<=|[()\\[\\]:;,=~&|+?\\-]))",
          Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> DIRECTIVES =
      List.of("`timescale 1ns/1ps", "`default_nettype none", "`default_nettype wire");

  /** A value type: width in bits and signedness. */
  record Type(int width, boolean signed) {
    static final Type BIT = new Type(1, false);

    BigInteger min() {
      return signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
    }

    BigInteger max() {
      return BigInteger.ONE.shiftLeft(signed ? width - 1 : width).subtract(BigInteger.ONE);
    }

    boolean holds(BigInteger v) {
      return v.compareTo(min()) >= 0 && v.compareTo(max()) <= 0;
    }
  }

  private abstract static class Expr {
    /** The operator of the chain at the top ({@code + & |}), or null. */
    String op;
    /** Leaves of that chain (1 without one). */
    int leaves = 1;

    abstract Type type();

    abstract BigInteger eval(BigInteger[] env);

    /** Makes this a chain node {@code a op b}. */
    Expr chain(String op, Expr a, Expr b) {
      this.op = op;
      this.leaves = (op.equals(a.op) ? a.leaves : 1) + (op.equals(b.op) ? b.leaves : 1);
      return this;
    }
  }

  private record Statement(int target, Expr expr, int line) {}

  private final String moduleName;
  private final List<String> inputs = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  /** Every net (ports first, then wires in declaration order) and its index. */
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<Type> types = new ArrayList<>();
  private final List<Integer> reads = new ArrayList<>();
  /** Per declared wire or assigned output: operands of the top-level operator chain. */
  private final Map<String, Integer> operands = new HashMap<>();
  private final List<Statement> statements = new ArrayList<>();

  // parser state
  private final List<String> tokens = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private int pos;

  private ExportedVerilog(String text) {
    tokenize(text);
    expect("module");
    moduleName = identifier();
    expect("(");
    if (!accept(")")) {
      do {
        String dir = next();
        check(dir.equals("input") || dir.equals("output"), "port direction expected, got " + dir);
        expect("wire");
        String name = identifier();
        declare(name, Type.BIT);
        (dir.equals("input") ? inputs : outputs).add(name);
      } while (accept(","));
      expect(")");
    }
    expect(";");
    boolean[] assigned = new boolean[outputs.size()];
    while (!accept("endmodule")) {
      int line = lines.get(pos);
      if (accept("assign")) {
        String name = identifier();
        int o = outputs.indexOf(name);
        check(o >= 0, "assign to a non-output " + name);
        check(!assigned[o], "output assigned twice: " + name);
        assigned[o] = true;
        expect("=");
        Expr e = topExpression(name);
        check(e.type().equals(Type.BIT), "output " + name + " gets a " + e.type());
        expect(";");
        statements.add(new Statement(index.get(name), e, line));
      } else {
        expect("wire");
        boolean signed = accept("signed");
        Type type = Type.BIT;
        if (accept("[")) {
          int high = Integer.parseInt(number());
          expect(":");
          expect("0");
          expect("]");
          type = new Type(high + 1, signed);
        } else {
          check(!signed, "signed scalar");
        }
        String name = identifier();
        expect("=");
        Expr e = topExpression(name);
        check(e.type().equals(type), name + " declared " + type + " but assigned a " + e.type());
        expect(";");
        declare(name, type);
        statements.add(new Statement(index.get(name), e, line));
      }
    }
    check(pos == tokens.size(), "text after endmodule");
    for (int o = 0; o < assigned.length; o++) {
      check(assigned[o], "output never assigned: " + outputs.get(o));
    }
  }

  /** Reads {@code text}, or throws {@link IllegalArgumentException} at the first thing it refuses. */
  static ExportedVerilog parse(String text) {
    return new ExportedVerilog(text);
  }

  String moduleName() {
    return moduleName;
  }

  List<String> inputs() {
    return inputs;
  }

  List<String> outputs() {
    return outputs;
  }

  /** Every net: ports, then wires in declaration order. */
  List<String> nets() {
    return new ArrayList<>(index.keySet());
  }

  boolean declares(String net) {
    return index.containsKey(net);
  }

  Type type(String net) {
    return types.get(indexOf(net));
  }

  /** How many times expressions read {@code net}. */
  int reads(String net) {
    return reads.get(indexOf(net));
  }

  /**
   * Operands of the operator chain at the top of the expression assigned to {@code net}: k for
   * {@code a + (b + c) + ...} with k leaves of that operator (parenthesized as they may be), 1
   * when the top is no {@code + & |}.
   */
  int operands(String net) {
    Integer k = operands.get(net);
    if (k == null) {
      throw new IllegalArgumentException("not assigned: " + net);
    }
    return k;
  }

  /** The value of every net (by {@link #nets()} order) for one input vector (port order). */
  BigInteger[] evaluate(boolean[] in) {
    check(in.length == inputs.size(), in.length + " values for " + inputs.size() + " inputs");
    BigInteger[] env = new BigInteger[index.size()];
    for (int i = 0; i < in.length; i++) {
      env[i] = in[i] ? BigInteger.ONE : BigInteger.ZERO;
    }
    for (Statement s : statements) {
      BigInteger v = s.expr.eval(env);
      Type t = types.get(s.target);
      if (!t.holds(v)) {
        throw new IllegalStateException("line " + s.line + ": " + v + " does not fit " + t);
      }
      env[s.target] = v;
    }
    return env;
  }

  /** The output ports' values for one input vector. */
  boolean[] outputs(boolean[] in) {
    BigInteger[] env = evaluate(in);
    boolean[] out = new boolean[outputs.size()];
    for (int o = 0; o < out.length; o++) {
      out[o] = env[index.get(outputs.get(o))].signum() != 0;
    }
    return out;
  }

  int indexOf(String net) {
    Integer i = index.get(net);
    if (i == null) {
      throw new IllegalArgumentException("no net " + net);
    }
    return i;
  }

  // ---- parsing ----

  private void tokenize(String text) {
    Matcher m = TOKEN.matcher(text);
    int at = 0;
    int line = 1;
    while (true) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        line += text.charAt(at++) == '\n' ? 1 : 0;
      }
      if (at == text.length()) {
        break;
      }
      check(m.find(at) && m.start() == at, "line " + line + ": cannot read " + snippet(text, at));
      int g = 1;
      while (m.group(g) == null) {
        g++;
      }
      if (g == 1) {
        String c = m.group(1);
        check(!c.startsWith("`") || DIRECTIVES.contains(c.strip()), "unknown directive " + c);
      } else {
        tokens.add(m.group(g));
        lines.add(line + count(text, at, m.start(g)));
      }
      line += count(text, at, m.end());
      at = m.end();
    }
  }

  private static int count(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += text.charAt(i) == '\n' ? 1 : 0;
    }
    return n;
  }

  private static String snippet(String text, int at) {
    return "\"" + text.substring(at, Math.min(text.length(), at + 20)) + "\"";
  }

  private void declare(String name, Type type) {
    check(!index.containsKey(name), "net declared twice: " + name);
    index.put(name, index.size());
    types.add(type);
    reads.add(0);
  }

  private Expr topExpression(String target) {
    Expr e = expression();
    operands.put(target, e.leaves);
    return e;
  }

  private Expr expression() {
    Expr c = or();
    if (!accept("?")) {
      return c;
    }
    check(c.type().equals(Type.BIT), "condition of type " + c.type());
    Expr a = expression();
    expect(":");
    Expr b = expression();
    check(a.type().equals(b.type()), "branches of types " + a.type() + ", " + b.type());
    return new Expr() {
      @Override
      Type type() {
        return a.type();
      }

      @Override
      BigInteger eval(BigInteger[] env) {
        return c.eval(env).signum() != 0 ? a.eval(env) : b.eval(env);
      }
    };
  }

  private Expr or() {
    Expr e = and();
    while (accept("|")) {
      Expr a = e;
      e = logic(a, and(), false);
    }
    return e;
  }

  private Expr and() {
    Expr e = relation();
    while (accept("&")) {
      e = logic(e, relation(), true);
    }
    return e;
  }

  private Expr logic(Expr a, Expr b, boolean isAnd) {
    check(a.type().equals(Type.BIT) && b.type().equals(Type.BIT), "logic over wide operands");
    return bit(env -> {
      boolean x = a.eval(env).signum() != 0;
      boolean y = b.eval(env).signum() != 0;
      return isAnd ? x && y : x || y;
    }).chain(isAnd ? "&" : "|", a, b);
  }

  private Expr relation() {
    Expr a = sum();
    boolean atLeast = accept(">=");
    if (!atLeast && !accept("<=")) {
      return a;
    }
    Expr b = sum();
    check(a.type().equals(b.type()), "compares " + a.type() + " with " + b.type());
    check(!peek(">=") && !peek("<="), "chained comparison");
    return bit(env -> {
      int cmp = a.eval(env).compareTo(b.eval(env));
      return atLeast ? cmp >= 0 : cmp <= 0;
    });
  }

  private Expr sum() {
    Expr e = unary();
    while (accept("+")) {
      Expr a = e;
      Expr b = unary();
      check(a.type().equals(b.type()), "adds " + a.type() + " to " + b.type());
      int line = lines.get(pos - 1);
      e = new Expr() {
        @Override
        Type type() {
          return a.type();
        }

        @Override
        BigInteger eval(BigInteger[] env) {
          BigInteger v = a.eval(env).add(b.eval(env));
          if (!a.type().holds(v)) {
            throw new IllegalStateException("line " + line + ": sum " + v + " overflows " + type());
          }
          return v;
        }
      }.chain("+", a, b);
    }
    return e;
  }

  private Expr unary() {
    if (accept("~")) {
      Expr a = primary();
      check(a.type().equals(Type.BIT), "~ over a " + a.type());
      return bit(env -> a.eval(env).signum() == 0);
    }
    if (accept("-")) {
      String lit = next();
      check(lit.contains("'sd"), "minus before " + lit);
      return literal("-" + lit);
    }
    return primary();
  }

  private Expr primary() {
    if (accept("(")) {
      Expr e = expression();
      expect(")");
      return e;
    }
    String t = next();
    if (t.contains("'")) {
      return literal(t);
    }
    check(IDENTIFIER.matcher(t).matches(), "operand expected, got " + t);
    Integer net = index.get(t);
    check(net != null, "read before declaration: " + t);
    reads.set(net, reads.get(net) + 1);
    Type type = types.get(net);
    return constant(type, null, net);
  }

  private Expr literal(String text) {
    boolean negative = text.startsWith("-");
    String body = negative ? text.substring(1) : text;
    int q = body.indexOf('\'');
    int width = Integer.parseInt(body.substring(0, q));
    check(width >= 1, "zero-width literal " + text);
    String rest = body.substring(q + 1);
    boolean signed = rest.startsWith("s");
    BigInteger magnitude = new BigInteger(rest.substring(signed ? 2 : 1), rest.contains("b") ? 2 : 10);
    Type type = new Type(width, signed);
    // the literal's own value (before any minus) must fit: no literal relies on truncation
    check(type.holds(magnitude), "literal " + text + " does not fit " + type);
    return constant(type, negative ? magnitude.negate() : magnitude, -1);
  }

  private static Expr constant(Type type, BigInteger value, int net) {
    return new Expr() {
      @Override
      Type type() {
        return type;
      }

      @Override
      BigInteger eval(BigInteger[] env) {
        return net >= 0 ? env[net] : value;
      }
    };
  }

  private interface BitFunction {
    boolean apply(BigInteger[] env);
  }

  private static Expr bit(BitFunction f) {
    return new Expr() {
      @Override
      Type type() {
        return Type.BIT;
      }

      @Override
      BigInteger eval(BigInteger[] env) {
        return f.apply(env) ? BigInteger.ONE : BigInteger.ZERO;
      }
    };
  }

  private String identifier() {
    String t = next();
    check(IDENTIFIER.matcher(t).matches(), "identifier expected, got " + t);
    return t;
  }

  private String number() {
    String t = next();
    check(t.matches("\\d+"), "number expected, got " + t);
    return t;
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private boolean accept(String t) {
    if (peek(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    check(accept(t), "expected " + t + ", got " + (pos < tokens.size() ? tokens.get(pos) : "end"));
  }

  private String next() {
    check(pos < tokens.size(), "unexpected end");
    return tokens.get(pos++);
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      int line = lines.isEmpty() ? 0 : lines.get(Math.min(Math.max(pos - 1, 0), lines.size() - 1));
      throw new IllegalArgumentException("line " + line + ": " + message);
    }
  }
}
