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

    private static void wrapLine(String line, int width, StringBuilder out) {
        String continuation = line.startsWith("@") ? "    " : "";
        int lineStart = out.length();
        String[] words = line.split(" ");
        boolean first = true;
        for (String word : words) {
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
