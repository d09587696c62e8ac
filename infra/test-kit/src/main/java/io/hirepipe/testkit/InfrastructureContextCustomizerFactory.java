package io.hirepipe.testkit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: turns {@link UsesInfrastructure} on a test class, its
 * superclasses, enclosing classes or meta-annotations into an {@link InfrastructureContextCustomizer}.
 */
public final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        UsesInfrastructure uses = TestContextAnnotationUtils.findMergedAnnotation(testClass, UsesInfrastructure.class);
        if (uses == null) {
            return null;
        }
        Set<Infra> infra = EnumSet.noneOf(Infra.class);
        infra.addAll(Arrays.asList(uses.value()));
        // resolved here, not when the context starts, so that "auto" and the mode it resolves to share a context
        return new InfrastructureContextCustomizer(infra, ModeSelection.resolve(uses.mode()));
    }
}
