/*
 * Server storage.
 */
package io.dialer.server.storage;

/**
 * The kinds of file a manager uploads, each kept under its own directory of the data directory as
 * {@code <directory>/<id>/<fileName>} with {@code meta.json} beside it.
 */
public enum UploadKind
{
    /** Lead lists (CSV). */
    LEAD_LIST("lead-lists", "leads.csv", "lead list"),
    /** Qualification scripts (YAML). */
    SCRIPT("scripts", "script.yaml", "qualification script"),
    /** Closers files (YAML). */
    CLOSERS_FILE("closers-files", "closers.yaml", "closers file");

    private final String directory;
    private final String fileName;
    private final String description;

    UploadKind(final String directory, final String fileName, final String description)
    {
        this.directory = directory;
        this.fileName = fileName;
        this.description = description;
    }

    /**
     * The directory under the data directory, like {@code lead-lists}.
     *
     * @return the name.
     */
    public String directory()
    {
        return directory;
    }

    /**
     * The name the uploaded file is kept under, like {@code leads.csv}.
     *
     * @return the name.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * The kind in words, like {@code lead list}.
     *
     * @return the words.
     */
    public String description()
    {
        return description;
    }
}
