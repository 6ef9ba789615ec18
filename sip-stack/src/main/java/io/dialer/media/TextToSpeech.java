/*
 * Dialer media.
 */
package io.dialer.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sound.sampled.AudioFormat;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;

/**
 * Text-to-speech through FreeTTS (voice {@code kevin}, 8 kHz), captured in memory into a {@link Prompt}. Each text
 * is rendered once and cached. Thread-safe; rendering takes tens to hundreds of milliseconds and blocks the caller,
 * so call it from a worker thread, never from the media thread or a listener.
 */
public final class TextToSpeech
{
    /** System property FreeTTS reads its voice directories from. */
    public static final String VOICES_PROP_NAME = "freetts.voices";
    /** The voice directory holding the 8 kHz {@code kevin} voice. */
    public static final String VOICES_DEFAULT = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";
    /** The default voice. */
    public static final String VOICE_DEFAULT = "kevin";

    private final String voiceName;
    private final Map<String, Prompt> cache = new ConcurrentHashMap<>();
    private final Object renderLock = new Object();
    private Voice voice;
    private CapturingAudioPlayer player;

    /**
     * Text-to-speech with the default voice.
     */
    public TextToSpeech()
    {
        this(VOICE_DEFAULT);
    }

    /**
     * Text-to-speech with a FreeTTS voice.
     *
     * @param voiceName the voice name, for example {@code kevin}.
     */
    public TextToSpeech(final String voiceName)
    {
        this.voiceName = voiceName;
    }

    /**
     * The prompt speaking a text, rendered on the first call for that text and cached.
     *
     * @param text the text.
     * @return the prompt, the same instance for the same text.
     * @throws IOException when the voice cannot be loaded or renders nothing.
     */
    public Prompt render(final String text) throws IOException
    {
        final Prompt cached = cache.get(text);
        if (null != cached)
        {
            return cached;
        }

        synchronized (renderLock)
        {
            final Prompt again = cache.get(text);
            if (null != again)
            {
                return again;
            }
            final Prompt prompt = Prompt.wrap(text, synthesize(text));
            cache.put(text, prompt);
            return prompt;
        }
    }

    /**
     * Number of texts rendered and cached.
     *
     * @return the count.
     */
    public int cachedCount()
    {
        return cache.size();
    }

    private short[] synthesize(final String text) throws IOException
    {
        if (null == voice)
        {
            if (null == System.getProperty(VOICES_PROP_NAME))
            {
                System.setProperty(VOICES_PROP_NAME, VOICES_DEFAULT);
            }
            final Voice loaded = VoiceManager.getInstance().getVoice(voiceName);
            if (null == loaded)
            {
                throw new IOException("FreeTTS voice '" + voiceName + "' not found (" + VOICES_PROP_NAME + "=" +
                    System.getProperty(VOICES_PROP_NAME) + ")");
            }
            player = new CapturingAudioPlayer();
            loaded.setAudioPlayer(player);
            loaded.allocate();
            voice = loaded;
        }

        player.clear();
        if (!voice.speak(text))
        {
            throw new IOException("FreeTTS could not speak '" + text + "'");
        }
        final short[] samples = player.samples();
        if (0 == samples.length)
        {
            throw new IOException("FreeTTS rendered no audio for '" + text + "'");
        }
        return samples;
    }

    /**
     * FreeTTS audio sink collecting the bytes in memory.
     */
    static final class CapturingAudioPlayer implements AudioPlayer
    {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(Prompt.SAMPLE_RATE, 16, 1, true, true);
        private float volume = 1.0f;

        void clear()
        {
            bytes.reset();
        }

        short[] samples()
        {
            final byte[] data = bytes.toByteArray();
            final int frameSize = Math.max(1, format.getFrameSize());
            final boolean bigEndian = format.isBigEndian();
            final int count = data.length / frameSize;
            final short[] raw = new short[count];
            for (int i = 0; i < count; i++)
            {
                final int at = i * frameSize;
                if (8 == format.getSampleSizeInBits())
                {
                    raw[i] = (short)(data[at] << 8);
                }
                else
                {
                    raw[i] = bigEndian ?
                        (short)((data[at] << 8) | (data[at + 1] & 0xFF)) :
                        (short)((data[at + 1] << 8) | (data[at] & 0xFF));
                }
            }
            return resample(raw, Math.round(format.getSampleRate()));
        }

        private static short[] resample(final short[] raw, final int rate)
        {
            if (Prompt.SAMPLE_RATE == rate || rate <= 0)
            {
                return raw;
            }
            final int count = (int)((long)raw.length * Prompt.SAMPLE_RATE / rate);
            final short[] out = new short[count];
            for (int i = 0; i < count; i++)
            {
                final double position = (double)i * rate / Prompt.SAMPLE_RATE;
                final int index = (int)position;
                final double fraction = position - index;
                final int next = Math.min(index + 1, raw.length - 1);
                out[i] = (short)Math.round(raw[index] * (1 - fraction) + raw[next] * fraction);
            }
            return out;
        }

        /**
         * {@inheritDoc}
         */
        public void setAudioFormat(final AudioFormat format)
        {
            this.format = format;
        }

        /**
         * {@inheritDoc}
         */
        public AudioFormat getAudioFormat()
        {
            return format;
        }

        /**
         * {@inheritDoc}
         */
        public void pause()
        {
        }

        /**
         * {@inheritDoc}
         */
        public void resume()
        {
        }

        /**
         * {@inheritDoc}
         */
        public void reset()
        {
        }

        /**
         * {@inheritDoc}
         */
        public boolean drain()
        {
            return true;
        }

        /**
         * {@inheritDoc}
         */
        public void begin(final int size)
        {
        }

        /**
         * {@inheritDoc}
         */
        public boolean end()
        {
            return true;
        }

        /**
         * {@inheritDoc}
         */
        public void cancel()
        {
        }

        /**
         * {@inheritDoc}
         */
        public void close()
        {
        }

        /**
         * {@inheritDoc}
         */
        public float getVolume()
        {
            return volume;
        }

        /**
         * {@inheritDoc}
         */
        public void setVolume(final float volume)
        {
            this.volume = volume;
        }

        /**
         * {@inheritDoc}
         */
        public long getTime()
        {
            return 0;
        }

        /**
         * {@inheritDoc}
         */
        public void resetTime()
        {
        }

        /**
         * {@inheritDoc}
         */
        public void startFirstSampleTimer()
        {
        }

        /**
         * {@inheritDoc}
         */
        public boolean write(final byte[] audioData)
        {
            return write(audioData, 0, audioData.length);
        }

        /**
         * {@inheritDoc}
         */
        public boolean write(final byte[] audioData, final int offset, final int size)
        {
            bytes.write(audioData, offset, size);
            return true;
        }

        /**
         * {@inheritDoc}
         */
        public void showMetrics()
        {
        }
    }
}
