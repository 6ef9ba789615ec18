/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.qualification.ActionSink;
import io.dialer.qualification.Conversation;
import io.dialer.qualification.ConversationState;
import io.dialer.qualification.Prompt;
import io.dialer.qualification.Question;
import io.dialer.qualification.Script;

/**
 * The qualification part of a {@link CallFlow}: the call's {@link Conversation} (the script's interpreter) and the
 * keys it has not taken yet. Keys pressed before the script listens (during detection, or an answer during the
 * greeting) are kept and given to the first question as soon as it is asked, so a person who answers early is not
 * ignored; the opt-out key works at once. The conversation's commands come back here ({@link ActionSink}) and go on
 * to the flow. No I/O.
 */
final class CallScript implements ActionSink
{
    private static final int TYPE_AHEAD = 8;

    private final CallFlow flow;
    private final Script script;
    private final CallCommands out;
    private final CampaignLog journal;
    private final EngineStats stats;
    private final Conversation conversation;
    private final char[] typeAhead = new char[TYPE_AHEAD];
    private final StringBuilder answers = new StringBuilder(128);
    private int typeAheadCount;
    private boolean keyPressed;

    CallScript(
        final CallFlow flow, final Script script, final CallCommands out, final CampaignLog journal,
        final EngineStats stats)
    {
        this.flow = flow;
        this.script = script;
        this.out = out;
        this.journal = journal;
        this.stats = stats;
        this.conversation = new Conversation(script, this);
    }

    void reset()
    {
        typeAheadCount = 0;
        keyPressed = false;
        answers.setLength(0);
    }

    /**
     * @return the call's answers so far, one {@code question=value} per line (for the closer's screen).
     */
    CharSequence answers()
    {
        return answers;
    }

    /**
     * @return true once the callee pressed any key in this call (a recording never does).
     */
    boolean keyPressed()
    {
        return keyPressed;
    }

    /**
     * A person is on the line: the script starts (its rules on lead fields, then the greeting).
     *
     * @param leadValues the lead's values for the script's lead fields.
     */
    void start(final String[] leadValues)
    {
        conversation.reset(leadValues);
        conversation.start(flow.nowMs());
        giveTypeAhead();
    }

    /**
     * A key before the script listens: kept for it.
     *
     * @param digit the key.
     */
    void keepKey(final char digit)
    {
        keyPressed = true;
        if (typeAheadCount < TYPE_AHEAD)
        {
            typeAhead[typeAheadCount++] = digit;
        }
    }

    void onKey(final char digit)
    {
        if (ConversationState.GREETING == conversation.state() && digit != script.optOutKey())
        {
            keepKey(digit); // an answer before the first question: given to it when it is asked
            return;
        }
        keyPressed = true;
        conversation.key(digit, flow.nowMs());
    }

    void onPromptFinished()
    {
        conversation.promptFinished(flow.nowMs());
        giveTypeAhead();
    }

    void onTimeout()
    {
        conversation.timeout(flow.nowMs());
        giveTypeAhead();
    }

    /**
     * The callee hung up.
     *
     * @param during filled with where: "during the greeting", "during q2".
     */
    void onCallerHungUp(final StringBuilder during)
    {
        final Question question = conversation.question();
        during.append("during ").append(null == question ? "the greeting" : question.id());
        conversation.callerHungUp(flow.nowMs());
    }

    private void giveTypeAhead()
    {
        if (0 == typeAheadCount || CallPhase.QUALIFYING != flow.phase())
        {
            return;
        }
        final ConversationState state = conversation.state();
        if (ConversationState.GREETING == state)
        {
            for (int i = 0; i < typeAheadCount; i++)
            {
                if (typeAhead[i] == script.optOutKey())
                {
                    typeAheadCount = 0;
                    conversation.key(script.optOutKey(), flow.nowMs());
                    return;
                }
            }
            return;
        }
        if (ConversationState.ASKING != state && ConversationState.COLLECTING != state)
        {
            typeAheadCount = 0;
            return;
        }
        final int count = typeAheadCount;
        typeAheadCount = 0;
        for (int i = 0; i < count && CallPhase.QUALIFYING == flow.phase(); i++)
        {
            conversation.key(typeAhead[i], flow.nowMs());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // ActionSink: the conversation's commands

    @Override
    public void play(final Prompt prompt, final boolean bargeIn)
    {
        flow.playScriptPrompt(prompt);
    }

    @Override
    public void stopPrompts()
    {
        flow.stopCallerPrompts();
    }

    @Override
    public void collect(final Question question, final long deadlineMs)
    {
        timer(deadlineMs);
    }

    @Override
    public void timer(final long deadlineMs)
    {
        out.startTimer(flow.callId(), CallFlow.TIMER_CONVERSATION, deadlineMs);
    }

    @Override
    public void answer(final Question question, final CharSequence value)
    {
        journal.answer(flow.nowMs(), flow.lead(), flow.callId(), question.id(), value);
        answers.append(question.id()).append('=').append(value).append('\n');
    }

    @Override
    public void qualified(final String skill, final String summary)
    {
        journal.qualified(flow.nowMs(), flow.lead(), flow.callId(), skill, summary);
        stats.add(EngineStats.QUALIFIED, 1);
        flow.qualified(out.skillId(skill), summary);
    }

    @Override
    public void disqualified(final String reason, final Prompt closingPrompt)
    {
        flow.closing();
        flow.decide(Disposition.DISQUALIFIED, reason);
    }

    @Override
    public void callback(final CharSequence requestedTime, final Prompt closingPrompt)
    {
        flow.callbackAsked(requestedTime);
    }

    @Override
    public void optOut(final Prompt closingPrompt)
    {
        flow.closing();
        flow.decide(Disposition.OPTED_OUT, "key");
        out.optOut(flow.lead());
    }

    @Override
    public void hangUp()
    {
        flow.scriptHangUp();
    }
}
