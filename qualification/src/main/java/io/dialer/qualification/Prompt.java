/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Something to play: text for text-to-speech, or an audio file (with its text as a transcript, when given). The text
 * may speak lead fields: {@code {lead.first_name}}, or {@code {lead.first_name|there}} with a fallback spoken when the
 * lead's value is empty or missing; without a fallback an empty value is left out with the space before it (and a
 * comma after it at the start), so {@code "Hi {lead.first_name}, this is Acme."} is {@code "Hi, this is Acme."}.
 * {@link #render(String[])} builds the text for one lead.
 */
public final class Prompt
{
    private final String text;
    private final String audio;
    /** Literal i is followed by field i (-1 after the last literal); null when the text has no placeholder. */
    private final String[] literals;
    private final int[] fields;
    private final String[] fieldNames;
    private final String[] fallbacks;

    Prompt(final String text, final String audio)
    {
        this(text, audio, null, null, null, null);
    }

    Prompt(
        final String text,
        final String audio,
        final String[] literals,
        final int[] fields,
        final String[] fieldNames,
        final String[] fallbacks)
    {
        this.text = text;
        this.audio = audio;
        this.literals = literals;
        this.fields = fields;
        this.fieldNames = fieldNames;
        this.fallbacks = fallbacks;
    }

    /**
     * The text to speak, or the transcript of the audio file, as written (placeholders included).
     *
     * @return the text, or null for an audio file without a transcript.
     */
    public String text()
    {
        return text;
    }

    /**
     * The audio file to play instead of text-to-speech, as written in the script.
     *
     * @return the path, or null for text-to-speech.
     */
    public String audio()
    {
        return audio;
    }

    /**
     * Whether the text speaks lead fields, so it differs from lead to lead and is rendered per call.
     *
     * @return true when it has a {@code {lead.…}} placeholder.
     */
    public boolean hasLeadFields()
    {
        return null != literals;
    }

    /**
     * The lead fields the text speaks, in order of first use.
     *
     * @return the field names (CSV columns), empty when none.
     */
    public List<String> leadFields()
    {
        if (null == fieldNames)
        {
            return List.of();
        }
        final LinkedHashSet<String> names = new LinkedHashSet<>();
        for (final String name : fieldNames)
        {
            if (null != name)
            {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The text to speak to one lead: each placeholder replaced by the lead's value, else its fallback, else left out
     * with the space before it. Allocates the result (once per prompt per call).
     *
     * @param leadValues the lead's values by the script's lead field index ({@link Script#leadValues(java.util.Map)},
     *                   as given to {@link Conversation#reset(String[])}); null or empty where missing.
     * @return the text, or null for an audio file without a transcript.
     */
    public String render(final String[] leadValues)
    {
        if (null == literals)
        {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length() + 32);
        boolean skipLeadingSpace = false;
        for (int i = 0; i < literals.length; i++)
        {
            String literal = literals[i];
            if (skipLeadingSpace)
            {
                if (0 == out.length() && !literal.isEmpty() && (',' == literal.charAt(0) || ';' == literal.charAt(0)))
                {
                    literal = literal.substring(1);
                }
                if (!literal.isEmpty() && (' ' == literal.charAt(0)) &&
                    (0 == out.length() || ' ' == out.charAt(out.length() - 1)))
                {
                    literal = literal.substring(1);
                }
                else if (!literal.isEmpty() && isPunctuation(literal.charAt(0)) && out.length() > 0 &&
                    ' ' == out.charAt(out.length() - 1))
                {
                    out.setLength(out.length() - 1);
                }
            }
            out.append(literal);
            skipLeadingSpace = false;
            final int field = fields[i];
            if (field < 0)
            {
                continue;
            }
            final String value = null != leadValues && field < leadValues.length ? leadValues[field] : null;
            final String spoken = null != value && !value.isBlank() ? value.strip() : fallbacks[i];
            if (null != spoken && !spoken.isEmpty())
            {
                out.append(spoken);
            }
            else
            {
                skipLeadingSpace = true;
            }
        }
        return out.toString().strip();
    }

    private static boolean isPunctuation(final char c)
    {
        return ',' == c || '.' == c || '!' == c || '?' == c || ';' == c || ':' == c;
    }

    /**
     * The text as written, or {@code [audio: file]} when there is no text.
     *
     * @return a readable form.
     */
    @Override
    public String toString()
    {
        if (null != text)
        {
            return text;
        }
        return "[audio: " + audio + "]";
    }
}
