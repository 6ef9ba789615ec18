/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One compilation: composes the YAML into nodes (keeping their marks), checks everything, reports every error found
 * in one pass, and builds the {@link Script} only when there is none.
 */
final class ScriptReader implements RuleParser.Scope
{
    static final int DEFAULT_RETRIES = 2;
    static final long DEFAULT_TIMEOUT_MS = 5_000;
    static final long DEFAULT_INTER_DIGIT_TIMEOUT_MS = 3_000;

    private static final int UNSET = Integer.MIN_VALUE;
    private static final List<String> YES_NO = List.of("yes", "no");
    private static final Set<String> TOP_KEYS = keys(
        "name", "lead_fields", "lists", "defaults", "opt_out", "greeting", "questions", "rules", "outcomes");
    private static final Set<String> DEFAULTS_KEYS = keys(
        "retries", "timeout_ms", "inter_digit_timeout_ms", "retry_prompt", "on_no_input", "on_invalid");
    private static final Set<String> QUESTION_KEYS = keys(
        "prompt", "retry_prompt", "choices", "digits", "spoken", "retries", "timeout_ms", "inter_digit_timeout_ms",
        "on_no_input", "on_invalid", "next");
    private static final Set<String> OUTCOME_KEYS = keys("type", "skill", "summary", "reason", "prompt", "time");
    private static final Set<String> PROMPT_KEYS = keys("text", "audio");
    private static final Set<String> DIGITS_KEYS = keys("min", "max", "length");
    private static final Set<String> OPT_OUT_KEYS = keys("key", "prompt");
    private static final Set<String> GREETING_KEYS = keys("prompt", "next");
    private static final Set<String> BRANCH_KEYS = keys("if", "goto");
    private static final Set<String> RULE_KEYS = keys("if", "then");
    private static final Set<String> LIST_KEYS = keys("file");
    private static final String LEAD = "lead.";

    private final Problems problems;
    private final String yaml;
    private final Path baseDir;
    private final RuleParser parser;

    private final Map<String, Integer> leadFields = new LinkedHashMap<>();
    private final Map<String, ValueSet> lists = new HashMap<>();
    private final Map<String, QuestionDraft> questions = new LinkedHashMap<>();
    private final Map<String, OutcomeDraft> outcomes = new LinkedHashMap<>();

    private String name;
    private int defaultRetries = DEFAULT_RETRIES;
    private long defaultTimeoutMs = DEFAULT_TIMEOUT_MS;
    private long defaultInterDigitMs = DEFAULT_INTER_DIGIT_TIMEOUT_MS;
    private Prompt defaultRetryPrompt;
    private Node defaultNoInput;
    private Node defaultInvalid;
    private char optOutKey;
    private Prompt optOutPrompt;
    private Node optOutKeyNode;
    private Prompt greeting;
    private int greetingTarget = UNSET;
    private final List<Branch> rules = new ArrayList<>();
    private final List<FieldUse> fieldUses = new ArrayList<>();

    /**
     * A question while it is being read.
     */
    private static final class QuestionDraft
    {
        final String id;
        final int index;
        final ScalarNode keyNode;
        Map<String, NodeTuple> fields = Map.of();
        AnswerKind kind;
        Node kindKeyNode;
        final String[] choiceByKey = new String[Keys.COUNT];
        final Node[] choiceKeyNodes = new Node[Keys.COUNT];
        final List<String> values = new ArrayList<>();
        int minDigits;
        int maxDigits;
        long timeoutMs;
        long interDigitMs;
        int retries;
        Prompt prompt;
        Prompt retryPrompt;
        int noInput = UNSET;
        int invalid = UNSET;
        Branch[] next;

        QuestionDraft(final String id, final int index, final ScalarNode keyNode)
        {
            this.id = id;
            this.index = index;
            this.keyNode = keyNode;
        }
    }

    /**
     * An outcome while it is being read.
     */
    private static final class OutcomeDraft
    {
        final String id;
        final int index;
        final ScalarNode keyNode;
        final Node body;
        Outcome outcome;

        OutcomeDraft(final String id, final int index, final ScalarNode keyNode, final Node body)
        {
            this.id = id;
            this.index = index;
            this.keyNode = keyNode;
            this.body = body;
        }
    }

