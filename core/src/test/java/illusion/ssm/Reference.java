package illusion.ssm;

import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.number.Rational;
import java.math.BigInteger;

/**
 * Def. 2.1 spelled out per kind on raw parameters and BigInteger fractions, independently of the
 * evaluator's code: the reference the evaluator is tested against.
 */
final class Reference {
  final long[][] outputs;
  final Rational[] finalState;

  private Reference(long[][] outputs, Rational[] finalState) {
    this.outputs = outputs;
    this.finalState = finalState;
  }

  static Rational value(long raw, Precision p) {
    return Rational.dyadic(BigInteger.valueOf(raw), p.fractionBits());
  }

  static Rational[] of(Dyadic[] state) {
    Rational[] r = new Rational[state.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Rational.of(state[i]);
    }
    return r;
  }

  static Reference run(Layer layer, int[] tokens) {
    Precision p = layer.precision();
    int d = layer.stateDim();
    int m = layer.outputDim();
    long[][] b = layer.rawB();
    long[][] c = layer.rawC();
    long[][] dd = layer.rawD();
    Rational zero = Rational.dyadic(BigInteger.ZERO, 0);
    Rational[] h = new Rational[d];
    java.util.Arrays.fill(h, zero);
    long[][] out = new long[tokens.length][m];
    for (int t = 0; t < tokens.length; t++) {
      int x = tokens[t];
      Rational[] next = new Rational[d];
      for (int i = 0; i < d; i++) {
        Rational sum = value(b[i][x], p);
        switch (layer.kind()) {
          case S4:
            for (int j = 0; j < d; j++) {
              sum = sum.add(value(((S4Layer) layer).rawA()[i][j], p).multiply(h[j]));
            }
            break;
          case RNN:
            for (int j = 0; j < d; j++) {
              sum = sum.add(value(((RnnLayer) layer).rawA()[i][j], p).multiply(h[j]));
            }
            sum = Rational.dyadic(BigInteger.valueOf(sum.num().signum()), 0);
            break;
          case S4D:
            sum = sum.add(value(((S4DLayer) layer).rawA()[i], p).multiply(h[i]));
            break;
          case SELECTIVE:
            {
              int e = ((SelectiveLayer) layer).exponents()[i][x];
              if (e != SelectiveLayer.RESET) {
                Rational factor = Rational.dyadic(BigInteger.ONE, 0);
                for (int k = 0; k < e; k++) {
                  factor = factor.multiply(value(((SelectiveLayer) layer).rawBase()[i], p));
                }
                sum = sum.add(factor.multiply(h[i]));
              }
              break;
            }
          case IDS4:
            for (int j = 0; j < d; j++) {
              sum = sum.add(value(((Ids4Layer) layer).rawA(x)[i][j], p).multiply(h[j]));
            }
            break;
          default:
            throw new AssertionError();
        }
        next[i] = sum;
      }
      h = next;
      for (int k = 0; k < m; k++) {
        Rational y = value(dd[k][x], p);
        for (int i = 0; i < d; i++) {
          y = y.add(value(c[k][i], p).multiply(h[i]));
        }
        BigInteger floor = y.multiply(Rational.dyadic(BigInteger.ONE, -p.fractionBits())).floor();
        out[t][k] =
            floor
                .max(BigInteger.valueOf(p.minRaw()))
                .min(BigInteger.valueOf(p.maxRaw()))
                .longValueExact();
      }
    }
    return new Reference(out, h);
  }
}
