package io.prod2test.runner.scenario;

/**
 * The masked production session a scenario's steps were taken from, so a reviewer can look it up
 * in the analysis store.
 *
 * @param session the masked session id
 * @param why     why this session was chosen, e.g. "the most typical session of the flow" or "an
 *                example of the edge case"; may be null
 */
public record Source(String session, String why) {
    public Source {
        if (session == null || session.isBlank()) {
            throw new IllegalArgumentException("a source needs the masked session id it was taken from");
        }
    }
}
