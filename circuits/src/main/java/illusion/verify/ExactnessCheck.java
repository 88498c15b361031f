package illusion.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import illusion.compile.CompileOptions;
import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.compile.SizeEstimate;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks at scale that compiled circuits compute exactly what the native evaluator computes
 * (DESIGN.md "Semantics": bit for bit). Random models of every layer kind, precision ({@code 2 <= p
 * <= 63}, any fraction bits), depth 1 or 2, length and readout are compiled with {@link
 * ModelCompiler}, and {@value #SEQUENCES_PER_MODEL} token sequences of several shapes (all of them
 * when there are that few) are simulated at once, one per bit lane, and compared with the {@link
 * illusion.ssm.Evaluator}: every output bit and the label at every compiled position. A case is one
 * (model, sequence) pair; models are drawn until the requested number of cases is reached. Model i
 * has the kind {@code i mod |kinds|} (kinds in {@link LayerKind} order); from {@link #random} it
 * draws the model, its length, and outputs at every position seven times in ten (else at the last
 * one), redrawn while the projection exceeds the budget, then its sequences.
 *
 * <p>Seeded and reproducible: model i derives from (seed, i) alone, results are combined in model
 * order, so the report (timing aside) does not depend on the number of threads. A model the
 * compiler refuses is counted per kind; a model whose projected circuit exceeds the per-model
 * budget is redrawn. Anything that throws after the projection succeeded is a crash; anything
 * slower than the time limit is a timeout. The first failure is shrunk ({@code Shrinker}) to a
 * small model and sequence that still fail.
 *
 * <pre>{@code
 * ExactnessReport r = ExactnessCheck.builder().cases(100_000).seed(1).build().run();
 * r.mismatches(); // 0
 * }</pre>
 */
public final class ExactnessCheck {
  /** The default number of cases. */
  public static final long DEFAULT_CASES = 100_000;
  /** Sequences per model: one simulation word. */
  public static final int SEQUENCES_PER_MODEL = 64;
  /** The default per-model budget of stored wires in the projected circuit. */
  public static final long DEFAULT_MAX_STORED_WIRES = 200_000;
  /** The default longest sequence. */
  public static final int DEFAULT_MAX_LENGTH = 24;
  /** After this many models without a single compiled case the check stops. */
  static final int MAX_BARREN_MODELS = 2_000;
  /** Draws per model before giving up on the budget. */
  static final int MAX_DRAWS = 8;

  private final long cases;
  private final long seed;
  private final ImmutableList<LayerKind> kinds;
  private final int maxLength;
  private final int maxVocabulary;
  private final int threads;
  private final long timeoutNanos;
  private final long maxStoredWires;
  private final boolean shrink;
  private final CompileOptions options;
  private final Comparison.CircuitCompiler compiler;

  private ExactnessCheck(Builder b) {
    this.cases = b.cases;
    this.seed = b.seed;
    this.kinds = ImmutableList.copyOf(new TreeSet<>(b.kinds));
    this.maxLength = b.maxLength;
    this.maxVocabulary = b.maxVocabulary;
    this.threads = b.threads;
    this.timeoutNanos = b.timeoutNanos;
    this.maxStoredWires = b.maxStoredWires;
    this.shrink = b.shrink;
    this.options = b.options;
    this.compiler =
        b.compiler != null ? b.compiler : (m, n, o) -> ModelCompiler.compile(m, n, o, b.options);
  }

  /** A builder with the defaults: 100,000 cases, seed 1, every kind, 2 threads. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the check. */
  public ExactnessReport run() {
    long start = System.nanoTime();
    Tally tally = new Tally(seed);
    ExecutorService pool = pool(threads);
    try {
      int chunk = Math.max(1, threads) * 8;
      long barren = 0;
      chunks:
      for (long first = 0; tally.cases < cases; first += chunk) {
        List<Future<Outcome>> futures = new ArrayList<>();
        List<AtomicReference<Case>> drawn = new ArrayList<>();
        for (long i = first; i < first + chunk; i++) {
          AtomicReference<Case> slot = new AtomicReference<>();
          long index = i;
          drawn.add(slot);
          futures.add(pool.submit(() -> runModel(index, slot)));
        }
        for (int k = 0; k < futures.size() && tally.cases < cases; k++) {
          Outcome o = await(futures.get(k), drawn.get(k), first + k);
          tally.add(o);
          barren = tally.cases == 0 ? barren + 1 : 0;
          if (o.timeout) {
            break chunks; // a worker is stuck: report what we have rather than wait on it
          }
        }
        if (barren >= MAX_BARREN_MODELS) {
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return tally.report(shrink ? this::shrink : null, System.nanoTime() - start);
  }

  /**
   * Checks one given model on given sequences (all of one length), compiled with {@code outputs};
   * a failure is shrunk unless disabled. The compiler's refusal propagates as {@link
   * IllegalArgumentException}.
   */
  public ExactnessReport check(Model model, int[][] sequences, Outputs outputs) {
    checkNotNull(model, "model");
    checkArgument(sequences.length >= 1, "no sequences to check");
    int n = sequences[0].length;
    checkArgument(n >= 1, "sequences must have at least one token");
    for (int[] s : sequences) {
      checkArgument(s.length == n, "all sequences must have length %s, got one of %s", n, s.length);
      for (int t = 0; t < n; t++) {
        checkArgument(
            s[t] >= 0 && s[t] < model.inputVocabulary(),
            "token %s at position %s is outside the model's vocabulary [0, %s)",
            s[t],
            t + 1,
            model.inputVocabulary());
      }
    }
    long start = System.nanoTime();
    SizeEstimate size = ModelCompiler.project(model, n, outputs, options);
    if (size.storedWires() > options.wireLimit()) {
      throw new IllegalArgumentException(
          String.format(
              "compiling model %s for n = %d would take about %s, above the limit of %,d stored"
                  + " wires",
              model.name(), n, size, options.wireLimit()));
    }
    Tally tally = new Tally(seed);
    Case c = new Case(model, n, outputs, sequences);
    ExecutorService pool = pool(1);
    try {
      AtomicReference<Case> slot = new AtomicReference<>(c);
      tally.add(await(pool.submit(() -> compare(0, c)), slot, 0));
    } finally {
      pool.shutdownNow();
    }
    return tally.report(shrink ? this::shrink : null, System.nanoTime() - start);
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        Math.max(1, threads),
        r -> {
          Thread t = new Thread(r, "exactness-check");
          t.setDaemon(true); // a worker stuck past its time limit must not keep the JVM alive
          return t;
        });
  }

  private Outcome await(Future<Outcome> future, AtomicReference<Case> slot, long index) {
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return Outcome.timeout(
          index, slot.get(), "no result after " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("unexpected failure of model " + index, e.getCause());
    }
  }

  /** One model, its length, outputs and sequences. */
  static final class Case {
    final Model model;
    final int n;
    final Outputs outputs;
    final int[][] sequences;

    Case(Model model, int n, Outputs outputs, int[][] sequences) {
      this.model = model;
      this.n = n;
      this.outputs = outputs;
      this.sequences = sequences;
    }
  }

  /**
   * The random source of model {@code index}: a function of (seed, index) alone, seeded with the
   * SplitMix64 finalizer (the mix {@link SplittableRandom} applies to its own seeds) of
   * {@code seed * γ + index}, γ the golden gamma, so that neighbouring seeds and indices get
   * unrelated streams.
   */
  static SplittableRandom random(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  private Outcome runModel(long index, AtomicReference<Case> slot) {
    LayerKind kind = kinds.get((int) (index % kinds.size()));
    SplittableRandom r = random(seed, index);
    int redrawn = 0;
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Model model = RandomCases.model(kind, maxVocabulary, r);
      int n = RandomCases.length(maxLength, r);
      Outputs outputs = r.nextInt(10) < 7 ? Outputs.ALL : Outputs.LAST;
      slot.set(new Case(model, n, outputs, null));
      SizeEstimate size;
      try {
        size = ModelCompiler.project(model, n, outputs, options);
      } catch (IllegalArgumentException refused) {
        return Outcome.refused(index, kind, refused.getMessage(), redrawn);
      }
      if (size.storedWires() > maxStoredWires) {
        redrawn++;
        continue;
      }
      int[][] sequences = RandomCases.sequences(SEQUENCES_PER_MODEL, n, model.inputVocabulary(), r);
      Case c = new Case(model, n, outputs, sequences);
      slot.set(c);
      Outcome o = compare(index, c);
      o.redrawn = redrawn;
      return o;
    }
    Outcome o = Outcome.refused(index, kind, null, redrawn);
    o.tooLarge = true;
    return o;
  }

  private Outcome compare(long index, Case c) {
    String[] bad;
    try {
      CompiledModel compiled = compiler.compile(c.model, c.n, c.outputs);
      bad = Comparison.disagreements(compiled, c.model, c.sequences);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return Outcome.crash(index, c, describe(e));
    }
    return Outcome.compared(index, c, bad);
  }

  static String describe(Throwable e) {
    StackTraceElement[] at = e.getStackTrace();
    String where = at.length > 0 ? " at " + at[0] : "";
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where;
  }

  /** Shrinks the first failure with the probe that matches its kind of failure. */
  private Shrinker.Result shrink(Counterexample start) {
    Counterexample.Failure failure = start.failure();
    long probeTimeout = Math.min(timeoutNanos, TimeUnit.SECONDS.toNanos(10));
    ExecutorService[] pool = {pool(1)};
    try {
      Shrinker.Probe probe =
          (model, tokens, outputs) -> {
            ModelCompiler.project(model, tokens.length, outputs, options); // refusal: not a case
            Case c = new Case(model, tokens.length, outputs, new int[][] {tokens});
            Future<Outcome> f = pool[0].submit(() -> compare(0, c));
            Outcome o;
            try {
              o = f.get(probeTimeout, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
              f.cancel(true);
              pool[0].shutdownNow();
              pool[0] = pool(1); // the old worker may stay stuck
              return failure == Counterexample.Failure.TIMEOUT
                  ? new Counterexample(
                      model,
                      tokens,
                      outputs,
                      failure,
                      "no result after " + TimeUnit.NANOSECONDS.toSeconds(probeTimeout) + " s")
                  : null;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return null;
            } catch (ExecutionException e) {
              return null;
            }
            return o.failure() == failure ? o.counterexample() : null;
          };
      long budget =
          failure == Counterexample.Failure.TIMEOUT
              ? 6 * probeTimeout
              : TimeUnit.SECONDS.toNanos(60);
      return Shrinker.shrink(probe, start, 5_000, budget);
    } finally {
      pool[0].shutdownNow();
    }
  }

  /** What happened to one model. */
  static final class Outcome {
    final long index;
    final LayerKind kind;
    Case drawn;
    int redrawn;
    boolean tooLarge;
    String refusal;
    boolean refusedModel;
    int cases;
    int mismatches;
    String crash;
    boolean timeout;
    int firstBad = -1;
    String detail;

    private Outcome(long index, LayerKind kind) {
      this.index = index;
      this.kind = kind;
    }

    static Outcome refused(long index, LayerKind kind, String reason, int redrawn) {
      Outcome o = new Outcome(index, kind);
      o.refusedModel = reason != null;
      o.refusal = reason;
      o.redrawn = redrawn;
      return o;
    }

    static Outcome crash(long index, Case c, String what) {
      Outcome o = new Outcome(index, c.model.layer(0).kind());
      o.drawn = c;
      o.cases = c.sequences.length;
      o.mismatches = c.sequences.length;
      o.crash = what;
      o.firstBad = 0;
      o.detail = what;
      return o;
    }

    static Outcome timeout(long index, Case c, String what) {
      if (c.sequences == null) { // stuck while projecting: any sequence of the length reproduces it
        c = new Case(c.model, c.n, c.outputs, new int[][] {new int[c.n]});
      }
      Outcome o = crash(index, c, what);
      o.timeout = true;
      return o;
    }

    static Outcome compared(long index, Case c, String[] bad) {
      Outcome o = new Outcome(index, c.model.layer(0).kind());
      o.drawn = c;
      o.cases = bad.length;
      for (int s = 0; s < bad.length; s++) {
        if (bad[s] != null) {
          o.mismatches++;
          if (o.firstBad < 0) {
            o.firstBad = s;
            o.detail = bad[s];
          }
        }
      }
      return o;
    }

    Counterexample.Failure failure() {
      return timeout
          ? Counterexample.Failure.TIMEOUT
          : crash != null
              ? Counterexample.Failure.CRASH
              : mismatches > 0 ? Counterexample.Failure.MISMATCH : null;
    }

    Counterexample counterexample() {
      return new Counterexample(
          drawn.model, drawn.sequences[firstBad], drawn.outputs, failure(), detail);
    }
  }

  /** Combines outcomes in model order. */
  private static final class Tally {
    final long seed;
    long cases;
    long mismatches;
    long models;
    long crashes;
    long timeouts;
    long refused;
    long resampled;
    final long[][] perKind = new long[LayerKind.values().length][5];
    final String[] firstRefusal = new String[LayerKind.values().length];
    int minBits = Integer.MAX_VALUE;
    int maxBits;
    final Set<Integer> precisions = new TreeSet<>();
    int minLength = Integer.MAX_VALUE;
    int maxLength;
    long stacked;
    long lastOnly;
    Outcome firstFailure;

    Tally(long seed) {
      this.seed = seed;
    }

    void add(Outcome o) {
      int k = o.kind.ordinal();
      resampled += o.redrawn;
      if (o.drawn == null) {
        if (o.refusedModel) {
          refused++;
          perKind[k][4]++;
          if (firstRefusal[k] == null) {
            firstRefusal[k] = o.refusal;
          }
        }
        return;
      }
      models++;
      cases += o.cases;
      mismatches += o.mismatches;
      perKind[k][0]++;
      perKind[k][1] += o.cases;
      perKind[k][2] += o.mismatches;
      if (o.crash != null) {
        perKind[k][3]++;
        if (o.timeout) {
          timeouts++;
        } else {
          crashes++;
        }
      }
      if (o.failure() != null && firstFailure == null) {
        firstFailure = o;
      }
      Model m = o.drawn.model;
      for (int l = 0; l < m.depth(); l++) {
        int bits = m.layer(l).precision().bits();
        minBits = Math.min(minBits, bits);
        maxBits = Math.max(maxBits, bits);
        precisions.add(bits * 64 + m.layer(l).precision().fractionBits());
      }
      minLength = Math.min(minLength, o.drawn.n);
      maxLength = Math.max(maxLength, o.drawn.n);
      stacked += m.depth() > 1 ? 1 : 0;
      lastOnly += o.drawn.outputs == Outputs.LAST ? 1 : 0;
    }

    ExactnessReport report(
        java.util.function.Function<Counterexample, Shrinker.Result> shrinker, long nanos) {
      long start = System.nanoTime();
      ImmutableList.Builder<ExactnessReport.KindTally> kinds = ImmutableList.builder();
      for (LayerKind kind : LayerKind.values()) {
        long[] t = perKind[kind.ordinal()];
        if (t[0] + t[4] > 0) {
          kinds.add(
              new ExactnessReport.KindTally(
                  kind, t[0], t[1], t[2], t[3], t[4], firstRefusal[kind.ordinal()]));
        }
      }
      Counterexample original = firstFailure == null ? null : firstFailure.counterexample();
      Counterexample shrunk = original;
      int steps = 0;
      if (original != null && shrinker != null) {
        Shrinker.Result r = shrinker.apply(original);
        shrunk = r.counterexample;
        steps = r.steps;
      }
      return new ExactnessReport(
          seed,
          cases,
          mismatches,
          models,
          crashes,
          timeouts,
          refused,
          resampled,
          kinds.build(),
          models == 0 ? 0 : minBits,
          maxBits,
          precisions.size(),
          models == 0 ? 0 : minLength,
          maxLength,
          stacked,
          lastOnly,
          nanos + (System.nanoTime() - start),
          original,
          shrunk,
          steps);
    }
  }

  /** Settings of an {@link ExactnessCheck}. */
  public static final class Builder {
    private long cases = DEFAULT_CASES;
    private long seed = 1;
    private Set<LayerKind> kinds = EnumSet.allOf(LayerKind.class);
    private int maxLength = DEFAULT_MAX_LENGTH;
    private int maxVocabulary = 6;
    private int threads = 2;
    private long timeoutNanos = TimeUnit.SECONDS.toNanos(60);
    private long maxStoredWires = DEFAULT_MAX_STORED_WIRES;
    private boolean shrink = true;
    private CompileOptions options = CompileOptions.defaults();
    private Comparison.CircuitCompiler compiler;

    private Builder() {}

    /** The number of cases to compare, at least 1 (default {@value #DEFAULT_CASES}). */
    public Builder cases(long cases) {
      checkArgument(cases >= 1, "the number of cases must be at least 1, got %s", cases);
      checkArgument(
          cases <= 1_000_000_000_000L, "%s cases are more than 10^12; run several seeds", cases);
      this.cases = cases;
      return this;
    }

    /** The seed every case derives from (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The kinds of the models' first layer (default all). */
    public Builder kinds(Collection<LayerKind> kinds) {
      checkArgument(!kinds.isEmpty(), "at least one layer kind is needed");
      this.kinds = EnumSet.copyOf(kinds);
      return this;
    }

    /** The longest sequence, 1..64 (default {@value #DEFAULT_MAX_LENGTH}). */
    public Builder maxLength(int maxLength) {
      checkArgument(
          maxLength >= 1 && maxLength <= 64, "the longest sequence must be 1..64, got %s", maxLength);
      this.maxLength = maxLength;
      return this;
    }

    /** The largest input vocabulary, 1..16 (default 6). */
    public Builder maxVocabulary(int maxVocabulary) {
      checkArgument(
          maxVocabulary >= 1 && maxVocabulary <= 16,
          "the largest vocabulary must be 1..16, got %s",
          maxVocabulary);
      this.maxVocabulary = maxVocabulary;
      return this;
    }

    /** Worker threads, 1..64 (default 2); results do not depend on it. */
    public Builder threads(int threads) {
      checkArgument(threads >= 1 && threads <= 64, "threads must be 1..64, got %s", threads);
      this.threads = threads;
      return this;
    }

    /** The time limit per model, compile and simulation together (default 60 s). */
    public Builder timeout(long amount, TimeUnit unit) {
      checkArgument(amount >= 1, "the time limit must be positive, got %s", amount);
      this.timeoutNanos = unit.toNanos(amount);
      return this;
    }

    /** The per-model budget of projected stored wires; larger models are redrawn. */
    public Builder maxStoredWires(long maxStoredWires) {
      checkArgument(maxStoredWires >= 1, "the wire budget must be positive, got %s", maxStoredWires);
      this.maxStoredWires = maxStoredWires;
      return this;
    }

    /** Whether to shrink the first failure (default true). */
    public Builder shrink(boolean shrink) {
      this.shrink = shrink;
      return this;
    }

    /** The compiler's options (default {@link CompileOptions#defaults()}). */
    public Builder options(CompileOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /** Replaces the compiler, so that tests can check that faults are found and shrunk. */
    Builder compiler(Comparison.CircuitCompiler compiler) {
      this.compiler = compiler;
      return this;
    }

    public ExactnessCheck build() {
      return new ExactnessCheck(this);
    }
  }

  @Override
  public String toString() {
    return "exactness check of "
        + cases
        + " cases, seed "
        + seed
        + ", kinds "
        + Arrays.toString(kinds.toArray())
        + ", lengths 1.."
        + maxLength;
  }
}
