package io.gmalloc.processor.validate;

import io.gmalloc.processor.Names;
import io.gmalloc.processor.model.BucketKind;
import io.gmalloc.processor.model.BucketModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import io.gmalloc.processor.model.Components;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Every rule of docs/design.md §4 in one place. Works on javax.lang.model before extraction (the model would have nothing
 * to point at) and reports each problem on the most specific element: the component, the type parameter, the
 * {@code name} value. All problems of a type are reported, not just the first.
 */
public final class BucketValidator {
    /** Generated (or inherited) methods whose names a component accessor {@code name(long)} / {@code name(long, T)} could clash with. */
    private static final Map<String, String> RESERVED_GETTERS = Map.of(
            "free", "free(long)",
            "load", "load(long)",
            "segment", "segment(long)",
            "allocArray", "allocArray(long)",
            "freeArray", "freeArray(long)",
            "elementAddress", "elementAddress(long, long)",
            "wait", "Object.wait(long)");

    /** Extra names an interface's getters cannot take: the generated {@code ref(long)} and {@code Ref}'s own methods. */
    private static final Map<String, String> RESERVED_FOR_FLYWEIGHTS = Map.of(
            "ref", "ref(long)",
            "address", "Ref.address()",
            "moveTo", "Ref.moveTo(long)");

    private final Elements elements;
    private final Types types;

    /** Generated class names claimed so far in this compilation, so two records cannot claim one name. */
    private final Set<String> claimedNames = new HashSet<>();

    /**
     * Creates a validator for one compilation.
     *
     * @param elements element utilities
     * @param types type utilities
     */
    public BucketValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * Checks an annotated element and reports every problem.
     *
     * @param annotated an element carrying {@code @GMallocBucket}
     * @param annotation that annotation
     * @param reporter the type's reporter
     * @return the generated class's simple name when no error was found, otherwise empty
     */
    public Optional<String> validate(Element annotated, AnnotationMirror annotation, Reporter reporter) {
        if (annotated.getKind() != ElementKind.RECORD && annotated.getKind() != ElementKind.INTERFACE) {
            reporter.report(Diagnostic.NOT_RECORD, annotated,
                    annotated.getSimpleName(), describeKind(annotated), annotated.getSimpleName());
            return Optional.empty();
        }
        TypeElement record = (TypeElement) annotated;
        String packageName = packageName(record);

        String inaccessible = inaccessibility(record, packageName);
        if (inaccessible != null) {
            reporter.report(Diagnostic.NOT_ACCESSIBLE, record, record.getSimpleName(),
                    packageName.isEmpty() ? "(unnamed)" : packageName, inaccessible, defaultName(record));
        }
        for (TypeParameterElement parameter : record.getTypeParameters()) {
            reporter.report(Diagnostic.GENERIC_RECORD, parameter, record.getSimpleName(), parameter.getSimpleName());
        }
        if (record.getKind() == ElementKind.INTERFACE) {
            validateInterfaceShape(record, reporter);
        }
        if (Components.of(record).isEmpty()) {
            reporter.report(Diagnostic.EMPTY_RECORD, record, kindWord(record), record.getSimpleName());
        }
        String generatedName = validateName(record, annotation, packageName, reporter);
        validateComponents(record, packageName, generatedName == null ? defaultName(record) : generatedName, reporter);

        if (reporter.hasErrors() || generatedName == null) {
            return Optional.empty();
        }
        claimedNames.add(qualify(packageName, generatedName));
        return Optional.of(generatedName);
    }

    /**
     * Checks what only the placed model shows: a struct too large for a special bucket gets a warning.
     *
     * @param model the extracted model
     * @param record the record it came from
     * @param reporter the type's reporter
     */
    public void validateModel(BucketModel model, TypeElement record, Reporter reporter) {
        if (model.bucketKind() == BucketKind.SYSTEM) {
            reporter.report(Diagnostic.TOO_LARGE, record, record.getSimpleName(), model.struct().sizeBytes());
        }
    }

