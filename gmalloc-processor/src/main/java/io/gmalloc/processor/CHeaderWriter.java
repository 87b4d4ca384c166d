package io.gmalloc.processor;

import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.render.CHeaderRenderer;
import io.gmalloc.processor.validate.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a type's C header (docs/design.md §4, C headers) as a class-output resource, so it ships in the jar
 * beside the generated class: {@code META-INF/gmalloc/include/<package as path>/<Record>.h}.
 */
final class CHeaderWriter {
    private CHeaderWriter() {}

    /**
     * Renders and writes the header; a failure is a compile error on the type.
     *
     * @param env the processing environment
     * @param model a validated model
     * @param type the annotated type, where a failure is reported
     * @param originating the type and the nested types it inlines: a change to any of them rewrites the header
     */
    static void write(ProcessingEnvironment env, BucketModel model, Element type, List<Element> originating) {
        CHeaderRenderer.CHeader header = CHeaderRenderer.render(model);
        Element[] origins = originating.stream().distinct().toArray(Element[]::new);
        try {
            FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", header.path(), origins);
            try (Writer out = file.openWriter()) {
                out.write(header.text());
            }
        } catch (IOException e) {
            env.getMessager()
                    .printMessage(
                            Problem.WRITE_FAILED.kind(),
                            Problem.WRITE_FAILED.format(header.path(), e.getMessage()),
                            type);
        }
    }
}
