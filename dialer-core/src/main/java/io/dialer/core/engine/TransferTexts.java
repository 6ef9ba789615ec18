/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.dialer.transfer.Prompt;

/**
 * What the warm transfer says, per prompt; defaults that work, each replaceable by a campaign.
 */
public final class TransferTexts
{
    private final Map<Prompt, String> texts = new EnumMap<>(Prompt.class);
    private Path holdMusic;

    /**
     * The default texts.
     */
    public TransferTexts()
    {
        texts.put(Prompt.REASSURANCE, "Thank you for holding. An agent will be with you shortly.");
        texts.put(Prompt.ACCEPT_REJECT_INSTRUCTIONS, "Press 1 to accept this caller, or 9 to pass.");
        texts.put(Prompt.CALLER_HUNG_UP_NOTICE, "The caller has hung up. Goodbye.");
        texts.put(Prompt.TRANSFER_CANCELLED_NOTICE, "This transfer has been cancelled. Goodbye.");
        texts.put(Prompt.APOLOGY_CALLBACK_OFFER, CallbackOffer.DEFAULT.apologyText());
        texts.put(Prompt.INTRODUCTION, "Connecting you with your agent now.");
        texts.put(Prompt.CALLBACK_CONFIRMATION, "Thank you. We will call you back then. Goodbye.");
    }

    /**
     * Replaces a text.
     *
     * @param prompt the prompt.
     * @param text   what it says.
     * @return this.
     */
    public TransferTexts text(final Prompt prompt, final String text)
    {
        texts.put(prompt, text);
        return this;
    }

    /**
     * The text of a prompt.
     *
     * @param prompt the prompt.
     * @return its text.
     */
    public String text(final Prompt prompt)
    {
        return texts.get(prompt);
    }

    /**
     * Hold music from a WAV file instead of the built-in music.
     *
     * @param file the file, or null for the built-in music.
     * @return this.
     */
    public TransferTexts holdMusic(final Path file)
    {
        holdMusic = file;
        return this;
    }

    /**
     * @return the hold music file, or null for the built-in music.
     */
    public Path holdMusic()
    {
        return holdMusic;
    }
}
