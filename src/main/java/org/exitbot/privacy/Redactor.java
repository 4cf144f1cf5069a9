package org.exitbot.privacy;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what identifies people from free text: e-mail addresses, URLs, street addresses, phone numbers, and the
 * names of the people the system knows (the employee and their manager), whole or in part. Dates and years are
 * kept.
 */
public final class Redactor {

    public static final String NAME = "[name]";
    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String LINK = "[link]";
    public static final String ADDRESS = "[address]";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)]");
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\p{L}\\p{N}+])\\+?\\(?\\d[\\d ()./-]{5,}\\d(?![\\p{L}\\p{N}])");
    /** Street addresses as written in English, German, French and Spanish: "12 Baker Street", "Hauptstraße 5a". */
    private static final Pattern STREET_ADDRESS = Pattern.compile(String.join("|",
            "\\b\\d{1,5}[a-zA-Z]?,?\\s+(?:[\\p{Lu}][\\p{L}'-]*\\s+){1,3}(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Way"
                    + "|Close|Court|Place|Crescent|Terrace|Boulevard|Blvd\\.)(?![\\p{L}])",
            "(?<![\\p{L}])[\\p{Lu}][\\p{L}-]*(?i:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer)\\s+\\d{1,4}[a-z]?\\b",
            "\\b\\d{1,4}(?:\\s*(?:bis|ter))?,?\\s+(?i:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai)\\s+"
                    + "(?:(?:de|du|des|la|le|l'|d')\\s*)*[\\p{Lu}][\\p{L}'-]*",
            "(?<![\\p{L}])(?i:calle|c/|avenida|avda\\.|plaza|paseo|camino)\\s+(?:(?:de|del|la|las|los|el)\\s+)*"
                    + "[\\p{Lu}][\\p{L}'-]*(?:\\s+[\\p{Lu}][\\p{L}'-]*)?,?\\s*(?:n\\.?º\\s*)?\\d{1,4}\\b"));
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{4}\\s*[-./–]\\s*\\d{1,4}(\\s*[-./]\\s*\\d{1,2})?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}");
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MIN_NAME_PART = 2;

    private Redactor() {
    }

    /** The redaction of everything identifying and of these names, for texts about one person. */
    public static UnaryOperator<String> of(Collection<String> knownNames) {
        List<String> names = List.copyOf(knownNames);
        return text -> redact(text, names);
    }

    /** @param knownNames full names of the people the interview is about or mentions (nulls are ignored) */
    public static String redact(String text, Collection<String> knownNames) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
        redacted = URL.matcher(redacted).replaceAll(LINK);
        redacted = STREET_ADDRESS.matcher(redacted).replaceAll(ADDRESS);
        redacted = replacePhones(redacted);
        for (String part : nameParts(knownNames)) {
            redacted = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?:'s|’s)?(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(redacted).replaceAll(NAME);
        }
        return redacted;
    }

    private static String replacePhones(String text) {
        Matcher matcher = PHONE_LIKE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            String candidate = matcher.group();
            long digits = candidate.chars().filter(Character::isDigit).count();
            boolean phone = digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS
                    && !DATE_LIKE.matcher(candidate.strip()).matches();
            matcher.appendReplacement(out, Matcher.quoteReplacement(phone ? PHONE : candidate));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Full names first, then their parts, longest first, so "Lena Fischer" goes as one. */
    private static List<String> nameParts(Collection<String> knownNames) {
        return knownNames.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .flatMap(name -> java.util.stream.Stream.concat(java.util.stream.Stream.of(name),
                        Arrays.stream(name.split("[\\s,]+"))))
                .filter(part -> part.codePointCount(0, part.length()) >= MIN_NAME_PART)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }
}
