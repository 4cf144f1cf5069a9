package org.exitbot.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads prompts from {@code prompts/<name>/<version>/} ({@code system.txt}, {@code user.txt}, {@code schema.json}). */
@Component
public class Prompts {

    private final ObjectMapper objectMapper;
    private final Map<String, PromptTemplate> loaded = new ConcurrentHashMap<>();

    public Prompts(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public PromptTemplate get(String name, String version) {
        return loaded.computeIfAbsent(name + "/" + version, id -> load(name, version));
    }

    private PromptTemplate load(String name, String version) {
        String folder = "prompts/" + name + "/" + version + "/";
        try {
            Map<String, Object> schema = objectMapper.readValue(read(folder + "schema.json"), new TypeReference<>() {
            });
            return new PromptTemplate(name, version, read(folder + "system.txt"), read(folder + "user.txt"), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load prompt " + folder, e);
        }
    }

    private static String read(String path) throws IOException {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
