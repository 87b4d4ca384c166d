package io.gmalloc.processor.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads gmalloc's annotations from elements by qualified name (the processor loads no annotation class). */
public final class Annotations {
    private Annotations() {}

    /**
     * Finds an annotation on an element.
     *
     * @param element a record component, method or type
     * @param qualifiedName the annotation type's name
     * @return the mirror, or {@code null} when absent
     */
    public static AnnotationMirror find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    /**
     * Returns an annotation's explicit {@code value()} element.
     *
     * @param mirror an annotation with an {@code int value()}
     * @return the value entry, or {@code null} if javac could not evaluate it
     */
    public static AnnotationValue value(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Returns an annotation's {@code int value()}.
     *
     * @param mirror an annotation with an {@code int value()}
     * @return the value, or 0 if it is missing or not an int
     */
    public static int intValue(AnnotationMirror mirror) {
        AnnotationValue value = value(mirror);
        return value != null && value.getValue() instanceof Integer i ? i : 0;
    }
}
