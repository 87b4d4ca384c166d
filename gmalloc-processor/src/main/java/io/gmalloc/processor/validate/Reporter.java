package io.gmalloc.processor.validate;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reports diagnostics of one {@code @GMallocBucket} type through the {@link Messager} and counts its errors: a type
 * with an error generates nothing, and the next type starts with a fresh reporter.
 */
public final class Reporter {
    private final Messager messager;
    private int errorCount;

    /**
     * Creates a reporter for one type.
     *
     * @param messager the processing environment's messager
     */
    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /**
     * Reports on an element (javac points at its name).
     *
     * @param problem what is wrong
     * @param element the most specific offending element
     * @param args the message's arguments
     */
    public void report(Problem problem, Element element, Object... args) {
        count(problem);
        messager.printMessage(problem.kind(), problem.format(args), element);
    }

    /**
     * Reports on an annotation, or on one of its values when {@code value} is not null.
     *
     * @param problem what is wrong
     * @param element the annotated element
     * @param annotation the annotation
     * @param value the offending value, or {@code null} for the annotation as a whole
     * @param args the message's arguments
     */
    public void report(
            Problem problem, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
        count(problem);
        if (value == null) {
            messager.printMessage(problem.kind(), problem.format(args), element, annotation);
        } else {
            messager.printMessage(problem.kind(), problem.format(args), element, annotation, value);
        }
    }

    private void count(Problem problem) {
        if (problem.kind() == javax.tools.Diagnostic.Kind.ERROR) {
            errorCount++;
        }
    }

    /**
     * Returns whether an error was reported.
     *
     * @return {@code true} once any error was reported through this reporter
     */
    public boolean hasErrors() {
        return errorCount > 0;
    }
}
