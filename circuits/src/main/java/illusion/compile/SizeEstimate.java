package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A size projected before a circuit is built: gates, wires counted as the flat circuit has them
 * (every threshold gate reading a shared sum counts all of the sum's terms), and stored wires (what
 * memory holds: each stored sum term once, plus unit-gate fan-ins). Counts saturate at {@link
 * Long#MAX_VALUE}. Immutable.
 */
public final class SizeEstimate {
  /** Nothing. */
  public static final SizeEstimate ZERO = new SizeEstimate(0, 0, 0);

  private final long gates;
  private final long wires;
  private final long storedWires;

  private SizeEstimate(long gates, long wires, long storedWires) {
    this.gates = gates;
    this.wires = wires;
    this.storedWires = storedWires;
  }

  /** An estimate of {@code gates} gates, {@code wires} flat wires and {@code storedWires} stored. */
  public static SizeEstimate of(long gates, long wires, long storedWires) {
    checkArgument(
        gates >= 0 && wires >= 0 && storedWires >= 0,
        "negative size estimate: %s gates, %s wires, %s stored",
        gates,
        wires,
        storedWires);
    return new SizeEstimate(gates, wires, storedWires);
  }

  /** The projected number of gates. */
  public long gates() {
    return gates;
  }

  /** The projected number of wires of the flat circuit (total fan-in). */
  public long wires() {
    return wires;
  }

  /** The projected number of stored fan-in entries (sum terms once, unit-gate fan-ins). */
  public long storedWires() {
    return storedWires;
  }

  /** The componentwise sum (saturating). */
  public SizeEstimate plus(SizeEstimate other) {
    return new SizeEstimate(
        add(gates, other.gates), add(wires, other.wires), add(storedWires, other.storedWires));
  }

  /** This estimate repeated {@code k >= 0} times (saturating). */
  public SizeEstimate times(long k) {
    checkArgument(k >= 0, "negative multiplier %s", k);
    return new SizeEstimate(mul(gates, k), mul(wires, k), mul(storedWires, k));
  }

  static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SizeEstimate
        && ((SizeEstimate) o).gates == gates
        && ((SizeEstimate) o).wires == wires
        && ((SizeEstimate) o).storedWires == storedWires;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(gates) * 961 + Long.hashCode(wires) * 31 + Long.hashCode(storedWires);
  }

  /** For example {@code "12,345 gates, 1,234,567 wires (45,678 stored)"}. */
  @Override
  public String toString() {
    return String.format("%,d gates, %,d wires (%,d stored)", gates, wires, storedWires);
  }
}
