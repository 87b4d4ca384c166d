package io.gmalloc.processor.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** A generated (or runtime) class, called reflectively: it did not exist when the tests were compiled. */
record Bucket(Class<?> type) {
    static Bucket of(ClassLoader loader, String simpleName) {
        try {
            return new Bucket(Class.forName("com.example." + simpleName, true, loader));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    Object call(String name, Object... args) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)
                    && method.getParameterCount() == args.length
                    && Modifier.isStatic(method.getModifiers())
                    && accepts(method, args)) {
                try {
                    return method.invoke(null, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new AssertionError(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no method " + name + Arrays.toString(args) + " in " + type.getName());
    }

    long address(String name, Object... args) {
        return (Long) call(name, args);
    }

    Object constant(String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean accepts(Method method, Object[] args) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (!parameters[i].isPrimitive() && args[i] != null && !parameters[i].isInstance(args[i])) {
                return false;
            }
            if (parameters[i].isPrimitive()
                    && !(args[i] instanceof Number || args[i] instanceof Boolean || args[i] instanceof Character)) {
                return false;
            }
        }
        return true;
    }

    static Bucket runtime(String simpleName) {
        try {
            return new Bucket(Class.forName("io.gmalloc." + simpleName));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static Object record(ClassLoader loader, String simpleName, Object... components) {
        try {
            Class<?> type = Class.forName("com.example." + simpleName, true, loader);
            return type.getDeclaredConstructors()[0].newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
