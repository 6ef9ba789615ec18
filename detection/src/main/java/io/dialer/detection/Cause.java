/*
 * Answering-machine detection.
 */
package io.dialer.detection;

/**
 * Why the detector reached its {@link Verdict}.
 */
public enum Cause
{
    /** A short greeting followed by the silence of a person waiting for an answer. */
    SHORT_GREETING,
    /** A longer greeting (for example a business greeting) followed by a long silence. */
    GREETING_THEN_SILENCE,
    /** Speech went on longer than a person's greeting does. */
    LONG_GREETING,
    /** The greeting goes on in sentences, with pauses, as recorded greetings do. */
    SENTENCES,
    /** More separate words than a person says when answering (the classic detector's rule). */
    TOO_MANY_WORDS,
    /** A sustained narrowband tone (a voicemail beep) after or without a greeting. */
    BEEP,
    /** Nothing but silence from the moment of answer. */
    INITIAL_SILENCE,
    /** The analysis time ran out before the evidence was conclusive. */
    TOO_LONG,
    /** The three-tone special information sequence. */
    SIT_TONES,
    /** The answering fax tone, 2100 Hz. */
    FAX_CED,
    /** The calling fax tone, 1100 Hz. */
    FAX_CNG,
    /**
     * A beep after a HUMAN or NOTSURE verdict ({@link DetectionListener#onLateBeep(int, int)}): not a verdict the
     * detector emits, the cause a call's owner records when it treats the call as a machine after all.
     */
    LATE_BEEP,
    /**
     * A key (DTMF) was pressed before the detector decided: a recording does not press keys, so a person is on the
     * line. Not a verdict the detector emits: the cause a call's owner records for the HUMAN it concludes.
     */
    KEY_PRESSED;

    /**
     * The cause as printed in reports: lower case with dashes.
     *
     * @return the cause's label, e.g. {@code short-greeting}.
     */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
