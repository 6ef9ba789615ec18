/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.List;

/**
 * The result of compiling a script: the script when valid, else every error found.
 */
public final class CompileResult
{
    private final Script script;
    private final List<ValidationError> errors;

    CompileResult(final Script script, final List<ValidationError> errors)
    {
        this.script = script;
        this.errors = List.copyOf(errors);
    }

    /**
     * Whether the script validated.
     *
     * @return true when there is no error.
     */
    public boolean isValid()
    {
        return errors.isEmpty();
    }

    /**
     * The compiled script.
     *
     * @return the script, or null when there are errors.
     */
    public Script script()
    {
        return script;
    }

    /**
     * Every error found, in the order found.
     *
     * @return the errors; empty when valid.
     */
    public List<ValidationError> errors()
    {
        return errors;
    }
}
