package org.exitbot.analysis;

/** The raw valence of one part of an answer (VADER's sum, before normalising), to which the shared rules add. */
interface Valence {

    double of(String part);

    static Valence of(SentimentLexicon lexicon) {
        return SentimentLexicon.VADER.equals(lexicon.base()) ? new VaderValence(lexicon) : new LexiconValence(lexicon);
    }
}