    ScriptReader(final String file, final String yaml, final Path baseDir)
    {
        this.problems = new Problems(file);
        this.yaml = yaml;
        this.baseDir = baseDir;
        this.parser = new RuleParser(this, problems);
    }

    CompileResult read()
    {
        final Node root = compose();
        if (null == root)
        {
            return new CompileResult(null, problems.errors());
        }
        if (!(root instanceof MappingNode) || !hasKey((MappingNode)root, "questions"))
        {
            problems.add(root, "not a qualification script: expected a mapping with greeting, questions and outcomes");
            return new CompileResult(null, problems.errors());
        }
        final Map<String, NodeTuple> top = mapping(root, "the script", TOP_KEYS);
        name = optionalText(top, "name");
        readLeadFields(value(top, "lead_fields"));
        readLists(value(top, "lists"));
        readDefaults(value(top, "defaults"));
        registerQuestions(required(top, "questions", root));
        registerOutcomes(required(top, "outcomes", root));
        readOptOut(required(top, "opt_out", root));
        for (final QuestionDraft question : questions.values())
        {
            readQuestionBody(question);
        }
        for (final OutcomeDraft outcome : outcomes.values())
        {
            readOutcome(outcome);
        }
        readGreeting(required(top, "greeting", root));
        for (final QuestionDraft question : questions.values())
        {
            readQuestionFlow(question);
        }
        readRules(value(top, "rules"));
        checkReachable();
        checkOptOutClashes();
        return new CompileResult(problems.isEmpty() ? build() : null, problems.errors());
    }

    public int questionIndex(final String id)
    {
        final QuestionDraft question = questions.get(id);
        return null == question ? -1 : question.index;
    }

    public AnswerKind questionKind(final int index)
    {
        return draft(index).kind;
    }

    public List<String> choiceValues(final int index)
    {
        final QuestionDraft question = draft(index);
        return AnswerKind.SPOKEN_YES_NO == question.kind ? YES_NO : question.values;
    }

    public int leadFieldIndex(final String field)
    {
        final Integer index = leadFields.get(field);
        return null == index ? -1 : index;
    }

    public ValueSet list(final String listName)
    {
        return lists.get(listName);
    }

    private QuestionDraft draft(final int index)
    {
        for (final QuestionDraft question : questions.values())
        {
            if (question.index == index)
            {
                return question;
            }
        }
        throw new IllegalArgumentException("no question " + index);
    }

    private Node compose()
    {
        return problems.compose(yaml);
    }

    private void readLeadFields(final Node node)
    {
        if (null == node)
        {
            return;
        }
        for (final ScalarNode field : scalars(node, "lead_fields"))
        {
            final String value = field.getValue();
            if (leadFields.containsKey(value))
            {
                problems.add(field, "lead field '" + value + "' is declared twice");
            }
            else
            {
                leadFields.put(value, leadFields.size());
            }
        }
    }

