package io.hirepipe.scoring.analysis;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.scoring.result.ScoringResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item analysis from scored results, computed on request: results are few per test (hundreds, not
 * millions), and computing from the stored results means an adjustment shows up at once.
 */
@Service
public class ItemAnalysisService {

    private final AnalysisSource source;

    ItemAnalysisService(AnalysisSource source) {
        this.source = source;
    }

    public TestAnalysis ofTest(String tenantId, String testId, int version) {
        AnalysisSource.Page page = source.ofTest(tenantId, testId, version);
        if (page.results().isEmpty()) {
            throw noResults("test " + testId + " version " + version);
        }
        List<Sitting> sittings = page.results().stream().map(Sitting::of).toList();
        return TestStatistics.analyse(testId, version, page.results().get(0).testTitle(), sittings, page.truncated(),
                source.choiceOptions(tenantId, questionsOf(sittings)));
    }

    public QuestionAnalysis ofQuestion(String tenantId, String questionId, int version) {
        AnalysisSource.Page page = source.withQuestion(tenantId, questionId, version);
        if (page.results().isEmpty()) {
            throw noResults("question " + questionId + " version " + version);
        }
        Sitting.QuestionVersion question = new Sitting.QuestionVersion(questionId, version);
        List<ItemStatistics.Response> responses = new ArrayList<>();
        Map<String, Integer> perTest = new LinkedHashMap<>();
        Map<String, QuestionAnalysis.TestUse> tests = new LinkedHashMap<>();
        for (ScoringResult result : page.results()) {
            Sitting sitting = Sitting.of(result);
            sitting.answers().stream().filter(a -> a.question().equals(question)).findFirst().ifPresent(answer -> {
                responses.add(new ItemStatistics.Response(answer, sitting));
                String key = result.testId() + ":" + result.testVersionOrFirst();
                int count = perTest.merge(key, 1, Integer::sum);
                tests.put(key, new QuestionAnalysis.TestUse(result.testId(), result.testVersionOrFirst(), count));
            });
        }
        ItemAnalysis item = ItemStatistics.analyse(responses,
                source.choiceOptions(tenantId, List.of(question)).getOrDefault(question, ChoiceOptions.UNKNOWN));
        return new QuestionAnalysis(item, page.truncated(), List.copyOf(tests.values()));
    }

    private static List<Sitting.QuestionVersion> questionsOf(List<Sitting> sittings) {
        return sittings.stream().flatMap(s -> s.answers().stream()).map(Sitting.Answer::question).distinct().toList();
    }

    /** Unknown, not yet taken, and another tenant's all look the same. */
    private static ProblemException noResults(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "No scored results",
                "There are no scored results of " + what + ".");
    }
}
