package io.gmalloc.processor.validate;

import io.gmalloc.processor.Names;
import io.gmalloc.processor.model.Annotations;
import io.gmalloc.processor.model.BucketKind;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.Components;
import io.gmalloc.processor.model.FieldModel;
import java.util.ArrayList;
import java.util.HashMap;
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
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Every rule of docs/design.md §4 and docs/structs.md in one place. Works on javax.lang.model before extraction
 * (the model would have nothing to point at) and reports each problem on the most specific element: the component,
 * the type parameter, the {@code name} value, the annotation. All problems of a type are reported, not just the
 * first.
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
            reporter.report(
                    Problem.NOT_RECORD,
                    annotated,
                    annotated.getSimpleName(),
                    describeKind(annotated),
                    annotated.getSimpleName());
            return Optional.empty();
        }
        TypeElement record = (TypeElement) annotated;
        String packageName = packageName(record);

        String inaccessible = inaccessibility(record, packageName);
        if (inaccessible != null) {
            reporter.report(
                    Problem.NOT_ACCESSIBLE,
                    record,
                    record.getSimpleName(),
                    packageName.isEmpty() ? "(unnamed)" : packageName,
                    inaccessible,
                    defaultName(record));
        }
        for (TypeParameterElement parameter : record.getTypeParameters()) {
            reporter.report(Problem.GENERIC_RECORD, parameter, record.getSimpleName(), parameter.getSimpleName());
        }
        if (record.getKind() == ElementKind.INTERFACE) {
            validateInterfaceShape(record, reporter);
        }
        if (Components.of(record).isEmpty()) {
            reporter.report(Problem.EMPTY_RECORD, record, kindWord(record), record.getSimpleName());
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
            reporter.report(
                    Problem.TOO_LARGE,
                    record,
                    record.getSimpleName(),
                    model.struct().sizeBytes());
        }
    }

    private String validateName(
            TypeElement record, AnnotationMirror annotation, String packageName, Reporter reporter) {
        AnnotationValue nameValue = null;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("name")) {
                nameValue = entry.getValue();
            }
        }
        String name = nameValue == null ? "" : String.valueOf(nameValue.getValue());
        if (!name.isEmpty() && (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name))) {
            reporter.report(Problem.INVALID_NAME, record, annotation, nameValue, name, record.getSimpleName());
            return null;
        }
        String generatedName = name.isEmpty() ? defaultName(record) : name;
        String qualified = qualify(packageName, generatedName);
        TypeElement existing = elements.getTypeElement(qualified);
        String clash = null;
        if (claimedNames.contains(qualified)) {
            clash = Problem.Detail.CLAIMED.format();
        } else if (existing != null && !isPreviousOutputFor(existing, record)) {
            clash = Problem.Detail.EXISTING.format(describeKind(existing));
        }
        if (clash != null) {
            if (nameValue == null) {
                reporter.report(Problem.NAME_CLASH, record, qualified, clash); // the default name: on the record
            } else {
                reporter.report(Problem.NAME_CLASH, record, annotation, nameValue, qualified, clash);
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
            reporter.report(Problem.INTERFACE_EXTENDS, type, type.getSimpleName(), type.getInterfaces());
        }
        if (type.getModifiers().contains(Modifier.SEALED)) {
            reporter.report(Problem.INTERFACE_SEALED, type, type.getSimpleName());
        }
        List<ExecutableElement> methods = Components.abstractMethods(type);
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            if (Components.isGetter(method)) {
                TypeMirror valueType = method.getReturnType();
                boolean paired = methods.stream()
                        .anyMatch(m -> Components.isSetter(m)
                                && m.getSimpleName().contentEquals(name)
                                && types.isSameType(m.getParameters().getFirst().asType(), valueType));
                if (!paired) {
                    reporter.report(Problem.GETTER_WITHOUT_SETTER, method, name, name, valueType);
                }
            } else if (Components.isSetter(method)) {
                TypeMirror valueType = method.getParameters().getFirst().asType();
                boolean paired = methods.stream()
                        .anyMatch(m -> Components.isGetter(m)
                                && m.getSimpleName().contentEquals(name)
                                && types.isSameType(m.getReturnType(), valueType));
                if (!paired) {
                    reporter.report(Problem.SETTER_WITHOUT_GETTER, method, name, valueType, valueType, name);
                }
            } else {
                reporter.report(Problem.INTERFACE_METHOD, method, name, name, name);
            }
        }
    }

    private void validateComponents(TypeElement record, String packageName, String generatedName, Reporter reporter) {
        Map<String, String> derivedNames = new HashMap<>();
        for (Components.Component component : Components.of(record)) {
            TypeMirror type = component.type();
            if (isBucketRecord(type) || type.getKind() == TypeKind.ARRAY) {
                derivedNames.put(
                        component.name() + "Address",
                        Problem.Detail.ADDRESS_ACCESSOR.format(component.name() + "Address"));
            }
            if (Annotations.find(component.element(), Names.ATOMIC) != null) {
                for (String suffix : new String[] {"Volatile", "GetAndAdd", "CompareAndSet"}) {
                    derivedNames.put(
                            component.name() + suffix,
                            Problem.Detail.ATOMIC_ACCESSOR.format(component.name() + suffix));
                }
            }
        }
        Map<String, String> lengthConstants = new HashMap<>();
        for (Components.Component component : Components.of(record)) {
            if (component.type().getKind() == TypeKind.ARRAY) {
                String constant = FieldModel.upperSnake(component.name()) + "_LENGTH";
                String other = lengthConstants.putIfAbsent(constant, component.name());
                if (other != null) {
                    reporter.report(
                            Problem.LENGTH_CONSTANT_CLASH, component.element(), component.name(), constant, other);
                }
            }
        }
        boolean flyweight = record.getKind() == ElementKind.INTERFACE;
        boolean typeBigEndian = Annotations.find(record, Names.BIG_ENDIAN) != null;
        for (Components.Component member : Components.of(record)) {
            String name = member.name();
            String reserved = RESERVED_GETTERS.get(name);
            if (reserved == null && flyweight) {
                reserved = RESERVED_FOR_FLYWEIGHTS.get(name);
            }
            if (reserved == null) {
                reserved = derivedNames.get(name);
            }
            if (reserved != null) {
                reporter.report(Problem.COMPONENT_NAME_CLASH, member.element(), name, name, reserved, generatedName);
            }
            if (member.type().getKind() == TypeKind.TYPEVAR
                    && !record.getTypeParameters().isEmpty()) {
                continue; // the generic record error already says what to do
            }
            for (Finding finding : componentFindings(record, member, packageName, typeBigEndian)) {
                finding.report(reporter);
            }
        }
    }

    /** A problem found on a component, reported on its annotation (or annotation value) where there is one. */
    private record Finding(
            Problem problem, Element element, AnnotationMirror annotation, AnnotationValue value, Object[] args) {
        void report(Reporter reporter) {
            if (annotation == null) {
                reporter.report(problem, element, args);
            } else {
                reporter.report(problem, element, annotation, value, args);
            }
        }
    }

    /**
     * Every rule of docs/design.md §4 and docs/structs.md for one component: its type, and whether its annotations
     * fit it.
     * Pure: returns the problems, so the same rules also decide silently whether a nested record can be inlined.
     */
    private List<Finding> componentFindings(
            TypeElement owner, Components.Component member, String packageName, boolean typeBigEndian) {
        List<Finding> findings = new ArrayList<>();
        Element component = member.element();
        String name = member.name();
        TypeMirror type = member.type();
        AnnotationMirror length = Annotations.find(component, Names.LENGTH);
        AnnotationMirror utf8 = Annotations.find(component, Names.UTF8);
        AnnotationMirror atomic = Annotations.find(component, Names.ATOMIC);
        AnnotationMirror bigEndian = Annotations.find(component, Names.BIG_ENDIAN);
        if (type.getKind() == TypeKind.ERROR) {
            return findings; // javac reports unknown types itself
        }
        boolean array = type.getKind() == TypeKind.ARRAY;
        TypeMirror element = array ? ((ArrayType) type).getComponentType() : type;
        boolean string = isString(type);

        if (length != null && !array) {
            findings.add(
                    new Finding(Problem.LENGTH_NOT_ARRAY, component, length, null, new Object[] {name, type, name}));
        }
        if (utf8 != null && !string) {
            findings.add(new Finding(Problem.UTF8_NOT_STRING, component, utf8, null, new Object[] {name, type, name}));
        }
        for (AnnotationMirror sized : new AnnotationMirror[] {array ? length : null, string ? utf8 : null}) {
            if (sized != null && Annotations.intValue(sized) <= 0) {
                String simple =
                        sized.getAnnotationType().asElement().getSimpleName().toString();
                AnnotationValue value = Annotations.value(sized);
                findings.add(new Finding(Problem.SIZE_NOT_POSITIVE, component, sized, value, new Object[] {
                    name, simple, Annotations.intValue(sized), array ? "element count" : "byte count"
                }));
            }
        }
        if (atomic != null && type.getKind() != TypeKind.INT && type.getKind() != TypeKind.LONG) {
            findings.add(
                    new Finding(Problem.ATOMIC_NOT_INT_OR_LONG, component, atomic, null, new Object[] {name, type}));
        }
        if (bigEndian != null && !hasByteOrder(element)) {
            findings.add(new Finding(
                    Problem.BIG_ENDIAN_NOT_MULTIBYTE, component, bigEndian, null, new Object[] {name, type}));
        }
        if (atomic != null && (bigEndian != null || typeBigEndian) && hasByteOrder(type)) {
            findings.add(new Finding(Problem.BIG_ENDIAN_WITH_ATOMIC, component, atomic, null, new Object[] {
                name, bigEndian != null ? "component" : kindWord(owner)
            }));
        }

        if (type.getKind().isPrimitive()) {
            return findings;
        }
        if (type.getKind() == TypeKind.TYPEVAR) {
            findings.add(new Finding(Problem.UNSUPPORTED_COMPONENT, component, null, null, new Object[] {name, type}));
            return findings;
        }
        if (array) {
            if (length == null) {
                String cElement = element.getKind().isPrimitive()
                        ? io.gmalloc.processor.model.FieldKind.ofPrimitive(element.toString())
                                .cName()
                        : String.valueOf(element);
                findings.add(new Finding(
                        Problem.ARRAY_WITHOUT_LENGTH, component, null, null, new Object[] {name, type, cElement, name
                        }));
            }
            if (element.getKind().isPrimitive()) {
                return findings;
            }
            if (!isBucketRecord(element)) {
                findings.add(new Finding(
                        Problem.UNSUPPORTED_ARRAY_ELEMENT, component, null, null, new Object[] {name, element}));
                return findings;
            }
            nestedFindings(
                    owner, component, name, (TypeElement) ((DeclaredType) element).asElement(), packageName, findings);
            return findings;
        }
        if (string) {
            if (utf8 == null) {
                findings.add(
                        new Finding(Problem.STRING_WITHOUT_UTF8, component, null, null, new Object[] {name, name}));
            }
            return findings;
        }
        if (isBucketRecord(type)) {
            nestedFindings(
                    owner, component, name, (TypeElement) ((DeclaredType) type).asElement(), packageName, findings);
            return findings;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement declared = (TypeElement) ((DeclaredType) type).asElement();
            if (declared.getKind() == ElementKind.ENUM) {
                String inaccessible = inaccessibility(declared, packageName);
                if (inaccessible != null) {
                    findings.add(new Finding(Problem.NESTED_INVALID, component, null, null, new Object[] {
                        name,
                        declared.getSimpleName(),
                        Problem.Detail.NESTED_NOT_ACCESSIBLE.format(declared.getSimpleName(), packageName, inaccessible)
                    }));
                }
                return findings;
            }
            try {
                findings.add(new Finding(Problem.BOXED_COMPONENT, component, null, null, new Object[] {
                    name, type, types.unboxedType(type)
                }));
                return findings;
            } catch (IllegalArgumentException notBoxed) {
                // not a boxed primitive: one of the cases below
            }
            if (declared.getKind() == ElementKind.RECORD) {
                findings.add(new Finding(Problem.PLAIN_RECORD_COMPONENT, component, null, null, new Object[] {
                    name, type, declared.getSimpleName()
                }));
                return findings;
            }
        }
        findings.add(new Finding(Problem.UNSUPPORTED_COMPONENT, component, null, null, new Object[] {name, type}));
        return findings;
    }

    private void nestedFindings(
            TypeElement owner,
            Element component,
            String name,
            TypeElement nested,
            String packageName,
            List<Finding> findings) {
        List<String> cycle = cycleBack(owner, component, nested);
        if (cycle != null) {
            findings.add(new Finding(
                    Problem.NESTING_CYCLE, component, null, null, new Object[] {name, String.join(" -> ", cycle)}));
            return;
        }
        String problem = nestedProblem(nested, packageName, new HashSet<>());
        if (problem != null) {
            findings.add(new Finding(
                    Problem.NESTED_INVALID, component, null, null, new Object[] {name, nested.getSimpleName(), problem
                    }));
        }
    }

    /** Whether values of this type have a byte order: multi-byte primitives (or arrays of them). */
    private static boolean hasByteOrder(TypeMirror type) {
        TypeMirror t = type.getKind() == TypeKind.ARRAY ? ((ArrayType) type).getComponentType() : type;
        return switch (t.getKind()) {
            case SHORT, CHAR, INT, FLOAT, LONG, DOUBLE -> true;
            default -> false;
        };
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement())
                        .getQualifiedName()
                        .contentEquals("java.lang.String");
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
            TypeMirror type = component.type();
            TypeMirror element = type.getKind() == TypeKind.ARRAY ? ((ArrayType) type).getComponentType() : type;
            if (!isBucketRecord(element)) {
                continue;
            }
            TypeElement next = (TypeElement) ((DeclaredType) element).asElement();
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
            return Problem.Detail.NESTED_CYCLE.format(name, name);
        }
        if (!nested.getTypeParameters().isEmpty()) {
            return Problem.Detail.NESTED_GENERIC.format(name, name);
        }
        if (Components.of(nested).isEmpty()) {
            return Problem.Detail.NESTED_EMPTY.format(name, name);
        }
        String inaccessible = inaccessibility(nested, fromPackage);
        if (inaccessible != null) {
            return Problem.Detail.NESTED_NOT_ACCESSIBLE.format(name, fromPackage, inaccessible);
        }
        boolean typeBigEndian = Annotations.find(nested, Names.BIG_ENDIAN) != null;
        for (Components.Component component : Components.of(nested)) {
            if (!componentFindings(nested, component, fromPackage, typeBigEndian)
                    .isEmpty()) {
                return Problem.Detail.NESTED_COMPONENT.format(component.name(), name);
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
                return Problem.Detail.DECLARED_INSIDE.format(
                        e.getKind().toString().toLowerCase(java.util.Locale.ROOT), e.getSimpleName());
            }
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return t.equals(type)
                        ? Problem.Detail.LOCAL.format()
                        : Problem.Detail.INSIDE_LOCAL.format(t.getSimpleName());
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return t.equals(type)
                        ? Problem.Detail.PRIVATE.format()
                        : Problem.Detail.INSIDE_PRIVATE.format(t.getSimpleName());
            }
            if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
                return t.equals(type)
                        ? Problem.Detail.NOT_PUBLIC.format()
                        : Problem.Detail.INSIDE_NOT_PUBLIC.format(t.getSimpleName());
            }
        }
        return null;
    }

    /** Whether {@code existing} is what this processor generated for {@code record} in an earlier build. */
    private boolean isPreviousOutputFor(TypeElement existing, TypeElement record) {
        for (ExecutableElement method : ElementFilter.methodsIn(existing.getEnclosedElements())) {
            if ((method.getSimpleName().contentEquals("load")
                            || method.getSimpleName().contentEquals("ref"))
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
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
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
