package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a grader compares answers with, for one question version: every key point's description and
 * examples, every misconception's statement and phrases, embedded once; phrases analysed once.
 * Immutable; built by {@link #of} in one embedding batch.
 *
 * @param topic        the prompt and all key-point references: an answer near none of them is off topic
 * @param rubricPhrases every phrase of the key points as written, for keyword-list detection
 * @param rubricTerms  every analysed phrase term of the key points, likewise
 */
public record RubricEmbeddings(FreeTextRubric rubric, List<Target> keyPoints, List<Target> misconceptions,
                               List<float[]> topic, List<String> rubricPhrases, Set<String> rubricTerms) {

    /** A misconception is written as "Claims X"; X is what a candidate would say, so X is what gets embedded. */
    private static final Pattern CLAIM_PREFIX = Pattern.compile("^(?i)(?:claims|treats|relies on|thinks|says)\\s+(?:that\\s+)?");

    /** A sentence to compare answer units with, and whether it is stated negatively. */
    public record Reference(String text, float[] vector, boolean negated) {
    }

    /** A phrase's analysed terms and whether the phrase is negative ("does not block"). */
    public record Phrase(String text, Set<String> terms, boolean negated) {
    }

    /** A key point or misconception, ready to compare. */
    public record Target(String id, List<Reference> references, List<Phrase> phrases) {
    }

    public static RubricEmbeddings of(FreeTextRubric rubric, SentenceEmbedder embedder, RubricMatcher analyser,
                                      NegationDetector negation) {
        List<String> texts = new ArrayList<>();
        if (rubric.prompt() != null && !rubric.prompt().isBlank()) {
            texts.add(rubric.prompt());
        }
        for (FreeTextRubric.Point point : rubric.keyPoints()) {
            texts.add(point.description());
            texts.addAll(point.examples());
        }
        for (FreeTextRubric.Misconception misconception : rubric.misconceptions()) {
            texts.add(statement(misconception.description()));
            texts.addAll(misconception.phrases());
        }
        List<float[]> vectors = embedder.embed(texts);
        int next = 0;
        List<float[]> topic = new ArrayList<>();
        if (rubric.prompt() != null && !rubric.prompt().isBlank()) {
            topic.add(vectors.get(next++));
        }
        Set<String> rubricTerms = new HashSet<>();
        List<Target> keyPoints = new ArrayList<>();
        for (FreeTextRubric.Point point : rubric.keyPoints()) {
            List<Reference> refs = new ArrayList<>();
            for (String text : concat(point.description(), point.examples())) {
                float[] v = vectors.get(next++);
                refs.add(new Reference(text, v, negation.isNegated(text)));
                topic.add(v);
            }
            List<Phrase> phrases = phrases(point.phrases(), analyser, negation);
            phrases.forEach(p -> rubricTerms.addAll(p.terms()));
            keyPoints.add(new Target(point.id(), List.copyOf(refs), phrases));
        }
        List<Target> misconceptions = new ArrayList<>();
        for (FreeTextRubric.Misconception misconception : rubric.misconceptions()) {
            List<Reference> refs = new ArrayList<>();
            for (String text : concat(statement(misconception.description()), misconception.phrases())) {
                refs.add(new Reference(text, vectors.get(next++), negation.isNegated(text)));
            }
            misconceptions.add(new Target(misconception.id(), List.copyOf(refs),
                    phrases(misconception.phrases(), analyser, negation)));
        }
        List<String> rubricPhrases = rubric.keyPoints().stream().flatMap(p -> p.phrases().stream()).toList();
        return new RubricEmbeddings(rubric, List.copyOf(keyPoints), List.copyOf(misconceptions), List.copyOf(topic),
                rubricPhrases, Set.copyOf(rubricTerms));
    }

    static String statement(String misconceptionDescription) {
        return CLAIM_PREFIX.matcher(misconceptionDescription).replaceFirst("");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static List<Phrase> phrases(List<String> phrases, RubricMatcher analyser, NegationDetector negation) {
        List<Phrase> out = new ArrayList<>();
        for (String phrase : phrases) {
            Set<String> terms = analyser.terms(phrase);
            if (!terms.isEmpty()) {
                out.add(new Phrase(phrase, Set.copyOf(terms), negation.isNegated(phrase)));
            }
        }
        return List.copyOf(out);
    }
}
