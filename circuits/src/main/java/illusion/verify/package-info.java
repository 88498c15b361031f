/**
 * Exactness at scale: compiled circuits against the native evaluator on many random cases, bit for
 * bit (DESIGN.md "Semantics").
 *
 * <h2>Public API</h2>
 *
 * {@link illusion.verify.ExactnessCheck#builder()} configures a seeded check (cases, seed, layer
 * kinds, longest sequence, threads, time limit per model); {@link
 * illusion.verify.ExactnessCheck#run()} draws random models until the number of cases is reached,
 * and {@link illusion.verify.ExactnessCheck#check(illusion.ssm.Model, int[][],
 * illusion.compile.Outputs)} checks one given model on given sequences. Both return an {@link
 * illusion.verify.ExactnessReport}: cases, mismatches, crashes, timeouts, refusals per kind,
 * coverage of precisions and lengths, time, and the first failure shrunk to a {@link
 * illusion.verify.Counterexample} (a model, a token sequence, the outputs compiled).
 *
 * <h2>Inside the package</h2>
 *
 * <ul>
 *   <li>{@code RandomCases}: models of every layer kind, precisions of 2 to 63 bits, parameters
 *       from classes that reach zero, the least step, ±1, saturation; sequences of several shapes,
 *       or all of them when there are at most 64.
 *   <li>{@code Comparison}: simulates 64 sequences per word and decodes the circuit's output bits
 *       and label wires through {@link illusion.compile.CompiledModel}'s documented layout.
 *   <li>{@code Shrinker} with {@code LayerParts}: greedy simplification of a failing case (fewer
 *       layers, tokens, channels, states and vocabulary; zero or halved parameters; narrower
 *       precision) while it still fails the same way.
 * </ul>
 */
package illusion.verify;
