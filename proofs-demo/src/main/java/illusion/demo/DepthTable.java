package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import illusion.circuit.CircuitStats;
import illusion.compile.CircuitAgreement;
import illusion.compile.CompileOptions;
import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.group.FiniteGroup;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.RandomModels;
import illusion.ssm.Trace;
import illusion.word.PrefixProducts;
import illusion.word.WordGenerator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The experiment behind {@code illusion depth-table}: for every model and sequence length n,
 * compile the model to a threshold circuit, measure the circuit, and check it bit for bit against
 * the native evaluator on random words of the group's word problem, along with the native task
 * accuracy. The rows show the paper's contrast: S4 and selective diagonal circuits keep one depth
 * as n grows (Thm 4.2, 4.4: TC0), while IDS4 tracks the group exactly with depth growing as log n
 * (Thm 5.2), and {@code s4-scan} needs ⌈log2 n⌉ layers.
 *
 * <p>Words are drawn once per length (seeded) and shared by all models. Constructed models are
 * sized for each n ({@link ConstructedModels#build}); random-weight models are built once from the
 * seed. A model the group does not admit, or a compilation that is refused (too many states, too
 * large), gives a refused row with the reason.
 */
public final class DepthTable {

  /** Every model the table knows, in the order of the default table. */
  public static final ImmutableList<String> ALL_MODELS =
      ImmutableList.<String>builder()
          .addAll(ConstructedModels.NAMES)
          .addAll(RandomModels.NAMES)
          .build();

  private final FiniteGroup group;
  private final ImmutableList<String> models;
  private final int[] lengths;
  private final Outputs outputs;
  private final int samples;
  private final long seed;
  private final CompileOptions options;
  private final Consumer<String> progress;
  private final int threads;

  private DepthTable(Builder b) {
    this.group = b.group;
    this.models = b.models;
    this.lengths = b.lengths;
    this.outputs = b.outputs;
    this.samples = b.samples;
    this.seed = b.seed;
    this.options = b.options;
    this.progress = b.progress;
    this.threads = b.threads;
  }

  /** A builder with the defaults of the command: all models, n = 2..1024, last output, 64 samples. */
  public static Builder builder(FiniteGroup group) {
    return new Builder(group);
  }

  /**
   * Runs every (model, n) cell and returns the rows by model, then n. Cells run on {@code threads}
   * threads, the longest lengths first; the rows do not depend on the number of threads (only the
   * timing columns and the order of progress lines do).
   */
  public List<DepthRow> run() {
    Model[] random = new Model[models.size()];
    for (int i = 0; i < models.size(); i++) {
      if (RandomModels.isRandomModel(models.get(i))) {
        random[i] = RandomModels.build(models.get(i), group.order(), seed);
      }
    }
    int[][][] words = new int[lengths.length][][];
    for (int li = 0; li < lengths.length; li++) {
      words[li] = words(lengths[li]);
    }
    DepthRow[][] cells = new DepthRow[models.size()][lengths.length];
    int total = models.size() * lengths.length;
    AtomicInteger done = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>(total);
    for (int li = lengths.length - 1; li >= 0; li--) {
      for (int i = 0; i < models.size(); i++) {
        int model = i;
        int length = li;
        tasks.add(
            () -> {
              long start = System.nanoTime();
              String name = models.get(model);
              int n = lengths[length];
              DepthRow row = cell(name, random[model], n, words[length]);
              cells[model][length] = row;
              progress.accept(
                  String.format(
                      Locale.ROOT,
                      "[%d/%d] %s n=%d: %s (%.1f s)",
                      done.incrementAndGet(),
                      total,
                      name,
                      n,
                      row.isRefused() ? "refused" : "depth " + row.depth(),
                      (System.nanoTime() - start) / 1e9));
              return null;
            });
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      Throwables.throwIfInstanceOf(e.getCause(), Error.class);
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<DepthRow> rows = new ArrayList<>(total);
    for (DepthRow[] byLength : cells) {
      rows.addAll(Arrays.asList(byLength));
    }
    return rows;
  }

  /** {@code min(samples, |G|^n)} distinct words of length n, seeded by the seed and n. */
  private int[][] words(int n) {
    BigInteger all = BigInteger.valueOf(group.order()).pow(Math.min(n, 64));
    int k = all.compareTo(BigInteger.valueOf(samples)) < 0 ? all.intValueExact() : samples;
    int[][] words = new int[k][];
    int[] next = {0};
    WordGenerator.sample(group, n, k, seed * 1_000_003L + n)
        .forEach((rowSeed, input, target) -> words[next[0]++] = input.clone());
    return words;
  }

  private DepthRow cell(String name, Model randomModel, int n, int[][] words) {
    Model model;
    try {
      model = randomModel != null ? randomModel : ConstructedModels.build(name, group, n);
    } catch (IllegalArgumentException e) {
      return DepthRow.refused(name, List.of(), "", n, e.getMessage());
    }
    List<String> kinds = new ArrayList<>();
    for (Layer layer : model.layers()) {
      kinds.add(layer.kind().id());
    }
    CompiledModel compiled;
    long t0 = System.nanoTime();
    try {
      compiled = ModelCompiler.compile(model, n, outputs, options);
    } catch (IllegalArgumentException e) {
      return DepthRow.refused(name, kinds, "", n, e.getMessage());
    }
    long compileNanos = System.nanoTime() - t0;
    CircuitStats stats = CircuitStats.of(compiled.circuit());

    t0 = System.nanoTime();
    Evaluator evaluator = Evaluator.of(model);
    Trace[] traces = new Trace[words.length];
    for (int s = 0; s < words.length; s++) {
      traces[s] = evaluator.trace(words[s]);
    }
    long nativeNanos = System.nanoTime() - t0;
    int[] positions = compiled.positions();
    long correct = 0;
    for (int s = 0; s < words.length; s++) {
      int[] target = PrefixProducts.of(group, words[s]);
      int[] labels = traces[s].labels();
      for (int t : positions) {
        correct += labels[t] == target[t] ? 1 : 0;
      }
    }
    double accuracy = (double) correct / ((long) words.length * positions.length);

    // The check simulates the circuit, 64 words per pass, and compares every output wire.
    t0 = System.nanoTime();
    CircuitAgreement.Result agreement = CircuitAgreement.check(compiled, words, traces);
    long simulateNanos = System.nanoTime() - t0;
    return DepthRow.measured(
        name,
        kinds,
        summarize(compiled.strategies()),
        n,
        stats.depth(),
        stats.thresholdDepth(),
        stats.gates(),
        stats.wires(),
        stats.maxWeightBits(),
        words.length,
        agreement.mismatches(),
        accuracy,
        compileNanos / 1_000_000,
        nativeNanos / 1_000_000,
        simulateNanos / 1_000_000);
  }

  /** Distinct strategies in layer order, runs of one strategy collapsed ("... x10"). */
  static String summarize(List<String> strategies) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < strategies.size()) {
      int j = i;
      while (j < strategies.size() && strategies.get(j).equals(strategies.get(i))) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append(strategies.get(i));
      if (j - i > 1) {
        sb.append(" x").append(j - i);
      }
      i = j;
    }
    return sb.toString();
  }

  /** Configures a {@link DepthTable}; every setter validates its argument. */
  public static final class Builder {
    private final FiniteGroup group;
    private ImmutableList<String> models = ALL_MODELS;
    private int[] lengths = Lengths.doubling(2, 1024, "2..1024");
    private Outputs outputs = Outputs.LAST;
    private int samples = 64;
    private long seed = 1;
    private CompileOptions options = CompileOptions.defaults();
    private Consumer<String> progress = line -> {};
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(FiniteGroup group) {
      this.group = checkNotNull(group, "group");
    }

    /** The models, by name ({@link #ALL_MODELS}); duplicates are dropped, order kept. */
    public Builder models(List<String> names) {
      checkArgument(!names.isEmpty(), "no models given");
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      for (String name : names) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String base = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        checkArgument(
            ALL_MODELS.contains(base),
            "unknown model '%s': expected one of %s",
            name.strip(),
            String.join(", ", ALL_MODELS));
        distinct.add(key);
      }
      this.models = ImmutableList.copyOf(distinct);
      return this;
    }

    /** The sequence lengths, strictly increasing and positive. */
    public Builder lengths(int[] lengths) {
      checkArgument(lengths.length > 0, "no lengths given");
      for (int i = 0; i < lengths.length; i++) {
        checkArgument(lengths[i] >= 1, "length must be positive, got %s", lengths[i]);
        checkArgument(i == 0 || lengths[i] > lengths[i - 1], "lengths must increase");
      }
      this.lengths = lengths.clone();
      return this;
    }

    /** Whether the circuit outputs the last position only or every position. */
    public Builder outputs(Outputs outputs) {
      this.outputs = checkNotNull(outputs, "outputs");
      return this;
    }

    /** Random words checked per cell (at most |G|^n distinct words exist). */
    public Builder samples(int samples) {
      checkArgument(samples >= 1, "samples must be at least 1, got %s", samples);
      this.samples = samples;
      return this;
    }

    /** The seed of the words and of the random-weight models. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Compile options (prefix network, state bound, size limit). */
    public Builder options(CompileOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /** The number of cells computed at once (default: the available processors). */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
      this.threads = threads;
      return this;
    }

    /** Receives one line per finished cell, from the thread that computed it. */
    public Builder progress(Consumer<String> progress) {
      this.progress = checkNotNull(progress, "progress");
      return this;
    }

    public DepthTable build() {
      return new DepthTable(this);
    }
  }
}
