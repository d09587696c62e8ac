package io.hirepipe.scoring.result;

/**
 * @param acceptMachineScores accept the machine's points of every item still awaiting review;
 *                            without it, finalising such a result is refused (409)
 */
public record FinalizeRequest(Boolean acceptMachineScores) {

    boolean accepting() {
        return Boolean.TRUE.equals(acceptMachineScores);
    }
}
