package io.gmalloc.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.ModelExtractor;
import io.gmalloc.processor.model.StructModel;
import io.gmalloc.processor.render.BucketRenderer;
import io.gmalloc.processor.validate.BucketValidator;
import io.gmalloc.processor.validate.Problem;
import io.gmalloc.processor.validate.Reporter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Generates a {@code <Record>Bucket} class for every {@code @GMallocBucket} record: validate the element (every
 * rule, each error on the offending element), extract a plain model (layout, bucket choice), render it with
 * JavaPoet. One type at a time: a type with an error generates nothing and the next type is still processed. Never
 * claims the annotation, so other processors see it too.
 */
@AutoService(Processor.class)
public final class GMallocBucketProcessor extends AbstractProcessor {
    private BucketValidator validator;
    private ModelExtractor extractor;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        validator = new BucketValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        extractor = new ModelExtractor(processingEnv.getElementUtils());
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.ANNOTATION);
        if (annotation == null) {
            return false;
        }
        for (Element annotated : roundEnv.getElementsAnnotatedWith(annotation)) {
            processType(annotated, mirrorOf(annotated, annotation));
        }
        return false;
    }

    private void processType(Element annotated, AnnotationMirror annotation) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Optional<String> generatedName = validator.validate(annotated, annotation, reporter);
        if (generatedName.isEmpty()) {
            return;
        }
        TypeElement record = (TypeElement) annotated;
        BucketModel model = BucketModel.of(
                extractor.struct(record),
                generatedName.get(),
                dedicated(annotation),
                generatedAnnotationReadable(record),
                record.getKind() == ElementKind.INTERFACE);
        validator.validateModel(model, record, reporter);
        if (reporter.hasErrors()) {
            return;
        }
        TypeSpec.Builder type = BucketRenderer.render(model).addOriginatingElement(record);
        addNestedOriginatingElements(type, model.struct());
        try {
            BucketRenderer.file(model, type.build()).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            reporter.report(Problem.WRITE_FAILED, record, generatedName.get(), e.getMessage());
        }
    }

    /** Nested records and enums shape the generated code too: a change to one must regenerate this class. */
    private void addNestedOriginatingElements(TypeSpec.Builder type, StructModel struct) {
        Deque<StructModel> pending = new ArrayDeque<>();
        pending.add(struct);
        while (!pending.isEmpty()) {
            for (FieldModel field : pending.removeFirst().fields()) {
                if (field.type().enumType() != null) {
                    TypeElement enumType = processingEnv.getElementUtils()
                            .getTypeElement(field.type().enumType().type().canonicalName());
                    if (enumType != null) {
                        type.addOriginatingElement(enumType);
                    }
                }
                if (field.struct() != null) {
                    TypeElement nested = processingEnv.getElementUtils()
                            .getTypeElement(field.struct().type().canonicalName());
                    if (nested != null) {
                        type.addOriginatingElement(nested);
                    }
                    pending.add(field.struct());
                }
            }
        }
    }

    private static AnnotationMirror mirrorOf(Element annotated, TypeElement annotation) {
        for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().equals(annotation)) {
                return mirror;
            }
        }
        throw new IllegalStateException(annotated + " is not annotated with " + annotation);
    }

    private boolean dedicated(AnnotationMirror annotation) {
        return processingEnv.getElementUtils().getElementValuesWithDefaults(annotation).entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("dedicated"))
                .anyMatch(e -> Boolean.TRUE.equals(e.getValue().getValue()));
    }

    /**
     * {@code @Generated} lives in module java.compiler: in a named module that does not read it, the annotation
     * would not compile, so it is left out there (the javadoc still says the class is generated).
     */
    private boolean generatedAnnotationReadable(TypeElement record) {
        if (processingEnv.getElementUtils().getTypeElement(Names.GENERATED) == null) {
            return false;
        }
        ModuleElement module = processingEnv.getElementUtils().getModuleOf(record);
        return module == null || module.isUnnamed() || reads(module, "java.compiler", 0);
    }

    private static boolean reads(ModuleElement module, String target, int depth) {
        for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            ModuleElement dependency = requires.getDependency();
            if (dependency.getQualifiedName().contentEquals(target)) {
                return true;
            }
            if (depth < 4 && requiresTransitively(dependency, target, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean requiresTransitively(ModuleElement module, String target, int depth) {
        for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            if (requires.isTransitive()
                    && (requires.getDependency().getQualifiedName().contentEquals(target)
                            || (depth < 4 && requiresTransitively(requires.getDependency(), target, depth + 1)))) {
                return true;
            }
        }
        return false;
    }
}
