package io.gmalloc.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Runs javac with the processor on test sources, and loads what it compiled. */
public final class ProcessorRun {
    private ProcessorRun() {}

    /**
     * Loads test sources from the class path.
     *
     * @param resources e.g. {@code "good/com/example/Vec3.java"}
     * @return the sources
     */
    public static JavaFileObject[] sources(String... resources) {
        return Arrays.stream(resources).map(JavaFileObjects::forResource).toArray(JavaFileObject[]::new);
    }

    /**
     * Compiles with the processor and every lint warning on (but not {@code -Werror}, so warnings can be asserted).
     *
     * @param files sources
     * @return the compilation
     */
    public static Compilation compile(JavaFileObject... files) {
        return javac().withProcessors(new GMallocBucketProcessor())
                .withOptions("-Xlint:all")
                .compile(files);
    }

    /**
     * A compilation and the source files the processor created, which stay known even when javac fails.
     *
     * @param compilation the compilation
     * @param generated qualified names passed to {@code Filer.createSourceFile}, in order
     */
    public record Run(Compilation compilation, List<String> generated) {}

    /**
     * Compiles like {@link #compile} and records what the processor asked the {@code Filer} to create.
     *
     * @param files sources
     * @return the compilation and the generated type names
     */
    public static Run compileRecording(JavaFileObject... files) {
        List<String> generated = new CopyOnWriteArrayList<>();
        Processor recording = recording(new GMallocBucketProcessor(), generated);
        Compilation compilation =
                javac().withProcessors(recording).withOptions("-Xlint:all").compile(files);
        return new Run(compilation, List.copyOf(generated));
    }

    /** Wraps a processor so its environment hands out a Filer that records created source files. */
    private static Processor recording(Processor delegate, List<String> generated) {
        InvocationHandler forward = (proxy, method, args) -> invoke(method, delegate, args);
        return (Processor) Proxy.newProxyInstance(
                Processor.class.getClassLoader(), new Class<?>[] {Processor.class}, (proxy, method, args) -> {
                    if (method.getName().equals("init")) {
                        ProcessingEnvironment env = (ProcessingEnvironment) args[0];
                        Filer filer = env.getFiler();
                        Filer recordingFiler = (Filer) Proxy.newProxyInstance(
                                Filer.class.getClassLoader(), new Class<?>[] {Filer.class}, (p, m, a) -> {
                                    if (m.getName().equals("createSourceFile")) {
                                        generated.add(a[0].toString());
                                    }
                                    return invoke(m, filer, a);
                                });
                        ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
                                ProcessingEnvironment.class.getClassLoader(),
                                new Class<?>[] {ProcessingEnvironment.class},
                                (p, m, a) -> m.getName().equals("getFiler") ? recordingFiler : invoke(m, env, a));
                        return invoke(method, delegate, new Object[] {wrapped});
                    }
                    return forward.invoke(proxy, method, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Returns a class loader over the compilation's class files, parented to the test class path (which holds the
     * runtime).
     *
     * @param compilation a successful compilation
     * @return the loader
     */
    public static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(
                            path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                            path.length() - ".class".length())
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(ProcessorRun.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
