package org.exitbot.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    public QuestionSetService(QuestionSetRepository repository, ObjectMapper objectMapper, Clock clock) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
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
        int next = repository.findFirstByNameAndLocaleOrderByVersionDesc(name, locale)
                .map(set -> set.getVersion() + 1)
                .orElse(1);
        var saved = repository.save(new QuestionSet(name, locale, next, content.title().trim(),
                write(content.questions()), clock.instant(), author));
        return view(saved);
    }

    boolean exists(String name) {
        return repository.existsByName(name);
    }

    boolean exists(String name, String locale) {
        return repository.existsByNameAndLocale(name, locale);
    }

    private QuestionSetView view(QuestionSet set) {
        return new QuestionSetView(set.getId(), set.getName(), set.getLocale(), set.getVersion(), set.getTitle(),
                List.copyOf(read(set.getQuestionsJson())), set.getCreatedAt(), set.getCreatedBy());
    }

    private List<Question> read(String json) {
        try {
            return objectMapper.readValue(json, QUESTION_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored question set is not valid JSON", e);
        }
    }

    private String write(List<Question> questions) {
        try {
            return objectMapper.writeValueAsString(questions.stream()
                    .map(q -> new Question(q.id(), q.text().trim()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
