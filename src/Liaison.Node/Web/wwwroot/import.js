// Import with progress: the upload's progress from the browser, then the server's import progress,
// which it streams as JSON lines when asked with the X-Liaison-Progress header. Without this script
// the form posts normally and lands on the result page.
(function () {
    'use strict';
    var form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest || !window.FormData) {
        return;
    }
    var box = document.getElementById('import-progress-box');
    var bar = document.getElementById('import-progress');
    var status = document.getElementById('import-status');
    var submit = document.getElementById('import-submit');

    function show(percent, text) {
        box.hidden = false;
        bar.value = percent;
        status.textContent = text;
    }

    function mib(bytes) {
        return (bytes / (1024 * 1024)).toFixed(1) + ' MiB';
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        submit.disabled = true;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action') || window.location.pathname);
        xhr.setRequestHeader('X-Liaison-Progress', 'ndjson');
        var consumed = 0;
        var finished = false;

        function handle(line) {
            var message;
            try {
                message = JSON.parse(line);
            } catch (e) {
                return;
            }
            if (message.phase === 'importing') {
                var fraction = message.total > 0 ? message.read / message.total : 0;
                show(50 + 50 * fraction, message.total > 0
                    ? 'Importing on the server: ' + mib(message.read) + ' of ' + mib(message.total) + ' read'
                    : 'Importing on the server\u2026');
            } else if (message.phase === 'done') {
                finished = true;
                show(100, 'Imported: ' + message.accepted + ' accepted, ' + message.rejected + ' rejected. Opening the result\u2026');
                window.location.assign(message.url);
            } else if (message.phase === 'error') {
                finished = true;
                show(0, '');
                box.hidden = true;
                var alert = document.getElementById('import-error');
                if (!alert) {
                    alert = document.createElement('div');
                    alert.id = 'import-error';
                    alert.className = 'alert alert-error';
                    alert.setAttribute('role', 'alert');
                    form.parentNode.insertBefore(alert, form);
                }
                alert.textContent = message.message;
                submit.disabled = false;
            }
        }

        function drain() {
            var text = xhr.responseText;
            var end = text.lastIndexOf('\n');
            if (end < consumed) {
                return;
            }
            text.slice(consumed, end).split('\n').forEach(function (line) {
                if (line.trim()) {
                    handle(line);
                }
            });
            consumed = end + 1;
        }

        xhr.upload.onprogress = function (e) {
            if (e.lengthComputable) {
                show(50 * e.loaded / e.total, 'Uploading: ' + mib(e.loaded) + ' of ' + mib(e.total));
            }
        };
        xhr.onprogress = drain;
        xhr.onload = function () {
            var type = xhr.getResponseHeader('Content-Type') || '';
            if (type.indexOf('application/x-ndjson') === 0) {
                drain();
            }
            if (!finished) {
                // Not a progress stream (e.g. the session ended): let the server render the answer.
                form.submit();
            }
        };
        xhr.onerror = function () {
            show(0, 'The upload failed: the connection to the node was lost.');
            submit.disabled = false;
        };
        xhr.send(new FormData(form));
    });
}());
