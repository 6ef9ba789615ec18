/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * One call's run through a {@link Script}: a pure state machine. Events come in with the time they happened (the
 * conversation reads no clock and does no I/O); actions go out to the {@link ActionSink}. One instance per call slot,
 * reused with {@link #reset(String[])}; no allocation per event in steady state (the summary string is built once,
 * when qualified). Not thread-safe: drive it from one thread.
 * <p>
 * Digit collection: once the prompt has finished the first-digit timer runs ({@link Question#timeoutMs()}); each
 * digit re-arms the inter-digit timer ({@link Question#interDigitTimeoutMs()}). The answer ends with {@code #}, on
 * the maximum digit count, or on the inter-digit timeout; fewer than the minimum digits is invalid input; no digit at
 * all is no input. When the answer ends on the maximum count, a {@code #} pressed next is ignored (callers often end
 * a ZIP code with {@code #} anyway). A key pressed while the prompt plays (barge-in) stops it and counts as the first
 * key of the answer.
 * After no input or invalid input the question is asked again, up to its retries, then the conversation goes to its
 * {@code on_no_input} or {@code on_invalid} target (decided by the last failure).
 */
public final class Conversation
{
    private static final String YES = "yes";
    private static final String NO = "no";

    private final Script script;
    private final ActionSink sink;

    private final boolean[] answered;
    private final String[] textAnswer;
    private final DigitsText[] digitAnswer;
    private final double[] answerNumber;
    private final long[] answerDigitKey;

    private final String[] leadText;
    private final double[] leadNumber;
    private final long[] leadDigitKey;

    private final char[] collected = new char[Values.MAX_DIGITS];
    private int collectedCount;

    private ConversationState state = ConversationState.IDLE;
    private ConversationResult result = ConversationResult.NONE;
    private Outcome outcome;
    private Question question;
    private int attempts;
    private int pendingPrompts;
    private long deadlineMs;
    private boolean timerArmed;
    private boolean swallowHash;
    private String summary;

    /**
     * A conversation slot for a script, reporting to a sink.
     *
     * @param script the compiled script.
     * @param sink   where actions go.
     */
    public Conversation(final Script script, final ActionSink sink)
    {
        this.script = script;
        this.sink = sink;
        final int questions = script.questions.length;
        answered = new boolean[questions];
        textAnswer = new String[questions];
        digitAnswer = new DigitsText[questions];
        answerNumber = new double[questions];
        answerDigitKey = new long[questions];
        for (int i = 0; i < questions; i++)
        {
            digitAnswer[i] = new DigitsText();
        }
        final int fields = script.leadFields.length;
        leadText = new String[fields];
        leadNumber = new double[fields];
        leadDigitKey = new long[fields];
    }

    /**
     * The text of a prompt for this call's lead ({@link Prompt#render(String[])} with the values given to
     * {@link #reset(String[])}): what the engine speaks when {@link ActionSink#play(Prompt, boolean)} asks.
     *
     * @param prompt a prompt of this conversation's script.
     * @return the text to speak, or null for an audio file without a transcript.
     */
    public String render(final Prompt prompt)
    {
        return prompt.hasLeadFields() ? prompt.render(leadText) : prompt.text();
    }

    /**
     * Makes the slot ready for a new call.
     *
     * @param leadValues the lead's values by lead field index ({@link Script#leadValues(java.util.Map)}); null or
     *                   empty where missing.
     * @return this.
     */
    public Conversation reset(final String[] leadValues)
    {
        for (int i = 0; i < leadText.length; i++)
        {
            final String value = null != leadValues && i < leadValues.length ? leadValues[i] : null;
            leadText[i] = null == value || value.isEmpty() ? null : value;
            leadNumber[i] = Values.number(value);
            leadDigitKey[i] = Values.digitKey(value);
        }
        for (int i = 0; i < answered.length; i++)
        {
            answered[i] = false;
            textAnswer[i] = null;
        }
        collectedCount = 0;
        state = ConversationState.IDLE;
        result = ConversationResult.NONE;
        outcome = null;
        question = null;
        attempts = 0;
        pendingPrompts = 0;
        timerArmed = false;
        swallowHash = false;
        summary = null;
        return this;
    }

    /**
     * The script.
     *
     * @return the script.
     */
    public Script script()
    {
        return script;
    }

    /**
     * The current state.
     *
     * @return the state.
     */
    public ConversationState state()
    {
        return state;
    }

    /**
     * How the conversation ended, or {@link ConversationResult#NONE} while undecided.
     *
     * @return the result.
     */
    public ConversationResult result()
    {
        return result;
    }

    /**
     * The outcome reached, if any.
     *
     * @return the outcome, or null (also after an opt-out or a hang-up).
     */
    public Outcome outcome()
    {
        return outcome;
    }

    /**
     * The question being asked, or last asked.
     *
     * @return the question, or null before the first.
     */
    public Question question()
    {
        return question;
    }

    /**
     * The summary built when qualified.
     *
     * @return the summary, or null.
     */
    public String summary()
    {
        return summary;
    }

    /**
     * The current timer deadline, when one is armed.
     *
     * @return the deadline in milliseconds, or -1 when no timer is armed.
     */
    public long deadlineMs()
    {
        return timerArmed ? deadlineMs : -1;
    }

    /**
     * The call was answered by a person: apply rules on lead fields alone, then play the greeting.
     *
     * @param nowMs the time.
     */
    public void start(final long nowMs)
    {
        if (ConversationState.IDLE != state)
        {
            return;
        }
        if (applyRules(nowMs))
        {
            return;
        }
        state = ConversationState.GREETING;
        pendingPrompts = 1;
        sink.play(script.greeting, false);
    }

    /**
     * A prompt played to its end.
     *
     * @param nowMs the time.
     */
    public void promptFinished(final long nowMs)
    {
        if (pendingPrompts <= 0)
        {
            return;
        }
        switch (state)
        {
            case GREETING:
                if (--pendingPrompts == 0)
                {
                    goTo(script.greetingTarget, nowMs);
                }
                break;

            case ASKING:
                if (--pendingPrompts == 0)
                {
                    listen(nowMs);
                }
                break;

            case CLOSING:
                if (--pendingPrompts == 0)
                {
                    end();
                    sink.hangUp();
                }
                break;

            default:
                break;
        }
    }

    /**
     * The caller pressed a key (DTMF).
     *
     * @param key   {@code 0}-{@code 9}, {@code *} or {@code #}; anything else is ignored.
     * @param nowMs the time.
     */
    public void key(final char key, final long nowMs)
    {
        final int index = Keys.index(key);
        if (Keys.NONE == index)
        {
            return;
        }
        if (swallowHash)
        {
            swallowHash = false;
            if (Keys.HASH == index)
            {
                return;
            }
        }
        switch (state)
        {
            case GREETING:
                if (key == script.optOutKey)
                {
                    optOut();
                }
                break;

            case ASKING:
                if (key == script.optOutKey)
                {
                    optOut();
                }
                else
                {
                    sink.stopPrompts();
                    pendingPrompts = 0;
                    listen(nowMs);
                    input(key, index, nowMs);
                }
                break;

            case COLLECTING:
                if (key == script.optOutKey)
                {
                    optOut();
                }
                else
                {
                    input(key, index, nowMs);
                }
                break;

            default:
                break;
        }
    }

    /**
     * The media layer collected a whole answer on its own (digits gathered by the media server under the question's
     * bounds): an alternative to feeding {@link #key(char, long)} one by one. For a digits question a trailing
     * {@code #} is dropped; none is no input; fewer than the minimum, more than the maximum, or a non-digit is
     * invalid. For a choice or spoken question the first key decides. The opt-out key anywhere opts out.
     *
     * @param digits the keys, in order.
     * @param nowMs  the time.
     */
    public void digitsCollected(final CharSequence digits, final long nowMs)
    {
        if (ConversationState.ASKING != state && ConversationState.COLLECTING != state)
        {
            return;
        }
        for (int i = 0; i < digits.length(); i++)
        {
            if (digits.charAt(i) == script.optOutKey)
            {
                optOut();
                return;
            }
        }
        if (ConversationState.ASKING == state)
        {
            sink.stopPrompts();
            pendingPrompts = 0;
            listen(nowMs);
        }
        if (AnswerKind.DIGITS != question.kind)
        {
            final int index = 0 == digits.length() ? Keys.NONE : Keys.index(digits.charAt(0));
            if (Keys.NONE == index)
            {
                failed(0 == digits.length(), nowMs);
            }
            else
            {
                input(digits.charAt(0), index, nowMs);
            }
            return;
        }
        int length = digits.length();
        if (length > 0 && '#' == digits.charAt(length - 1))
        {
            length--;
        }
        collectedCount = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9' || collectedCount == question.maxDigits)
            {
                failed(false, nowMs);
                return;
            }
            collected[collectedCount++] = c;
        }
        if (0 == collectedCount)
        {
            failed(true, nowMs);
        }
        else if (collectedCount < question.minDigits)
        {
            failed(false, nowMs);
        }
        else
        {
            acceptDigits(nowMs);
        }
    }

    /**
     * The speech recogniser's verdict, for a spoken yes/no question (while its prompt plays, or after).
     *
     * @param answer what was heard.
     * @param nowMs  the time.
     */
    public void spokenAnswer(final SpokenAnswer answer, final long nowMs)
    {
        if ((ConversationState.ASKING != state && ConversationState.COLLECTING != state) ||
            AnswerKind.SPOKEN_YES_NO != question.kind)
        {
            return;
        }
        if (ConversationState.ASKING == state)
        {
            sink.stopPrompts();
            pendingPrompts = 0;
            state = ConversationState.COLLECTING;
        }
        switch (answer)
        {
            case YES:
                acceptText(YES, nowMs);
                break;

            case NO:
                acceptText(NO, nowMs);
                break;

            default:
                failed(false, nowMs);
                break;
        }
    }

    /**
     * The timer expired; ignored unless a timer is armed and its deadline has passed.
     *
     * @param nowMs the time.
     */
    public void timeout(final long nowMs)
    {
        if (!timerArmed || nowMs < deadlineMs || ConversationState.COLLECTING != state)
        {
            return;
        }
        timerArmed = false;
        if (AnswerKind.DIGITS == question.kind && collectedCount > 0)
        {
            if (collectedCount >= question.minDigits)
            {
                acceptDigits(nowMs);
            }
            else
            {
                failed(false, nowMs);
            }
        }
        else
        {
            failed(true, nowMs);
        }
    }

    /**
     * The caller hung up: the conversation ends with no action; the result is {@link ConversationResult#HUNG_UP}
     * unless an outcome or an opt-out was already reached.
     *
     * @param nowMs the time.
     */
    public void callerHungUp(final long nowMs)
    {
        if (ConversationState.ENDED == state)
        {
            return;
        }
        if (ConversationResult.NONE == result)
        {
            result = ConversationResult.HUNG_UP;
        }
        end();
    }

    boolean answered(final int index)
    {
        return answered[index];
    }

    double answerNumber(final int index)
    {
        return answerNumber[index];
    }

    long answerDigitKey(final int index)
    {
        return answerDigitKey[index];
    }

    CharSequence answerText(final int index)
    {
        return null != textAnswer[index] ? textAnswer[index] : digitAnswer[index];
    }

    boolean leadPresent(final int index)
    {
        return null != leadText[index];
    }

    double leadNumber(final int index)
    {
        return leadNumber[index];
    }

    long leadDigitKey(final int index)
    {
        return leadDigitKey[index];
    }

    CharSequence leadText(final int index)
    {
        return leadText[index];
    }

    private void end()
    {
        state = ConversationState.ENDED;
        pendingPrompts = 0;
        timerArmed = false;
    }

    private void goTo(final int target, final long nowMs)
    {
        if (Branch.isOutcome(target))
        {
            reach(script.outcomes[Branch.outcomeIndex(target)]);
        }
        else
        {
            attempts = 0;
            ask(script.questions[target]);
        }
    }

    private void ask(final Question next)
    {
        question = next;
        state = ConversationState.ASKING;
        timerArmed = false;
        collectedCount = 0;
        pendingPrompts = 1;
        if (attempts > 0 && null != next.retryPrompt)
        {
            pendingPrompts = 2;
            sink.play(next.retryPrompt, true);
        }
        sink.play(next.prompt, true);
    }

    private void listen(final long nowMs)
    {
        state = ConversationState.COLLECTING;
        collectedCount = 0;
        deadlineMs = nowMs + question.timeoutMs;
        timerArmed = true;
        sink.collect(question, deadlineMs);
    }

    private void input(final char key, final int index, final long nowMs)
    {
        switch (question.kind)
        {
            case CHOICE:
            {
                final String value = question.choiceByKey[index];
                if (null == value)
                {
                    failed(false, nowMs);
                }
                else
                {
                    acceptText(value, nowMs);
                }
                break;
            }

            case SPOKEN_YES_NO:
                if ('1' == key)
                {
                    acceptText(YES, nowMs);
                }
                else if ('2' == key)
                {
                    acceptText(NO, nowMs);
                }
                else
                {
                    failed(false, nowMs);
                }
                break;

            default:
                digit(key, index, nowMs);
                break;
        }
    }

    private void digit(final char key, final int index, final long nowMs)
    {
        if (Keys.HASH == index)
        {
            if (collectedCount > 0 && collectedCount >= question.minDigits)
            {
                acceptDigits(nowMs);
            }
            else
            {
                failed(0 == collectedCount, nowMs);
            }
        }
        else if (Keys.STAR == index)
        {
            failed(false, nowMs);
        }
        else
        {
            collected[collectedCount++] = key;
            if (collectedCount >= question.maxDigits)
            {
                acceptDigits(nowMs);
                swallowHash = true;
            }
            else
            {
                deadlineMs = nowMs + question.interDigitTimeoutMs;
                timerArmed = true;
                sink.timer(deadlineMs);
            }
        }
    }

    private void acceptText(final String value, final long nowMs)
    {
        final int index = question.index;
        answered[index] = true;
        textAnswer[index] = value;
        answerNumber[index] = Double.NaN;
        answerDigitKey[index] = Values.NO_KEY;
        answeredThenContinue(index, nowMs);
    }

    private void acceptDigits(final long nowMs)
    {
        final int index = question.index;
        final DigitsText text = digitAnswer[index];
        text.set(collected, collectedCount);
        answered[index] = true;
        textAnswer[index] = null;
        answerNumber[index] = Values.number(text);
        answerDigitKey[index] = Values.digitKey(text);
        answeredThenContinue(index, nowMs);
    }

    private void answeredThenContinue(final int index, final long nowMs)
    {
        timerArmed = false;
        final Question answeredQuestion = question;
        sink.answer(answeredQuestion, answerText(index));
        if (applyRules(nowMs))
        {
            return;
        }
        for (final Branch branch : answeredQuestion.next)
        {
            if (null == branch.condition || Condition.TRUE == branch.condition.evaluate(this))
            {
                goTo(branch.target, nowMs);
                return;
            }
        }
    }

    private boolean applyRules(final long nowMs)
    {
        for (final Branch rule : script.rules)
        {
            if (Condition.TRUE == rule.condition.evaluate(this))
            {
                goTo(rule.target, nowMs);
                return true;
            }
        }
        return false;
    }

    private void failed(final boolean noInput, final long nowMs)
    {
        timerArmed = false;
        attempts++;
        if (attempts <= question.retries)
        {
            ask(question);
        }
        else
        {
            goTo(noInput ? question.noInputTarget : question.invalidTarget, nowMs);
        }
    }

    private void reach(final Outcome reached)
    {
        outcome = reached;
        timerArmed = false;
        switch (reached.kind)
        {
            case QUALIFIED:
                result = ConversationResult.QUALIFIED;
                end();
                if (null != reached.prompt)
                {
                    sink.play(reached.prompt, false);
                }
                summary = reached.summary.render(this);
                sink.qualified(reached.skill, summary);
                break;

            case DISQUALIFIED:
                result = ConversationResult.DISQUALIFIED;
                sink.disqualified(reached.reason, reached.prompt);
                close(reached.prompt);
                break;

            default:
                result = ConversationResult.CALLBACK;
                sink.callback(answerText(reached.callbackQuestion), reached.prompt);
                close(reached.prompt);
                break;
        }
    }

    private void optOut()
    {
        if (pendingPrompts > 0)
        {
            sink.stopPrompts();
        }
        result = ConversationResult.OPTED_OUT;
        sink.optOut(script.optOutPrompt);
        close(script.optOutPrompt);
    }

    private void close(final Prompt prompt)
    {
        state = ConversationState.CLOSING;
        timerArmed = false;
        pendingPrompts = 1;
        sink.play(prompt, false);
    }
}
