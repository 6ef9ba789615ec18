// Sign in to the dialer (POST /api/session) and go to the console of one's role: managers and admins to the manager
// console, closers to the closer console. Someone already signed in goes there at once.
'use strict';

(function () {
    const form = document.getElementById('login');
    const status = document.getElementById('status');

    function home(session) {
        location.replace(session.user.role === 'closer' ? '/closer.html' : '/manager.html');
    }

    function say(message, kind) {
        status.textContent = message;
        status.className = 'status' + (kind ? ' ' + kind : '');
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
        say('Signing in…');
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
            home(await response.json());
        } else {
            say(await errorOf(response), 'error');
        }
    });

    if (new URLSearchParams(location.search).has('expired')) {
        say('Your session ended: sign in again.', 'error');
    }
    fetch('/api/session', {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
        return response.ok ? response.json().then(home) : null;
    });
})();
