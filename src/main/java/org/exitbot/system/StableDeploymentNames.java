package org.exitbot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} under their classpath names ({@code processes/exit-interview.bpmn}).
 * Left alone, Camunda names file resources by absolute path under {@code spring-boot:run} and by bare file name
 * from the jar, so switching between the two on one database would deploy everything again as a new version.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class StableDeploymentNames extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        Resource[] resources = configuration.getDeploymentResources();
        if (resources != null) {
            configuration.setDeploymentResources(Arrays.stream(resources)
                    .map(StableDeploymentNames::named)
                    .toArray(Resource[]::new));
        }
    }

    private static Resource named(Resource resource) {
        try {
            String location = resource.getURL().toString();
            int start = Math.max(location.lastIndexOf("/processes/"), location.lastIndexOf("/forms/"));
            String name = start < 0 ? resource.getFilename() : location.substring(start + 1);
            return new ByteArrayResource(resource.getContentAsByteArray()) {
                @Override
                public String getDescription() {
                    return name;
                }

                @Override
                public String getFilename() {
                    return name;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read deployment resource " + resource, e);
        }
    }
}
