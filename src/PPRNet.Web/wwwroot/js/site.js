// Progressive enhancement only: without JavaScript the citation is plain, selectable text, and
// the copy and print buttons stay hidden (the browser's own print command still works).
document.addEventListener("DOMContentLoaded", () => {
    // After a refused submit or a preview, start keyboard and screen-reader users where the news is.
    const focusTarget = document.querySelector("[data-focus-on-load]");
    if (focusTarget) {
        focusTarget.focus();
        focusTarget.scrollIntoView({ block: "start" });
    }

    // An error summary's link puts the cursor in its field, not just the field on screen.
    for (const link of document.querySelectorAll(".error-summary a[href^='#']")) {
        link.addEventListener("click", (event) => {
            const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
            if (!field) return;
            event.preventDefault();
            field.focus();
            field.scrollIntoView({ block: "center" });
        });
    }

    // Filters fold on a phone so the results come first; with room beside the results, they open.
    if (window.matchMedia("(min-width: 48.01rem)").matches) {
        for (const disclosure of document.querySelectorAll("details[data-open-when-wide]")) disclosure.open = true;
    }

    // A reader whose browser prefers French is offered the French site on the English home page:
    // a suggestion beside the page, never a redirect, and the page's address keeps one language.
    for (const offer of document.querySelectorAll("[data-suggest-language]")) {
        const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || "";
        if (preferred.toLowerCase().startsWith(offer.dataset.suggestLanguage)) offer.hidden = false;
    }

    for (const button of document.querySelectorAll(".print-button")) {
        button.hidden = false;
        button.addEventListener("click", () => window.print());
    }

    if (!navigator.clipboard) return;
    for (const button of document.querySelectorAll("[data-copy]")) {
        const target = document.querySelector(button.dataset.copy);
        if (!target) continue;
        const status = document.getElementById(button.dataset.copyStatus || "");
        button.hidden = false;
        const label = button.textContent;
        // The page's own words, in its language (data-* attributes written by the view).
        const said = (name) => button.dataset[name] || "";
        const announce = (text) => { if (status) status.textContent = text; };
        button.addEventListener("click", async () => {
            const plain = target.textContent.trim();
            try {
                // The formatted citation keeps its italics when pasted into a word processor;
                // plain text is the fallback for every other place and browser.
                if (window.ClipboardItem && navigator.clipboard.write) {
                    await navigator.clipboard.write([new ClipboardItem({
                        "text/html": new Blob([target.innerHTML.trim()], { type: "text/html" }),
                        "text/plain": new Blob([plain], { type: "text/plain" }),
                    })]);
                } else {
                    await navigator.clipboard.writeText(plain);
                }
                button.textContent = said("copied");
                announce(said("copiedStatus"));
            } catch {
                try {
                    await navigator.clipboard.writeText(plain);
                    button.textContent = said("copied");
                    announce(said("copiedStatus"));
                } catch {
                    button.textContent = said("refused");
                    announce(said("refusedStatus"));
                }
            }
            setTimeout(() => { button.textContent = label; announce(""); }, 2500);
        });
    }
});
