package io.gmalloc.processor.render;

import com.palantir.javapoet.CodeBlock;

/**
 * Generated javadoc text, wrapped so that no line of the generated source passes 100 columns. Text is built as a
 * plain string first (JavaPoet's {@code $} formats are not used for javadoc), then wrapped at spaces; lines inside
 * {@code <pre>} blocks are left as they are.
 */
final class Javadoc {
    /** Longest generated source line. */
    static final int COLUMNS = 100;

    /** Indentation of a top-level class's javadoc ({@code " * "}). */
    static final int TYPE = 0;

    /** Indentation of a member's javadoc ({@code "     * "}). */
    static final int MEMBER = 4;

    /** Indentation of a member of a nested class. */
    static final int NESTED_MEMBER = 8;

    private Javadoc() {}

    /**
     * Wraps javadoc text for an element at the given indentation.
     *
     * @param text the javadoc, lines separated by {@code \n}
     * @param indent spaces before the {@code /**} of the comment
     * @return a code block holding the wrapped text literally
     */
    static CodeBlock of(String text, int indent) {
        return CodeBlock.of("$L", wrap(text, COLUMNS - indent - 3));
    }

    /**
     * Wraps text at spaces so that each line has at most {@code width} characters where possible (a single word
     * longer than that stays on its own line); block-tag continuation lines are indented by 4.
     *
     * @param text lines separated by {@code \n}
     * @param width characters per line
     * @return the wrapped text, ending with {@code \n} when the input did
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        boolean pre = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains("<pre>")) {
                pre = true;
            }
            if (pre || line.length() <= width) {
                out.append(line);
            } else {
                wrapLine(line, width, out);
            }
            if (line.contains("</pre>")) {
                pre = false;
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Splits at spaces, keeping an inline tag such as {@code {@code a b}} together when it is short. */
    private static java.util.List<String> words(String line) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder current = null;
        int open = 0;
        for (String word : line.split(" ")) {
            if (current != null && open > 0 && current.length() < 40) {
                current.append(' ').append(word);
            } else {
                if (current != null) {
                    words.add(current.toString());
                }
                current = new StringBuilder(word);
                open = 0;
            }
            open += count(word, '{') - count(word, '}');
        }
        if (current != null) {
            words.add(current.toString());
        }
        return words;
    }

    private static int count(String word, char c) {
        int n = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static void wrapLine(String line, int width, StringBuilder out) {
        String continuation = line.startsWith("@") ? "    " : "";
        int lineStart = out.length();
        boolean first = true;
        for (String word : words(line)) {
            if (!first && out.length() - lineStart + 1 + word.length() > width) {
                out.append('\n').append(continuation);
                lineStart = out.length() - continuation.length();
                first = true;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(word);
            first = false;
        }
    }
}
