/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A validated, compiled qualification script: immutable, shared by every {@link Conversation} that runs it.
 * Obtained only from {@link ScriptCompiler}, so a script that does not validate is never used.
 */
public final class Script
{
    final String name;
    final String file;
    final String[] leadFields;
    final Prompt greeting;
    final int greetingTarget;
    final char optOutKey;
    final Prompt optOutPrompt;
    final Question[] questions;
    final Outcome[] outcomes;
    final Branch[] rules;
    final FieldUse[] fieldUses;

    Script(
        final String name,
        final String file,
        final String[] leadFields,
        final Prompt greeting,
        final int greetingTarget,
        final char optOutKey,
        final Prompt optOutPrompt,
        final Question[] questions,
        final Outcome[] outcomes,
        final Branch[] rules,
        final FieldUse[] fieldUses)
    {
        this.fieldUses = fieldUses;
        this.name = name;
        this.file = file;
        this.leadFields = leadFields;
        this.greeting = greeting;
        this.greetingTarget = greetingTarget;
        this.optOutKey = optOutKey;
        this.optOutPrompt = optOutPrompt;
        this.questions = questions;
        this.outcomes = outcomes;
        this.rules = rules;
    }

    /**
     * The script's name ({@code name:}, or the file name).
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The file it was compiled from.
     *
     * @return the file name as given.
     */
    public String file()
    {
        return file;
    }

    /**
     * The greeting prompt.
     *
     * @return the prompt.
     */
    public Prompt greeting()
    {
        return greeting;
    }

    /**
     * The opt-out key, active during the greeting and every question.
     *
     * @return the key.
     */
    public char optOutKey()
    {
        return optOutKey;
    }

    /**
     * The prompt played after opting out, before hanging up.
     *
     * @return the prompt.
     */
    public Prompt optOutPrompt()
    {
        return optOutPrompt;
    }

    /**
     * The number of questions.
     *
     * @return the count.
     */
    public int questionCount()
    {
        return questions.length;
    }

    /**
     * A question by index.
     *
     * @param index from 0 to {@link #questionCount()} - 1.
     * @return the question.
     */
    public Question question(final int index)
    {
        return questions[index];
    }

    /**
     * A question by id, for tools (not for the call path).
     *
     * @param id the id.
     * @return the question, or null.
     */
    public Question question(final String id)
    {
        for (final Question question : questions)
        {
            if (question.id.equals(id))
            {
                return question;
            }
        }
        return null;
    }

    /**
     * The number of outcomes.
     *
     * @return the count.
     */
    public int outcomeCount()
    {
        return outcomes.length;
    }

    /**
     * An outcome by index.
     *
     * @param index from 0 to {@link #outcomeCount()} - 1.
     * @return the outcome.
     */
    public Outcome outcome(final int index)
    {
        return outcomes[index];
    }

    /**
     * The number of declared lead fields.
     *
     * @return the count.
     */
    public int leadFieldCount()
    {
        return leadFields.length;
    }

    /**
     * A declared lead field's name.
     *
     * @param index from 0 to {@link #leadFieldCount()} - 1.
     * @return the name.
     */
    public String leadField(final int index)
    {
        return leadFields[index];
    }

    /**
     * The lead fields the script's prompts speak ({@code {lead.<field>}}), in order of first use: the columns a lead
     * list must have for every prompt to be spoken as written.
     *
     * @return the field names.
     */
    public List<String> promptLeadFields()
    {
        final LinkedHashSet<String> names = new LinkedHashSet<>();
        for (final FieldUse use : fieldUses)
        {
            names.add(use.field);
        }
        return List.copyOf(names);
    }

    /**
     * Every placeholder of a prompt without a fallback naming a lead field that a lead list does not have, at its line
     * and column in the script: such a prompt would always leave the field out. A placeholder with a fallback
     * ({@code {lead.first_name|there}}) is fine without the column: the fallback is spoken.
     *
     * @param columns   the lead list's field names ({@code LeadList.fieldNames()}).
     * @param leadsFile the lead list's name, for the message.
     * @return the errors, empty when every field is a column.
     */
    public List<ValidationError> missingLeadFields(final Collection<String> columns, final String leadsFile)
    {
        final List<ValidationError> errors = new ArrayList<>();
        for (final FieldUse use : fieldUses)
        {
            if (!use.hasFallback && !columns.contains(use.field))
            {
                final String close = Problems.closest(use.field, new LinkedHashSet<>(columns));
                errors.add(new ValidationError(file, use.line, use.column, "lead field '" + use.field +
                    "' is not a column of " + leadsFile + (null != close ? "; did you mean '" + close + "'?" :
                    columns.isEmpty() ? " (it has only the phone column)" :
                    " (its columns: " + String.join(", ", columns) + ")")));
            }
        }
        return errors;
    }

    /**
     * Lays out a lead's fields in the order {@link Conversation#reset(String[])} expects, once per lead.
     *
     * @param lead field name to value (CSV columns); fields the script does not use are ignored.
     * @return values by lead field index, null where the lead has no such field.
     */
    public String[] leadValues(final Map<String, String> lead)
    {
        final String[] values = new String[leadFields.length];
        for (int i = 0; i < leadFields.length; i++)
        {
            values[i] = lead.get(leadFields[i]);
        }
        return values;
    }
}
