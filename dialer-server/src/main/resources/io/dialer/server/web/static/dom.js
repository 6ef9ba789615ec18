// Building the page without innerHTML: every text goes in as text, so nothing the API returns can become markup.

/**
 * A new element: h('button', {class: 'primary', on: {click: f}, type: 'button'}, 'Start'). Props: class, text,
 * on (event handlers), dataset, hidden, value, checked, disabled, and any other attribute; children are nodes,
 * strings, numbers, arrays, or null (skipped).
 */
export function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (key === 'class') {
            el.className = value;
        } else if (key === 'text') {
            el.textContent = value;
        } else if (key === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                el.addEventListener(event, handler);
            }
        } else if (key === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (key === 'hidden' || key === 'checked' || key === 'disabled' || key === 'value' ||
            key === 'selected' || key === 'required' || key === 'multiple') {
            el[key] = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(el, child);
        } else if (child instanceof Node) {
            el.appendChild(child);
        } else {
            el.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

/** Sets an element's text only when it changed (keeps live pages calm for screen readers and selections). */
export function text(el, value) {
    const s = String(value);
    if (el.textContent !== s) {
        el.textContent = s;
    }
}

/**
 * A table: head is a list of column names, rows a list of lists of cells (or tr elements); wrapped so only it
 * scrolls sideways. On a phone each row becomes a small card with the column names as labels (class 'keep' keeps
 * a narrow table as a table).
 */
export function table(head, rows, props) {
    return h('div', {class: 'table-wrap'},
        h('table', props || {},
            h('thead', null, h('tr', null, head.map((name) => h('th', {scope: 'col'}, name)))),
            h('tbody', null, rows.map((row) => {
                const tr = row instanceof Node ? row : h('tr', null, row.map((cell) =>
                    cell instanceof Node && cell.tagName === 'TD' ? cell : h('td', null, cell)));
                Array.from(tr.children).forEach((td, i) => {
                    if (head[i]) {
                        td.dataset.label = head[i];
                    }
                });
                return tr;
            }))));
}

/** A status line: role=status so screen readers hear it; kind is '', 'ok' or 'error'. */
export function say(el, message, kind) {
    el.className = 'status' + (kind ? ' ' + kind : '');
    el.textContent = message || '';
}
