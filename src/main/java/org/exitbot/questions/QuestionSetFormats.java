package org.exitbot.questions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;

/** Question sets travel as JSON or as YAML, which is easier to edit by hand. */
@Configuration(proxyBeanMethods = false)
class QuestionSetFormats {

    static final String YAML_VALUE = "application/yaml";
    static final MediaType YAML = MediaType.parseMediaType(YAML_VALUE);

    @Bean
    MappingJackson2YamlHttpMessageConverter yamlMessageConverter(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper yaml = builder.factory(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).build();
        return new MappingJackson2YamlHttpMessageConverter(yaml);
    }
}
