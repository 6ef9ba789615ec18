// Problems found in an upload shown against the file: each finding (or 422 detail) with its row or line:col, the
// text of that line as uploaded (read in the browser for files up to 4 MB), and the message.
import {h, table} from '../dom.js';

const MAX_READ_BYTES = 4 * 1024 * 1024;

/** The lines of a file chosen for upload, or null when it is too large to read here. */
export async function linesOf(file) {
    if (!file || file.size > MAX_READ_BYTES) {
        return null;
    }
    return (await file.text()).split(/\r\n|\n|\r/);
}

/** Where a problem is: "row 3", "row 7 (line 9)", "line 4:11". */
export function where(problem) {
    if (problem.row) {
        return 'row ' + problem.row + (problem.line && problem.line !== problem.row ? ' (line ' + problem.line + ')' :
            '');
    }
    if (problem.line) {
        return 'line ' + problem.line + (problem.col ? ':' + problem.col : '');
    }
    return problem.field ? problem.field : 'file';
}

function lineNumber(problem) {
    return problem.line || problem.row || 0;
}

function caret(text, col) {
    if (!col || col < 1 || text === undefined) {
        return null;
    }
    return h('div', {class: 'muted'}, ' '.repeat(Math.min(col - 1, text.length)) + '^');
}

/**
 * A table of problems: where, the line as uploaded, the message; rows marked by severity. Problems are findings
 * ({severity, row, line, col, message}) or error details ({row, line, col, field, message}).
 */
export function problemsTable(problems, lines) {
    const rows = problems.map((problem) => {
        const number = lineNumber(problem);
        const text = lines && number > 0 ? lines[number - 1] : undefined;
        const severity = problem.severity || 'error';
        return h('tr', {class: severity === 'merged' ? '' : severity, dataset: {row: problem.row || '',
            line: problem.line || ''}},
            h('td', {class: 'where'}, where(problem)),
            h('td', null, h('span', {class: 'badge ' + (severity === 'error' ? 'error' : '')}, severity)),
            h('td', {class: 'line-text'}, text === undefined ? '' : h('pre', {class: 'mono'}, text,
                caret(text, problem.col))),
            h('td', {class: 'message'}, problem.message));
    });
    return table(['Where', 'Kind', 'As uploaded', 'Problem'], rows, {class: 'problems'});
}
