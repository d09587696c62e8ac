package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
 * @param rubricTerms  every analysed phrase term of the key points, likewise, and the description's terms of each key
 *                     point with fewer than {@link #PHRASES_THAT_LIST_THE_TERMS} phrases: its author listed no terms,
 *                     and a run of its description's words must still count as a list of the rubric's terms
 * @param promptTerms  the prompt's analysed terms: a clause made only of them repeats the question
 */
public record RubricEmbeddings(FreeTextRubric rubric, List<Target> keyPoints, List<Target> misconceptions,
                               List<float[]> topic, List<String> rubricPhrases, Set<String> rubricTerms,
                               Set<String> promptTerms) {

    /**
     * A key point with this many phrases lists the terms a candidate would use; one with fewer lends its description's
     * words to keyword-list detection instead (all of them would take terse notes for lists: docs/grading.md, session 24).
     */
    static final int PHRASES_THAT_LIST_THE_TERMS = 2;

    /**
     * A misconception is written as "Claims X" (or "Believes X", "Proposes X", "Insists on X", as the starter bank's
     * authors write them); X is what a candidate would say, so X is what gets embedded: the rater's verb is no word of
     * the candidate's and would only pull the statement away from answers that state X.
     */
    private static final Pattern CLAIM_PREFIX = Pattern.compile(
            "^(?i)(?:claims|treats|relies on|thinks|says|believes|proposes|suggests|assumes|insists on)\\s+(?:that\\s+)?");

    /**
     * A sentence to compare answer units with, whether it is stated negatively, and its contrary
     * ({@link ContraryStatements}) with that contrary's vector, or nulls when it has none.
     */
    public record Reference(String text, float[] vector, boolean negated, ContraryStatements.Contrary contrary,
                            float[] contraryVector) {

        public Reference(String text, float[] vector, boolean negated) {
            this(text, vector, negated, null, null);
        }
    }

    /**
     * A phrase's analysed terms, the same with each thesaurus entry read as its line ({@link
     * RubricMatcher#equivalentTerms}: how a key point's phrase is met in other words), and whether the phrase is
     * negative ("does not block").
     */
    public record Phrase(String text, Set<String> terms, Set<String> equivalentTerms, boolean negated) {
    }

    /**
     * A key point or misconception, ready to compare.
     *
     * @param terms the analysed terms of its references and phrases: the words a denial of it would name
     */
    public record Target(String id, List<Reference> references, List<Phrase> phrases, Set<String> terms) {
    }

    /** The prompt's vector (the first of {@link #topic}), or null when the question has no prompt. */
    public float[] promptVector() {
        return rubric.prompt() == null || rubric.prompt().isBlank() ? null : topic.get(0);
    }

    public static RubricEmbeddings of(FreeTextRubric rubric, SentenceEmbedder embedder, RubricMatcher analyser,
                                      NegationDetector negation) {
        AnswerSegmenter segmenter = new AnswerSegmenter();
        List<List<String>> keyPointTexts = new ArrayList<>();
        for (FreeTextRubric.Point point : rubric.keyPoints()) {
            List<String> texts = new ArrayList<>();
            for (String text : concat(point.description(), point.examples())) {
                texts.addAll(pieces(text, segmenter, negation));
            }
            keyPointTexts.add(texts);
        }
        List<List<String>> misconceptionTexts = new ArrayList<>();
        for (FreeTextRubric.Misconception misconception : rubric.misconceptions()) {
            misconceptionTexts.add(concat(statement(misconception.description()), misconception.phrases()));
        }
        boolean hasPrompt = rubric.prompt() != null && !rubric.prompt().isBlank();
        List<String> all = new ArrayList<>();
        if (hasPrompt) {
            all.add(rubric.prompt());
        }
        keyPointTexts.forEach(all::addAll);
        misconceptionTexts.forEach(all::addAll);
        // the contraries of the positive key-point references, embedded in the same batch, after everything else
        List<List<ContraryStatements.Contrary>> contraries = new ArrayList<>();
        int contraryFrom = all.size();
        for (List<String> texts : keyPointTexts) {
            List<ContraryStatements.Contrary> perPoint = new ArrayList<>();
            for (String text : texts) {
                ContraryStatements.Contrary contrary = negation.isNegated(text)
                        ? null : ContraryStatements.of(text, rubric.prompt()).orElse(null);
                perPoint.add(contrary);
                if (contrary != null) {
                    all.add(contrary.text());
                }
            }
            contraries.add(perPoint);
        }
        List<float[]> embedded = embedder.embed(all);
        Iterator<float[]> contraryVectors = embedded.subList(contraryFrom, embedded.size()).iterator();
        Iterator<float[]> vectors = embedded.subList(0, contraryFrom).iterator();

        List<float[]> topic = new ArrayList<>();
        if (hasPrompt) {
            topic.add(vectors.next());
        }
        Set<String> rubricTerms = new HashSet<>();
        List<Target> keyPoints = new ArrayList<>();
        for (int k = 0; k < rubric.keyPoints().size(); k++) {
            List<Reference> refs = new ArrayList<>();
            for (int r = 0; r < keyPointTexts.get(k).size(); r++) {
                String text = keyPointTexts.get(k).get(r);
                float[] v = vectors.next();
                ContraryStatements.Contrary contrary = contraries.get(k).get(r);
                refs.add(new Reference(text, v, negation.isNegated(text), contrary,
                        contrary == null ? null : contraryVectors.next()));
                topic.add(v);
            }
            List<Phrase> phrases = phrases(rubric.keyPoints().get(k).phrases(), analyser, negation);
            phrases.forEach(p -> rubricTerms.addAll(p.terms()));
            if (phrases.size() < PHRASES_THAT_LIST_THE_TERMS) {
                rubricTerms.addAll(analyser.terms(rubric.keyPoints().get(k).description()));
            }
            keyPoints.add(new Target(rubric.keyPoints().get(k).id(), List.copyOf(refs), phrases,
                    termsOf(keyPointTexts.get(k), phrases, analyser)));
        }
        List<Target> misconceptions = new ArrayList<>();
        for (int m = 0; m < rubric.misconceptions().size(); m++) {
            List<Reference> refs = new ArrayList<>();
            for (String text : misconceptionTexts.get(m)) {
                refs.add(new Reference(text, vectors.next(), negation.isNegated(text)));
            }
            FreeTextRubric.Misconception misconception = rubric.misconceptions().get(m);
            List<Phrase> phrases = phrases(misconception.phrases(), analyser, negation);
            misconceptions.add(new Target(misconception.id(), List.copyOf(refs), phrases,
                    termsOf(misconceptionTexts.get(m), phrases, analyser)));
        }
        List<String> rubricPhrases = rubric.keyPoints().stream().flatMap(p -> p.phrases().stream()).toList();
        return new RubricEmbeddings(rubric, List.copyOf(keyPoints), List.copyOf(misconceptions), List.copyOf(topic),
                rubricPhrases, Set.copyOf(rubricTerms), Set.copyOf(analyser.terms(rubric.prompt())));
    }

    /**
     * A reference whose clauses disagree in polarity ("the system must choose …; partitions cannot be ruled
     * out") would make a negated answer clause look like it agrees with it. Such a text is compared clause by
     * clause instead; a text of one polarity stays whole.
     */
    static List<String> pieces(String text, AnswerSegmenter segmenter, NegationDetector negation) {
        List<AnswerSegmenter.Span> units = segmenter.units(text);
        long polarities = units.stream().map(u -> negation.isNegated(u.text())).distinct().count();
        if (polarities <= 1) {
            return List.of(text);
        }
        List<String> clauses = new ArrayList<>();
        for (AnswerSegmenter.Span unit : units) {
            boolean containsAnother = units.stream().anyMatch(o -> o != unit && o.start() >= unit.start()
                    && o.end() <= unit.end() && (o.end() - o.start()) < (unit.end() - unit.start()));
            if (!containsAnother) {
                clauses.add(unit.text());
            }
        }
        return clauses;
    }

    private static Set<String> termsOf(List<String> texts, List<Phrase> phrases, RubricMatcher analyser) {
        Set<String> terms = new HashSet<>();
        texts.forEach(text -> terms.addAll(analyser.terms(text)));
        phrases.forEach(phrase -> terms.addAll(phrase.terms()));
        return Set.copyOf(terms);
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
                out.add(new Phrase(phrase, Set.copyOf(terms), Set.copyOf(analyser.equivalentTerms(phrase)),
                        negation.isNegated(phrase)));
            }
        }
        return List.copyOf(out);
    }
}
