// Progressive enhancement only: without JavaScript the citation is plain, selectable text and
// the copy button stays hidden.
document.addEventListener("DOMContentLoaded", () => {
    if (!navigator.clipboard) return;
    for (const button of document.querySelectorAll("[data-copy]")) {
        const target = document.querySelector(button.dataset.copy);
        if (!target) continue;
        button.hidden = false;
        const label = button.textContent;
        button.addEventListener("click", async () => {
            try {
                await navigator.clipboard.writeText(target.textContent.trim());
                button.textContent = "Copied";
            } catch {
                button.textContent = "Select the citation to copy it";
            }
            setTimeout(() => { button.textContent = label; }, 2500);
        });
    }
});
