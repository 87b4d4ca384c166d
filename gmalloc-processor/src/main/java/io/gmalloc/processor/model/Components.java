package io.gmalloc.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The struct members of an annotated type, in declaration order: a record's components, or an interface's getters
 * ({@code T name()}, each paired with a setter {@code void name(T)}, which the validator checks).
 */
public final class Components {
    private Components() {}

    /** Public methods of {@code Object} an interface may redeclare; they are not struct members. */
    private static final Set<String> OBJECT_METHODS = Set.of("hashCode()", "toString()", "equals(java.lang.Object)");

    /**
     * One member.
     *
     * @param name member name
     * @param type member type
     * @param element the record component or the getter, where diagnostics point
     */
    public record Component(String name, TypeMirror type, Element element) {}

    /**
     * Lists the members.
     *
     * @param type a record or an interface
     * @return components (record) or getters (interface), in declaration order
     */
    public static List<Component> of(TypeElement type) {
        List<Component> components = new ArrayList<>();
        if (type.getKind() == ElementKind.RECORD) {
            for (var component : type.getRecordComponents()) {
                components.add(new Component(component.getSimpleName().toString(), component.asType(), component));
            }
            return components;
        }
        for (ExecutableElement method : abstractMethods(type)) {
            if (isGetter(method)) {
                components.add(new Component(method.getSimpleName().toString(), method.getReturnType(), method));
            }
        }
        return components;
    }

    /**
     * Lists an interface's abstract methods other than redeclared {@code Object} methods.
     *
     * @param type an interface
     * @return the methods, in declaration order
     */
    public static List<ExecutableElement> abstractMethods(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getModifiers().contains(Modifier.ABSTRACT) && !OBJECT_METHODS.contains(signature(method))) {
                methods.add(method);
            }
        }
        return methods;
    }

    /**
     * Whether a method is a getter: no parameters, a non-void result, no type parameters.
     *
     * @param method an abstract method
     * @return {@code true} for {@code T name()}
     */
    public static boolean isGetter(ExecutableElement method) {
        return method.getParameters().isEmpty()
                && method.getReturnType().getKind() != TypeKind.VOID
                && method.getTypeParameters().isEmpty();
    }

    /**
     * Whether a method is a setter: one parameter, void result, no type parameters.
     *
     * @param method an abstract method
     * @return {@code true} for {@code void name(T value)}
     */
    public static boolean isSetter(ExecutableElement method) {
        return method.getParameters().size() == 1
                && method.getReturnType().getKind() == TypeKind.VOID
                && method.getTypeParameters().isEmpty();
    }

    private static String signature(ExecutableElement method) {
        List<String> parameters = new ArrayList<>();
        for (var parameter : method.getParameters()) {
            parameters.add(parameter.asType().toString());
        }
        return method.getSimpleName() + "(" + String.join(",", parameters) + ")";
    }
}
