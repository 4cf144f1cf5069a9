package org.exitbot.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words of a lexicon looked up in lower case, where an entry may end in {@code *} (any ending: {@code frustr*}) or
 * begin with it (the end of a compound: {@code *chaos}). A whole word wins over a stem, a longer stem over a
 * shorter one, a beginning over an end.
 */
final class Stems<V> {

    private record Stem<V>(String text, V value) {
    }

    private final Map<String, V> words = new HashMap<>();
    private final List<Stem<V>> beginnings = new ArrayList<>();
    private final List<Stem<V>> endings = new ArrayList<>();

    Stems(Map<String, V> entries) {
        entries.forEach((entry, value) -> {
            if (entry.length() > 1 && entry.endsWith("*")) {
                beginnings.add(new Stem<>(entry.substring(0, entry.length() - 1), value));
            } else if (entry.length() > 1 && entry.startsWith("*")) {
                endings.add(new Stem<>(entry.substring(1), value));
            } else {
                words.put(entry, value);
            }
        });
        Comparator<Stem<V>> longestFirst = Comparator.comparingInt((Stem<V> s) -> s.text().length()).reversed();
        beginnings.sort(longestFirst);
        endings.sort(longestFirst);
    }

    static Stems<Boolean> of(Collection<String> entries) {
        var map = new HashMap<String, Boolean>();
        entries.forEach(entry -> map.put(entry, true));
        return new Stems<>(map);
    }

    Optional<V> find(String word) {
        V exact = words.get(word);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Stem<V> stem : beginnings) {
            if (word.startsWith(stem.text())) {
                return Optional.of(stem.value());
            }
        }
        for (Stem<V> stem : endings) {
            if (word.endsWith(stem.text())) {
                return Optional.of(stem.value());
            }
        }
        return Optional.empty();
    }

    boolean contains(String word) {
        return find(word).isPresent();
    }
}
