// Suggests a slug from the title while the editor has not typed one. Without JavaScript the
// server does the same when the slug is left empty.
document.addEventListener("DOMContentLoaded", () => {
    const title = document.querySelector("[data-slug-source]");
    const slug = document.querySelector("[data-slug-target]");
    if (!title || !slug) return;
    let touched = slug.value.trim() !== "";
    slug.addEventListener("input", () => { touched = slug.value.trim() !== ""; });
    title.addEventListener("input", () => {
        if (touched) return;
        slug.placeholder = title.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
            .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120);
    });
});
