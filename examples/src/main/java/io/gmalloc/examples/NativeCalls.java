package io.gmalloc.examples;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** What the examples' FFM bindings to their C programs share: looking a function up, and rethrowing its errors. */
public final class NativeCalls {
    private static final Linker LINKER = Linker.nativeLinker();

    private NativeCalls() {}

    /**
     * A downcall handle to a function of a library built from the examples' C sources.
     *
     * @param library the loaded library
     * @param name the function's name
     * @param descriptor its C signature
     * @return the handle
     * @throws java.util.NoSuchElementException if the library has no such function
     */
    @SuppressWarnings("restricted") // downcalls into the examples' own C programs
    public static MethodHandle downcall(SymbolLookup library, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(library.findOrThrow(name), descriptor);
    }

    /**
     * What {@code invokeExact} threw, as an unchecked exception: runtime exceptions and errors as they are, anything
     * else wrapped.
     *
     * @param e what the call threw
     * @return the exception to throw
     */
    public static RuntimeException propagate(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
