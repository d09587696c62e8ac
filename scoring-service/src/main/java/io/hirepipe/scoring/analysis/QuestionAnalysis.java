package io.hirepipe.scoring.analysis;

import java.util.List;

/**
 * One question version across every test that used it.
 *
 * @param truncated more sessions exist than one analysis reads; the newest were analysed
 * @param tests     the test versions it appeared in, with how many responses each contributed
 */
public record QuestionAnalysis(ItemAnalysis item, boolean truncated, List<TestUse> tests) {

    public record TestUse(String testId, int testVersion, int responses) {
    }
}