    private String validateName(TypeElement record, AnnotationMirror annotation, String packageName, Reporter reporter) {
        AnnotationValue nameValue = null;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("name")) {
                nameValue = entry.getValue();
            }
        }
        String name = nameValue == null ? "" : String.valueOf(nameValue.getValue());
        if (!name.isEmpty() && (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name))) {
            reporter.report(Diagnostic.INVALID_NAME, record, annotation, nameValue, name, record.getSimpleName());
            return null;
        }
        String generatedName = name.isEmpty() ? defaultName(record) : name;
        String qualified = qualify(packageName, generatedName);
        TypeElement existing = elements.getTypeElement(qualified);
        String clash = null;
        if (claimedNames.contains(qualified)) {
            clash = "the class generated for another @GMallocBucket record";
        } else if (existing != null && !isPreviousOutputFor(existing, record)) {
            clash = "an existing type of that name (" + describeKind(existing) + ")";
        }
        if (clash != null) {
            if (nameValue == null) {
                reporter.report(Diagnostic.NAME_CLASH, record, qualified, clash); // the default name: on the record
            } else {
                reporter.report(Diagnostic.NAME_CLASH, record, annotation, nameValue, qualified, clash);
            }
            return null;
        }
        return generatedName;
    }

    /**
     * An interface declares only getter/setter pairs (default and static methods aside), extends nothing, and is not
     * sealed, so the generated {@code Ref} can implement it.
     */
    private void validateInterfaceShape(TypeElement type, Reporter reporter) {
        if (!type.getInterfaces().isEmpty()) {
            reporter.report(Diagnostic.INTERFACE_METHOD, type, "interface " + type.getSimpleName() + " extends "
                    + type.getInterfaces() + "; declare every getter/setter pair in the annotated interface itself");
        }
        if (type.getModifiers().contains(Modifier.SEALED)) {
            reporter.report(Diagnostic.INTERFACE_METHOD, type, "interface " + type.getSimpleName()
                    + " is sealed, but the generated Ref must implement it; remove 'sealed'");
        }
        List<ExecutableElement> methods = Components.abstractMethods(type);
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            if (Components.isGetter(method)) {
                TypeMirror valueType = method.getReturnType();
                boolean paired = methods.stream().anyMatch(m -> Components.isSetter(m)
                        && m.getSimpleName().contentEquals(name)
                        && types.isSameType(m.getParameters().getFirst().asType(), valueType));
                if (!paired) {
                    reporter.report(Diagnostic.INTERFACE_METHOD, method, "getter " + name + "() has no setter; add "
                            + "void " + name + "(" + valueType + " value)");
                }
            } else if (Components.isSetter(method)) {
                TypeMirror valueType = method.getParameters().getFirst().asType();
                boolean paired = methods.stream().anyMatch(m -> Components.isGetter(m)
                        && m.getSimpleName().contentEquals(name)
                        && types.isSameType(m.getReturnType(), valueType));
                if (!paired) {
                    reporter.report(Diagnostic.INTERFACE_METHOD, method, "setter " + name + "(" + valueType
                            + ") has no getter of the same type; add " + valueType + " " + name + "()");
                }
            } else {
                reporter.report(Diagnostic.INTERFACE_METHOD, method, "method " + name + " is neither a getter "
                        + "T " + name + "() nor a setter void " + name + "(T value); make it a default method or "
                        + "remove it");
            }
        }
    }

    private void validateComponents(TypeElement record, String packageName, String generatedName, Reporter reporter) {
        Set<String> nestedAccessorNames = new HashSet<>();
        for (Components.Component component : Components.of(record)) {
            if (isBucketRecord(component.type())) {
                nestedAccessorNames.add(component.name() + "Address");
            }
        }
        boolean flyweight = record.getKind() == ElementKind.INTERFACE;
        for (Components.Component member : Components.of(record)) {
            Element component = member.element();
            String name = member.name();
            TypeMirror type = member.type();
            String reserved = RESERVED_GETTERS.get(name);
            if (reserved == null && flyweight) {
                reserved = RESERVED_FOR_FLYWEIGHTS.get(name);
            }
            if (reserved == null && nestedAccessorNames.contains(name)) {
                reserved = name + "(long), the address accessor of a nested record component";
            }
            if (reserved != null) {
                reporter.report(Diagnostic.COMPONENT_NAME_CLASH, component, name, name, reserved, generatedName);
            }
            if (type.getKind().isPrimitive() || type.getKind() == TypeKind.ERROR) {
                continue; // javac reports unknown types itself
            }
            if (type.getKind() == TypeKind.TYPEVAR) {
                if (record.getTypeParameters().isEmpty()) {
                    reporter.report(Diagnostic.UNSUPPORTED_COMPONENT, component, name, type,
                            "use a primitive type or a @GMallocBucket record");
                }
                continue; // the generic record error already says what to do
            }
            if (isBucketRecord(type)) {
                TypeElement nested = (TypeElement) ((DeclaredType) type).asElement();
                List<String> cycle = cycleBack(record, component, nested);
                if (cycle != null) {
                    reporter.report(Diagnostic.NESTING_CYCLE, component, name, String.join(" -> ", cycle));
                    continue;
                }
                String problem = nestedProblem(nested, packageName, new HashSet<>());
                if (problem != null) {
                    reporter.report(Diagnostic.NESTED_INVALID, component, name, nested.getSimpleName(), problem);
                }
                continue;
            }
            reporter.report(Diagnostic.UNSUPPORTED_COMPONENT, component, name, type, unsupportedAdvice(type));
        }
    }

    private String unsupportedAdvice(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return "arrays are not supported; declare fixed components (x0, x1, ...), or allocate the array as its "
                    + "own gmalloc block and store its address in a long component";
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return "use a primitive type or a @GMallocBucket record";
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        try {
            return "off-heap memory has no null or object identity; use the primitive "
                    + types.unboxedType(type) + " instead";
        } catch (IllegalArgumentException notBoxed) {
            // fall through to the other advice
        }
        if (element.getQualifiedName().contentEquals("java.lang.String")) {
            return "strings live on the Java heap; store an int or long id that indexes a Java-side table, or "
                    + "fixed char components";
        }
        if (element.getKind() == ElementKind.ENUM) {
            return "store the constant's ordinal() in a byte or int component and map it back with "
                    + element.getSimpleName() + ".values()[i]";
        }
        if (element.getKind() == ElementKind.RECORD) {
            return "annotate record " + element.getSimpleName() + " with @GMallocBucket to inline it as a nested "
                    + "struct";
        }
        return "only primitives and @GMallocBucket records can be stored; keep object references on the Java heap "
                + "and store an index or an address as an int or long";
    }

    /**
     * Finds a chain of nested bucket records from {@code nested} back to {@code root}.
     *
     * @return the cycle as "Type.component" steps, or {@code null} if {@code nested} does not contain {@code root}
     */
    private List<String> cycleBack(TypeElement root, Element first, TypeElement nested) {
        List<String> path = new ArrayList<>();
        path.add(root.getSimpleName() + "." + first.getSimpleName());
        if (nested.equals(root) || findPath(nested, root, path, new HashSet<>())) {
            path.add(root.getSimpleName().toString());
            return path;
        }
        return null;
    }

    private boolean findPath(TypeElement from, TypeElement target, List<String> path, Set<TypeElement> visited) {
        if (!visited.add(from)) {
            return false;
        }
        for (Components.Component component : Components.of(from)) {
            if (!isBucketRecord(component.type())) {
                continue;
            }
            TypeElement next = (TypeElement) ((DeclaredType) component.type()).asElement();
            path.add(from.getSimpleName() + "." + component.name());
            if (next.equals(target) || findPath(next, target, path, visited)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    /**
     * Checks a nested record silently (it reports its own errors where it is declared).
     *
     * @return what makes it unusable here, or {@code null} if it can be inlined
     */
    private String nestedProblem(TypeElement nested, String fromPackage, Set<TypeElement> visiting) {
        String name = nested.getSimpleName().toString();
        if (!visiting.add(nested)) {
            return "records nested in " + name + " contain themselves; fix the @GMallocBucket errors of " + name;
        }
        if (!nested.getTypeParameters().isEmpty()) {
            return name + " is generic; fix the @GMallocBucket errors of " + name;
        }
        if (Components.of(nested).isEmpty()) {
            return name + " has no components; fix the @GMallocBucket errors of " + name;
        }
        String inaccessible = inaccessibility(nested, fromPackage);
        if (inaccessible != null) {
            return name + " is not accessible from package " + fromPackage + " (" + inaccessible
                    + "); make it public";
        }
        for (Components.Component component : Components.of(nested)) {
            TypeMirror type = component.type();
            if (type.getKind().isPrimitive()) {
                continue;
            }
            if (!isBucketRecord(type)) {
                return "its component '" + component.name() + "' has unsupported type " + type
                        + "; fix the @GMallocBucket errors of " + name;
            }
            String problem = nestedProblem((TypeElement) ((DeclaredType) type).asElement(), fromPackage, visiting);
            if (problem != null) {
                return problem;
            }
        }
        visiting.remove(nested);
        return null;
    }

    /** Why code in {@code fromPackage} cannot use {@code type}, or {@code null} if it can. */
    private String inaccessibility(TypeElement type, String fromPackage) {
        boolean samePackage = packageName(type).equals(fromPackage);
        for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            if (!(e instanceof TypeElement t)) {
                return "it is declared inside " + e.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                        + " " + e.getSimpleName();
            }
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return t.equals(type) ? "it is a local record" : "it is declared inside local class " + t.getSimpleName();
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return t.equals(type) ? "it is private" : "it is declared inside private " + t.getSimpleName();
            }
            if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
                return t.equals(type) ? "it is not public" : "it is declared inside non-public " + t.getSimpleName();
            }
        }
        return null;
    }

    /** Whether {@code existing} is what this processor generated for {@code record} in an earlier build. */
    private boolean isPreviousOutputFor(TypeElement existing, TypeElement record) {
        for (ExecutableElement method : ElementFilter.methodsIn(existing.getEnclosedElements())) {
            if ((method.getSimpleName().contentEquals("load") || method.getSimpleName().contentEquals("ref"))
                    && method.getParameters().size() == 1
                    && method.getParameters().getFirst().asType().getKind() == TypeKind.LONG
                    && types.isSameType(method.getReturnType(), record.asType())) {
                return true;
            }
        }
        return false;
    }

    private boolean isBucketRecord(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind() != ElementKind.RECORD) {
            return false;
        }
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(Names.ANNOTATION)) {
                return true;
            }
        }
        return false;
    }

    private static String describeKind(Element element) {
        return switch (element.getKind()) {
            case CLASS -> "a class";
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            case RECORD -> "a record";
            default -> "a " + element.getKind().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String packageName(TypeElement type) {
        var pkg = elements.getPackageOf(type);
        return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }

    private static String kindWord(TypeElement type) {
        return type.getKind() == ElementKind.INTERFACE ? "interface" : "record";
    }

    private static String defaultName(TypeElement record) {
        return record.getSimpleName() + "Bucket";
    }

    private static String qualify(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
