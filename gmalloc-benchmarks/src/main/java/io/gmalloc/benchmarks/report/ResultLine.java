package io.gmalloc.benchmarks.report;

import java.util.HashMap;
import java.util.Map;

/** The one reader of the {@code KIND key=value key=value ...} lines that bench/run's steps write. */
final class ResultLine {
    private ResultLine() {}

    /**
     * The fields of {@code line} after its {@code kind} word: each {@code key=value} token, split at its first
     * {@code =}; tokens without a key are skipped, and a repeated key keeps its last value.
     *
     * @param line a line that starts with {@code kind} and a space
     */
    static Map<String, String> fields(String line, String kind) {
        Map<String, String> kv = new HashMap<>();
        for (String token : line.substring(kind.length()).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                kv.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return kv;
    }
}
