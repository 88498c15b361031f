#!/usr/bin/env bash
# Runs one compiled circuit on the same random input vectors through this project's simulator,
# Icarus Verilog and Verilator, checks that all three agree, and prints wall times and ratios.
#
#   tests/bench/compare.sh [--workload ids4|diag-stack|s4-random] [--n N] [--vectors V]
#                          [--seed S] [--rebuild]
#
# Defaults: ids4 (A5), n = 64, 10,000 vectors, seed 1. diag-stack runs on A4_x_Z5 (A5 is not
# solvable). Needs Java 17, Maven, iverilog/vvp and verilator on the PATH; installs nothing.
# Work files go to tests/target/compare-<workload>-<n>/.
set -euo pipefail

workload=ids4
n=64
vectors=10000
seed=1
rebuild=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workload) workload="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --vectors) vectors="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
missing=()
for tool in java mvn iverilog vvp verilator; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "compare.sh: missing on the PATH: ${missing[*]}" >&2
  echo "  install the simulators with: sudo apt-get install iverilog verilator" >&2
  echo "  (Java 17 and Maven are needed to build the project)" >&2
  exit 2
fi

jar="$root/tests/target/benchmarks.jar"
if [[ $rebuild -eq 1 || ! -f "$jar" ]]; then
  echo "building $jar ..."
  (cd "$root" && mvn -B -q -Pbench -pl tests -am package -DskipTests)
fi

dir="$root/tests/target/compare-$workload-$n"
rm -rf "$dir"
mkdir -p "$dir"
java_cmd=(java -Xmx12g -cp "$jar" illusion.bench.CompareSimulators)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# median wall time of three runs of a command run in $dir (short runs: the load varies)
median3() {
  local times=() t0 t1
  for _ in 1 2 3; do
    t0=$(now); (cd "$dir" && "$@" > /dev/null 2>&1) || return 1; t1=$(now)
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== circuit and vectors"
"${java_cmd[@]}" prepare "$dir" "$workload" "$n" "$vectors" "$seed" | tee "$dir/prepare.txt"
gates=$(awk -F': ' '/^gates:/ {print $2}' "$dir/prepare.txt")

echo "== this project's simulator"
"${java_cmd[@]}" simulate "$dir" "$workload" "$n" | tee "$dir/java.txt"
java_sim=$(awk -F': ' '/^java simulate seconds:/ {print $2}' "$dir/java.txt")
java_warm=$(awk -F': ' '/^java simulate warm seconds:/ {print $2}' "$dir/java.txt")
java_f2f=$(awk -F': ' '/^java file-to-file seconds:/ {print $2}' "$dir/java.txt")

echo "== Icarus Verilog ($(iverilog -V 2>&1 | head -1))"
t0=$(now)
(cd "$dir" && iverilog -g2012 -o icarus.vvp -s circuit_tb circuit.v circuit_tb.v > icarus-build.log 2>&1)
t1=$(now)
(cd "$dir" && vvp -n icarus.vvp +in=vectors.in +out=icarus.out > icarus-run.log 2>&1)
t2=$(now)
icarus_build=$(elapsed "$t0" "$t1")
icarus_run=$(elapsed "$t1" "$t2")
echo "icarus build seconds: $icarus_build"
echo "icarus run seconds: $icarus_run"

echo "== Verilator ($(verilator --version))"
t0=$(now)
(cd "$dir" && verilator --binary --timing -Wno-fatal -j "$(nproc)" --top-module circuit_tb \
  -Mdir verilator -o vsim circuit.v circuit_tb.v > verilator-build.log 2>&1)
t1=$(now)
verilator_build=$(elapsed "$t0" "$t1")
verilator_run=$(median3 ./verilator/vsim +in=vectors.in +out=verilator.out)
echo "verilator build seconds: $verilator_build"
echo "verilator run seconds (median of 3): $verilator_run"
# the same testbench around a stub with the circuit's ports: the cost of the vector file I/O
(cd "$dir" && verilator --binary --timing -Wno-fatal -j "$(nproc)" --top-module circuit_tb \
  -Mdir verilator-stub -o vstub stub.v circuit_tb.v > verilator-stub-build.log 2>&1)
verilator_io=$(median3 ./verilator-stub/vstub +in=vectors.in +out=stub.out)
echo "verilator run seconds with a stub circuit (vector file I/O only, median of 3): $verilator_io"

echo "== agreement"
"${java_cmd[@]}" check "$dir" java.out icarus.out verilator.out

echo "== summary ($workload, n = $n, $vectors vectors, $gates gates)"
awk -v g="$gates" -v v="$vectors" -v js="$java_sim" -v jw="$java_warm" -v jf="$java_f2f" \
    -v ir="$icarus_run" -v ib="$icarus_build" -v vb="$verilator_build" -v vr="$verilator_run" -v vio="$verilator_io" 'BEGIN {
  printf "%-44s %10s %14s\n", "", "seconds", "gate evals/s"
  printf "%-44s %10.4f %14.3e\n", "java simulator, simulation only (first run)", js, g * v / js
  printf "%-44s %10.4f %14.3e\n", "java simulator, simulation only (warm)", jw, g * v / jw
  printf "%-44s %10.3f %14.3e\n", "java simulator, file to file (first run)", jf, g * v / jf
  printf "%-44s %10.3f %14.3e\n", "icarus run (vvp, file to file)", ir, g * v / ir
  printf "%-44s %10.3f\n", "icarus build (iverilog)", ib
  printf "%-44s %10.3f %14.3e\n", "verilator run (file to file)", vr, g * v / vr
  printf "%-44s %10.3f\n", "verilator build", vb
  printf "%-44s %10.3f\n", "verilator run, stub circuit (file I/O only)", vio
  ve = vr - vio
  if (ve > 0.1 * vr) printf "%-44s %10.3f %14.3e\n", "verilator evaluation (run minus file I/O)", ve, g * v / ve
  else printf "%-44s %10s\n", "verilator evaluation (run minus file I/O)", "within noise"
  printf "ratios, java simulation (first run): %.0fx icarus run, %.1fx verilator run, %.0fx verilator build + run\n", ir / js, vr / js, (vb + vr) / js
  printf "ratios, java simulation (warm):      %.0fx icarus run, %.1fx verilator run, %.0fx verilator build + run\n", ir / jw, vr / jw, (vb + vr) / jw
  printf "ratios, java file to file:           %.0fx icarus run, %.1fx verilator run, %.0fx verilator build + run\n", ir / jf, vr / jf, (vb + vr) / jf
  if (ve > 0.1 * vr) printf "ratio, java simulation (warm) vs verilator evaluation without file I/O: %.1fx\n", ve / jw
}'
