/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.qualification.Outcome;
import io.dialer.qualification.Question;
import io.dialer.qualification.Script;

/**
 * Every prompt a campaign plays, rendered to audio before the first dial (speech synthesis blocks, so never on the
 * controller's or effects' threads at call time): the script's prompts (a WAV when its file exists, else its text
 * spoken), the warm transfer's prompts, the voicemail message; only a caller's briefing is per call, rendered in the
 * background when the caller qualifies.
 */
public final class PromptBook implements AutoCloseable
{
    private final TextToSpeech tts;
    private final Map<io.dialer.qualification.Prompt, Prompt> script = new IdentityHashMap<>();
    private final List<io.dialer.qualification.Prompt> personal = new ArrayList<>();
    private final Map<io.dialer.transfer.Prompt, Prompt> transfer = new EnumMap<>(io.dialer.transfer.Prompt.class);
    private final Prompt voicemail;
    private Prompt safeHarbor;
    private final ExecutorService briefings = Executors.newSingleThreadExecutor(r ->
    {
        final Thread thread = new Thread(r, "dialer-briefings");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Renders the prompts.
     *
     * @param tts           the speech synthesiser.
     * @param compiled      the qualification script.
     * @param scriptDir     the directory audio paths of the script are relative to.
     * @param voicemailText the voicemail message's text, or null.
     * @param voicemailWav  the voicemail message's audio file, or null.
     * @param texts         the warm transfer's prompt texts.
     * @throws IOException when a prompt cannot be rendered or read.
     */
    public PromptBook(
        final TextToSpeech tts,
        final Script compiled,
        final Path scriptDir,
        final String voicemailText,
        final Path voicemailWav,
        final TransferTexts texts) throws IOException
    {
        this.tts = tts;
        add(compiled.greeting(), scriptDir);
        add(compiled.optOutPrompt(), scriptDir);
        for (int i = 0; i < compiled.questionCount(); i++)
        {
            final Question question = compiled.question(i);
            add(question.prompt(), scriptDir);
            add(question.retryPrompt(), scriptDir);
        }
        for (int i = 0; i < compiled.outcomeCount(); i++)
        {
            final Outcome outcome = compiled.outcome(i);
            add(outcome.prompt(), scriptDir);
        }
        for (final io.dialer.transfer.Prompt prompt : io.dialer.transfer.Prompt.values())
        {
            if (io.dialer.transfer.Prompt.HOLD_MUSIC == prompt)
            {
                final Path music = texts.holdMusic();
                transfer.put(prompt, null == music ? Prompt.holdMusic() : Prompt.fromWav(music));
            }
            else if (io.dialer.transfer.Prompt.BRIEFING != prompt)
            {
                transfer.put(prompt, tts.render(texts.text(prompt)));
            }
        }
        if (null != voicemailWav)
        {
            voicemail = Prompt.fromWav(voicemailWav);
        }
        else if (null != voicemailText && !voicemailText.isBlank())
        {
            voicemail = tts.render(voicemailText);
        }
        else
        {
            voicemail = null;
        }
    }

    /**
     * Renders a campaign's prompts: its script's (audio paths relative to the script file), the default transfer
     * texts and its voicemail message.
     *
     * @param tts      the speech synthesiser.
     * @param campaign the validated campaign.
     * @return the prompts.
     * @throws IOException when a prompt cannot be rendered or read.
     */
    public static PromptBook of(final TextToSpeech tts, final CampaignFile campaign) throws IOException
    {
        final String holdMusic = campaign.transfer().holdMusic();
        return new PromptBook(tts, campaign.script(), campaign.scriptFile().toAbsolutePath().getParent(),
            campaign.voicemailText(), campaign.voicemailAudio(), new TransferTexts()
                .text(io.dialer.transfer.Prompt.APOLOGY_CALLBACK_OFFER,
                    new CallbackOffer(campaign.callbackOffer()).apologyText())
                .holdMusic(null == holdMusic || holdMusic.isEmpty() ? null : Path.of(holdMusic)))
            .safeHarbor(campaign.abandonment().safeHarborText());
    }

    /**
     * The audio of a script prompt.
     *
     * @param prompt the script's prompt.
     * @return its audio.
     */
    public Prompt script(final io.dialer.qualification.Prompt prompt)
    {
        final Prompt audio = script.get(prompt);
        if (null == audio)
        {
            throw new IllegalArgumentException("prompt not rendered: " + prompt);
        }
        return audio;
    }

    /**
     * The audio of a warm-transfer prompt other than the briefing.
     *
     * @param prompt the prompt.
     * @return its audio.
     */
    public Prompt transfer(final io.dialer.transfer.Prompt prompt)
    {
        return transfer.get(prompt);
    }

    /**
     * The script's prompts that speak lead fields ({@code {lead.first_name}}): rendered for each lead when it is
     * dialed, not once.
     *
     * @return the prompts, possibly none.
     */
    public List<io.dialer.qualification.Prompt> personalPrompts()
    {
        return personal;
    }

    /**
     * Renders a text in the background (a prompt with the lead's own values), on the same thread as the briefings;
     * the call rings meanwhile.
     *
     * @param text the text.
     * @return the audio, when rendered.
     */
    public CompletableFuture<Prompt> render(final String text)
    {
        return briefing(text);
    }

    /**
     * Renders the campaign's safe-harbor message (the seller's name and the call-back number).
     *
     * @param text the message, {@code AbandonmentRule.safeHarborText()}.
     * @return this.
     * @throws IOException when it cannot be rendered.
     */
    public PromptBook safeHarbor(final String text) throws IOException
    {
        safeHarbor = tts.render(text);
        return this;
    }

    /**
     * @return the safe-harbor message: the one rendered by {@link #safeHarbor(String)}, else the transfer's apology.
     */
    public Prompt safeHarbor()
    {
        return null == safeHarbor ? transfer.get(io.dialer.transfer.Prompt.APOLOGY_CALLBACK_OFFER) : safeHarbor;
    }

    /**
     * @return the voicemail message, or null when the campaign leaves none.
     */
    public Prompt voicemail()
    {
        return voicemail;
    }

    /**
     * Renders a briefing in the background.
     *
     * @param summary the caller's summary.
     * @return the audio, when rendered.
     */
    public CompletableFuture<Prompt> briefing(final String summary)
    {
        return CompletableFuture.supplyAsync(() ->
        {
            try
            {
                return tts.render(summary);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }, briefings);
    }

    /**
     * Stops the background renderer.
     */
    @Override
    public void close()
    {
        briefings.shutdownNow();
    }

    private void add(final io.dialer.qualification.Prompt prompt, final Path dir) throws IOException
    {
        if (null == prompt || script.containsKey(prompt) || personal.contains(prompt))
        {
            return;
        }
        if (prompt.hasLeadFields() && null == prompt.audio())
        {
            personal.add(prompt); // spoken with each lead's own values: rendered per call, see personal()
            return;
        }
        if (null != prompt.audio())
        {
            final Path file = null == dir ? Path.of(prompt.audio()) : dir.resolve(prompt.audio());
            if (Files.isReadable(file))
            {
                script.put(prompt, Prompt.fromWav(file));
                return;
            }
            if (null == prompt.text())
            {
                throw new IOException("prompt audio " + file + " is not readable and the prompt has no text");
            }
        }
        script.put(prompt, tts.render(prompt.text()));
    }
}
