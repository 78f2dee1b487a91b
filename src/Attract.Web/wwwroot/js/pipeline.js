// The pipeline board. Without JavaScript a card's Move button posts its column's Move form and "More" is a link to the column's next page;
// with it, "More" appends the next page in place and cards can be dragged to another stage (the same Move handler).
(function () {
    const board = document.querySelector('[data-testid=pipeline]');
    if (!board) return;
    const alertBox = document.getElementById('board-alert');
    const statusBox = document.getElementById('board-status');

    function showAlert(message) {
        alertBox.textContent = message;
        alertBox.classList.remove('d-none');
    }

    function clearAlert() {
        alertBox.textContent = '';
        alertBox.classList.add('d-none');
    }

    // The message of an RFC 7807 problem details answer, or a fallback.
    async function problemMessage(response, fallback) {
        try {
            const problem = await response.json();
            return problem.detail || problem.title || fallback;
        } catch {
            return fallback + ' (' + response.status + ')';
        }
    }

    board.addEventListener('click', async e => {
        const more = e.target.closest('a[data-column-url]');
        if (!more) return;
        e.preventDefault();
        const item = more.closest('li');
        const response = await fetch(more.dataset.columnUrl, { headers: { 'X-Requested-With': 'fetch' } });
        if (!response.ok) {
            showAlert(await problemMessage(response, 'The next cards could not be loaded.'));
            return;
        }
        const before = item.previousElementSibling;
        item.insertAdjacentHTML('beforebegin', await response.text());
        const first = before ? before.nextElementSibling : item.parentElement.firstElementChild;
        item.remove();
        const link = first && first.querySelector('a');
        if (link) link.focus();
    });

    if (board.dataset.canWork !== 'true') return;

    function adjustCount(column, delta) {
        const badge = column.querySelector('[data-testid=count]');
        badge.textContent = String(Number(badge.textContent) + delta);
        const summary = document.querySelector('[data-summary-stage="' + column.dataset.stageId + '"] [data-active]');
        if (summary) summary.textContent = badge.textContent;
    }

    // Puts the card at the end of the target column's loaded cards; its Move button now submits that column's Move form.
    function moveCard(card, from, to) {
        const list = to.querySelector('[data-testid=cards]');
        list.insertBefore(card, list.querySelector(':scope > [data-testid=more-item]'));
        adjustCount(from, -1);
        adjustCount(to, 1);
        const time = card.querySelector('[data-testid=time-in-stage]');
        if (time) time.textContent = 'Less than a day in stage';
        const button = card.querySelector('button[name=applicationId]');
        if (button) button.setAttribute('form', 'move-' + to.dataset.stageId);
    }

    let dragged = null;
    board.addEventListener('dragstart', e => {
        const card = e.target.closest && e.target.closest('.pipeline-card[draggable=true]');
        if (!card) return;
        dragged = card;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', card.dataset.applicationId);
    });
    board.addEventListener('dragend', () => { dragged = null; });
    board.querySelectorAll('.pipeline-column').forEach(column => {
        column.addEventListener('dragover', e => { e.preventDefault(); column.classList.add('border-primary'); });
        column.addEventListener('dragleave', () => column.classList.remove('border-primary'));
        column.addEventListener('drop', async e => {
            e.preventDefault();
            column.classList.remove('border-primary');
            const id = e.dataTransfer.getData('text/plain') || (dragged && dragged.dataset.applicationId);
            const card = id && board.querySelector('.pipeline-card[data-application-id="' + CSS.escape(id) + '"]');
            const from = card && card.closest('.pipeline-column');
            if (!card || from === column) return;
            const body = new URLSearchParams({ applicationId: id, stageId: column.dataset.stageId });
            const response = await fetch(board.dataset.moveUrl, {
                method: 'POST',
                headers: { 'RequestVerificationToken': board.dataset.token, 'X-Requested-With': 'fetch' },
                body
            });
            if (!response.ok) {
                showAlert(await problemMessage(response, 'The move failed.'));
                return;
            }
            clearAlert();
            moveCard(card, from, column);
            const name = card.getAttribute('aria-label');
            const stage = column.querySelector('h2').textContent;
            statusBox.textContent = 'Moved ' + name + ' to ' + stage + '.';
        });
    });
})();
