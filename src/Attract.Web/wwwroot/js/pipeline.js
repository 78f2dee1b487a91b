// Drag and drop for the pipeline board. Without JavaScript the "Advance" buttons and the application page still work.
(function () {
    const board = document.querySelector('[data-testid=pipeline]');
    if (!board || board.dataset.canWork !== 'true') return;
    let dragged = null;
    board.querySelectorAll('.pipeline-card[draggable=true]').forEach(card => {
        card.addEventListener('dragstart', e => {
            dragged = card;
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', card.dataset.applicationId);
        });
    });
    board.querySelectorAll('.pipeline-column').forEach(column => {
        column.addEventListener('dragover', e => { e.preventDefault(); column.classList.add('border-primary'); });
        column.addEventListener('dragleave', () => column.classList.remove('border-primary'));
        column.addEventListener('drop', async e => {
            e.preventDefault();
            column.classList.remove('border-primary');
            const id = e.dataTransfer.getData('text/plain') || (dragged && dragged.dataset.applicationId);
            if (!id) return;
            const body = new URLSearchParams({ applicationId: id, stageId: column.dataset.stageId });
            const response = await fetch(board.dataset.moveUrl, {
                method: 'POST',
                headers: { 'RequestVerificationToken': board.dataset.token, 'X-Requested-With': 'fetch' },
                body
            });
            if (!response.ok) {
                alert(await response.text() || 'The move failed.');
            }
            window.location.reload();
        });
    });
})();
