/** Benchmarks of cdht: the harness behind {@code bench/run.sh} (see bench/README.md). */
package vn.cdht.bench;
