/**
 * The compiler from SSM models to threshold circuits: the executable form of the paper's Thm 4.2,
 * Cor 4.3 and Thm 4.4 / Cor 4.5 (non-gated and selective diagonal layers are in TC0), and of Thm
 * 5.1 / 5.2 (finite-state layers parallelize as log-depth prefix networks).
 *
 * <h2>Public API</h2>
 *
 * {@link illusion.compile.ModelCompiler#compile ModelCompiler.compile(model, n, outputs, options)}
 * returns a {@link illusion.compile.CompiledModel}: the {@link illusion.circuit.Circuit}, the input
 * wires {@code x[t][σ]} (one-hot, t < n), and at the requested positions ({@link
 * illusion.compile.Outputs#LAST} or {@link illusion.compile.Outputs#ALL}) the last layer's rounded
 * output bits {@code y[t][c][bit]} and the label one-hot {@code label[t][k]}. {@link
 * illusion.compile.CompileOptions} selects the prefix network, weight lowering, the state bound and
 * the size limit; the size is projected ({@link illusion.compile.SizeEstimate}) and checked before
 * anything is built. {@link illusion.compile.CircuitAgreement} checks a compiled model bit for bit
 * against the native evaluator.
 *
 * <h2>Pieces inside the package</h2>
 *
 * <ul>
 *   <li>{@code LayerCompiler}: one strategy for one layer at one length n. It says which token
 *       positions its outputs read ({@code inputPositions}), projects its size ({@code estimate},
 *       and {@code levels} for the readout after it), and builds ({@code compile(builder, tokens,
 *       outputPositions)}), where {@code tokens[t][σ]} are the one-hot literals of the layer's
 *       input token at t, and the result holds one {@code RoundedOutput} per needed position and
 *       output channel. {@code LayerCompilers.forLayer} picks the strategy by layer kind:
 *       <ul>
 *         <li>{@code ConvolutionCompiler} (S4, S4D; Thm 4.2): the exact kernel {@code C A^k B}, one
 *             weighted sum over the one-hot inputs per output; depth 2 plus the readout;
 *         <li>{@code SelectiveCompiler} (selective diagonal; Thm 4.4): window exponent sums as
 *             suffix sums, one threshold indicator per (window, token group, exponent sum), and
 *             prefix-sum chains for channels without exponents or RESETs; depth 3 (2 without
 *             windows) plus the readout. A prefix-sum output that the readout reads only modulo m
 *             and that neither rounds nor saturates (exact counters, as in {@code diag-stack}) is
 *             held by its residues instead ({@code PrefixResidues}: iterated addition mod m over
 *             blocks of positions, depth 6, {@code O(n^{4/3} m)} gates for every position);
 *         <li>{@code FiniteStateCompiler} (IDS4, RNN-SSM; Thm 5.1, 5.2): a parallel prefix of
 *             Boolean transition matrices; depth Θ(log n).
 *       </ul>
 *   <li>{@code OutputStage}: the rounding every strategy shares. Collect the value {@code w_0 + Σ
 *       w_i z_i} over indicator literals with exact dyadic weights in {@code OutputStage.Terms}
 *       (grouping literals of which at most / exactly one is true, such as a token's one-hot wires
 *       or a state's indicators, which keeps the range tight), then {@code OutputStage.round} makes
 *       one shared integer sum and the thermometer gates {@code [y ≥ v]} over the reachable range
 *       of {@code y = sat_p(floor(2^f value))}.
 *   <li>{@code RoundedOutput}: a thermometer code; two's complement bits ({@code bits}) and
 *       residues ({@code residue}) are one gate above it, made only when asked for. Or, for an
 *       output read only modulo m ({@code OutputUse} tells each strategy what is read), the
 *       one-hot residue literals alone.
 *   <li>{@code ReadoutCompiler}: a {@link illusion.ssm.Readout} as residue indicators, one AND per
 *       table entry and one OR per token: the next layer's token one-hot (or the label).
 * </ul>
 *
 * {@code ModelCompiler} chains them: it asks the layers top-down which positions they need, so
 * that with {@code LAST} only the positions the last output depends on are built, and bottom-up
 * wires each readout's one-hot outputs into the next layer's {@code tokens}.
 */
package illusion.compile;
