package illusion.compile;

import illusion.number.Dyadic;
import illusion.number.Precision;

/** Raw fixed-point parameters as exact {@link Dyadic} values. */
final class Exact {
  private Exact() {}

  static Dyadic[] values(long[] raw, Precision precision) {
    Dyadic[] v = new Dyadic[raw.length];
    for (int i = 0; i < raw.length; i++) {
      v[i] = precision.value(raw[i]);
    }
    return v;
  }

  static Dyadic[][] values(long[][] raw, Precision precision) {
    Dyadic[][] v = new Dyadic[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      v[i] = values(raw[i], precision);
    }
    return v;
  }

  static boolean isZero(Dyadic[] v) {
    for (Dyadic x : v) {
      if (x.signum() != 0) {
        return false;
      }
    }
    return true;
  }
}
