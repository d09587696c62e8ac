package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.FreeTextGrade;
import io.hirepipe.scoring.grading.FreeTextRubric;
import io.hirepipe.scoring.grading.LexicalFreeTextGrader;
import io.hirepipe.scoring.grading.MiniLmSentenceEmbedder;
import io.hirepipe.scoring.grading.NeighbouringQuestions;
import io.hirepipe.scoring.grading.PerSentenceLangchainEmbedder;
import io.hirepipe.scoring.grading.RubricMatcher;
import io.hirepipe.scoring.grading.SemanticFreeTextGrader;
import io.hirepipe.scoring.grading.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Free-text grading time per answer, p50 and p99, for a 100-word and a 500-word answer against a
 * 10-key-point rubric; the model's load time; the process's RSS growth, at the service's heap (the pom's
 * grading-benchmark-heap profile), and the heap the grader keeps. Runs only with
 * {@code -Dbenchmark=true} (command in the README), in a JVM of its own, so the first embedding is the
 * model's load.
 *
 * <p>The rubric joins the dev set's traffic-spike and secure-rest rubrics (5 + 5 key points, with
 * examples and misconceptions); the answers are built from the dev set's sentences for those questions,
 * rotated so that no two timed answers are the same text. With {@code -Dbenchmark.compare=true} the
 * grader with the embedder used before ({@link PerSentenceLangchainEmbedder}) is timed too, interleaved
 * answer by answer with the current one, so both see the same load; {@code -Dbenchmark.versus=FULL} does the
 * same with another model variant.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FreeTextGradingBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 300);
    private static final int MEASURED = Integer.getInteger("benchmark.iterations", 1000);
    /** {@code -Dbenchmark.compare=true}: also times the embedder used before, side by side. */
    private static final boolean COMPARE = Boolean.getBoolean("benchmark.compare");
    /** {@code -Dbenchmark.versus=FULL}: times the grader with that model variant side by side instead. */
    private static final String VERSUS = System.getProperty("benchmark.versus", "");
    /** {@code -Dbenchmark.withoutNeighbours=true}: times the grader without the map of other questions side by side. */
    private static final boolean WITHOUT_NEIGHBOURS = Boolean.getBoolean("benchmark.withoutNeighbours");

    @Test
    void gradingTimeModelLoadAndMemory() throws IOException {
        long rssStart = rssKb();
        DevSet devSet = DevSet.load();
        FreeTextRubric rubric = tenKeyPointRubric(devSet);
        RubricMatcher matcher = new RubricMatcher();
        MiniLmSentenceEmbedder.Variant variant = FreeTextEvaluation.modelVariant();
        MiniLmSentenceEmbedder embedder = new MiniLmSentenceEmbedder(variant);

        long loadMs = embedder.warmUp();
        long rssAfterLoad = rssKb();
        SemanticFreeTextGrader grader = new SemanticFreeTextGrader(embedder, matcher,
                FreeTextEvaluation.applicationSettings(), new LexicalFreeTextGrader(matcher),
                new NeighbouringQuestions(embedder));
        SentenceEmbedder other = VERSUS.isBlank() ? new PerSentenceLangchainEmbedder()
                : new MiniLmSentenceEmbedder(MiniLmSentenceEmbedder.Variant.valueOf(VERSUS));
        SemanticFreeTextGrader before = WITHOUT_NEIGHBOURS ? new SemanticFreeTextGrader(embedder, matcher,
                FreeTextEvaluation.applicationSettings(), new LexicalFreeTextGrader(matcher))
                : COMPARE || !VERSUS.isBlank() ? new SemanticFreeTextGrader(other, matcher,
                FreeTextEvaluation.applicationSettings(), new LexicalFreeTextGrader(matcher),
                new NeighbouringQuestions(other)) : null;

        List<String> sentences = sentences(devSet);
        List<String> short100 = answers(sentences, 100, 50);
        List<String> long500 = answers(sentences, 500, 50);
        long firstAnswerNs = time(() -> grader.grade(short100.get(0), rubric));

        StringBuilder out = new StringBuilder("\n=== Free-text grading benchmark (10 key points) ===\n");
        out.append("model: ").append(variant).append('\n');
        out.append(String.format("cores: %d, JVM max heap: %d MB, load average before: %.1f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(String.format("model load (first embedding): %d ms; first answer incl. rubric embedding: %.1f ms%n",
                loadMs, firstAnswerNs / 1e6));
        out.append(perText(embedder, sentences));
        if (before != null) {
            before.grade(short100.get(0), rubric);
            out.append(WITHOUT_NEIGHBOURS ? "side by side, interleaved answer by answer (before: no map of other questions):\n"
                    : VERSUS.isBlank() ? "side by side, interleaved answer by answer (before: langchain4j's encoder, "
                    + "one text per call, three tokenizer calls per text):\n"
                    : "side by side, interleaved answer by answer (before: the " + VERSUS + " model):\n");
            out.append(measure("100-word answer", rubric, short100, grader, before));
            out.append(measure("500-word answer", rubric, long500, grader, before));
        } else {
            out.append(measure("100-word answer", rubric, short100, grader));
            out.append(measure("500-word answer", rubric, long500, grader));
        }
        long rssEnd = rssKb();
        out.append(String.format("load average after: %.1f (the machine is shared: wall-clock percentiles move with it)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(String.format("RSS: %d MB at start, %d MB after model load, %d MB at end: growth %d MB%n",
                rssStart >> 10, rssAfterLoad >> 10, rssEnd >> 10, (rssEnd - rssStart) >> 10));
        out.append(liveHeap());
        System.out.println(out);
        matcher.close();
    }

    /**
     * Times each grader on the same answers, interleaved answer by answer so that all of them see the same
     * load from other processes; the first grader is "now", a second one "before".
     */
    private static String measure(String label, FreeTextRubric rubric, List<String> answers,
                                  SemanticFreeTextGrader... graders) {
        int words = answers.get(0).split("\\s+").length;
        for (int i = 0; i < WARM_UP; i++) {
            for (SemanticFreeTextGrader grader : graders) {
                grader.grade(answers.get(i % answers.size()), rubric);
            }
        }
        long[][] ns = new long[graders.length][MEASURED];
        long[] cpu = new long[graders.length];
        for (int i = 0; i < MEASURED; i++) {
            String answer = answers.get(i % answers.size());
            for (int g = 0; g < graders.length; g++) {
                SemanticFreeTextGrader grader = graders[g];
                long cpuStart = processCpuNanos();
                ns[g][i] = time(() -> grader.grade(answer, rubric));
                cpu[g] += processCpuNanos() - cpuStart;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < graders.length; g++) {
            Arrays.sort(ns[g]);
            out.append(String.format("%s%s (%d words): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d answers after %d warm-up; "
                            + "CPU %.1f ms per answer (all threads; unlike wall time, not inflated by other processes)%n",
                    graders.length > 1 ? (g == 0 ? "now:    " : "before: ") : "", label, words, ns[g][MEASURED / 2] / 1e6,
                    ns[g][(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6, ns[g][MEASURED - 1] / 1e6, MEASURED, WARM_UP,
                    cpu[g] / 1e6 / MEASURED));
        }
        return out.toString();
    }

    /**
     * CPU of one model run per text: each of the dev set's sentences embedded alone on this thread, twice over (the
     * first pass warms up), so the figure is the model's cost per sentence without the grader around it.
     */
    private static String perText(SentenceEmbedder embedder, List<String> sentences) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        sentences.forEach(s -> embedder.embed(List.of(s)));
        long start = threads.getCurrentThreadCpuTime();
        sentences.forEach(s -> embedder.embed(List.of(s)));
        long cpu = threads.getCurrentThreadCpuTime() - start;
        double words = sentences.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
        return String.format("CPU per sentence (one model run, %d sentences of %.1f words on average): %.2f ms%n",
                sentences.size(), words, cpu / 1e6 / sentences.size());
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    static FreeTextRubric tenKeyPointRubric(DevSet devSet) {
        FreeTextRubric spike = devSet.rubrics().get("traffic-spike");
        FreeTextRubric secure = devSet.rubrics().get("secure-rest");
        List<FreeTextRubric.Point> points = new ArrayList<>(spike.keyPoints());
        points.addAll(secure.keyPoints());
        List<FreeTextRubric.Misconception> misconceptions = new ArrayList<>(spike.misconceptions());
        misconceptions.addAll(secure.misconceptions());
        return new FreeTextRubric("benchmark:1", spike.prompt() + " " + secure.prompt(), points, misconceptions);
    }

    /**
     * The sentences the answers are built from: those of the two questions' answers as the set was first written,
     * so that the benchmark times the same text whatever sessions add to the dev set (the additions sit between
     * them in the file and would change every answer built here).
     */
    private static List<String> sentences(DevSet devSet) {
        List<String> sentences = new ArrayList<>();
        for (DevSet.Answer a : devSet.answers()) {
            if ((a.questionKey().equals("traffic-spike") || a.questionKey().equals("secure-rest"))
                    && !a.isLaterAddition()) {
                for (String s : a.text().split("(?<=[.!?])\\s+")) {
                    if (s.split("\\s+").length >= 6) {
                        sentences.add(s);
                    }
                }
            }
        }
        return sentences;
    }

    /** {@code count} answers of about {@code words} words, each starting at a different sentence. */
    private static List<String> answers(List<String> sentences, int words, int count) {
        List<String> answers = new ArrayList<>();
        for (int start = 0; start < count; start++) {
            StringBuilder answer = new StringBuilder();
            int n = 0;
            for (int i = start; n < words; i++) {
                String s = sentences.get(i % sentences.size());
                String[] w = s.split("\\s+");
                if (n + w.length > words) {
                    s = String.join(" ", Arrays.copyOf(w, words - n));
                }
                answer.append(s).append(' ');
                n += Math.min(w.length, words - (n));
            }
            answers.add(answer.toString().strip());
        }
        return answers;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * What the grader keeps, as against what the heap took while it ran: most of the RSS growth is heap the JVM
     * committed for garbage, as much as its maximum lets it.
     */
    private static String liveHeap() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        memory.gc();
        java.lang.management.MemoryUsage heap = memory.getHeapMemoryUsage();
        return String.format("heap after a full collection: %d MB in use, %d MB committed (maximum %d MB)%n",
                heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
