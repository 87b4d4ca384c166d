/** gmalloc benchmarks. */
package io.gmalloc.benchmarks;