    private void readLists(final Node node)
    {
        if (null == node)
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(node, "lists", null).entrySet())
        {
            final Node body = entry.getValue().getValueNode();
            final List<String> values = new ArrayList<>();
            if (body instanceof MappingNode)
            {
                final Map<String, NodeTuple> fields = mapping(body, "list '" + entry.getKey() + "'", LIST_KEYS);
                final Node fileNode = required(fields, "file", body);
                final String fileName = text(fileNode, "file");
                if (null == fileName)
                {
                    continue;
                }
                final Path path = null == baseDir ? Path.of(fileName) : baseDir.resolve(fileName);
                try
                {
                    for (final String line : Files.readAllLines(path, StandardCharsets.UTF_8))
                    {
                        final String value = line.trim();
                        if (!value.isEmpty() && !value.startsWith("#"))
                        {
                            values.add(value);
                        }
                    }
                }
                catch (final IOException ex)
                {
                    problems.add(fileNode, "cannot read list file '" + fileName + "' (" + path + ")");
                    continue;
                }
            }
            else
            {
                for (final ScalarNode value : scalars(body, "list '" + entry.getKey() + "'"))
                {
                    values.add(value.getValue());
                }
            }
            lists.put(entry.getKey(), new ValueSet(values));
        }
    }

    private void readDefaults(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = mapping(node, "defaults", DEFAULTS_KEYS);
        defaultRetries = integer(fields, "retries", 0, 9, DEFAULT_RETRIES);
        defaultTimeoutMs = integer(fields, "timeout_ms", 100, 120_000, (int)DEFAULT_TIMEOUT_MS);
        defaultInterDigitMs = integer(fields, "inter_digit_timeout_ms", 100, 60_000,
            (int)DEFAULT_INTER_DIGIT_TIMEOUT_MS);
        defaultRetryPrompt = optionalPrompt(fields, "retry_prompt");
        defaultNoInput = value(fields, "on_no_input");
        defaultInvalid = value(fields, "on_invalid");
    }

    private void registerQuestions(final Node node)
    {
        if (null == node)
        {
            return;
        }
        if (!(node instanceof MappingNode))
        {
            problems.add(node, "questions must be a mapping of question id to question");
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(node, "questions", null).entrySet())
        {
            final ScalarNode key = (ScalarNode)entry.getValue().getKeyNode();
            final QuestionDraft question = new QuestionDraft(entry.getKey(), questions.size(), key);
            checkId(key);
            question.fields = mapping(entry.getValue().getValueNode(), "question '" + entry.getKey() + "'",
                QUESTION_KEYS);
            questions.put(entry.getKey(), question);
        }
        if (questions.isEmpty())
        {
            problems.add(node, "the script has no questions");
        }
    }

    private void registerOutcomes(final Node node)
    {
        if (null == node)
        {
            return;
        }
        for (final Map.Entry<String, NodeTuple> entry : mapping(node, "outcomes", null).entrySet())
        {
            final ScalarNode key = (ScalarNode)entry.getValue().getKeyNode();
            checkId(key);
            if (questions.containsKey(entry.getKey()))
            {
                problems.add(key, "'" + entry.getKey() + "' is both a question and an outcome; rename one");
                continue;
            }
            outcomes.put(entry.getKey(),
                new OutcomeDraft(entry.getKey(), outcomes.size(), key, entry.getValue().getValueNode()));
        }
    }

    private void checkId(final ScalarNode key)
    {
        if (!key.getValue().matches("[A-Za-z_][A-Za-z0-9_-]*"))
        {
            problems.add(key, "'" + key.getValue() + "' is not a valid id: use letters, digits, _ and -");
        }
    }

    private void readOptOut(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = mapping(node, "opt_out", OPT_OUT_KEYS);
        optOutKeyNode = required(fields, "key", node);
        final String key = text(optOutKeyNode, "opt_out key");
        if (null != key)
        {
            if (1 != key.length() || Keys.NONE == Keys.index(key.charAt(0)))
            {
                problems.add(optOutKeyNode, "the opt-out key must be one keypad key: 0-9, * or #; found '" + key + "'");
            }
            else
            {
                optOutKey = key.charAt(0);
            }
        }
        optOutPrompt = prompt(required(fields, "prompt", node), "opt_out prompt");
    }

    private void readQuestionBody(final QuestionDraft question)
    {
        final Map<String, NodeTuple> fields = question.fields;
        question.prompt = prompt(required(fields, "prompt", question.keyNode), "prompt");
        question.retryPrompt = fields.containsKey("retry_prompt") ?
            optionalPrompt(fields, "retry_prompt") : defaultRetryPrompt;
        question.retries = integer(fields, "retries", 0, 9, defaultRetries);
        question.timeoutMs = integer(fields, "timeout_ms", 100, 120_000, (int)defaultTimeoutMs);
        question.interDigitMs = integer(fields, "inter_digit_timeout_ms", 100, 60_000, (int)defaultInterDigitMs);
        for (final String kindKey : new String[]{"choices", "digits", "spoken"})
        {
            final NodeTuple tuple = fields.get(kindKey);
            if (null == tuple)
            {
                continue;
            }
            if (null != question.kindKeyNode)
            {
                problems.add(tuple.getKeyNode(), "question '" + question.id + "' has more than one answer kind: " +
                    "keep one of choices, digits or spoken");
                continue;
            }
            question.kindKeyNode = tuple.getKeyNode();
            readAnswerKind(question, kindKey, tuple.getValueNode());
        }
        if (null == question.kindKeyNode)
        {
            problems.add(question.keyNode, "question '" + question.id + "' needs one of choices, digits or spoken");
        }
    }

    private void readAnswerKind(final QuestionDraft question, final String kindKey, final Node body)
    {
        switch (kindKey)
        {
            case "choices":
                question.kind = AnswerKind.CHOICE;
                for (final Map.Entry<String, NodeTuple> entry : mapping(body, "choices", null).entrySet())
                {
                    final Node keyNode = entry.getValue().getKeyNode();
                    final String key = entry.getKey();
                    final String value = text(entry.getValue().getValueNode(), "choice value");
                    if (1 != key.length() || Keys.NONE == Keys.index(key.charAt(0)))
                    {
                        problems.add(keyNode, "'" + key + "' is not a keypad key: use 0-9, * or #");
                    }
                    else if (null != value)
                    {
                        question.choiceByKey[Keys.index(key.charAt(0))] = value;
                        question.choiceKeyNodes[Keys.index(key.charAt(0))] = keyNode;
                        if (!question.values.contains(value))
                        {
                            question.values.add(value);
                        }
                    }
                }
                if (question.values.isEmpty() && body instanceof MappingNode)
                {
                    problems.add(body, "choices is empty: map keys to values, like \"1\": yes");
                }
                break;

            case "digits":
            {
                question.kind = AnswerKind.DIGITS;
                final Map<String, NodeTuple> fields = mapping(body, "digits", DIGITS_KEYS);
                final int length = integer(fields, "length", 1, Values.MAX_DIGITS, 0);
                question.maxDigits = integer(fields, "max", 1, Values.MAX_DIGITS, 0 != length ? length : 0);
                question.minDigits = integer(fields, "min", 1, Values.MAX_DIGITS, 0 != length ? length : 1);
                if (0 == question.maxDigits && body instanceof MappingNode)
                {
                    problems.add(body, "digits needs max (or length): the most digits to collect");
                }
                else if (question.minDigits > question.maxDigits && fields.containsKey("min"))
                {
                    problems.add(fields.get("min").getValueNode(), "min (" + question.minDigits +
                        ") is more than max (" + question.maxDigits + ")");
                }
                break;
            }

            default:
            {
                question.kind = AnswerKind.SPOKEN_YES_NO;
                final String spoken = text(body, "spoken");
                if (null != spoken && !"yes_no".equals(spoken))
                {
                    problems.add(body, "spoken must be yes_no (the only spoken answer so far), found '" + spoken + "'");
                }
                break;
            }
        }
    }

    private void readOutcome(final OutcomeDraft draft)
    {
        final Map<String, NodeTuple> fields = mapping(draft.body, "outcome '" + draft.id + "'", OUTCOME_KEYS);
        final Node typeNode = required(fields, "type", draft.keyNode);
        final String type = text(typeNode, "type");
        if (null == type)
        {
            return;
        }
        final OutcomeKind kind;
        final Set<String> allowed;
        switch (type)
        {
            case "qualified":
                kind = OutcomeKind.QUALIFIED;
                allowed = keys("type", "skill", "summary", "prompt");
                break;
            case "disqualified":
                kind = OutcomeKind.DISQUALIFIED;
                allowed = keys("type", "reason", "prompt");
                break;
            case "callback":
                kind = OutcomeKind.CALLBACK;
                allowed = keys("type", "time", "prompt");
                break;
            default:
                problems.add(typeNode, "unknown outcome type '" + type + "': use qualified, disqualified or callback");
                return;
        }
        for (final Map.Entry<String, NodeTuple> entry : fields.entrySet())
        {
            if (!allowed.contains(entry.getKey()))
            {
                problems.add(entry.getValue().getKeyNode(), "'" + entry.getKey() + "' does not apply to a " + type +
                    " outcome");
            }
        }
        String skill = null;
        String reason = null;
        Prompt prompt = null;
        Template summary = null;
        int callbackQuestion = -1;
        if (OutcomeKind.QUALIFIED == kind)
        {
            skill = text(required(fields, "skill", draft.keyNode), "skill");
            final Node summaryNode = required(fields, "summary", draft.keyNode);
            if (null != text(summaryNode, "summary"))
            {
                summary = parser.template((ScalarNode)summaryNode);
            }
            prompt = optionalPrompt(fields, "prompt");
        }
        else
        {
            if (OutcomeKind.DISQUALIFIED == kind)
            {
                reason = text(required(fields, "reason", draft.keyNode), "reason");
            }
            else
            {
                final Node timeNode = required(fields, "time", draft.keyNode);
                if (null != text(timeNode, "time"))
                {
                    callbackQuestion = parser.answerReference((ScalarNode)timeNode);
                    if (callbackQuestion >= 0)
                    {
                        checkCallbackAnswers(draft, draft(callbackQuestion), timeNode);
                    }
                }
            }
            prompt = prompt(required(fields, "prompt", draft.keyNode), "prompt");
        }
        draft.outcome = new Outcome(draft.id, draft.index, kind, skill, reason, prompt, summary, callbackQuestion);
    }

    /**
     * Every answer a callback outcome's time can take must be a time the dialer can call back at: each choice is
     * checked here (reported at the choice), keyed-in digits must be a clock time's three or four digits.
     */
    private void checkCallbackAnswers(final OutcomeDraft outcome, final QuestionDraft question, final Node timeNode)
    {
        if (AnswerKind.CHOICE == question.kind)
        {
            for (int key = 0; key < Keys.COUNT; key++)
            {
                final String value = question.choiceByKey[key];
                final String problem = null == value ? null : CallbackTime.problem(value);
                if (null != problem)
                {
                    problems.add(question.choiceKeyNodes[key], "outcome '" + outcome.id + "' takes its callback time " +
                        "from question '" + question.id + "': " + problem);
                }
            }
        }
        else if (AnswerKind.DIGITS == question.kind && (question.minDigits < 3 || question.maxDigits > 4))
        {
            problems.add(timeNode, "outcome '" + outcome.id + "' takes its callback time from question '" +
                question.id + "', whose digits are not a clock time: ask for 3 or 4 digits (930, 1730)");
        }
        else if (AnswerKind.SPOKEN_YES_NO == question.kind)
        {
            problems.add(timeNode, "outcome '" + outcome.id + "' takes its callback time from question '" +
                question.id + "', a yes/no question: use a choices or digits question");
        }
    }

    private void readGreeting(final Node node)
    {
        if (null == node)
        {
            return;
        }
        final Map<String, NodeTuple> fields = mapping(node, "greeting", GREETING_KEYS);
        greeting = prompt(required(fields, "prompt", node), "greeting prompt");
        final Node next = required(fields, "next", node);
        if (null != next)
        {
            greetingTarget = target(next);
        }
    }

    private void readQuestionFlow(final QuestionDraft question)
    {
        final Map<String, NodeTuple> fields = question.fields;
        final Node noInput = fields.containsKey("on_no_input") ? value(fields, "on_no_input") : defaultNoInput;
        final Node invalid = fields.containsKey("on_invalid") ? value(fields, "on_invalid") : defaultInvalid;
        if (null == noInput)
        {
            problems.add(question.keyNode, "question '" + question.id + "' needs on_no_input (here or in defaults)");
        }
        else
        {
            question.noInput = target(noInput);
        }
        if (null == invalid)
        {
            problems.add(question.keyNode, "question '" + question.id + "' needs on_invalid (here or in defaults)");
        }
        else
        {
            question.invalid = target(invalid);
        }
        final Node next = required(fields, "next", question.keyNode);
        if (null != next)
        {
            question.next = branches(next);
        }
    }

    private Branch[] branches(final Node next)
    {
        if (next instanceof ScalarNode)
        {
            final int target = target(next);
            return UNSET == target ? null : new Branch[]{new Branch(null, target)};
        }
        if (!(next instanceof SequenceNode))
        {
            problems.add(next, "next must be a question or outcome id, or a list of if/goto branches");
            return null;
        }
        final List<Branch> branches = new ArrayList<>();
        boolean ok = true;
        boolean unconditional = false;
        for (final Node item : ((SequenceNode)next).getValue())
        {
            final Map<String, NodeTuple> fields = mapping(item, "a branch", BRANCH_KEYS);
            if (unconditional)
            {
                problems.add(item, "this branch is never used: the branch before it has no 'if'");
                ok = false;
            }
            final Node condition = value(fields, "if");
            final Node gotoNode = required(fields, "goto", item);
            final Condition compiled = null == condition ? null : condition(condition);
            final int target = null == gotoNode ? UNSET : target(gotoNode);
            ok &= (null == condition || null != compiled) && UNSET != target;
            unconditional |= null == condition;
            branches.add(new Branch(compiled, target));
        }
        if (!unconditional)
        {
            problems.add(next, "the last branch needs no 'if' (just goto), so that every answer leads somewhere");
            ok = false;
        }
        return ok ? branches.toArray(new Branch[0]) : null;
    }

    private void readRules(final Node node)
    {
        if (null == node)
        {
            return;
        }
        if (!(node instanceof SequenceNode))
        {
            problems.add(node, "rules must be a list of if/then rules");
            return;
        }
        for (final Node item : ((SequenceNode)node).getValue())
        {
            final Map<String, NodeTuple> fields = mapping(item, "a rule", RULE_KEYS);
            final Node condition = required(fields, "if", item);
            final Node then = required(fields, "then", item);
            final Condition compiled = null == condition ? null : condition(condition);
            final int target = null == then ? UNSET : target(then);
            if (UNSET != target && !Branch.isOutcome(target))
            {
                problems.add(then, "a rule must end in an outcome; '" + ((ScalarNode)then).getValue() +
                    "' is a question (use next/goto to branch)");
            }
            else if (null != compiled && UNSET != target)
            {
                rules.add(new Branch(compiled, target));
            }
        }
    }

    private void checkReachable()
    {
        if (UNSET == greetingTarget || Branch.isOutcome(greetingTarget) && questions.isEmpty())
        {
            return;
        }
        final boolean[] reached = new boolean[questions.size()];
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        visit(greetingTarget, reached, queue);
        while (!queue.isEmpty())
        {
            final QuestionDraft question = draft(queue.poll());
            visit(question.noInput, reached, queue);
            visit(question.invalid, reached, queue);
            if (null != question.next)
            {
                for (final Branch branch : question.next)
                {
                    visit(branch.target, reached, queue);
                }
            }
        }
        for (final QuestionDraft question : questions.values())
        {
            if (!reached[question.index])
            {
                problems.add(question.keyNode, "question '" + question.id +
                    "' is unreachable: neither the greeting nor any next, goto, on_no_input or on_invalid leads to it");
            }
        }
    }

    private static void visit(final int target, final boolean[] reached, final ArrayDeque<Integer> queue)
    {
        if (UNSET != target && !Branch.isOutcome(target) && !reached[target])
        {
            reached[target] = true;
            queue.add(target);
        }
    }

    private void checkOptOutClashes()
    {
        if (0 == optOutKey)
        {
            return;
        }
        final int key = Keys.index(optOutKey);
        for (final QuestionDraft question : questions.values())
        {
            if (AnswerKind.CHOICE == question.kind && null != question.choiceKeyNodes[key])
            {
                problems.add(question.choiceKeyNodes[key], "key '" + optOutKey + "' is the opt-out key " +
                    "(opt_out.key), so it cannot be a choice in question '" + question.id + "'");
            }
            else if (AnswerKind.DIGITS == question.kind && key != Keys.STAR)
            {
                problems.add(question.kindKeyNode, "question '" + question.id + "' collects digits ended by #, " +
                    "which clashes with the opt-out key '" + optOutKey + "': use * as the opt-out key");
            }
            else if (AnswerKind.SPOKEN_YES_NO == question.kind && (1 == key || 2 == key))
            {
                problems.add(question.kindKeyNode, "question '" + question.id + "' accepts keys 1 (yes) and 2 (no), " +
                    "which clashes with the opt-out key '" + optOutKey + "'");
            }
        }
    }

    private Script build()
    {
        final Question[] compiledQuestions = new Question[questions.size()];
        for (final QuestionDraft q : questions.values())
        {
            compiledQuestions[q.index] = new Question(q.id, q.index, q.prompt, q.retryPrompt, q.kind,
                AnswerKind.CHOICE == q.kind ? Arrays.copyOf(q.choiceByKey, Keys.COUNT) : null,
                q.minDigits, q.maxDigits, q.timeoutMs, q.interDigitMs, q.retries, q.noInput, q.invalid, q.next);
        }
        final Outcome[] compiledOutcomes = new Outcome[outcomes.size()];
        for (final OutcomeDraft o : outcomes.values())
        {
            compiledOutcomes[o.index] = o.outcome;
        }
        final String scriptName = null != name ? name : Path.of(problems.file()).getFileName().toString();
        return new Script(scriptName, problems.file(), leadFields.keySet().toArray(new String[0]), greeting,
            greetingTarget, optOutKey, optOutPrompt, compiledQuestions, compiledOutcomes,
            rules.toArray(new Branch[0]), fieldUses.stream()
                .sorted((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) :
                    Integer.compare(a.column, b.column))
                .toArray(FieldUse[]::new));
    }

    private Condition condition(final Node node)
    {
        if (!(node instanceof ScalarNode))
        {
            problems.add(node, "a condition must be text, like answers.age < 18");
            return null;
        }
        return parser.condition((ScalarNode)node);
    }

    private int target(final Node node)
    {
        final String id = text(node, "a target");
        if (null == id)
        {
            return UNSET;
        }
        final QuestionDraft question = questions.get(id);
        if (null != question)
        {
            return question.index;
        }
        final OutcomeDraft outcome = outcomes.get(id);
        if (null != outcome)
        {
            return Branch.outcomeTarget(outcome.index);
        }
        problems.add(node, "unknown question or outcome '" + id + "'");
        return UNSET;
    }

    private Prompt prompt(final Node node, final String what)
    {
        if (null == node)
        {
            return null;
        }
        if (node instanceof MappingNode)
        {
            final Map<String, NodeTuple> fields = mapping(node, what, PROMPT_KEYS);
            final String text = optionalText(fields, "text");
            final String audio = optionalText(fields, "audio");
            if (null == text && null == audio)
            {
                problems.add(node, what + " needs text or audio");
                return null;
            }
            return null == text ? new Prompt(null, audio) : placeholders((ScalarNode)value(fields, "text"), audio);
        }
        final String text = text(node, what);
        return null == text ? null : placeholders((ScalarNode)node, null);
    }

    /**
     * A prompt whose text may speak lead fields: {@code {lead.<field>}} or {@code {lead.<field>|fallback}}, the field
     * declared in {@code lead_fields}; a malformed placeholder is reported at its column.
     */
    private Prompt placeholders(final ScalarNode node, final String audio)
    {
        final String text = node.getValue();
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0)
        {
            return new Prompt(text, audio);
        }
        final List<String> literals = new ArrayList<>();
        final List<Integer> fields = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> fallbacks = new ArrayList<>();
        boolean ok = true;
        int from = 0;
        while (true)
        {
            final int open = text.indexOf('{', from);
            final int stray = text.indexOf('}', from);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                problems.add(node, stray, "'}' without '{': a lead field is written {lead.<field>}");
                return null;
            }
            if (open < 0)
            {
                literals.add(text.substring(from));
                fields.add(-1);
                names.add(null);
                fallbacks.add(null);
                break;
            }
            final int close = text.indexOf('}', open);
            final int nested = text.indexOf('{', open + 1);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                problems.add(node, open, "'{' is not closed with '}': a lead field is written {lead.<field>} or " +
                    "{lead.<field>|fallback}");
                return null;
            }
            literals.add(text.substring(from, open));
            final String inside = text.substring(open + 1, close);
            final int bar = inside.indexOf('|');
            final String reference = (bar < 0 ? inside : inside.substring(0, bar)).trim();
            final String fallback = bar < 0 ? null : inside.substring(bar + 1).strip();
            int index = -1;
            if (!reference.startsWith(LEAD))
            {
                problems.add(node, open + 1, "a prompt can speak lead fields only, written {lead.<field>}; found {" +
                    inside + "}");
                ok = false;
            }
            else if (reference.length() == LEAD.length())
            {
                problems.add(node, open + 1, "{" + inside + "} names no field: write {lead.<field>}, like " +
                    "{lead.first_name}");
                ok = false;
            }
            else
            {
                final String field = reference.substring(LEAD.length());
                index = leadFieldIndex(field);
                if (index < 0)
                {
                    problems.add(node, open + 1, "lead field '" + field + "' is not declared in lead_fields");
                    ok = false;
                }
                else
                {
                    final int[] at = position(node, open + 1);
                    fieldUses.add(new FieldUse(field, at[0], at[1], null != fallback && !fallback.isEmpty()));
                }
            }
            fields.add(index);
            names.add(index < 0 ? null : reference.substring(LEAD.length()));
            fallbacks.add(null == fallback || fallback.isEmpty() ? null : fallback);
            from = close + 1;
        }
        if (!ok)
        {
            return null;
        }
        final int[] indexes = new int[fields.size()];
        for (int i = 0; i < indexes.length; i++)
        {
            indexes[i] = fields.get(i);
        }
        return new Prompt(text, audio, literals.toArray(new String[0]), indexes, names.toArray(new String[0]),
            fallbacks.toArray(new String[0]));
    }

    private int[] position(final ScalarNode node, final int offset)
    {
        final int before = problems.errors().size();
        problems.add(node, offset, "");
        final ValidationError at = problems.errors().remove(before);
        return new int[]{at.line(), at.column()};
    }

    private Prompt optionalPrompt(final Map<String, NodeTuple> fields, final String key)
    {
        final Node node = value(fields, key);
        return null == node ? null : prompt(node, key);
    }

    private int integer(final Map<String, NodeTuple> fields, final String key, final int min, final int max,
        final int defaultValue)
    {
        final Node node = value(fields, key);
        if (null == node)
        {
            return defaultValue;
        }
        final String text = text(node, key);
        if (null == text)
        {
            return defaultValue;
        }
        try
        {
            final int value = Integer.parseInt(text.replace("_", ""));
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }
        problems.add(node, key + " must be a whole number from " + min + " to " + max + ", found '" + text + "'");
        return defaultValue;
    }

    private String optionalText(final Map<String, NodeTuple> fields, final String key)
    {
        final Node node = value(fields, key);
        return null == node ? null : text(node, key);
    }

    private String text(final Node node, final String what)
    {
        if (null == node)
        {
            return null;
        }
        if (!(node instanceof ScalarNode))
        {
            problems.add(node, what + " must be a single value, found " + describe(node));
            return null;
        }
        final String value = ((ScalarNode)node).getValue();
        if (value.isEmpty())
        {
            problems.add(node, what + " is empty");
            return null;
        }
        return value;
    }

    private List<ScalarNode> scalars(final Node node, final String what)
    {
        final List<ScalarNode> result = new ArrayList<>();
        if (!(node instanceof SequenceNode))
        {
            problems.add(node, what + " must be a list, like [a, b], found " + describe(node));
            return result;
        }
        for (final Node item : ((SequenceNode)node).getValue())
        {
            if (null != text(item, "an item of " + what))
            {
                result.add((ScalarNode)item);
            }
        }
        return result;
    }

    private static Node value(final Map<String, NodeTuple> fields, final String key)
    {
        final NodeTuple tuple = fields.get(key);
        return null == tuple ? null : tuple.getValueNode();
    }

    private Node required(final Map<String, NodeTuple> fields, final String key, final Node parent)
    {
        final NodeTuple tuple = fields.get(key);
        if (null == tuple)
        {
            problems.add(parent, "missing '" + key + "'" + (parent instanceof ScalarNode ?
                " in '" + ((ScalarNode)parent).getValue() + "'" : ""));
            return null;
        }
        return tuple.getValueNode();
    }

    private static boolean hasKey(final MappingNode node, final String key)
    {
        for (final NodeTuple tuple : node.getValue())
        {
            if (tuple.getKeyNode() instanceof ScalarNode && key.equals(((ScalarNode)tuple.getKeyNode()).getValue()))
            {
                return true;
            }
        }
        return false;
    }

    private Map<String, NodeTuple> mapping(final Node node, final String what, final Set<String> allowed)
    {
        return problems.mapping(node, what, allowed);
    }

    private static String describe(final Node node)
    {
        return Problems.describe(node);
    }

    private static Set<String> keys(final String... keys)
    {
        return new LinkedHashSet<>(Arrays.asList(keys));
    }
}
