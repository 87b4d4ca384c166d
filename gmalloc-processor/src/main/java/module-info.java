/** The {@code @GMallocBucket} annotation processor. */
module io.gmalloc.processor {
    requires java.compiler;
    requires io.gmalloc.annotations;
    requires com.palantir.javapoet;

    provides javax.annotation.processing.Processor with
            io.gmalloc.processor.GMallocBucketProcessor;
}
