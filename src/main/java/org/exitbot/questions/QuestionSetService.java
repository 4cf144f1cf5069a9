package org.exitbot.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.exitbot.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class QuestionSetService {

    private static final TypeReference<List<Question>> QUESTION_LIST = new TypeReference<>() {
    };

    private static final int CACHED_VERSIONS = 1000;

    private final Map<Long, QuestionSetView> versions = new ConcurrentHashMap<>();
    private final QuestionSetRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final BuiltInQuestionSet builtIn;
    private final ThemeTaxonomy taxonomy;

    QuestionSetService(QuestionSetRepository repository, ObjectMapper objectMapper, Clock clock,
            BuiltInQuestionSet builtIn, ThemeTaxonomy taxonomy) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.builtIn = builtIn;
        this.taxonomy = taxonomy;
    }

    @Transactional(readOnly = true)
    public QuestionSetView latest(String name, String locale) {
        return repository.findFirstByNameAndLocaleOrderByVersionDesc(name, locale)
                .map(this::view)
                .orElseThrow(() -> new QuestionSetNotFoundException(name, locale));
    }

    @Transactional(readOnly = true)
    public QuestionSetView version(String name, String locale, int version) {
        return repository.findByNameAndLocaleAndVersion(name, locale, version)
                .map(this::view)
                .orElseThrow(() -> new QuestionSetNotFoundException(name, locale, version));
    }

    /** The newest version of each set in each locale, by name and locale. */
    @Transactional(readOnly = true)
    public List<QuestionSetView> allLatest() {
        return repository.findAllLatest().stream().map(this::view).toList();
    }

    /**
     * One version of a set. A version is never changed once published, so each is read once per node: the chat
     * asks at every request, the conversation at every question.
     */
    @Transactional(readOnly = true)
    public QuestionSetView byId(Long id) {
        QuestionSetView cached = versions.get(id);
        if (cached != null) {
            return cached;
        }
        QuestionSetView view = view(repository.findById(id).orElseThrow());
        if (versions.size() >= CACHED_VERSIONS) {
            versions.clear();
        }
        versions.put(id, view);
        return view;
    }

    /** Saves the content as the next version; interviews already running keep theirs. */
    @Transactional
    public QuestionSetView publish(String name, String locale, QuestionSetContent content, String author) {
        var ids = new HashSet<String>();
        for (Question question : content.questions()) {
            if (!ids.add(question.id())) {
                throw new IllegalArgumentException("Question id '" + question.id() + "' appears twice");
            }
        }
        ScriptedFollowUps followUps = content.followUps() == null ? null : checked(content.followUps()).trimmed();
        int next = repository.findFirstByNameAndLocaleOrderByVersionDesc(name, locale)
                .map(set -> set.getVersion() + 1)
                .orElse(1);
        var saved = repository.save(new QuestionSet(name, locale, next, content.title().trim(),
                write(content.questions()), followUps == null ? null : write(followUps), clock.instant(), author));
        return view(saved);
    }

    boolean exists(String name) {
        return repository.existsByName(name);
    }

    boolean exists(String name, String locale) {
        return repository.existsByNameAndLocale(name, locale);
    }

    /** Refuses probes for themes the analysis does not know: they could never fire. */
    private ScriptedFollowUps checked(ScriptedFollowUps followUps) {
        for (String code : followUps.themes().keySet()) {
            if (!taxonomy.codes().contains(code.strip())) {
                throw new InvalidInputException("followUps.themes." + code,
                        "is not a theme: one of " + String.join(", ", taxonomy.codes()));
            }
        }
        return followUps;
    }

    private QuestionSetView view(QuestionSet set) {
        ScriptedFollowUps followUps = set.getFollowUpsJson() == null ? builtIn.followUps(set.getLocale())
                : read(set.getFollowUpsJson(), new TypeReference<ScriptedFollowUps>() {
                });
        return new QuestionSetView(set.getId(), set.getName(), set.getLocale(), set.getVersion(), set.getTitle(),
                read(set.getQuestionsJson(), QUESTION_LIST), followUps, set.getCreatedAt(), set.getCreatedBy());
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored question set is not valid JSON", e);
        }
    }

    private String write(List<Question> questions) {
        return write((Object) questions.stream().map(q -> new Question(q.id(), q.text().trim())).toList());
    }

    private String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
