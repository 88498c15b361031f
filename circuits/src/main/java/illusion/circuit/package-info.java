/**
 * Threshold circuits: one immutable network type ({@link illusion.circuit.Circuit}) of inputs,
 * constants and threshold gates {@code [Σ w_i x_i ≥ θ]} with integer weights of any size, built by
 * {@link illusion.circuit.CircuitBuilder} (structural hashing, literals with free complement, shared
 * and prefix weighted sums).
 *
 * <p>Algorithms over a circuit are separate classes: {@link illusion.circuit.Simulator}
 * (bit-parallel evaluation, 64 assignments per word), {@link illusion.circuit.Levels} (depth of
 * every node) and {@link illusion.circuit.CircuitStats} (size, depth, wires, weight bits of the flat
 * circuit, as DESIGN.md "Circuits" defines them).
 */
package illusion.circuit;
