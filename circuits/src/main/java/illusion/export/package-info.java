/**
 * File formats for {@link illusion.circuit.Circuit}s. {@link illusion.export.CircuitJson} is the
 * exact, streaming JSON interchange format.
 */
package illusion.export;
