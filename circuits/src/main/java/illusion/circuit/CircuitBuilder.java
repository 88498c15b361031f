package illusion.circuit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.annotations.VisibleForTesting;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Circuit} gate by gate, in topological order by construction: a gate can only read
 * nodes that already exist.
 *
 * <h2>Literals</h2>
 *
 * Every method that makes a node returns a <em>literal</em> (see {@link Literals}): a node id
 * {@code n ≥ 0}, or its complement {@code ~n}. Every method accepts literals. {@link #negate}
 * complements a literal for free; AND, OR and MAJ store complemented fan-ins as such (a threshold
 * gate with weights ±1). Where a positive node is needed (a NOT gate's fan-in, a sum term, an
 * output) a complemented literal {@code ~n} is materialized as the gate {@code not(n)}.
 *
 * <h2>Structural hashing and simplification</h2>
 *
 * Building a gate with the same kind, the same multiset of fan-ins and the same θ twice returns the
 * same literal; likewise for sums (same base, same terms). Before hashing, fan-ins are normalized:
 *
 * <ul>
 *   <li>AND/OR: literals sorted, duplicates dropped, constants folded, {@code x ∧ ¬x = 0}, {@code x
 *       ∨ ¬x = 1}, a fan-in that is a NOT gate read as the complemented literal of its input; zero
 *       literals give a constant, one literal is returned as is;
 *   <li>NOT: {@code not(~x) = x}, {@code not(not(x)) = x}, constants folded;
 *   <li>MAJ: literals sorted (duplicates kept: a multiset), pairs {@code x, ¬x} cancelled (which
 *       preserves strict majority), NOT gates read through; MAJ of one literal is that literal;
 *   <li>sums: terms sorted by node, equal nodes merged (weights added), zero weights dropped; an
 *       empty extension is its base;
 *   <li>thresholds: {@code [s ≥ θ]} and {@code [s ≤ θ]} that hold (fail) for every value in
 *       {@code [sumMin, sumMax]} are the constant 1 (0).
 * </ul>
 *
 * Gates are found by a short chain per <em>key</em>: a unit-weight gate's key is the greatest node
 * among its fan-ins, a THRESHOLD gate's key its sum. Chains ({@code int} links beside the nodes)
 * hold the {@value #CHAIN_LIMIT} most recent gates of a key; gates beyond that go to an
 * open-addressing table of {@code long} slots (a 32-bit content hash beside the node id). A new
 * gate's fan-ins are usually recent nodes, so lookups touch recent, cache-resident memory rather
 * than a random slot of a table as large as the circuit; only keys of high fan-out pay for the
 * table. No object is allocated per gate. A builder is not thread-safe; {@link #build} may be called
 * repeatedly (each call copies the current state).
 *
 * <pre>{@code
 * CircuitBuilder b = new CircuitBuilder();
 * int x = b.input("x[0]"), y = b.input("x[1]"), z = b.input("x[2]");
 * CircuitBuilder.Sum s = b.sum(new long[] {1, 2, 4}, new int[] {x, y, z});
 * Circuit c = b.output("ge3", b.atLeast(s, 3)).output("xy", b.and(x, CircuitBuilder.negate(y))).build();
 * }</pre>
 */
public final class CircuitBuilder {
  /** Node ids stay below this, so that a literal's node and sign pack into one int. */
  private static final int MAX_NODES = (1 << 30) - 1;

  private static final long EMPTY = 0L;

  /** Gates kept in one key's chain before further gates of that key go to the overflow table. */
  static final int CHAIN_LIMIT = 16;

  /** Flag in a chain head: the key has more gates in the overflow table. */
  private static final int OVERFLOWED = 1 << 31;

  /**
   * A handle to a weighted sum made by {@link #sum} or {@link #extend}; valid only with the builder
   * that made it. Its {@link #index} is the sum's number in the built circuit.
   */
  public static final class Sum {
    private final CircuitBuilder owner;
    private final int index;

    private Sum(CircuitBuilder owner, int index) {
      this.owner = owner;
      this.index = index;
    }

    /** The sum's number in the built {@link Circuit} (see {@link Circuit#sumBase}). */
    public int index() {
      return index;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sum && ((Sum) o).owner == owner && ((Sum) o).index == index;
    }

    @Override
    public int hashCode() {
      return index;
    }

    @Override
    public String toString() {
      return "Sum#" + index;
    }
  }

  // nodes: kinds[0 .. nodes), CSR offsets starts[0 .. nodes], fan-ins data[0 .. starts[nodes]);
  // the per-node arrays (with next and nodeHead) grow together in addNode
  private byte[] kinds;
  private int[] starts;
  private int[] data;
  private int nodes;
  private final int[] constants = {-1, -1};

  // names
  private final IntArrayList inputNodes = new IntArrayList();
  private final List<String> inputNames = new ArrayList<>();
  private final IntArrayList outputNodes = new IntArrayList();
  private final List<String> outputNames = new ArrayList<>();
  private final NameIndex names;

  // sums
  private final IntArrayList sumBase = new IntArrayList();
  private final IntArrayList sumStarts = new IntArrayList();
  private final IntArrayList termNodes = new IntArrayList();
  private final ExactLongs termWeights = new ExactLongs(16);
  private final ExactLongs sumMin = new ExactLongs(16);
  private final ExactLongs sumMax = new ExactLongs(16);
  private final LongArrayList sumFlatTerms = new LongArrayList();

  // threshold gates
  private final IntArrayList thresholdSums = new IntArrayList();
  private final ExactLongs thresholdThetas = new ExactLongs(16);
  private final BooleanArrayList thresholdAtMost = new BooleanArrayList();

  // structural hashing: chains per key (entries are gate + 1, 0 ends a chain), then a table of
  // slots (hash32 << 32) | (id + 1), 0 = empty
  private int[] nodeHead; // per node: the newest unit gate keyed by it
  private int[] sumHead = new int[1 << 6]; // per sum: the newest THRESHOLD gate reading it
  private int[] next; // per gate: the next older gate of its chain
  private long[] nodeTable = new long[1 << 6];
  private int nodeTableSize;
  private long[] sumTable = new long[1 << 6];
  private int sumTableSize;

  private int[] scratch = new int[16];

  /** Masks every hash fragment: -1, or 0 when all keys are made to collide. */
  private int fragMask = -1;

  /** An empty builder. */
  public CircuitBuilder() {
    this(1 << 10, 1 << 11, 16);
  }

  private CircuitBuilder(int nodes, int fanIns, int names) {
    this.kinds = new byte[nodes];
    this.starts = new int[nodes + 1];
    this.next = new int[nodes];
    this.nodeHead = new int[nodes];
    this.data = new int[fanIns];
    this.names = new NameIndex(names);
    sumStarts.add(0);
  }

  /**
   * An empty builder with room for about {@code nodes} nodes (inputs, constants and gates) with
   * {@code fanIns} unit-weight fan-ins in all, and {@code names} input and output names, so that
   * building a circuit of that size does not grow (and copy) its arrays. Sizes are hints: the
   * builder grows past them as needed.
   *
   * @throws IllegalArgumentException if a size is negative
   */
  public static CircuitBuilder withExpectedSize(long nodes, long fanIns, long names) {
    checkArgument(
        nodes >= 0 && fanIns >= 0 && names >= 0,
        "negative expected size: %s nodes, %s fan-ins, %s names",
        nodes,
        fanIns,
        names);
    int cap = Integer.MAX_VALUE - 16; // the largest array a JVM allocates, less a margin
    return new CircuitBuilder(
        (int) Math.max(16, Math.min(nodes, MAX_NODES)),
        (int) Math.max(16, Math.min(fanIns, cap)),
        (int) Math.max(16, Math.min(names, cap / 4)));
  }

  /**
   * An empty builder whose hash tables see every key as a collision, so that each lookup is
   * decided by the full structural comparison alone. Quadratic: for testing that hashing never
   * merges different structures.
   */
  @VisibleForTesting
  static CircuitBuilder withCollidingHashes() {
    CircuitBuilder b = new CircuitBuilder();
    b.fragMask = 0;
    return b;
  }

  /** The complement of a literal (free: no gate is made). Same as {@link Literals#negate}. */
  public static int negate(int literal) {
    return ~literal;
  }

  /** The number of nodes made so far. */
  public int nodeCount() {
    return nodes;
  }

  /** The number of sums made so far. */
  public int sumCount() {
    return sumBase.size();
  }

  // ---- inputs, constants, outputs ----

  /**
   * A new input named {@code name}. Names are non-empty, contain no whitespace or control characters,
   * and are distinct among all inputs and outputs (e.g. {@code x[3][17]}).
   */
  public int input(String name) {
    claimName(name, "input", inputNodes.size());
    int node = addNode(Circuit.K_INPUT);
    inputNodes.add(node);
    inputNames.add(name);
    return node;
  }

  /**
   * New inputs named {@code names}, in order (as by {@link #input} for each name, but all or none:
   * a bad or duplicate name is refused before any input is added). Returns their nodes. Faster than
   * one call per name for many names: their lookups sweep the name table in order.
   */
  public int[] inputs(String... names) {
    Objects.requireNonNull(names, "names");
    for (String name : names) {
      checkName(name, "input");
    }
    checkArgument(
        (long) nodes + names.length <= MAX_NODES, "circuit too large: at most %s nodes", MAX_NODES);
    int duplicate = this.names.addAll(names, inputNodes.size(), 1);
    checkArgument(duplicate < 0, "duplicate name: %s", duplicate < 0 ? "" : names[duplicate]);
    int[] nodes = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      nodes[i] = addNode(Circuit.K_INPUT);
      inputNodes.add(nodes[i]);
      inputNames.add(names[i]);
    }
    return nodes;
  }

  /** The constant node for {@code value} (made once). */
  public int constant(boolean value) {
    int v = value ? 1 : 0;
    if (constants[v] < 0) {
      constants[v] = addNode(value ? Circuit.K_CONST1 : Circuit.K_CONST0);
    }
    return constants[v];
  }

  /**
   * Names {@code literal} as an output. A complemented literal {@code ~n} is materialized as {@code
   * not(n)}. Outputs keep the order in which they are added.
   */
  public CircuitBuilder output(String name, int literal) {
    checkLiteral(literal);
    claimName(name, "output", ~outputNodes.size());
    outputNodes.add(node(literal));
    outputNames.add(name);
    return this;
  }

  private void claimName(String name, String what, int code) {
    checkName(name, what);
    checkArgument(names.add(name, code), "duplicate name: %s", name);
  }

  private static void checkName(String name, String what) {
    Objects.requireNonNull(name, what + " name");
    checkArgument(!name.isEmpty(), "%s name must not be empty", what);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch <= ' ' || ch >= 0x7f) { // only then can it be whitespace or a control character
        checkArgument(
            !Character.isWhitespace(ch) && !Character.isISOControl(ch),
            "%s name must not contain whitespace or control characters: \"%s\"",
            what,
            name);
      }
    }
  }

  /**
   * Names {@code literals[i]} as output {@code names[i]} for every i, in order (as by {@link
   * #output} for each, but all or none: a bad literal, a bad or duplicate name is refused before
   * any output is added). Faster than one call per name for many names (see {@link #inputs}).
   */
  public CircuitBuilder outputs(String[] names, int[] literals) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(literals, "literals");
    checkArgument(
        names.length == literals.length,
        "%s output names for %s literals",
        names.length,
        literals.length);
    for (int i = 0; i < names.length; i++) {
      checkName(names[i], "output");
      checkLiteral(literals[i]);
    }
    int duplicate = this.names.addAll(names, ~outputNodes.size(), -1);
    checkArgument(duplicate < 0, "duplicate name: %s", duplicate < 0 ? "" : names[duplicate]);
    for (int i = 0; i < names.length; i++) {
      outputNodes.add(node(literals[i]));
      outputNames.add(names[i]);
    }
    return this;
  }

  // ---- unit-weight gates ----

  /** {@code a ∧ b}. */
  public int and(int a, int b) {
    return andOr2(Circuit.K_AND, a, b);
  }

  /** The conjunction of {@code literals}; the constant 1 for none. */
  public int and(int... literals) {
    int[] s = scratch(literals.length);
    System.arraycopy(literals, 0, s, 0, literals.length);
    return andOr(Circuit.K_AND, s, literals.length);
  }

  /** {@code a ∨ b}. */
  public int or(int a, int b) {
    return andOr2(Circuit.K_OR, a, b);
  }

  /** The disjunction of {@code literals}; the constant 0 for none. */
  public int or(int... literals) {
    int[] s = scratch(literals.length);
    System.arraycopy(literals, 0, s, 0, literals.length);
    return andOr(Circuit.K_OR, s, literals.length);
  }

  /**
   * A NOT gate over {@code literal}, as a positive node id (unlike {@link #negate}, which is free).
   * {@code not(~x) == x}, {@code not(not(x)) == x}, and constants fold.
   */
  public int not(int literal) {
    checkLiteral(literal);
    if (literal < 0) {
      return ~literal;
    }
    byte k = kinds[literal];
    if (k == Circuit.K_CONST0 || k == Circuit.K_CONST1) {
      return constant(k == Circuit.K_CONST0);
    }
    if (k == Circuit.K_NOT) {
      return data[starts[literal]];
    }
    int[] s = scratch(1);
    s[0] = literal;
    return findOrAddUnit(Circuit.K_NOT, s, 1);
  }

  /**
   * Strict majority of {@code literals} (a multiset, at least one): {@code [Σ l_i ≥ ⌊k/2⌋ + 1]}.
   */
  public int maj(int... literals) {
    checkArgument(literals.length >= 1, "maj needs at least one literal");
    int n = literals.length;
    int[] s = scratch(n);
    for (int i = 0; i < n; i++) {
      s[i] = encode(readThroughNot(literals[i]));
    }
    sort(s, n);
    // cancel complementary pairs x, ¬x: they add exactly 1 and lower ⌊k/2⌋+1 by exactly 1
    int w = 0;
    int i = 0;
    while (i < n) {
      int node = s[i] >>> 1;
      int j = i;
      while (j < n && (s[j] >>> 1) == node) {
        j++;
      }
      int neg = 0;
      for (int t = i; t < j; t++) {
        neg += s[t] & 1;
      }
      int pos = (j - i) - neg;
      int cancel = Math.min(pos, neg);
      for (int t = 0; t < pos - cancel; t++) {
        s[w++] = node << 1;
      }
      for (int t = 0; t < neg - cancel; t++) {
        s[w++] = (node << 1) | 1;
      }
      i = j;
    }
    if (w == 0) {
      return constant(false);
    }
    if (w == 1) {
      return decode(s[0]);
    }
    for (int t = 0; t < w; t++) {
      s[t] = decode(s[t]);
    }
    return findOrAddUnit(Circuit.K_MAJ, s, w);
  }

  /** The two-literal case of {@link #andOr}, without sorting. */
  private int andOr2(byte kind, int a, int b) {
    a = readThroughNot(a);
    b = readThroughNot(b);
    int na = a ^ (a >> 31);
    int nb = b ^ (b >> 31);
    byte[] ks = kinds;
    byte ka = ks[na];
    byte kb = ks[nb];
    int[] s = scratch(2);
    if (ka == Circuit.K_CONST0 || ka == Circuit.K_CONST1 || kb == Circuit.K_CONST0
        || kb == Circuit.K_CONST1) {
      s[0] = a;
      s[1] = b;
      return andOr(kind, s, 2);
    }
    if (na == nb) {
      return a == b ? a : constant(kind == Circuit.K_OR);
    }
    boolean swap = na > nb;
    s[0] = swap ? b : a;
    s[1] = swap ? a : b;
    return findOrAddUnit(kind, s, 2);
  }

  private int andOr(byte kind, int[] s, int n) {
    boolean isAnd = kind == Circuit.K_AND;
    int m = 0;
    for (int i = 0; i < n; i++) {
      int l = readThroughNot(s[i]);
      byte k = kinds[l ^ (l >> 31)];
      if (k == Circuit.K_CONST0 || k == Circuit.K_CONST1) {
        boolean v = (k == Circuit.K_CONST1) ^ (l < 0);
        if (v != isAnd) {
          return constant(v); // absorbing constant
        }
        continue;
      }
      s[m++] = encode(l);
    }
    sort(s, m);
    int w = 0;
    for (int i = 0; i < m; i++) {
      int e = s[i];
      if (w > 0) {
        int prev = s[w - 1];
        if (e == prev) {
          continue;
        }
        if ((e ^ 1) == prev) {
          return constant(!isAnd); // x ∧ ¬x = 0, x ∨ ¬x = 1
        }
      }
      s[w++] = e;
    }
    if (w == 0) {
      return constant(isAnd);
    }
    if (w == 1) {
      return decode(s[0]);
    }
    for (int i = 0; i < w; i++) {
      s[i] = decode(s[i]);
    }
    return findOrAddUnit(kind, s, w);
  }

  /** Validates a literal and reads a NOT gate as the complement of its input. */
  private int readThroughNot(int literal) {
    int node = literal ^ (literal >> 31);
    if (node >= nodes) {
      checkLiteral(literal); // throws
    }
    if (kinds[node] == Circuit.K_NOT) {
      int in = data[starts[node]];
      return literal < 0 ? in : ~in;
    }
    return literal;
  }

  private static int encode(int literal) {
    return literal < 0 ? (~literal << 1) | 1 : literal << 1;
  }

  private static int decode(int e) {
    return (e & 1) != 0 ? ~(e >>> 1) : e >>> 1;
  }

  private static void sort(int[] a, int n) {
    if (n <= 16) {
      for (int i = 1; i < n; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
    } else {
      Arrays.sort(a, 0, n);
    }
  }

  private int[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new int[Math.max(n, scratch.length * 2)];
    }
    return scratch;
  }

  // ---- general threshold gates and sums ----

  /** {@code [Σ w_i l_i ≥ θ]}: shorthand for {@code atLeast(sum(weights, literals), theta)}. */
  public int threshold(long[] weights, int[] literals, long theta) {
    return atLeast(sum(weights, literals), theta);
  }

  /** {@code [Σ w_i l_i ≥ θ]} with weights and θ of any size. */
  public int threshold(BigInteger[] weights, int[] literals, BigInteger theta) {
    return atLeast(sum(weights, literals), theta);
  }

  /** The sum {@code Σ w_i l_i} (complemented literals are materialized as NOT gates). */
  public Sum sum(long[] weights, int[] literals) {
    return addSum(-1, weights, null, literals);
  }

  /** The sum {@code Σ w_i l_i} with weights of any size. */
  public Sum sum(BigInteger[] weights, int[] literals) {
    return addSum(-1, null, weights, literals);
  }

  /** The sum {@code base + Σ w_i l_i}; stores only the new terms (prefix sums). */
  public Sum extend(Sum base, long[] weights, int[] literals) {
    return addSum(checkSum(base), weights, null, literals);
  }

  /** The sum {@code base + Σ w_i l_i} with weights of any size. */
  public Sum extend(Sum base, BigInteger[] weights, int[] literals) {
    return addSum(checkSum(base), null, weights, literals);
  }

  /** The gate {@code [sum ≥ θ]}. */
  public int atLeast(Sum sum, long theta) {
    return addThreshold(checkSum(sum), theta, null, false);
  }

  /** The gate {@code [sum ≥ θ]} with θ of any size. */
  public int atLeast(Sum sum, BigInteger theta) {
    return addThreshold(checkSum(sum), 0, theta, false);
  }

  /** The gate {@code [sum ≤ θ]}. */
  public int atMost(Sum sum, long theta) {
    return addThreshold(checkSum(sum), theta, null, true);
  }

  /** The gate {@code [sum ≤ θ]} with θ of any size. */
  public int atMost(Sum sum, BigInteger theta) {
    return addThreshold(checkSum(sum), 0, theta, true);
  }

  private int checkSum(Sum sum) {
    Objects.requireNonNull(sum, "sum");
    checkArgument(sum.owner == this, "%s was made by another builder", sum);
    return sum.index;
  }

  private Sum addSum(int base, long[] lw, BigInteger[] bw, int[] literals) {
    Objects.requireNonNull(literals, "literals");
    int n = literals.length;
    checkArgument(
        (lw != null ? lw.length : Objects.requireNonNull(bw, "weights").length) == n,
        "%s weights for %s literals",
        lw != null ? lw.length : bw.length,
        n);
    // materialize complemented literals (in node order, so that the result does not depend on
    // the order of the terms), then sort terms by node
    long[] keys = new long[n];
    int negated = 0;
    for (int i = 0; i < n; i++) {
      checkLiteral(literals[i]);
      if (bw != null) {
        Objects.requireNonNull(bw[i], "weight");
      }
      if (literals[i] < 0) {
        keys[negated++] = ((long) ~literals[i] << 32) | i;
      }
    }
    Arrays.sort(keys, 0, negated);
    int[] nodeOf = literals.clone();
    for (int j = 0; j < negated; j++) {
      int i = (int) keys[j];
      nodeOf[i] = not(~literals[i]);
    }
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) nodeOf[i] << 32) | i;
    }
    Arrays.sort(keys);
    int[] nodes = new int[n];
    long[] w = new long[n];
    BigInteger[] big = null; // non-null entries override w
    int m = 0;
    for (int i = 0; i < n; ) {
      int node = (int) (keys[i] >>> 32);
      long acc = 0;
      BigInteger accBig = null;
      for (; i < n && (int) (keys[i] >>> 32) == node; i++) {
        int src = (int) keys[i];
        if (lw != null && accBig == null) {
          long r = acc + lw[src];
          if (((acc ^ r) & (lw[src] ^ r)) < 0) {
            accBig = BigInteger.valueOf(acc).add(BigInteger.valueOf(lw[src]));
          } else {
            acc = r;
          }
        } else {
          BigInteger x = lw != null ? BigInteger.valueOf(lw[src]) : bw[src];
          accBig = (accBig != null ? accBig : BigInteger.valueOf(acc)).add(x);
        }
      }
      if (accBig != null && accBig.bitLength() < 64) {
        acc = accBig.longValue();
        accBig = null;
      }
      if (accBig == null && acc == 0) {
        continue;
      }
      nodes[m] = node;
      w[m] = acc;
      if (accBig != null) {
        if (big == null) {
          big = new BigInteger[n];
        }
        big[m] = accBig;
      }
      m++;
    }
    if (m == 0 && base >= 0) {
      return new Sum(this, base);
    }
    // hash
    long h = mix(base + 0x51ED270B2L);
    for (int i = 0; i < m; i++) {
      h = h * 0x9E3779B97F4A7C15L + nodes[i];
      h = h * 0x9E3779B97F4A7C15L + (big != null && big[i] != null ? big[i].hashCode() : w[i]);
    }
    int frag = (int) (mix(h) >>> 32) & fragMask;
    int mask = sumTable.length - 1;
    int pos = frag & mask;
    for (long slot; (slot = sumTable[pos]) != EMPTY; pos = (pos + 1) & mask) {
      if ((int) (slot >>> 32) == frag) {
        int id = (int) slot - 1;
        if (sameSum(id, base, nodes, w, big, m)) {
          return new Sum(this, id);
        }
      }
    }
    int id = sumBase.size();
    sumBase.add(base);
    if (id == sumHead.length) {
      sumHead = Arrays.copyOf(sumHead, 2 * id);
    }
    long flat = base >= 0 ? sumFlatTerms.getLong(base) : 0;
    for (int i = 0; i < m; i++) {
      termNodes.add(nodes[i]);
      if (big != null && big[i] != null) {
        termWeights.add(big[i]);
      } else {
        termWeights.add(w[i]);
      }
    }
    addBounds(base, w, big, m);
    sumStarts.add(termNodes.size());
    sumFlatTerms.add(flat + m);
    sumTable[pos] = ((long) frag << 32) | (id + 1);
    if (++sumTableSize * 2 > sumTable.length) {
      sumTable = grow(sumTable);
    }
    return new Sum(this, id);
  }

  /** Appends [min, max] of a new sum: its base's bounds plus its negative / positive weights. */
  private void addBounds(int base, long[] w, BigInteger[] big, int m) {
    if (big == null && (base < 0 || (sumMin.isLong(base) && sumMax.isLong(base)))) {
      long min = base >= 0 ? sumMin.getLong(base) : 0;
      long max = base >= 0 ? sumMax.getLong(base) : 0;
      int i = 0;
      for (; i < m; i++) {
        long wi = w[i];
        long prev = wi > 0 ? max : min;
        long r = prev + wi;
        if (((prev ^ r) & (wi ^ r)) < 0) {
          break; // overflow: redo exactly
        }
        if (wi > 0) {
          max = r;
        } else {
          min = r;
        }
      }
      if (i == m) {
        sumMin.add(min);
        sumMax.add(max);
        return;
      }
    }
    BigInteger min = base >= 0 ? sumMin.get(base) : BigInteger.ZERO;
    BigInteger max = base >= 0 ? sumMax.get(base) : BigInteger.ZERO;
    for (int i = 0; i < m; i++) {
      BigInteger wi = big != null && big[i] != null ? big[i] : BigInteger.valueOf(w[i]);
      if (wi.signum() > 0) {
        max = max.add(wi);
      } else {
        min = min.add(wi);
      }
    }
    sumMin.add(min);
    sumMax.add(max);
  }

  private boolean sameSum(int id, int base, int[] nodes, long[] w, BigInteger[] big, int m) {
    if (sumBase.getInt(id) != base) {
      return false;
    }
    int from = sumStarts.getInt(id);
    if (sumStarts.getInt(id + 1) - from != m) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      if (termNodes.getInt(from + i) != nodes[i]) {
        return false;
      }
      BigInteger b = big != null ? big[i] : null;
      if (b == null ? !termWeights.equalsAt(from + i, w[i]) : !termWeights.equalsAt(from + i, b)) {
        return false;
      }
    }
    return true;
  }

  private int addThreshold(int sum, long thetaL, BigInteger thetaB, boolean atMost) {
    if (thetaB != null && thetaB.bitLength() < 64) {
      thetaL = thetaB.longValue();
      thetaB = null;
    }
    // fold thresholds that are constant over [min, max]
    int cmpMin;
    int cmpMax;
    if (thetaB == null && sumMin.isLong(sum) && sumMax.isLong(sum)) {
      cmpMin = Long.compare(thetaL, sumMin.getLong(sum));
      cmpMax = Long.compare(thetaL, sumMax.getLong(sum));
    } else {
      BigInteger t = thetaB != null ? thetaB : BigInteger.valueOf(thetaL);
      cmpMin = t.compareTo(sumMin.get(sum));
      cmpMax = t.compareTo(sumMax.get(sum));
    }
    if (!atMost) {
      if (cmpMin <= 0) {
        return constant(true);
      }
      if (cmpMax > 0) {
        return constant(false);
      }
    } else {
      if (cmpMax >= 0) {
        return constant(true);
      }
      if (cmpMin < 0) {
        return constant(false);
      }
    }
    int head = sumHead[sum];
    int length = 0;
    for (int g = (head & ~OVERFLOWED) - 1; g >= 0; g = next[g] - 1) {
      if (sameThreshold(g, sum, thetaL, thetaB, atMost)) {
        return g;
      }
      length++;
    }
    int pos = -1;
    int frag = 0;
    if ((head & OVERFLOWED) != 0) {
      frag = thresholdHash(sum, thetaL, thetaB, atMost);
      int mask = nodeTable.length - 1;
      pos = frag & mask;
      for (long slot; (slot = nodeTable[pos]) != EMPTY; pos = (pos + 1) & mask) {
        if ((int) (slot >>> 32) == frag) {
          int id = (int) slot - 1;
          if (sameThreshold(id, sum, thetaL, thetaB, atMost)) {
            return id;
          }
        }
      }
    }
    int t = thresholdSums.size();
    thresholdSums.add(sum);
    if (thetaB != null) {
      thresholdThetas.add(thetaB);
    } else {
      thresholdThetas.add(thetaL);
    }
    thresholdAtMost.add(atMost);
    int id = addNode(Circuit.K_THRESHOLD);
    appendFanIn(t);
    if (length < CHAIN_LIMIT) {
      next[id] = head & ~OVERFLOWED;
      sumHead[sum] = (id + 1) | (head & OVERFLOWED);
    } else {
      if (pos < 0) {
        frag = thresholdHash(sum, thetaL, thetaB, atMost);
        int mask = nodeTable.length - 1;
        pos = frag & mask;
        while (nodeTable[pos] != EMPTY) {
          pos = (pos + 1) & mask;
        }
      }
      sumHead[sum] = head | OVERFLOWED;
      insertNode(pos, frag, id);
    }
    return id;
  }

  private boolean sameThreshold(int id, int sum, long thetaL, BigInteger thetaB, boolean atMost) {
    if (kinds[id] != Circuit.K_THRESHOLD) {
      return false;
    }
    int t = data[starts[id]];
    return thresholdSums.getInt(t) == sum
        && thresholdAtMost.getBoolean(t) == atMost
        && (thetaB == null
            ? thresholdThetas.equalsAt(t, thetaL)
            : thresholdThetas.equalsAt(t, thetaB));
  }

  // ---- node storage and hashing ----

  /** Adds a node of {@code kind} without fan-ins (see {@link #appendFanIn}). */
  private int addNode(byte kind) {
    int id = nodes;
    checkArgument(id < MAX_NODES, "circuit too large: at most %s nodes", MAX_NODES);
    if (id == kinds.length) {
      int capacity = (int) Math.min(MAX_NODES + 1L, 2L * id);
      kinds = Arrays.copyOf(kinds, capacity);
      starts = Arrays.copyOf(starts, capacity + 1);
      next = Arrays.copyOf(next, capacity);
      nodeHead = Arrays.copyOf(nodeHead, capacity);
    }
    kinds[id] = kind;
    starts[id + 1] = starts[id];
    nodes = id + 1;
    return id;
  }

  /** Appends a fan-in entry to the newest node. */
  private void appendFanIn(int entry) {
    int end = starts[nodes];
    if (end == data.length) {
      growData(1);
    }
    data[end] = entry;
    starts[nodes] = end + 1;
  }

  private void growData(int more) {
    long needed = (long) starts[nodes] + more;
    checkArgument(needed < Integer.MAX_VALUE - 16, "circuit too large: %s fan-ins", needed);
    long capacity = Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * data.length));
    data = Arrays.copyOf(data, (int) capacity);
  }

  /**
   * Finds or adds a gate of a unit-weight kind with the given normalized literal fan-ins (sorted
   * by node, so the last one has the greatest node: the gate's key).
   */
  private int findOrAddUnit(byte kind, int[] lits, int n) {
    int last = lits[n - 1];
    int key = last ^ (last >> 31);
    int head = nodeHead[key];
    int[] d = data;
    int[] st = starts;
    byte[] ks = kinds;
    int length = 0;
    for (int g = (head & ~OVERFLOWED) - 1; g >= 0; g = next[g] - 1) {
      if (ks[g] == kind && sameLiterals(d, st[g], st[g + 1], lits, n)) {
        return g;
      }
      length++;
    }
    int pos = -1;
    int frag = 0;
    if ((head & OVERFLOWED) != 0) {
      frag = unitHash(kind, lits, n);
      int mask = nodeTable.length - 1;
      pos = frag & mask;
      for (long slot; (slot = nodeTable[pos]) != EMPTY; pos = (pos + 1) & mask) {
        if ((int) (slot >>> 32) == frag) {
          int id = (int) slot - 1;
          if (ks[id] == kind && sameLiterals(d, st[id], st[id + 1], lits, n)) {
            return id;
          }
        }
      }
    }
    int id = addNode(kind);
    int end = starts[id];
    if (data.length - end < n) {
      growData(n);
    }
    System.arraycopy(lits, 0, data, end, n);
    starts[id + 1] = end + n;
    if (length < CHAIN_LIMIT) {
      next[id] = head & ~OVERFLOWED;
      nodeHead[key] = (id + 1) | (head & OVERFLOWED);
    } else {
      if (pos < 0) {
        frag = unitHash(kind, lits, n);
        int mask = nodeTable.length - 1;
        pos = frag & mask;
        while (nodeTable[pos] != EMPTY) {
          pos = (pos + 1) & mask;
        }
      }
      nodeHead[key] = head | OVERFLOWED;
      insertNode(pos, frag, id);
    }
    return id;
  }

  private static boolean sameLiterals(int[] d, int from, int to, int[] lits, int n) {
    if (to - from != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (d[from + i] != lits[i]) {
        return false;
      }
    }
    return true;
  }

  /** The overflow-table fragment of the threshold gate (sum, θ, direction). */
  private int thresholdHash(int sum, long thetaL, BigInteger thetaB, boolean atMost) {
    long h = mix(sum * 31L + (atMost ? 7 : 3));
    h = h * 0x9E3779B97F4A7C15L + (thetaB != null ? thetaB.hashCode() : thetaL);
    return (int) (mix(h + Circuit.K_THRESHOLD) >>> 32) & fragMask;
  }

  /** The overflow-table fragment of the unit-weight gate (kind, literals). */
  private int unitHash(byte kind, int[] lits, int n) {
    long h = kind * 0x2545F4914F6CDD1DL;
    for (int i = 0; i < n; i++) {
      h = (h + lits[i]) * 0x9E3779B97F4A7C15L;
    }
    return (int) (mix(h) >>> 32) & fragMask;
  }

  private void insertNode(int pos, int frag, int id) {
    nodeTable[pos] = ((long) frag << 32) | (id + 1);
    if (++nodeTableSize * 2 > nodeTable.length) {
      nodeTable = grow(nodeTable);
    }
  }

  private static long[] grow(long[] table) {
    long[] t = new long[table.length * 2];
    int mask = t.length - 1;
    for (long slot : table) {
      if (slot != EMPTY) {
        int pos = (int) (slot >>> 32) & mask;
        while (t[pos] != EMPTY) {
          pos = (pos + 1) & mask;
        }
        t[pos] = slot;
      }
    }
    return t;
  }

  /** The murmur3 64-bit finalizer. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private void checkLiteral(int literal) {
    int node = literal ^ (literal >> 31);
    if (node >= nodes) {
      throw new IllegalArgumentException(
          "literal "
              + literal
              + " refers to node "
              + node
              + ", but only "
              + nodes
              + " nodes exist");
    }
  }

  /** The positive node for {@code literal}: itself, or {@code not(n)} for {@code ~n}. */
  private int node(int literal) {
    return literal < 0 ? not(~literal) : literal;
  }

  // ---- build ----

  /** The circuit built so far. The builder stays usable. */
  public Circuit build() {
    int n = nodes;
    int sums = sumBase.size();
    return new Circuit(
        Arrays.copyOf(kinds, n),
        Arrays.copyOf(starts, n + 1),
        Arrays.copyOf(data, starts[n]),
        inputNodes.toIntArray(),
        inputNames.toArray(new String[0]),
        outputNodes.toIntArray(),
        outputNames.toArray(new String[0]),
        sumBase.toIntArray(),
        Arrays.copyOf(sumStarts.elements(), sums + 1),
        termNodes.toIntArray(),
        termWeights.frozen(),
        sumMin.frozen(),
        sumMax.frozen(),
        sumFlatTerms.toLongArray(),
        thresholdSums.toIntArray(),
        thresholdThetas.frozen(),
        thresholdAtMost.toBooleanArray(),
        names.copy());
  }
}
