package io.gmalloc.processor;

import com.palantir.javapoet.TypeSpec;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.ModelExtractor;
import io.gmalloc.processor.render.BucketRenderer;
import io.gmalloc.processor.validate.BucketValidator;
import io.gmalloc.processor.validate.Problem;
import io.gmalloc.processor.validate.Reporter;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates a {@code <Record>Bucket} class for every {@code @GMallocBucket} record: validate the element (every
 * rule, each error on the offending element), extract a plain model (everything about the type, read once:
 * layout, bucket choice, flags, originating elements), render it with JavaPoet, and write its C header. One type at
 * a time: a type with an error generates nothing and the next type is still processed. Claims the annotations of
 * {@code io.gmalloc.annotations} ({@code @GMallocBucket}, {@code @Generated}, the component vocabulary) and
 * nothing else, so strict user builds ({@code -Xlint:all -Werror}) get no "No processor claimed" warning.
 */
public final class GMallocBucketProcessor extends AbstractProcessor {
    /**
     * Every annotation of gmalloc-annotations ({@code @GMallocBucket}, {@code @Generated} and any component
     * annotation) and nothing else: all are this processor's to claim.
     */
    static final String OWN_ANNOTATIONS = "io.gmalloc.annotations.*";

    private BucketValidator validator;
    private ModelExtractor extractor;

    /** Creates the processor; javac finds it through {@code META-INF/services} or the module's {@code provides}. */
    public GMallocBucketProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(OWN_ANNOTATIONS);
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
        if (annotation != null) {
            for (Element annotated : roundEnv.getElementsAnnotatedWith(annotation)) {
                processType(annotated, mirrorOf(annotated, annotation));
            }
        }
        // Claim gmalloc's annotations (the supported types, and only those): unclaimed, each would fail a user build
        // under -Xlint:all -Werror with "No processor claimed any of these annotations".
        return true;
    }

    private void processType(Element annotated, AnnotationMirror annotation) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Optional<String> generatedName = validator.validate(annotated, annotation, reporter);
        if (generatedName.isEmpty()) {
            return;
        }
        TypeElement record = (TypeElement) annotated;
        ModelExtractor.Extraction extraction = extractor.bucket(record, generatedName.get(), annotation);
        BucketModel model = extraction.model();
        validator.validateModel(model, record, reporter);
        if (reporter.hasErrors()) {
            return;
        }
        TypeSpec.Builder type = BucketRenderer.render(model);
        extraction.originatingElements().forEach(type::addOriginatingElement);
        TypeSpec spec = type.build();
        try {
            BucketRenderer.file(model, spec).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            reporter.report(Problem.WRITE_FAILED, record, generatedName.get(), e.getMessage());
        }
        CHeaderWriter.write(processingEnv, model, record, spec.originatingElements());
    }

    private static AnnotationMirror mirrorOf(Element annotated, TypeElement annotation) {
        for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().equals(annotation)) {
                return mirror;
            }
        }
        throw new IllegalStateException(annotated + " is not annotated with " + annotation);
    }
}
