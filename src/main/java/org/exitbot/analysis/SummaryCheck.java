package org.exitbot.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exitbot.analysis.InterviewJudgement.Statement;

/**
 * Flags summary statements that the employee's words do not back, whatever form the addition takes: evidence
 * that is not verbatim in what the employee wrote, a quotation that is not, a number or a name the employee
 * never wrote. It cannot judge a paraphrase, so it never rewrites the summary: it tells HR where to look.
 */
final class SummaryCheck {

    static final String PREFIX = "Summary check: ";

    private static final Pattern QUOTED = Pattern.compile("[\"“„«]([^\"“”„«»]{3,}?)[\"”“«»]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)?(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{Ll}+(?:[-'’]\\p{L}+)*");
    private static final Set<String> SENTENCE_BREAKS = Set.of(".", "!", "?", ":", ";", "\"", "“", "„", "(");

    /** Number words up to twelve and some round ones, for the summary's English and the interview's language. */
    private static final Map<String, Map<String, String>> NUMBER_WORDS = Map.of(
            "en", numbers("one once 1 two twice 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 "
                    + "twelve dozen 12 fifteen 15 twenty 20 thirty 30 forty 40 fifty 50 hundred 100"),
            "de", numbers("ein eins eine einen einem einer einmal 1 zwei zweimal 2 drei dreimal 3 vier 4 fünf 5 sechs 6 "
                    + "sieben 7 acht 8 neun 9 zehn 10 elf 11 zwölf 12 fünfzehn 15 zwanzig 20 dreißig 30 vierzig 40 "
                    + "fünfzig 50 hundert 100"),
            "fr", numbers("un une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 onze 11 douze 12 "
                    + "quinze 15 vingt 20 trente 30 quarante 40 cinquante 50 cent 100"),
            "es", numbers("un uno una 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9 diez 10 once 11 "
                    + "doce 12 quince 15 veinte 20 treinta 30 cuarenta 40 cincuenta 50 cien ciento 100"));

    private SummaryCheck() {
    }

    /**
     * @param employeeText everything the employee wrote
     * @param language     the interview's language code ({@code en}, {@code de}, ...)
     * @param context      text whose names a summary may use although the employee did not write them (the
     *                     questions, the organisation's name)
     */
    static List<String> flags(List<Statement> statements, String employeeText, String language, String context) {
        Set<String> saidNumbers = numbersIn(employeeText, language);
        Set<String> knownWords = wordsIn(employeeText + "\n" + context);
        var flags = new ArrayList<String>();
        for (Statement statement : statements) {
            var problems = new ArrayList<String>();
            if (!Quotes.isVerbatim(statement.evidence(), employeeText)) {
                problems.add("its evidence is not in the employee's words");
            }
            quotations(statement.statement()).stream()
                    .filter(quotation -> !Quotes.isVerbatim(quotation, employeeText))
                    .forEach(quotation -> problems.add("quotes \"" + quotation + "\", which the employee never wrote"));
            numbersIn(statement.statement(), "en").stream()
                    .filter(number -> !saidNumbers.contains(number))
                    .forEach(number -> problems.add("states the number " + number + ", which the employee never gave"));
            names(statement.statement()).stream()
                    .filter(name -> !knownWords.contains(name.toLowerCase(Locale.ROOT)))
                    .forEach(name -> problems.add("names \"" + name + "\", which the employee never wrote"));
            if (!problems.isEmpty()) {
                flags.add(PREFIX + "\"" + statement.statement().strip() + "\" " + String.join("; ", problems));
            }
        }
        return flags;
    }

    private static List<String> quotations(String statement) {
        var found = new ArrayList<String>();
        Matcher matcher = QUOTED.matcher(statement);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    /** Numbers written as digits or as number words, normalised to digits with a decimal point. */
    private static Set<String> numbersIn(String text, String language) {
        var numbers = new LinkedHashSet<String>();
        Matcher digits = NUMBER.matcher(text);
        while (digits.find()) {
            numbers.add(digits.group().replace(',', '.'));
        }
        var words = new HashMap<>(NUMBER_WORDS.get("en"));
        words.putAll(NUMBER_WORDS.getOrDefault(language, Map.of()));
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            String value = words.get(word.group());
            if (value != null) {
                numbers.add(value);
            }
        }
        return numbers;
    }

    /** Capitalised words that do not start a sentence: names of people, places, products. */
    private static List<String> names(String statement) {
        var names = new ArrayList<String>();
        Matcher matcher = CAPITALISED.matcher(statement);
        while (matcher.find()) {
            String before = statement.substring(0, matcher.start()).stripTrailing();
            boolean startsSentence = before.isEmpty() || SENTENCE_BREAKS.contains(before.substring(before.length() - 1));
            boolean wholeWord = matcher.start() == 0 || !Character.isLetterOrDigit(statement.charAt(matcher.start() - 1));
            if (!startsSentence && wholeWord) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static Set<String> wordsIn(String text) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        var words = new HashSet<String>();
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static Map<String, String> numbers(String spec) {
        var map = new HashMap<String, String>();
        var pending = new ArrayList<String>();
        for (String token : spec.split(" ")) {
            if (Character.isDigit(token.charAt(0))) {
                pending.forEach(w -> map.put(w, token));
                pending.clear();
            } else {
                pending.add(token);
            }
        }
        return Map.copyOf(map);
    }
}
