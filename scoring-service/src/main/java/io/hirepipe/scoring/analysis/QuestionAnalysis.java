package io.hirepipe.scoring.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One question version across every test that used it.
 *
 * @param truncated more sessions exist than one analysis reads; the newest were analysed
 * @param tests     the test versions it appeared in, with how many responses each contributed
 */
public record QuestionAnalysis(ItemAnalysis item, boolean truncated, List<TestUse> tests) {

    public record TestUse(@Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
                          @Schema(example = "3") int testVersion,
                          @Schema(example = "40") int responses) {
    }
}
