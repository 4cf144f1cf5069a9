package org.exitbot.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** The JSON columns of the analysis tables: theme evidence, flag lists, and the theme lists of HR's corrections. */
@Component
class AnalysisJson {

    private static final TypeReference<List<ThemeEvidence>> EVIDENCE_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<Theme>> THEME_LIST = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    AnalysisJson(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    List<ThemeEvidence> themes(String json) {
        return read(json, EVIDENCE_LIST);
    }

    /** The themes an analysis found, without their quotes. */
    Set<Theme> themeCodes(String evidenceJson) {
        var codes = EnumSet.noneOf(Theme.class);
        themes(evidenceJson).forEach(evidence -> codes.add(evidence.theme()));
        return codes;
    }

    /** A plain list of theme codes, as HR's corrections store them. */
    Set<Theme> themeList(String codesJson) {
        var codes = EnumSet.noneOf(Theme.class);
        codes.addAll(read(codesJson, THEME_LIST));
        return codes;
    }

    List<String> texts(String json) {
        return read(json, TEXT_LIST);
    }

    /** The themes with every quote passed through {@code redaction}; the theme codes stay. */
    String redactThemes(String themesJson, UnaryOperator<String> redaction) {
        return write(themes(themesJson).stream()
                .map(evidence -> new ThemeEvidence(evidence.theme(), redaction.apply(evidence.quote())))
                .toList());
    }

    String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored analysis is not valid JSON", e);
        }
    }
}
