package illusion.verify;

import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Evaluator;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shrinks a {@link Counterexample} to a smaller one that still fails: greedy passes that each try
 * one simplification and keep it when the {@link Probe} still reports the failure, repeated until
 * no pass makes progress or the probe budget is spent.
 *
 * <p>Simplifications, roughly from the largest effect to the smallest: drop the top or the bottom
 * layer (the bottom layer's readout tokens become the input), delete runs of tokens (halves,
 * quarters, ..., single tokens), compile the last position only, drop output channels (and the
 * readout's residue of that channel), drop state channels, drop tokens the sequence does not use,
 * ignore a readout channel (modulus 1), set parameters to 0 or halve them toward 0, narrow the
 * precision (fewer bits, fewer fraction bits), and lower token values. Each candidate is a valid model: builders validate it, and a
 * candidate they reject is skipped.
 */
final class Shrinker {
  /** Runs one candidate: the counterexample if it still fails the same way, else null. */
  @FunctionalInterface
  interface Probe {
    Counterexample test(Model model, int[] tokens, Outputs outputs);
  }

  private final Probe probe;
  private final int maxProbes;
  private final long deadlineNanos;
  private int probes;
  private int accepted;
  private Counterexample current;

  private Shrinker(Probe probe, Counterexample start, int maxProbes, long timeoutNanos) {
    this.probe = probe;
    this.current = start;
    this.maxProbes = maxProbes;
    this.deadlineNanos = System.nanoTime() + timeoutNanos;
  }

  /** The result of shrinking: the smallest counterexample found and the work it took. */
  static final class Result {
    final Counterexample counterexample;
    final int probes;
    final int steps;

    Result(Counterexample counterexample, int probes, int steps) {
      this.counterexample = counterexample;
      this.probes = probes;
      this.steps = steps;
    }
  }

  /**
   * Shrinks {@code start} (which must fail under {@code probe}) with at most {@code maxProbes}
   * probes and within about {@code timeoutNanos}.
   */
  static Result shrink(Probe probe, Counterexample start, int maxProbes, long timeoutNanos) {
    Shrinker s = new Shrinker(probe, start, maxProbes, timeoutNanos);
    s.run();
    return new Result(s.current, s.probes, s.accepted);
  }

  private boolean exhausted() {
    return probes >= maxProbes || System.nanoTime() > deadlineNanos;
  }

  /** Probes a candidate; on failure it becomes the current counterexample. */
  private boolean attempt(Model model, int[] tokens, Outputs outputs) {
    if (model == null || tokens.length == 0 || exhausted()) {
      return false;
    }
    probes++;
    Counterexample c;
    try {
      c = probe.test(model, tokens, outputs);
    } catch (IllegalArgumentException refused) {
      return false;
    }
    if (c == null) {
      return false;
    }
    current = c;
    accepted++;
    return true;
  }

  private void run() {
    boolean progress = true;
    while (progress && !exhausted()) {
      progress = dropLayers() | shortenSequence() | lastOnly() | dropOutputs() | dropStates()
          | dropUnusedTokens() | ignoreReadoutChannels() | simplifyParameters()
          | narrowPrecision() | lowerTokens();
    }
  }

  private Model model() {
    return current.model();
  }

  private int[] tokens() {
    return current.tokens();
  }

  private Outputs outputs() {
    return current.outputs();
  }

  /** A model from parts, or null when the parts do not chain. */
  private static Model model(String name, int vocab, List<Layer> layers, List<Readout> readouts) {
    try {
      Model.Builder b = Model.builder(name, vocab);
      for (int i = 0; i < layers.size(); i++) {
        b.add(layers.get(i), readouts.get(i));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean dropLayers() {
    boolean any = false;
    while (model().depth() > 1 && !exhausted()) {
      Model m = model();
      List<Layer> layers = new ArrayList<>(m.layers());
      List<Readout> readouts = new ArrayList<>(m.readouts());
      Model top =
          model(m.name(), m.inputVocabulary(), layers.subList(0, layers.size() - 1),
              readouts.subList(0, readouts.size() - 1));
      if (attempt(top, tokens(), outputs())) {
        any = true;
        continue;
      }
      int[] below = Evaluator.of(m).trace(tokens()).tokens(0);
      Model bottom =
          model(m.name(), m.readout(0).outputVocabulary(), layers.subList(1, layers.size()),
              readouts.subList(1, readouts.size()));
      if (attempt(bottom, below, outputs())) {
        any = true;
        continue;
      }
      break;
    }
    return any;
  }

  private boolean shortenSequence() {
    boolean any = false;
    for (int chunk = Math.max(1, tokens().length / 2); chunk >= 1 && !exhausted(); chunk /= 2) {
      for (int from = 0; from < tokens().length && !exhausted(); ) {
        int[] t = tokens();
        if (t.length <= 1) {
          return any;
        }
        int to = Math.min(t.length, from + chunk);
        int[] shorter = new int[t.length - (to - from)];
        System.arraycopy(t, 0, shorter, 0, from);
        System.arraycopy(t, to, shorter, from, t.length - to);
        if (attempt(model(), shorter, outputs())) {
          any = true; // retry at the same offset
        } else {
          from += chunk;
        }
      }
    }
    return any;
  }

  private boolean lastOnly() {
    return outputs() == Outputs.ALL && attempt(model(), tokens(), Outputs.LAST);
  }

  /** The model with layer l and readout l replaced (null when they do not chain). */
  private Model replace(int l, Layer layer, Readout readout) {
    Model m = model();
    List<Layer> layers = new ArrayList<>(m.layers());
    List<Readout> readouts = new ArrayList<>(m.readouts());
    layers.set(l, layer);
    readouts.set(l, readout);
    return model(m.name(), m.inputVocabulary(), layers, readouts);
  }

  private static Layer build(LayerParts parts) {
    try {
      return parts.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean tryLayer(int l, LayerParts parts, Readout readout) {
    Layer layer = build(parts);
    return layer != null && readout != null && attempt(replace(l, layer, readout), tokens(), outputs());
  }

  private boolean dropOutputs() {
    boolean any = false;
    for (int l = 0; l < model().depth(); l++) {
      for (int j = model().layer(l).outputDim() - 1; j >= 0 && !exhausted(); j--) {
        if (model().layer(l).outputDim() > 1) {
          LayerParts parts = LayerParts.of(model().layer(l)).withoutOutput(j);
          any |= tryLayer(l, parts, withoutChannel(model().readout(l), j));
        }
      }
    }
    return any;
  }

  /** The readout on the channels other than j, reading channel j as residue 0. */
  static Readout withoutChannel(Readout r, int j) {
    int[] moduli = r.moduli();
    int[] fewer = new int[moduli.length - 1];
    for (int c = 0, k = 0; c < moduli.length; c++) {
      if (c != j) {
        fewer[k++] = moduli[c];
      }
    }
    try {
      return Readout.tabulate(
          fewer,
          r.outputVocabulary(),
          res -> {
            long[] y = new long[moduli.length];
            for (int c = 0, k = 0; c < moduli.length; c++) {
              y[c] = c == j ? 0 : res[k++];
            }
            return r.apply(y);
          });
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The readout that ignores channel j (modulus 1), reading it as residue 0. */
  static Readout ignoring(Readout r, int j) {
    int[] moduli = r.moduli();
    int[] ignored = moduli.clone();
    ignored[j] = 1;
    try {
      return Readout.tabulate(
          ignored,
          r.outputVocabulary(),
          res -> {
            long[] y = new long[moduli.length];
            for (int c = 0; c < moduli.length; c++) {
              y[c] = res[c];
            }
            return r.apply(y);
          });
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private boolean dropStates() {
    boolean any = false;
    for (int l = 0; l < model().depth(); l++) {
      for (int i = model().layer(l).stateDim() - 1; i >= 0 && !exhausted(); i--) {
        if (model().layer(l).stateDim() > 1) {
          LayerParts parts = LayerParts.of(model().layer(l)).withoutState(i);
          any |= tryLayer(l, parts, model().readout(l));
        }
      }
    }
    return any;
  }

  /** Drops input tokens the sequence does not use (layer 0's vocabulary), renumbering the rest. */
  private boolean dropUnusedTokens() {
    boolean any = false;
    for (int sigma = model().inputVocabulary() - 1; sigma >= 0 && !exhausted(); sigma--) {
      int[] t = tokens();
      final int s = sigma;
      if (model().inputVocabulary() <= 1 || Arrays.stream(t).anyMatch(x -> x == s)) {
        continue;
      }
      Model m = model();
      Layer layer = build(LayerParts.of(m.layer(0)).withoutToken(sigma));
      if (layer == null) {
        continue;
      }
      List<Layer> layers = new ArrayList<>(m.layers());
      layers.set(0, layer);
      Model fewer = model(m.name(), m.inputVocabulary() - 1, layers, m.readouts());
      int[] renumbered = Arrays.stream(t).map(x -> x > s ? x - 1 : x).toArray();
      any |= attempt(fewer, renumbered, outputs());
    }
    return any;
  }

  private boolean ignoreReadoutChannels() {
    boolean any = false;
    for (int l = 0; l < model().depth(); l++) {
      for (int j = 0; j < model().readout(l).channels() && !exhausted(); j++) {
        if (model().readout(l).moduli()[j] > 1) {
          Readout r = ignoring(model().readout(l), j);
          any |= r != null && attempt(replace(l, model().layer(l), r), tokens(), outputs());
        }
      }
    }
    return any;
  }

  private boolean simplifyParameters() {
    boolean any = false;
    for (int l = 0; l < model().depth(); l++) {
      int rowCount = LayerParts.of(model().layer(l)).rows().size();
      for (int row = 0; row < rowCount && !exhausted(); row++) {
        int width = LayerParts.of(model().layer(l)).rows().get(row).length;
        for (int j = 0; j < width && !exhausted(); j++) {
          any |= simplifyEntry(l, row, j);
        }
      }
      any |= simplifyExponents(l);
    }
    return any;
  }

  /** Tries 0, then halving toward 0, for one raw entry. */
  private boolean simplifyEntry(int l, int row, int j) {
    boolean any = false;
    long value = LayerParts.of(model().layer(l)).rows().get(row)[j];
    if (value == 0) {
      return false;
    }
    if (setEntry(l, row, j, 0)) {
      return true;
    }
    while (value / 2 != 0 && !exhausted()) {
      long half = value / 2;
      if (!setEntry(l, row, j, half)) {
        break;
      }
      any = true;
      value = half;
    }
    return any;
  }

  private boolean setEntry(int l, int row, int j, long value) {
    LayerParts parts = LayerParts.of(model().layer(l)).copyParts();
    parts.rows().get(row)[j] = value;
    return tryLayer(l, parts, model().readout(l));
  }

  private boolean simplifyExponents(int l) {
    boolean any = false;
    LayerParts start = LayerParts.of(model().layer(l));
    if (start.exponents == null) {
      return false;
    }
    for (int i = 0; i < start.exponents.length && !exhausted(); i++) {
      for (int s = 0; s < start.exponents[i].length && !exhausted(); s++) {
        int e = LayerParts.of(model().layer(l)).exponents[i][s];
        for (int smaller : new int[] {0, 1, e / 2}) {
          if (smaller >= 0 && (e < 0 || smaller < e)) {
            LayerParts parts = LayerParts.of(model().layer(l)).copyParts();
            parts.exponents[i][s] = smaller;
            if (tryLayer(l, parts, model().readout(l))) {
              any = true;
              break;
            }
          }
        }
      }
    }
    return any;
  }

  /**
   * Fewer total bits with the same raw values; else fewer fraction bits with the same raw values
   * (every value doubles); else both, with halved raw values.
   */
  private boolean narrowPrecision() {
    boolean any = false;
    for (int l = 0; l < model().depth(); l++) {
      while (!exhausted()) {
        LayerParts parts = LayerParts.of(model().layer(l));
        Precision p = parts.precision;
        boolean step = false;
        if (p.bits() > 2 && p.fractionBits() < p.bits() - 1) {
          step = tryLayer(l, parts.withPrecision(Precision.of(p.bits() - 1, p.fractionBits())), model().readout(l));
        }
        if (!step && p.fractionBits() > 0) {
          step = tryLayer(l, parts.withPrecision(Precision.of(p.bits(), p.fractionBits() - 1)), model().readout(l));
        }
        if (!step && p.fractionBits() > 0 && p.bits() > 2) {
          LayerParts coarser = parts.withPrecision(Precision.of(p.bits() - 1, p.fractionBits() - 1));
          for (long[] row : coarser.rows()) {
            for (int j = 0; j < row.length; j++) {
              row[j] >>= 1;
            }
          }
          step = tryLayer(l, coarser, model().readout(l));
        }
        if (!step) {
          break;
        }
        any = true;
      }
    }
    return any;
  }

  private boolean lowerTokens() {
    boolean any = false;
    for (int t = 0; t < tokens().length && !exhausted(); t++) {
      int token = tokens()[t];
      for (int smaller = 0; smaller < token && !exhausted(); smaller++) {
        int[] lower = tokens();
        lower[t] = smaller;
        if (attempt(model(), lower, outputs())) {
          any = true;
          break;
        }
      }
    }
    return any;
  }
}
