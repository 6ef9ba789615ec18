// Sign in to the dialer: POST /api/session, then show who is signed in. The consoles will replace this page.
'use strict';

(function () {
    const form = document.getElementById('login');
    const status = document.getElementById('status');
    const logout = document.getElementById('logout');
    let csrfToken = null;

    function show(session) {
        csrfToken = session.csrfToken;
        status.textContent = 'Signed in as ' + session.user.name + ' (' + session.user.role + ')';
        form.hidden = true;
        logout.hidden = false;
    }

    async function errorOf(response) {
        try {
            const body = await response.json();
            return body.error || response.statusText;
        } catch (e) {
            return response.statusText;
        }
    }

    form.addEventListener('submit', async function (event) {
        event.preventDefault();
        status.textContent = 'Signing in…';
        const response = await fetch('/api/session', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({
                name: document.getElementById('name').value,
                password: document.getElementById('password').value
            })
        });
        if (response.ok) {
            show(await response.json());
        } else {
            status.textContent = await errorOf(response);
        }
    });

    logout.addEventListener('click', async function () {
        await fetch('/api/session', {
            method: 'DELETE',
            credentials: 'same-origin',
            headers: {'X-CSRF-Token': csrfToken}
        });
        csrfToken = null;
        status.textContent = 'Signed out';
        form.hidden = false;
        logout.hidden = true;
    });

    fetch('/api/session', {credentials: 'same-origin'}).then(function (response) {
        return response.ok ? response.json().then(show) : null;
    });
})();
