package io.gmalloc.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** javac finds the processor both ways it looks: META-INF/services on a class path, module-info on a module path. */
class ServiceRegistrationTest {

    @Test
    void isAServiceOnTheClassPath() {
        assertThat(ServiceLoader.load(Processor.class, GMallocBucketProcessor.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::type))
                .contains(GMallocBucketProcessor.class);
    }

    @Test
    void isProvidedByTheModuleDescriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(GMallocBucketProcessor.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo(Processor.class.getName());
            assertThat(provides.providers()).containsExactly(GMallocBucketProcessor.class.getName());
        });
    }
}
