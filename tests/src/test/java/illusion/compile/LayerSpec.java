package illusion.compile;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Arrays;

/**
 * A generated layer with its readout, printed in full so that a shrunk counterexample can be read
 * and rebuilt: every parameter as raw fixed-point integers.
 */
final class LayerSpec {
  final LayerKind kind;
  final int bits;
  final int fractionBits;
  /** S4: d x d; S4D: 1 x d (the diagonal); selective: 1 x d (the bases). */
  final long[][] a;
  /** Selective only: d x |Σ| exponents, -1 = RESET. */
  final int[][] exponents;
  final long[][] b;
  final long[][] c;
  final long[][] d;
  final int[] moduli;
  final int labels;
  /** The label of every residue index (mixed radix, channel 0 least significant). */
  final int[] table;

  LayerSpec(
      LayerKind kind,
      int bits,
      int fractionBits,
      long[][] a,
      int[][] exponents,
      long[][] b,
      long[][] c,
      long[][] d,
      int[] moduli,
      int labels,
      int[] table) {
    this.kind = kind;
    this.bits = bits;
    this.fractionBits = fractionBits;
    this.a = a;
    this.exponents = exponents;
    this.b = b;
    this.c = c;
    this.d = d;
    this.moduli = moduli;
    this.labels = labels;
    this.table = table;
  }

  int vocabulary() {
    return b[0].length;
  }

  Layer layer() {
    Precision p = Precision.of(bits, fractionBits);
    switch (kind) {
      case S4:
        return S4Layer.builder(p).a(a).b(b).c(c).d(d).build();
      case S4D:
        return S4DLayer.builder(p).a(a[0]).b(b).c(c).d(d).build();
      case SELECTIVE:
        return SelectiveLayer.builder(p).base(a[0]).exponents(exponents).b(b).c(c).d(d).build();
      default:
        throw new IllegalArgumentException("no spec for " + kind);
    }
  }

  Model model() {
    Readout.Builder r = Readout.builder(moduli, labels);
    for (int i = 0; i < table.length; i++) {
      r.putIndex(i, table[i]);
    }
    return Model.builder("generated-" + kind, vocabulary()).add(layer(), r.build()).build();
  }

  @Override
  public String toString() {
    return kind
        + " layer, precision ("
        + bits
        + ", "
        + fractionBits
        + "), raw parameters: "
        + (kind == LayerKind.S4 ? "A=" + Arrays.deepToString(a) : "a=" + Arrays.toString(a[0]))
        + (exponents != null ? ", exponents=" + Arrays.deepToString(exponents) : "")
        + ", B="
        + Arrays.deepToString(b)
        + ", C="
        + Arrays.deepToString(c)
        + ", D="
        + Arrays.deepToString(d)
        + "; readout moduli="
        + Arrays.toString(moduli)
        + " table="
        + Arrays.toString(table);
  }
}
