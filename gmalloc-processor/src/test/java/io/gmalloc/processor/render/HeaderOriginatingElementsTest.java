package io.gmalloc.processor.render;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.gmalloc.processor.GMallocBucketProcessor;
import io.gmalloc.processor.ProcessorRun;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Each header is created with the annotated type and every nested type it inlines as originating elements, so an
 * incremental build (Gradle, IDEs) rewrites {@code Particle.h} when {@code Vec3} changes.
 */
class HeaderOriginatingElementsTest {

    @Test
    void headersNameTheTypeAndItsNestedTypesAsOrigin() {
        Map<String, List<String>> origins = new ConcurrentHashMap<>();
        Compilation compilation = javac().withProcessors(recordingResources(origins))
                .compile(ProcessorRun.sources(HeaderSources.SOURCES));
        assertThat(compilation).succeeded();
        assertThat(origins.keySet()).containsExactlyInAnyOrderElementsOf(HeaderSources.HEADERS.keySet());
        assertThat(origins.get("META-INF/gmalloc/include/com/example/Vec3.h")).containsExactly("com.example.Vec3");
        assertThat(origins.get("META-INF/gmalloc/include/com/example/Particle.h"))
                .containsExactlyInAnyOrder("com.example.Particle", "com.example.Vec3");
        assertThat(origins.get("META-INF/gmalloc/include/com/example/shapes/Segment.h"))
                .containsExactlyInAnyOrder(
                        "com.example.shapes.Segment", "com.example.geo.Point", "com.example.Outer.Inner");
    }

    /** The processor, with a Filer that records the originating elements of every resource it creates. */
    private static Processor recordingResources(Map<String, List<String>> origins) {
        Processor delegate = new GMallocBucketProcessor();
        return (Processor) Proxy.newProxyInstance(
                Processor.class.getClassLoader(), new Class<?>[] {Processor.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("init")) {
                        return invoke(method, delegate, args);
                    }
                    ProcessingEnvironment env = (ProcessingEnvironment) args[0];
                    Filer filer = env.getFiler();
                    Filer recording = (Filer) Proxy.newProxyInstance(
                            Filer.class.getClassLoader(), new Class<?>[] {Filer.class}, (p, m, a) -> {
                                if (m.getName().equals("createResource")) {
                                    List<String> names = new ArrayList<>();
                                    for (Element e : (Element[]) a[3]) {
                                        names.add(((TypeElement) e)
                                                .getQualifiedName()
                                                .toString());
                                    }
                                    origins.put(a[2].toString(), names);
                                }
                                return invoke(m, filer, a);
                            });
                    ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
                            ProcessingEnvironment.class.getClassLoader(),
                            new Class<?>[] {ProcessingEnvironment.class},
                            (p, m, a) -> m.getName().equals("getFiler") ? recording : invoke(m, env, a));
                    return invoke(method, delegate, new Object[] {wrapped});
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
